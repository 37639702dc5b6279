// --state end to end in one process: what survives a restart, a full disk (a real one on tmpfs where root can mount it), a read-only folder.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFixedClock } from '../../src/world/clock.js';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server.js';
import { toServerOptions } from '../helpers/harness.js';
import type { DurableSink } from '../../src/world/memory-store.js';
import { problemOf } from '../helpers/listen.js';

const START = Date.parse('2026-01-01T00:00:00Z');
const KEY = '5sHszZNuTfmgs58VGA';
const dirs: string[] = [];
const mounts: string[] = [];
afterAll(() => {
  for (const m of mounts) execFileSync('umount', [m]);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'authmock-durable-'));
  dirs.push(dir);
  return dir;
};

/** Mount a tmpfs (root only); the reason when it cannot be done. */
function mountTmpfs(dir: string, options: string): string | undefined {
  if (process.getuid?.() !== 0) return 'not root';
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'pipe' });
    mounts.push(dir);
    return undefined;
  } catch (error) {
    return `mount failed: ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}`;
  }
}

const start = (stateFile: string, extra: Partial<ServerOptions> = {}): Promise<RunningServer> =>
  startServer(toServerOptions({ state: stateFile, clock: createFixedClock(START), ...extra }));
const signIn = (url: string, prefix = ''): Promise<Response> =>
  fetch(`${url}${prefix}/devicehq/api/v2/session?api_key=${KEY}`, { method: 'POST', headers: { 'content-length': '0' } });
const tokenOf = async (res: Response): Promise<string> => ((await res.json()) as { meta: { token: string } }).meta.token;
/** The files in a folder (no temp file may be left behind by a failed write). */
const dirOf = (dir: string): string[] => readdirSync(dir).sort();
const post = (url: string, body: unknown): Promise<Response> =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('--state across a restart', () => {
  it('keeps sandboxes (state and clock), the main clock offset and every store record', async () => {
    const file = join(tempDir(), 'state.db');
    let running = await start(file);
    const session = await tokenOf(await signIn(running.url));
    await post(`${running.url}/__admin/clock`, { advance: 'PT1M' });
    const sandbox = (await (await post(`${running.url}/__admin/sandboxes`, {})).json()) as { id: string; base_path: string };
    const inSandbox = await tokenOf(await signIn(running.url, sandbox.base_path));
    await post(`${running.url}${sandbox.base_path}/__admin/clock`, { advance: 'PT2M' });
    const digest = await running.mock.worlds.main.world.store.digest();
    const clockOf = async (base: string): Promise<unknown> => {
      const { offset_ms, frozen } = (await (await fetch(`${base}/__admin/clock`)).json()) as { offset_ms: number; frozen: boolean };
      return { offset_ms, frozen }; // the sandbox's clock runs with real time: its offset is what is kept
    };
    const sandboxClock = await clockOf(`${running.url}${sandbox.base_path}`);
    await running.close();

    running = await start(file);
    expect(await running.mock.worlds.main.world.store.digest()).toBe(digest);
    expect(((await (await fetch(`${running.url}/__admin/clock`)).json()) as { now: string }).now).toBe(new Date(START + 60_000).toISOString());
    expect(await clockOf(`${running.url}${sandbox.base_path}`)).toEqual(sandboxClock);
    expect((await fetch(`${running.url}/devicehq/api/v2/test`, { headers: { 'x-auth-token': session } })).status).toBe(200);
    expect((await fetch(`${running.url}${sandbox.base_path}/devicehq/api/v2/test`, { headers: { 'x-auth-token': inSandbox } })).status).toBe(200);
    // The sandbox's baseline came back too: reset in it forgets the session made there.
    expect((await post(`${running.url}${sandbox.base_path}/__admin/reset`, {})).status).toBe(200);
    expect((await fetch(`${running.url}${sandbox.base_path}/devicehq/api/v2/test`, { headers: { 'x-auth-token': inSandbox } })).status).toBe(401);
    expect((await fetch(`${running.url}/__admin/sandboxes/${sandbox.id}`, { method: 'DELETE' })).status).toBe(204);
    await running.close();
    running = await start(file);
    expect(((await (await fetch(`${running.url}/__admin/sandboxes`)).json()) as { sandboxes: unknown[] }).sandboxes).toEqual([]);
    await running.close();
  });

  it('stops at start with the record and the reason when the saved state has the wrong shape', async () => {
    const file = join(tempDir(), 'state.json');
    writeFileSync(file, JSON.stringify({ format: 'authmock-state', version: 1, store: { 'devicehq.sessions': { abc: null } } }));
    await expect(start(file)).rejects.toThrow(/record devicehq\.sessions\/abc is null/);
  });
});

