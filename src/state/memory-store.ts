// In-memory Store keyed with Maps (never plain objects keyed by user input), with an optional write hook for persistence.

import { createHash } from 'node:crypto';
import type { ReadTx, Snapshot, Store, WriteTx } from './store.js';

export interface MemoryStoreOptions {
  /** Called after every write with the new snapshot; the write resolves when it resolves (durable state). */
  onWrite?: (snapshot: () => Snapshot) => Promise<void>;
  initial?: Snapshot;
  /** What `reset` returns to; default the initial contents (or what `markBaseline` marks later). */
  baseline?: Snapshot;
}

type Data = Map<string, Map<string, unknown>>;

const emptyIterator = <T>(): IterableIterator<T> => [][Symbol.iterator]() as IterableIterator<T>;

function createTx(data: Data): WriteTx {
  const coll = (name: string): Map<string, unknown> | undefined => data.get(name);
  return {
    get: <T>(c: string, k: string) => coll(c)?.get(k) as T | undefined,
    has: (c, k) => coll(c)?.has(k) ?? false,
    size: (c) => coll(c)?.size ?? 0,
    values: <T>(c: string) => (coll(c)?.values() as IterableIterator<T> | undefined) ?? emptyIterator<T>(),
    entries: <T>(c: string) =>
      (coll(c)?.entries() as IterableIterator<[string, T]> | undefined) ?? emptyIterator<[string, T]>(),
    set(c, k, v) {
      let m = data.get(c);
      if (!m) data.set(c, (m = new Map()));
      m.set(k, v);
    },
    delete: (c, k) => coll(c)?.delete(k) ?? false,
    clear: (c) => void data.delete(c),
  };
}

export function toSnapshot(data: Data): Snapshot {
  const out: Snapshot = Object.create(null) as Snapshot;
  for (const name of [...data.keys()].sort()) {
    const entries: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    const m = data.get(name)!;
    for (const key of [...m.keys()].sort()) entries[key] = m.get(key);
    out[name] = entries;
  }
  return out;
}

export function fromSnapshot(snapshot: Snapshot): Data {
  const data: Data = new Map();
  for (const [name, entries] of Object.entries(snapshot)) {
    data.set(name, new Map(Object.entries(entries)));
  }
  return data;
}

const clone = (data: Data): Data => fromSnapshot(structuredClone(toSnapshot(data)));

export function createMemoryStore(options: MemoryStoreOptions = {}): Store {
  let data: Data = options.initial ? fromSnapshot(structuredClone(options.initial)) : new Map();
  let baseline: Data = options.baseline ? fromSnapshot(structuredClone(options.baseline)) : clone(data);
  // One view per contents, made again where reset replaces them (a new object per read or write was garbage on
  // every request).
  let view = createTx(data);
  const persist = async (): Promise<void> => {
    if (options.onWrite) await options.onWrite(() => toSnapshot(data));
  };
  return {
    async read(fn) {
      return fn(view);
    },
    async write(fn) {
      const result = fn(view);
      await persist();
      return result;
    },
    async reset() {
      data = clone(baseline);
      view = createTx(data);
      await persist();
    },
    async markBaseline() {
      baseline = clone(data);
    },
    async snapshot() {
      return structuredClone(toSnapshot(data));
    },
    async digest() {
      return createHash('sha256').update(JSON.stringify(toSnapshot(data))).digest('hex');
    },
  };
}

export type { ReadTx, WriteTx };
