// Durable state on SQLite: one row per store record, one transaction per acknowledged change, worlds and their clocks.

import Database from 'better-sqlite3';
import type { SavedClock } from './clock.js';
import type { Change, DurableSink } from './memory-store.js';
import type { Snapshot } from './store.js';

/** A world kept in the database: the main one ('main') or a sandbox. */
export interface SavedWorld {
  id: string;
  /** The world's own clock time at creation (epoch ms). */
  createdAt: number;
  clock: SavedClock;
  /** Approximate size of its fixtures (bytes of JSON), counted against the sandboxes' memory budget. */
  bytes: number;
}

export interface LoadedWorld extends SavedWorld {
  records: Snapshot;
  baseline: Snapshot | undefined;
}

export interface StateDatabase {
  readonly file: string;
  /** The sink a world's store writes through. */
  sink(worldId: string): DurableSink;
  /** Every world with its records (sandboxes with their baselines); rows of a world that was never saved are dropped. */
  load(): LoadedWorld[];
  saveWorld(world: SavedWorld): void;
  saveClock(worldId: string, clock: SavedClock): void;
  deleteWorld(worldId: string): void;
  /** Write a whole world in one transaction (the JSON import). */
  importWorld(world: SavedWorld, records: Snapshot): void;
  close(): void;
}

export const MAIN_WORLD = 'main';

/** A record as errors name it: long keys (token hashes, which a log must not carry whole) cut to their first 8 characters. */
export const recordName = (collection: string, key: string): string => `${collection.slice(0, 80)}/${key.length > 16 ? `${key.slice(0, 8)}…` : key}`;