describe('a write that cannot reach the disk', () => {
  it('answers 503 in the provider format with state.unwritable and leaves the world as it was', async () => {
    const dir = tempDir();
    const why = mountTmpfs(dir, 'size=2m');
    console.info(why ? `disk full: no tmpfs (${why}); a failing database write stands in for it` : 'disk full: a 2 MB tmpfs filled with dd');
    let failing = false;
    // Without a tmpfs the disk is "full" by a failing write under the same database code path.
    const wrapStateSink = (sink: DurableSink): DurableSink => ({
      commit: (changes, undo) => {
        if (!failing) return sink.commit(changes, undo);
        undo();
        return Promise.reject(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
      },
      replace: (snapshot) => sink.replace(snapshot),
      saveBaseline: (snapshot) => sink.saveBaseline(snapshot),
    });
    const file = join(dir, 'state.db');
    const running = await start(file, why ? { wrapStateSink } : {});
    let acknowledged = await tokenOf(await signIn(running.url));
    const filler = join(dir, 'filler');
    if (why) failing = true;
    else {
      try {
        execFileSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=64k'], { stdio: 'pipe' });
      } catch {
        // dd stops at "No space left on device": the disk is full.
      }
    }
    // Sign in until a write needs space the disk no longer has (at once without a tmpfs).
    let refused: Response | undefined;
    let before = '';
    for (let i = 0; i < 2_000 && !refused; i++) {
      before = await running.mock.worlds.main.world.store.digest();
      const res = await signIn(running.url);
      if (res.status === 503) refused = res;
      else {
        expect(res.status).toBe(200);
        acknowledged = await tokenOf(res);
      }
    }
    expect(refused, `a sign-in on a full disk (${why ?? 'tmpfs of 2 MB'})`).toBeDefined();
    expect(problemOf(refused!)).toMatchObject({ code: 'state.unwritable' });
    expect(await refused!.json()).toMatchObject({ errors: [expect.objectContaining({ status: '503' })] });
    expect(await running.mock.worlds.main.world.store.digest(), 'the refused sign-in changed nothing').toBe(before);
    expect(dirOf(dir)).toEqual(why ? ['state.db', 'state.db-shm', 'state.db-wal'] : ['filler', 'state.db', 'state.db-shm', 'state.db-wal']);
    // Space again: the session acknowledged last still works (the refused sign-in did not replace it).
    if (why) failing = false;
    else rmSync(filler);
    expect((await fetch(`${running.url}/devicehq/api/v2/test`, { headers: { 'x-auth-token': acknowledged } })).status).toBe(200);
    expect((await signIn(running.url)).status).toBe(200);
    await running.close();
  });
});

describe('a state folder nobody may write into', () => {
  it('stops at start with the file and what to do, not a 500 at the first write', async () => {
    const dir = tempDir();
    const folder = join(dir, 'ro');
    mkdirSync(folder);
    const why = mountTmpfs(folder, 'ro,size=1m');
    if (why) execFileSync('chmod', ['555', folder]);
    await expect(start(join(folder, 'state.db'))).rejects.toThrow(/cannot be written.*Give a file in a folder you can write to/);
  });
});
