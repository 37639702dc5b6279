// `--watch` keeps reloading after saves that replace the file by a rename (editors' safe write, `sed -i`).

import { copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serve, type Spawned } from './spawn.js';

const dir = mkdtempSync(join(tmpdir(), 'authmock-watch-'));
const fixtures = join(dir, 'fixtures.yaml');
copyFileSync('fixtures/default.yaml', fixtures);
let cli: Spawned | undefined;
afterAll(async () => {
  await cli?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const reloads = (): number => cli!.output().split('\n').filter((l) => l.includes('"msg":"reloaded"')).length;

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

/**
 * Wait until the server answers promptly three times in a row. While its event loop is busy (a cold start compiling
 * validators on a loaded machine), file events queue up, and two saves seen together are rightly one reload.
 */
async function responsive(): Promise<void> {
  const end = Date.now() + 30_000;
  for (let quick = 0; quick < 3 && Date.now() < end; ) {
    const started = Date.now();
    await fetch(`${cli!.url}/__admin/health`);
    quick = Date.now() - started < 250 ? quick + 1 : 0;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Save as an editor's safe write does: write a temporary file beside it, then rename it over the original. */
function saveByRename(n: number): void {
  const temporary = join(dir, `.fixtures.yaml.${n}.tmp`);
  writeFileSync(temporary, `${readFileSync(fixtures, 'utf8')}\n# save ${n}\n`);
  renameSync(temporary, fixtures);
}

describe('--watch', () => {
  it('reloads once for each of three saves by rename', async () => {
    cli = await serve(['--watch', '--fixtures', fixtures]);
    for (let n = 1; n <= 3; n++) {
      await responsive();
      saveByRename(n);
      expect(await until(() => reloads() >= n, 15_000), `save ${n}; the server said:\n${cli.output().slice(-3000)}`).toBe(true);
    }
    // No extra reloads from the temporary files or the renames themselves.
    await new Promise((r) => setTimeout(r, 500));
    expect(reloads()).toBe(3);
    const health = await fetch(`${cli.url}/__admin/health`);
    expect(health.status).toBe(200);
  }, 150_000);

  it('keeps serving the previous version when a save has a mistake, and says where', async () => {
    const failures = (): string[] => cli!.output().split('\n').filter((l) => l.includes('reload failed'));
    await responsive();
    const temporary = join(dir, '.broken.tmp');
    writeFileSync(temporary, `${readFileSync(fixtures, 'utf8')}\nemnfy: {}\n`);
    renameSync(temporary, fixtures);
    expect(await until(() => failures().length === 1, 15_000)).toBe(true);
    expect(failures()[0]).toContain("did you mean 'emnify'?");
    expect(failures()[0]).toContain('still serving the previous version');
    expect((await fetch(`${cli!.url}/__admin/health`)).status).toBe(200);
    expect(reloads(), cli!.output().slice(-3000)).toBe(3);
  }, 60_000);
});
