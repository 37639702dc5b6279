// Whether dist/ must be rebuilt: no built CLI, or any file under src/ (or a tsconfig) newer than dist/cli.js.

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const mtime = (path) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
};

/** The newest modification time of any file below `dir` (0 when there is none). */
export const newest = (dir) => {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  return entries.reduce((max, entry) => {
    const path = join(dir, entry.name);
    return Math.max(max, entry.isDirectory() ? newest(path) : mtime(path));
  }, 0);
};

/** True when `root`/dist/cli.js is missing or older than a source that compiles into it. */
export const isStale = (root) => {
  const built = mtime(join(root, 'dist', 'cli.js'));
  const sources = Math.max(newest(join(root, 'src')), mtime(join(root, 'tsconfig.build.json')), mtime(join(root, 'tsconfig.json')));
  return built === 0 || built < sources;
};
