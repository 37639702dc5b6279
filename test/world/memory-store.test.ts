// The in-memory store: atomic writes, baseline reset, snapshots and digests, hostile keys, undo when the disk refuses.

import { describe, expect, it } from 'vitest';
import { createMemoryStore, type DurableSink } from '../../src/world/memory-store.js';
import type { WriteTx } from '../../src/world/store.js';

describe('createMemoryStore', () => {
  it('reads back what a write set, and reset returns to the marked baseline', async () => {
    const store = createMemoryStore();
    await store.write((tx) => tx.set('c', 'seeded', { n: 1 }));
    await store.markBaseline();
    await store.write((tx) => {
      tx.set('c', 'later', { n: 2 });
      tx.delete('c', 'seeded');
    });
    expect(await store.read((tx) => [...tx.entries('c')])).toEqual([['later', { n: 2 }]]);
    await store.reset();
    expect(await store.read((tx) => [...tx.entries('c')])).toEqual([['seeded', { n: 1 }]]);
  });

  it('keeps keys such as __proto__ and constructor as plain data', async () => {
    const store = createMemoryStore();
    await store.write((tx) => {
      tx.set('c', '__proto__', 1);
      tx.set('c', 'constructor', 2);
    });
    expect(await store.read((tx) => [tx.get('c', '__proto__'), tx.get('c', 'constructor'), tx.get('c', 'toString')])).toEqual([1, 2, undefined]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('runs each write as one atomic check-and-change: 200 racing redemptions of 3 uses give 3 successes', async () => {
    let commits = 0;
    const store = createMemoryStore({ durable: { commit: async () => void commits++, replace() {}, saveBaseline() {} } });
    await store.write((tx) => tx.set('codes', 'x', { left: 3 }));
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        store.write((tx) => {
          const code = tx.get<{ left: number }>('codes', 'x')!;
          if (code.left === 0) return false;
          tx.set('codes', 'x', { left: code.left - 1 });
          return true;
        }),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(3);
    expect(commits).toBe(4); // the seed and the three redemptions: a write that changes nothing costs no transaction
  });

  it('gives equal digests for equal contents whatever the insertion order', async () => {
    const a = createMemoryStore();
    const b = createMemoryStore();
    await a.write((tx) => (tx.set('x', '1', 1), tx.set('y', '2', 2)));
    await b.write((tx) => (tx.set('y', '2', 2), tx.set('x', '1', 1)));
    expect(await a.digest()).toBe(await b.digest());
    await b.write((tx) => tx.set('y', '2', 3));
    expect(await a.digest()).not.toBe(await b.digest());
  });

  it('hands out snapshots that later writes do not change', async () => {
    const store = createMemoryStore();
    await store.write((tx) => tx.set('c', 'k', { v: 1 }));
    const snap = await store.snapshot();
    await store.write((tx) => tx.set('c', 'k', { v: 2 }));
    expect(snap['c']?.['k']).toEqual({ v: 1 });
  });

  it('leaves memory as it was when the disk refuses a write, and answers state.unwritable', async () => {
    let refuse = false;
    const written: unknown[] = [];
    const sink: DurableSink = {
      async commit(changes, undo) {
        if (refuse) {
          undo();
          throw Object.assign(new Error('disk full'), { code: 'SQLITE_FULL' });
        }
        written.push(...changes);
      },
      replace() {
        if (refuse) throw new Error('disk full');
      },
      saveBaseline() {},
    };
    const store = createMemoryStore({ durable: sink });
    await store.write((tx) => (tx.set('sessions', 'alice', { token: 'acknowledged' }), tx.set('other', 'x', 1)));
    const before = await store.digest();
    refuse = true;
    await expect(
      store.write((tx) => {
        tx.set('sessions', 'alice', { token: 'replacement' });
        tx.delete('other', 'x');
        tx.clear('sessions');
        tx.set('sessions', 'bob', { token: 'new' });
      }),
    ).rejects.toMatchObject({ code: 'state.unwritable', status: 503 });
    expect(await store.digest()).toBe(before);
    expect(await store.read((tx) => tx.get('sessions', 'alice'))).toEqual({ token: 'acknowledged' });
    await expect(store.reset()).rejects.toMatchObject({ code: 'state.unwritable' });
    expect(await store.digest()).toBe(before);
  });
});

describe('createMemoryStore with a durable sink', () => {
  /** A sink that records what it is given and refuses while `refuse` is set. */
  function createSink() {
    const state = { refuse: false, commits: [] as unknown[], baselines: 0 };
    const sink: DurableSink = {
      async commit(changes, undo) {
        if (state.refuse) {
          undo();
          throw Object.assign(new Error('disk full'), { code: 'SQLITE_FULL' });
        }
        state.commits.push(...changes);
      },
      replace() {},
      saveBaseline() {
        if (state.refuse) throw new Error('read-only');
        state.baselines++;
      },
    };
    return { sink, state };
  }

  it.each<[string, { given: (tx: WriteTx) => void; want: unknown[] }]>([
    ['a set', { given: (tx) => tx.set('c', 'k', 1), want: [{ op: 'set', collection: 'c', key: 'k', value: 1 }] }],
    ['a delete of what exists', { given: (tx) => tx.delete('c', 'seed'), want: [{ op: 'delete', collection: 'c', key: 'seed' }] }],
    ['nothing for a delete of what does not exist', { given: (tx) => tx.delete('c', 'none'), want: [] }],
    ['a clear, then a set, in order', { given: (tx) => (tx.clear('c'), tx.set('c', 'n', 2)), want: [{ op: 'clear', collection: 'c' }, { op: 'set', collection: 'c', key: 'n', value: 2 }] }],
    ['nothing for reads', { given: (tx) => void tx.get('c', 'seed'), want: [] }],
  ])('commits %s', async (_name, { given, want }) => {
    const { sink, state } = createSink();
    const store = createMemoryStore({ initial: { c: { seed: 0 } }, durable: sink });
    await store.write(given);
    expect(state.commits).toEqual(want);
  });

  it('writes only what changed: one row for a sign-in whether the store holds 10 records or 100,000', async () => {
    const batches: number[] = [];
    const sink: DurableSink = { commit: async (changes) => void batches.push(changes.length), replace() {}, saveBaseline() {} };
    const initial = { accounts: Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`a${i}`, { n: i }])) };
    const store = createMemoryStore({ initial, durable: sink });
    await store.write((tx) => tx.set('sessions', 'a99999', { token: 't' }));
    await store.write((tx) => tx.get('accounts', 'a1')); // a read in a write: no transaction at all
    expect(batches).toEqual([1]);
  });

  it('keeps and commits what a callback changed before it threw, and rethrows', async () => {
    const { sink, state } = createSink();
    const store = createMemoryStore({ durable: sink });
    await expect(
      store.write((tx) => {
        tx.set('c', 'k', 1);
        throw new RangeError('flow bug');
      }),
    ).rejects.toThrow(RangeError);
    expect([await store.read((tx) => tx.get('c', 'k')), state.commits]).toEqual([1, [{ op: 'set', collection: 'c', key: 'k', value: 1 }]]);
  });

  it('keeps the old baseline when the new one cannot be written', async () => {
    const { sink, state } = createSink();
    const store = createMemoryStore({ initial: { c: { k: 'first' } }, durable: sink });
    await store.write((tx) => tx.set('c', 'k', 'second'));
    state.refuse = true;
    await expect(store.markBaseline()).rejects.toMatchObject({ code: 'state.unwritable', status: 503 });
    state.refuse = false;
    await store.reset();
    expect(await store.read((tx) => tx.get('c', 'k'))).toBe('first');
  });

  it('snapshots in sorted order, leaving out emptied collections', async () => {
    const store = createMemoryStore();
    await store.write((tx) => (tx.set('b', 'z', 1), tx.set('b', 'a', 2), tx.set('a', 'k', 3), tx.set('e', 'k', 4), tx.delete('e', 'k')));
    const snapshot = await store.snapshot();
    expect([Object.keys(snapshot), Object.keys(snapshot['b']!)]).toEqual([['a', 'b'], ['a', 'z']]);
  });
});
