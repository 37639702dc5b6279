// Opening durable state: old JSON imported, wrong paths and wrong files named, --reset-state, sandboxes kept.

import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStateDatabase, MAIN_WORLD } from '../../src/world/database.js';
import { createMemoryStore } from '../../src/world/memory-store.js';
import { openState } from '../../src/world/persistence.js';

const tempDir = (): Promise<string> => mkdtemp(join(tmpdir(), 'authmock-state-'));

describe('openState', () => {
  it('imports a JSON state file of the old format once, keeps the JSON beside it, and says so', async () => {
    const dir = await tempDir();
    const file = join(dir, 'state.json');
    await writeFile(file, JSON.stringify({ format: 'authmock-state', version: 1, store: { c: { k: { v: 1 } } } }));
    const first = await openState(file);
    expect(first.notice).toMatch(/imported 1 records .*state\.json\.imported\.json/);
    expect(first.worlds.find((w) => w.id === MAIN_WORLD)!.records).toEqual({ c: { k: { v: 1 } } });
    first.db.close();
    expect((await readFile(file)).subarray(0, 15).toString()).toBe('SQLite format 3');
    const second = await openState(file);
    expect(second.notice).toBeUndefined();
    second.db.close();
    expect((await readdir(dir)).sort()).toEqual(['state.json', 'state.json.imported.json']);
  });

  it.each([
    ['"store" is an array', { format: 'authmock-state', version: 1, store: [] }, /"store" is an array/],
    ['"store" is null', { format: 'authmock-state', version: 1, store: null }, /"store" is null/],
    ['a record is null', { format: 'authmock-state', version: 1, store: { 'devicehq.accounts': { a: null } } }, /record devicehq\.accounts\/a is null/],
    [
      'a record under a token hash is null (named by its first 8 characters only)',
      { format: 'authmock-state', version: 1, store: { 'devicehq.sessions': { '9f86d081884c7d659a2feaa0c55ad015': null } } },
      /record devicehq\.sessions\/9f86d081… is null/,
    ],
    ['a collection is a list', { format: 'authmock-state', version: 1, store: { 'devicehq.accounts': [1] } }, /collection "devicehq\.accounts" is an array/],
    ['another format', { format: 'other', version: 1, store: {} }, /not an authmock state file/],
  ])('stops when %s, naming the reason, and leaves the file untouched', async (_n, body, reason) => {
    const file = join(await tempDir(), 'state.json');
    const text = JSON.stringify(body);
    await writeFile(file, text);
    await expect(openState(file)).rejects.toMatchObject({ code: 'state.corrupt', message: expect.stringMatching(reason) });
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('names the record a provider cannot read', async () => {
    const file = join(await tempDir(), 'state.json');
    await writeFile(file, JSON.stringify({ format: 'authmock-state', version: 1, store: { 'p.items': { good: { n: 1 }, bad: 'text' } } }));
    const validate = (records: Record<string, Record<string, unknown>>): void => {
      for (const [key, value] of Object.entries(records['p.items'] ?? {})) {
        if (typeof value !== 'object') throw new Error(`record p.items/${key} is not an object`);
      }
    };
    await expect(openState(file, { validate })).rejects.toThrow(/record p\.items\/bad is not an object/);
  });

  it('says a folder is a folder and what to give instead; --reset-state does not change that', async () => {
    const dir = await tempDir();
    await expect(openState(dir)).rejects.toThrow(/is a folder, not a file\. Give a file inside it, e\.g\. --state .*authmock\.db/);
    await expect(openState(dir, { reset: true })).rejects.toThrow(/is a folder/);
    expect((await stat(dir)).isDirectory()).toBe(true);
  });

  it('says a missing folder is missing and how to create it', async () => {
    const missing = join(await tempDir(), 'no', 'such');
    await expect(openState(join(missing, 'state.db'))).rejects.toThrow(new RegExp(`the folder ${missing} does not exist\\. Create it first \\(mkdir -p ${missing}\\)`));
  });

  it('stops on a file that is no state at all, and --reset-state replaces it with a new database', async () => {
    const dir = await tempDir();
    const file = join(dir, 'state.db');
    await writeFile(file, 'garbage');
    await expect(openState(file)).rejects.toMatchObject({ code: 'state.corrupt' });
    expect(await readFile(file, 'utf8')).toBe('garbage');
    const reset = await openState(file, { reset: true });
    expect(reset.notice).toMatch(/--reset-state/);
    expect(reset.worlds).toEqual([]);
    reset.db.close();
  });

  it('names a saved record a provider cannot read, and --reset-state starts over from a new database', async () => {
    const file = join(await tempDir(), 'state.db');
    const db = openStateDatabase(file);
    await createMemoryStore({ durable: db.sink(MAIN_WORLD) }).write((tx) => tx.set('p.items', 'bad', 'text'));
    db.close();
    const validate = (records: Record<string, Record<string, unknown>>): void => {
      if (typeof records['p.items']?.['bad'] === 'string') throw new Error('record p.items/bad is not an object');
    };
    await expect(openState(file, { validate })).rejects.toThrow(/--state .*state\.db: record p\.items\/bad is not an object\. .*--reset-state/);
    const reset = await openState(file, { validate, reset: true });
    expect(reset.notice).toMatch(/--reset-state: record p\.items\/bad is not an object; started from the fixtures/);
    expect(reset.worlds).toEqual([]);
    reset.db.close();
  });

  it('keeps sandboxes with their baselines and clocks, and drops rows of a sandbox never saved', async () => {
    const dir = await tempDir();
    await mkdir(dir, { recursive: true });
    const file = join(dir, 'state.db');
    const db = openStateDatabase(file);
    const sandbox = createMemoryStore({ durable: db.sink('s1') });
    await sandbox.write((tx) => tx.set('c', 'k', 1));
    await sandbox.markBaseline();
    await sandbox.write((tx) => tx.set('c', 'k', 2));
    db.saveWorld({ id: 's1', createdAt: 5, clock: { offsetMs: 0, frozenAt: 1234 }, bytes: 10 });
    await createMemoryStore({ durable: db.sink('half-made') }).write((tx) => tx.set('c', 'k', 3));
    db.close();
    const { db: again, worlds } = await openState(file);
    expect(worlds).toEqual([{ id: 's1', createdAt: 5, clock: { offsetMs: 0, frozenAt: 1234 }, bytes: 10, records: { c: { k: 2 } }, baseline: { c: { k: 1 } } }]);
    again.close();
  });
});
