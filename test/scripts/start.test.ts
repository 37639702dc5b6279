// `npm start` compiles only when src/ is newer than dist/: the staleness rule on a scratch tree, and a start that skips tsc.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs script without types
import { isStale } from '../../scripts/stale-build.mjs';

const stale = isStale as (root: string) => boolean;
const root = mkdtempSync(join(tmpdir(), 'authmock-start-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const file = (relative: string, seconds: number): void => {
  const path = join(root, relative);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '');
  utimesSync(path, seconds, seconds);
};

describe('npm start builds only when needed', () => {
  it('builds when there is no dist/, skips when dist/ is newer, builds again after a source changes', () => {
    file('src/deep/module.ts', 1_000);
    expect(stale(root)).toBe(true);
    file('dist/cli.js', 2_000);
    expect(stale(root)).toBe(false);
    file('src/deep/other.ts', 3_000);
    expect(stale(root)).toBe(true);
  });

  it('starts the built CLI without compiling when dist/ is up to date', () => {
    // The e2e global set-up has just built dist/ from these sources.
    const run = spawnSync(process.execPath, ['scripts/start.mjs', '--version'], { encoding: 'utf8', timeout: 20_000 });
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(run.stderr).not.toContain('compiling');
  });
});
