// Build dist/ once before the e2e suites when any source file is newer than the built CLI (as `npm run build` does).

import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const newest = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((max, entry) => {
    const path = join(dir, entry.name);
    return Math.max(max, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);

export default function setup(): void {
  let built = 0;
  try {
    built = statSync('dist/cli.js').mtimeMs;
  } catch {
    built = 0;
  }
  if (built >= newest('src')) return;
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  // As `npm run build` does: the shipped documents and fixtures validated into dist/documents/ and dist/fixtures/.
  execFileSync(process.execPath, ['scripts/prebuild.mjs'], { stdio: 'inherit' });
}
