// Open the --state file: say what is wrong with its path, import a JSON state file once, check every record, or stop.

import { access, constants, copyFile, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { MAIN_WORLD, openStateDatabase, recordName, StateFormatError, type LoadedWorld, type StateDatabase } from './database.js';
import type { Snapshot } from './store.js';

export class StateFileError extends Error {
  readonly code = 'state.corrupt' as const;
  constructor(
    readonly file: string,
    readonly reason: string,
    advice = 'authmock will not overwrite it; move it away or start with --reset-state',
  ) {
    super(`--state ${file}: ${reason}. ${advice}.`);
    this.name = 'StateFileError';
  }
}

/** Checks one world's records; throws an Error whose message names the record and the reason. */
export type StateValidator = (records: Snapshot) => void;

export interface OpenedState {
  db: StateDatabase;
  worlds: LoadedWorld[];
  /** What start-up should tell the user (an import, a reset), if anything. */
  notice: string | undefined;
}

const SQLITE_MAGIC = 'SQLite format 3\0';

const companions = (file: string): string[] => [file, `${file}-wal`, `${file}-shm`, `${file}-journal`];

async function firstBytes(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(16);
    const { bytesRead } = await handle.read(buffer, 0, 16, 0);
    return buffer.subarray(0, bytesRead).toString('latin1');
  } finally {
    await handle.close();
  }
}

/** The path itself: a folder, a missing folder or a folder nobody may write into each get their own advice. */
async function checkPath(file: string): Promise<'missing' | 'sqlite' | 'json' | 'other'> {
  const folder = dirname(file);
  const here = await stat(file).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)));
  if (here?.isDirectory()) {
    throw new StateFileError(file, 'is a folder, not a file', `Give a file inside it, e.g. --state ${join(file, 'authmock.db')} (created on first start)`);
  }
  const parent = await stat(folder).catch(() => undefined);
  if (!parent) throw new StateFileError(file, `the folder ${folder} does not exist`, `Create it first (mkdir -p ${folder}) or give a file in an existing folder`);
  if (!parent.isDirectory()) throw new StateFileError(file, `${folder} is not a folder`, 'Give a file inside a folder');
  try {
    await access(folder, constants.W_OK);
    if (here) await access(file, constants.R_OK | constants.W_OK);
  } catch (error) {
    throw new StateFileError(file, `cannot be written (${(error as NodeJS.ErrnoException).code ?? 'error'}): authmock keeps state in this file and its -wal file next to it`, 'Give a file in a folder you can write to');
  }
  if (!here) return 'missing';
  if (here.size === 0) return 'other';
  const head = await firstBytes(file);
  if (head === SQLITE_MAGIC) return 'sqlite';
  return head.trimStart().startsWith('{') ? 'json' : 'other';
}

/** A JSON state file of the format --state wrote before the database (`{"format":"authmock-state","version":1,"store":{...}}`). */
async function readJsonState(file: string): Promise<Snapshot> {
  let parsed: { format?: unknown; version?: unknown; store?: unknown } | null;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8')) as typeof parsed;
  } catch {
    throw new StateFileError(file, 'is neither an authmock database nor valid JSON');
  }
  if (parsed?.format !== 'authmock-state' || parsed.version !== 1) throw new StateFileError(file, 'is not an authmock state file (JSON, version 1)');
  const store = parsed.store;
  if (typeof store !== 'object' || store === null || Array.isArray(store)) {
    throw new StateFileError(file, `its "store" is ${store === null ? 'null' : Array.isArray(store) ? 'an array' : typeof store}, not an object of collections`);
  }
  return store as Snapshot;
}

/** Records must be collections (objects) of non-null JSON values; then the providers' own check. */
function validateWorld(file: string, world: LoadedWorld | { id: string; records: Snapshot }, validate: StateValidator | undefined): void {
  const where = world.id === MAIN_WORLD ? '' : ` (sandbox ${world.id})`;
  for (const [collection, entries] of Object.entries(world.records)) {
    if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) {
      throw new StateFileError(file, `collection "${collection.slice(0, 80)}"${where} is ${entries === null ? 'null' : Array.isArray(entries) ? 'an array' : typeof entries}, not an object of records`);
    }
    for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
      if (value === null || value === undefined) throw new StateFileError(file, `record ${recordName(collection, key)}${where} is null`);
    }
  }
  try {
    validate?.(world.records);
  } catch (error) {
    throw new StateFileError(file, `${(error as Error).message}${where}`);
  }
}

async function importJson(file: string, store: Snapshot): Promise<string> {
  const temp = `${file}.importing`;
  for (const f of companions(temp)) await rm(f, { force: true });
  const db = openStateDatabase(temp);
  let records = 0;
  try {
    db.importWorld({ id: MAIN_WORLD, createdAt: 0, clock: { offsetMs: 0, frozenAt: null }, bytes: 0 }, store);
    for (const entries of Object.values(store)) records += Object.keys(entries).length;
  } finally {
    db.close();
  }
  const kept = `${file}.imported.json`;
  await copyFile(file, kept);
  // Until this rename the JSON file is untouched: a start cut short here imports it again next time.
  await rename(temp, file);
  return `imported ${records} records from the JSON state file into SQLite (the JSON is kept as ${kept}); later starts use the database`;
}

export async function openState(file: string, options: { reset?: boolean; validate?: StateValidator } = {}): Promise<OpenedState> {
  let notice: string | undefined;
  let kind = await checkPath(file);
  const wipe = async (why: string): Promise<void> => {
    for (const f of companions(file)) await rm(f, { force: true });
    notice = `--reset-state: ${why}; started from the fixtures with a new database`;
    kind = 'missing';
  };
  if (kind === 'other') {
    if (!options.reset) throw new StateFileError(file, 'is neither an authmock database nor a JSON state file');
    await wipe('the file was not a state file');
  }
  if (kind === 'json') {
    let store: Snapshot;
    try {
      store = await readJsonState(file);
      validateWorld(file, { id: MAIN_WORLD, records: store }, options.validate);
    } catch (error) {
      if (!options.reset) throw error;
      await wipe((error as Error).message);
      store = {};
    }
    if (kind === 'json') notice = await importJson(file, store);
  }
  const attempt = (): OpenedState => {
    let db: StateDatabase;
    try {
      db = openStateDatabase(file);
    } catch (error) {
      throw describeOpenError(file, error);
    }
    try {
      const worlds = db.load();
      for (const world of worlds) validateWorld(file, world, options.validate);
      return { db, worlds, notice };
    } catch (error) {
      db.close();
      throw error instanceof StateFormatError ? new StateFileError(file, error.message) : error;
    }
  };
  try {
    return attempt();
  } catch (error) {
    if (!options.reset || !(error instanceof StateFileError) || kind === 'missing') throw error;
    await wipe(error.reason);
    return attempt();
  }
}

function describeOpenError(file: string, error: unknown): Error {
  if (error instanceof StateFormatError) return new StateFileError(file, error.message);
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return new StateFileError(file, `is damaged or not an authmock database (${code})`);
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_FULL') {
    return new StateFileError(file, `cannot be written (${code})`, 'Give a file in a folder you can write to, on a disk with free space');
  }
  return error as Error;
}
