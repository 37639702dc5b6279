// The in-memory store: atomic writes, baseline reset, snapshots and digests, Maps keyed by hostile names.

import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/world/memory-store.js';

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
});
