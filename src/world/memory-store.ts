// In-memory Store keyed with Maps (never plain objects keyed by user input); with a durable sink, memory changes only once the disk has.

import { createHash } from 'node:crypto';
import { MockError } from '../engine/errors.js';
import type { ReadTx, Snapshot, Store, WriteTx } from './store.js';

/** One change of a write, in the order it was made. */
export type Change =
  | { op: 'set'; collection: string; key: string; value: unknown }
  | { op: 'delete'; collection: string; key: string }
  | { op: 'clear'; collection: string };

/** Where a durable store writes; each call is one transaction that either happens completely or throws. */
export interface DurableSink {
  /**
   * Resolves once the changes are on disk. Writes made in the same turn of the event loop may share a transaction
   * (one fsync for all); when it fails, `undo` is called for each of them, newest first, before they reject.
   */
  commit(changes: ReadonlyArray<Change>, undo: () => void): Promise<void>;
  /** Replace the whole contents (reset). */
  replace(snapshot: Snapshot): void;
  /** Keep what `reset` returns to. */
  saveBaseline(snapshot: Snapshot): void;
}

export interface MemoryStoreOptions {
  initial?: Snapshot;
  /** What `reset` returns to; default the initial contents (or what `markBaseline` marks later). */
  baseline?: Snapshot;
  /** Every change is committed here before the write resolves; when that fails, memory is put back and the write fails with `state.unwritable`. */
  durable?: DurableSink;
}

type Data = Map<string, Map<string, unknown>>;

const emptyIterator = <T>(): IterableIterator<T> => [][Symbol.iterator]() as IterableIterator<T>;

/** How to undo one change: the value a key had (or that it had none), or a whole collection. */
type Undo = { collection: string; key: string; had: boolean; value: unknown } | { collection: string; key: null; map: Map<string, unknown> | undefined };

interface Journal {
  changes: Change[];
  undo: Undo[];
}

function createTx(data: Data, journal: () => Journal | undefined): WriteTx {
  const coll = (name: string): Map<string, unknown> | undefined => data.get(name);
  const remember = (c: string, k: string): void => {
    const j = journal();
    if (!j) return;
    const m = data.get(c);
    j.undo.push({ collection: c, key: k, had: m?.has(k) ?? false, value: m?.get(k) });
  };
  return {
    get: <T>(c: string, k: string) => coll(c)?.get(k) as T | undefined,
    has: (c, k) => coll(c)?.has(k) ?? false,
    size: (c) => coll(c)?.size ?? 0,
    values: <T>(c: string) => (coll(c)?.values() as IterableIterator<T> | undefined) ?? emptyIterator<T>(),
    entries: <T>(c: string) =>
      (coll(c)?.entries() as IterableIterator<[string, T]> | undefined) ?? emptyIterator<[string, T]>(),
    set(c, k, v) {
      remember(c, k);
      journal()?.changes.push({ op: 'set', collection: c, key: k, value: v });
      let m = data.get(c);
      if (!m) data.set(c, (m = new Map()));
      m.set(k, v);
    },
    delete(c, k) {
      if (!(coll(c)?.has(k) ?? false)) return false;
      remember(c, k);
      journal()?.changes.push({ op: 'delete', collection: c, key: k });
      return coll(c)!.delete(k);
    },
    clear(c) {
      const j = journal();
      if (j) {
        j.undo.push({ collection: c, key: null, map: data.get(c) });
        j.changes.push({ op: 'clear', collection: c });
      }
      data.delete(c);
    },
  };
}

function rollback(data: Data, undo: ReadonlyArray<Undo>): void {
  for (let i = undo.length - 1; i >= 0; i--) {
    const u = undo[i]!;
    if (u.key === null) {
      if (u.map) data.set(u.collection, u.map);
      else data.delete(u.collection);
      continue;
    }
    let m = data.get(u.collection);
    if (u.had) {
      if (!m) data.set(u.collection, (m = new Map()));
      m.set(u.key, u.value);
    } else m?.delete(u.key);
  }
}

/** Null-prototype objects: keys come from requests (a `__proto__` id must stay a key); security, not speed. */
export function toSnapshot(data: Data): Snapshot {
  const out: Snapshot = Object.create(null) as Snapshot;
  for (const name of [...data.keys()].sort()) {
    const m = data.get(name)!;
    if (m.size === 0) continue;
    const entries: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
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

/** The 503 a request gets when its change could not be made durable (the world is as it was before). */
export const unwritable = (error: unknown): MockError =>
  new MockError('state.unwritable', `the change could not be written to the state database, so it was not made (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);

export function createMemoryStore(options: MemoryStoreOptions = {}): Store {
  let data: Data = options.initial ? fromSnapshot(structuredClone(options.initial)) : new Map();
  let baseline: Data = options.baseline ? fromSnapshot(structuredClone(options.baseline)) : clone(data);
  const durable = options.durable;
  let journal: Journal | undefined;
  // One view per contents, made again where reset replaces them (a new object per read or write was garbage on
  // every request).
  const journalOf = (): Journal | undefined => journal;
  let view = createTx(data, journalOf);
  return {
    async read(fn) {
      return fn(view);
    },
    async write(fn) {
      if (!durable) return fn(view);
      journal = { changes: [], undo: [] };
      const j = journal;
      let result: ReturnType<typeof fn>;
      try {
        result = fn(view);
      } catch (error) {
        // What the callback changed before it threw stays (as without a database), so it is written too.
        journal = undefined;
        if (j.changes.length > 0) await commit(j);
        throw error;
      }
      journal = undefined;
      if (j.changes.length > 0) await commit(j);
      return result;
    },
    async reset() {
      const next = clone(baseline);
      await toDisk((sink) => sink.replace(toSnapshot(next)));
      data = next;
      view = createTx(data, journalOf);
    },
    async markBaseline() {
      const next = clone(data);
      await toDisk((sink) => sink.saveBaseline(toSnapshot(next)));
      baseline = next;
    },
    async snapshot() {
      return structuredClone(toSnapshot(data));
    },
    async digest() {
      return createHash('sha256').update(JSON.stringify(toSnapshot(data))).digest('hex');
    },
  };

  /** A write to the durable sink, if there is one; `state.unwritable` when the disk refuses it. */
  async function toDisk(write: (sink: DurableSink) => void | Promise<void>): Promise<void> {
    if (!durable) return;
    try {
      await write(durable);
    } catch (error) {
      throw unwritable(error);
    }
  }

  /** On disk before it resolves; when the disk refuses, the sink has put memory back (newest write first). */
  function commit(j: Journal): Promise<void> {
    return toDisk((sink) => sink.commit(j.changes, () => rollback(data, j.undo)));
  }
}

export type { ReadTx, WriteTx };
