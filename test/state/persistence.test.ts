// Durable state: atomic writes, coalescing, leftover temp files, and refusing to overwrite a corrupt file.

import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/state/memory-store.js';
import { createFilePersistence } from '../../src/state/persistence.js';

const tempDir = (): Promise<string> => mkdtemp(join(tmpdir(), 'authmock-state-'));

describe('createFilePersistence', () => {
  it('has every acknowledged write on disk, and a new store loads it back', async () => {
    const file = join(await tempDir(), 'state.json');
    const persistence = createFilePersistence(file);
    const store = createMemoryStore({ onWrite: (snap) => persistence.save(snap) });
    await Promise.all(Array.from({ length: 25 }, (_, i) => store.write((tx) => tx.set('c', `k${i}`, i))));
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as { store: Record<string, Record<string, number>> };
    expect(Object.keys(onDisk.store['c']!)).toHaveLength(25);
    const again = createMemoryStore({ initial: await createFilePersistence(file).load() });
    expect(await again.digest()).toBe(await store.digest());
  });

  it('removes leftover temp files when loading', async () => {
    const dir = await tempDir();
    const file = join(dir, 'state.json');
    await writeFile(join(dir, '.state.json.tmp-deadbeef'), '{"half');
    expect(await createFilePersistence(file).load()).toBeUndefined();
    expect(await readdir(dir)).toEqual([]);
  });

  it.each([
    ['not JSON', '{"format":"authmock-state",'],
    ['another format', '{"format":"other","version":1,"store":{}}'],
  ])('stops on a state file that is %s and leaves it untouched', async (_n, text) => {
    const file = join(await tempDir(), 'state.json');
    await writeFile(file, text);
    await expect(createFilePersistence(file).load()).rejects.toMatchObject({ code: 'state.corrupt' });
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('starts empty over a corrupt file with reset, and replaces it on the next write', async () => {
    const file = join(await tempDir(), 'state.json');
    await writeFile(file, 'garbage');
    const persistence = createFilePersistence(file, { reset: true });
    expect(await persistence.load()).toBeUndefined();
    const store = createMemoryStore({ onWrite: (snap) => persistence.save(snap) });
    await store.write((tx) => tx.set('c', 'k', 1));
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ format: 'authmock-state', store: { c: { k: 1 } } });
  });
});
