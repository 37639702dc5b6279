// The Store contract: named collections of plain JSON values, changed only inside atomic synchronous sections.

/** A read-only synchronous view of the store, valid only inside `Store.read` / `Store.write`. */
export interface ReadTx {
  get<T>(collection: string, key: string): T | undefined;
  has(collection: string, key: string): boolean;
  size(collection: string): number;
  values<T>(collection: string): IterableIterator<T>;
  entries<T>(collection: string): IterableIterator<[string, T]>;
}

/** A writable synchronous view. Values must be plain JSON data; replace them, never mutate what `get` returned. */
export interface WriteTx extends ReadTx {
  set<T>(collection: string, key: string, value: T): void;
  delete(collection: string, key: string): boolean;
  clear(collection: string): void;
}

export type Snapshot = Record<string, Record<string, unknown>>;

/**
 * Async so that a shared store can replace the in-memory one without touching the flows.
 * `write` is atomic: the callback runs synchronously with no await between check and change. With --state the
 * change is one database transaction, committed before `write` resolves; when it cannot be committed, `write`
 * rejects with `state.unwritable` and the contents are as they were before the call.
 */
export interface Store {
  read<R>(fn: (tx: ReadTx) => R): Promise<R>;
  write<R>(fn: (tx: WriteTx) => R): Promise<R>;
  /** Back to the baseline (the loaded fixtures). */
  reset(): Promise<void>;
  /** Make the current contents the baseline that `reset` returns to. */
  markBaseline(): Promise<void>;
  snapshot(): Promise<Snapshot>;
  /** A stable hash of the whole contents: equal digests mean equal state. */
  digest(): Promise<string>;
}