/** A write waiting for the next group commit. */
interface Pending {
  world: string;
  changes: ReadonlyArray<Change>;
  undo(): void;
  resolve(): void;
  reject(error: unknown): void;
}
const FORMAT = 'authmock-state-sqlite';
const VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS worlds (id TEXT PRIMARY KEY, created_at INTEGER NOT NULL, clock TEXT NOT NULL, bytes INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS records (world TEXT NOT NULL, collection TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (world, collection, key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS baselines (world TEXT NOT NULL, collection TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (world, collection, key)) WITHOUT ROWID;
`;

/** Not an authmock database (or one of a newer version): the reason, for StateFileError. */
export class StateFormatError extends Error {}

/**
 * Open (or create) the database at `file`: WAL with synchronous=FULL, so a commit is on disk before it returns.
 * Throws SQLite's own error (SQLITE_CANTOPEN, SQLITE_READONLY, SQLITE_NOTADB, ...) or a StateFormatError.
 */
export function openStateDatabase(file: string): StateDatabase {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = OFF');
    db.exec(SCHEMA);
    const format = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
    const found = format.get('format')?.value;
    const version = format.get('version')?.value;
    if (found !== undefined && found !== FORMAT) throw new StateFormatError(`is a SQLite database of something else (format '${found.slice(0, 40)}')`);
    if (version !== undefined && Number(version) > VERSION) throw new StateFormatError(`was written by a newer authmock (state version ${version.slice(0, 10)})`);
    // A write at start: a read-only file or folder is found now, not at the first request.
    db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?), (?, ?)').run('format', FORMAT, 'version', String(VERSION));
  } catch (error) {
    db.close();
    throw error;
  }

  const setRecord = db.prepare<[string, string, string, string]>('INSERT OR REPLACE INTO records (world, collection, key, value) VALUES (?, ?, ?, ?)');
  const deleteRecord = db.prepare<[string, string, string]>('DELETE FROM records WHERE world = ? AND collection = ? AND key = ?');
  const clearCollection = db.prepare<[string, string]>('DELETE FROM records WHERE world = ? AND collection = ?');
  const clearWorld = db.prepare<[string]>('DELETE FROM records WHERE world = ?');
  const setBaseline = db.prepare<[string, string, string, string]>('INSERT INTO baselines (world, collection, key, value) VALUES (?, ?, ?, ?)');
  const clearBaseline = db.prepare<[string]>('DELETE FROM baselines WHERE world = ?');
  const upsertWorld = db.prepare<[string, number, string, number]>('INSERT OR REPLACE INTO worlds (id, created_at, clock, bytes) VALUES (?, ?, ?, ?)');
  const updateClock = db.prepare<[string, string]>('UPDATE worlds SET clock = ? WHERE id = ?');
  const removeWorld = db.prepare<[string]>('DELETE FROM worlds WHERE id = ?');

  const insertAll = (statement: typeof setRecord, world: string, snapshot: Snapshot): void => {
    for (const [collection, entries] of Object.entries(snapshot)) {
      for (const [key, value] of Object.entries(entries)) statement.run(world, collection, key, JSON.stringify(value));
    }
  };
  const commit = db.transaction((batch: ReadonlyArray<Pending>) => {
    for (const { world, changes } of batch) {
      for (const c of changes) {
        if (c.op === 'set') setRecord.run(world, c.collection, c.key, JSON.stringify(c.value));
        else if (c.op === 'delete') deleteRecord.run(world, c.collection, c.key);
        else clearCollection.run(world, c.collection);
      }
    }
  });

  // Group commit: the writes of one turn of the event loop share a transaction, so 32 sign-ins in flight cost one
  // fsync, not 32 that each hold the event loop (and every health check behind it).
  let pending: Pending[] = [];
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    try {
      commit(batch);
    } catch (error) {
      for (let i = batch.length - 1; i >= 0; i--) batch[i]!.undo();
      for (const p of batch) p.reject(error);
      return;
    }
    for (const p of batch) p.resolve();
  };
  /** Every other operation first commits what is queued, so that the disk sees the changes in the order memory did. */
  const inOrder =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R => {
      flush();
      return fn(...args);
    };
  const replace = db.transaction((world: string, snapshot: Snapshot) => {
    clearWorld.run(world);
    insertAll(setRecord, world, snapshot);
  });
  const saveBaseline = db.transaction((world: string, snapshot: Snapshot) => {
    clearBaseline.run(world);
    insertAll(setBaseline, world, snapshot);
  });
  const deleteWorld = db.transaction((world: string) => {
    removeWorld.run(world);
    clearWorld.run(world);
    clearBaseline.run(world);
  });
  const importWorld = db.transaction((world: SavedWorld, records: Snapshot) => {
    upsertWorld.run(world.id, world.createdAt, JSON.stringify(world.clock), world.bytes);
    clearWorld.run(world.id);
    insertAll(setRecord, world.id, records);
  });

  const readRows = (table: 'records' | 'baselines'): Map<string, Snapshot> => {
    const byWorld = new Map<string, Snapshot>();
    const rows = db.prepare<[], { world: string; collection: string; key: string; value: string }>(`SELECT world, collection, key, value FROM ${table}`);
    for (const row of rows.iterate()) {
      // Null-prototype objects: stored keys came from requests (`__proto__` stays a key); security, not speed.
      let snapshot = byWorld.get(row.world);
      if (!snapshot) byWorld.set(row.world, (snapshot = Object.create(null) as Snapshot));
      const entries = (snapshot[row.collection] ??= Object.create(null) as Record<string, unknown>);
      entries[row.key] = parseRecord(row.value, recordName(row.collection, row.key));
    }
    return byWorld;
  };

  return {
    file,
    sink: (world) => ({
      commit: (changes, undo) =>
        new Promise<void>((resolve, reject) => {
          pending.push({ world, changes, undo, resolve, reject });
          if (!scheduled) {
            scheduled = true;
            setImmediate(flush);
          }
        }),
      replace: inOrder((snapshot: Snapshot) => replace(world, snapshot)),
      saveBaseline: inOrder((snapshot: Snapshot) => saveBaseline(world, snapshot)),
    }),
    load() {
      const worlds = db.prepare<[], { id: string; created_at: number; clock: string; bytes: number }>('SELECT id, created_at, clock, bytes FROM worlds').all();
      const known = new Set(worlds.map((w) => w.id));
      // A sandbox whose creation was cut short (killed before its world row) left rows of nobody: drop them.
      const orphans = db.prepare<[], { world: string }>('SELECT DISTINCT world FROM records UNION SELECT DISTINCT world FROM baselines').all();
      for (const { world } of orphans) if (!known.has(world) && world !== MAIN_WORLD) deleteWorld(world);
      const records = readRows('records');
      const baselines = readRows('baselines');
      const loaded = worlds.map((w) => ({
        id: w.id,
        createdAt: w.created_at,
        clock: parseClock(w.clock, w.id),
        bytes: w.bytes,
        records: records.get(w.id) ?? (Object.create(null) as Snapshot),
        baseline: baselines.get(w.id),
      }));
      if (!known.has(MAIN_WORLD) && records.has(MAIN_WORLD)) {
        loaded.unshift({ id: MAIN_WORLD, createdAt: 0, clock: { offsetMs: 0, frozenAt: null }, bytes: 0, records: records.get(MAIN_WORLD)!, baseline: undefined });
      }
      return loaded;
    },
    saveWorld: inOrder((w: SavedWorld) => void upsertWorld.run(w.id, w.createdAt, JSON.stringify(w.clock), w.bytes)),
    saveClock: inOrder((world: string, clock: SavedClock) => {
      if (updateClock.run(JSON.stringify(clock), world).changes === 0) upsertWorld.run(world, 0, JSON.stringify(clock), 0);
    }),
    deleteWorld: inOrder((world: string) => deleteWorld(world)),
    importWorld: inOrder((world: SavedWorld, records: Snapshot) => importWorld(world, records)),
    close: inOrder(() => db.close()),
  };
}

/** A record's text back to its value; a row that is not JSON is named (the load then stops with it). */
function parseRecord(text: string, where: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new StateFormatError(`record ${where} is not valid JSON`);
  }
}

function parseClock(text: string, world: string): SavedClock {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new StateFormatError(`the clock of world ${world} is not valid JSON`);
  }
  const v = value as Partial<SavedClock> | null;
  const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
  if (!v || !finite(v.offsetMs) || !(v.frozenAt === null || finite(v.frozenAt))) throw new StateFormatError(`the clock of world ${world} is not an offset and a frozen time`);
  return { offsetMs: v.offsetMs, frozenAt: v.frozenAt ?? null };
}
