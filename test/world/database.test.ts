// The SQLite state database: every acknowledged write on disk, one transaction per turn, put back when it fails.

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStateDatabase, MAIN_WORLD } from '../../src/world/database.js';
import { createMemoryStore } from '../../src/world/memory-store.js';

const tempDir = (): Promise<string> => mkdtemp(join(tmpdir(), 'authmock-state-'));

describe('the state database', () => {
  it('has every acknowledged write on disk, one row each, and a new store loads it back', async () => {
    const file = join(await tempDir(), 'state.db');
    const db = openStateDatabase(file);
    const store = createMemoryStore({ durable: db.sink(MAIN_WORLD) });
    await Promise.all(Array.from({ length: 25 }, (_, i) => store.write((tx) => tx.set('c', `k${i}`, { n: i }))));
    await store.write((tx) => tx.delete('c', 'k3'));
    db.close();
    const again = openStateDatabase(file);
    const [main] = again.load();
    expect(Object.keys(main!.records['c']!)).toHaveLength(24);
    expect(await createMemoryStore({ initial: main!.records }).digest()).toBe(await store.digest());
    again.close();
  });
});

describe('group commit', () => {
  it('commits the writes of one turn together, and when that fails puts every one of them back, newest first', async () => {
    const file = join(await tempDir(), 'state.db');
    const db = openStateDatabase(file);
    const store = createMemoryStore({ durable: db.sink(MAIN_WORLD) });
    await store.write((tx) => tx.set('c', 'k', 0));
    const before = await store.digest();
    // Three writes in one turn, each building on the one before; the third breaks the transaction (a value JSON cannot hold).
    const writes = [
      store.write((tx) => tx.set('c', 'k', tx.get<number>('c', 'k')! + 1)),
      store.write((tx) => (tx.set('c', 'k', tx.get<number>('c', 'k')! + 1), tx.clear('c'), tx.set('c', 'j', 1))),
      store.write((tx) => tx.set('d', 'x', 10n)),
    ];
    const settled = await Promise.allSettled(writes);
    expect(settled.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(settled[0]).toMatchObject({ reason: { code: 'state.unwritable' } });
    expect(await store.digest()).toBe(before);
    // The next turn commits on its own.
    await store.write((tx) => tx.set('c', 'k', 5));
    db.close();
    const again = openStateDatabase(file);
    expect(again.load()[0]!.records).toEqual({ c: { k: 5 } });
    again.close();
  });
});
