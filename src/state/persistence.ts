// Durable state: every acknowledged change reaches the disk (temp file, fsync, rename) before its 2xx goes out.

import { open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Snapshot } from './store.js';

export class StateFileError extends Error {
  readonly code = 'state.corrupt' as const;
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}. authmock will not overwrite it; move it away or start with --reset-state.`);
    this.name = 'StateFileError';
  }
}

interface StateFile {
  format: 'authmock-state';
  version: 1;
  store: Snapshot;
}

export interface FilePersistence {
  /** The saved snapshot, or undefined when there is no file yet. Throws StateFileError when it is unreadable. */
  load(): Promise<Snapshot | undefined>;
  /** Coalesced, serialised: resolves once a write that includes the current contents is on disk. */
  save(snapshot: () => Snapshot): Promise<void>;
  /** Wait for writes in flight. */
  flush(): Promise<void>;
}

const tempPrefix = (file: string): string => `.${basename(file)}.tmp-`;

async function writeAtomic(file: string, text: string): Promise<void> {
  const temp = join(dirname(file), `${tempPrefix(file)}${randomBytes(6).toString('hex')}`);
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
  const dir = await open(dirname(file), 'r');
  try {
    await dir.sync();
  } catch {
    // Some file systems cannot fsync a directory; the rename is still atomic.
  } finally {
    await dir.close();
  }
}

export function createFilePersistence(file: string, options: { reset?: boolean } = {}): FilePersistence {
  let latest: (() => Snapshot) | undefined;
  let waiters: Array<{ resolve(): void; reject(e: unknown): void }> = [];
  let running: Promise<void> | undefined;

  const loop = async (): Promise<void> => {
    while (waiters.length > 0) {
      const batch = waiters;
      waiters = [];
      try {
        const body: StateFile = { format: 'authmock-state', version: 1, store: latest!() };
        await writeAtomic(file, JSON.stringify(body));
        for (const w of batch) w.resolve();
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    running = undefined;
  };

  return {
    async load() {
      const dir = dirname(file);
      for (const name of await readdir(dir).catch(() => [] as string[])) {
        if (name.startsWith(tempPrefix(file))) await unlink(join(dir, name)).catch(() => undefined);
      }
      if (options.reset) return undefined;
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw new StateFileError(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      }
      let parsed: Partial<StateFile>;
      try {
        parsed = JSON.parse(text) as Partial<StateFile>;
      } catch {
        throw new StateFileError(file, 'is not valid JSON');
      }
      if (parsed?.format !== 'authmock-state' || parsed.version !== 1 || typeof parsed.store !== 'object' || parsed.store === null) {
        throw new StateFileError(file, 'is not an authmock state file (version 1)');
      }
      return parsed.store;
    },
    save(snapshot) {
      latest = snapshot;
      const done = new Promise<void>((resolve, reject) => waiters.push({ resolve, reject }));
      running ??= loop();
      return done;
    },
    async flush() {
      while (running) await running;
    },
  };
}
