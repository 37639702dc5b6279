// The per-user cache directory for start-up work done once (validated documents, precompiled validators).

import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** `$XDG_CACHE_HOME/authmock` or `~/.cache/authmock`; the CLI may pass another. */
export function defaultCacheDir(env: Readonly<Record<string, string | undefined>> = {}): string {
  return join(env['XDG_CACHE_HOME'] || join(homedir(), '.cache'), 'authmock');
}

/**
 * Create the directory (mode 0700) and confirm it belongs to this user, since precompiled validators are code that
 * authmock loads from it. Returns false when it cannot be used; the caller then simply does the work again.
 */
export async function ensurePrivateDir(dir: string): Promise<boolean> {
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const info = await stat(dir);
    const uid = process.getuid?.();
    return info.isDirectory() && (uid === undefined || info.uid === uid) && (info.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/** Write one cache file whole or not at all (private temp file, then rename); throws when it cannot. */
export async function writeCacheFile(target: string, text: string): Promise<void> {
  const temp = `${target}.${process.pid}.tmp`;
  await writeFile(temp, text, { mode: 0o600 });
  await rename(temp, target);
}
