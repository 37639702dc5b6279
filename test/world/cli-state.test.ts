// `authmock serve --state` as a newcomer types it: a folder or a missing folder says which and what to do (built CLI).

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../e2e/spawn.js';

describe('authmock serve --state', () => {
  it.each([[[]], [['--reset-state']]])('names a folder as a folder and suggests a file in it (extra options: %j)', async (extra) => {
    const dir = await mkdtemp(join(tmpdir(), 'authmock-cli-state-'));
    const { code, stderr } = await run(['serve', '--port', '0', '--state', dir, ...extra]);
    expect(code).toBe(1);
    expect(stderr).toContain(`--state ${dir}: is a folder, not a file. Give a file inside it, e.g. --state ${join(dir, 'authmock.db')}`);
    expect(stderr).not.toContain('EISDIR');
  });

  it('names a missing folder and how to create it', async () => {
    const missing = join(await mkdtemp(join(tmpdir(), 'authmock-cli-state-')), 'not-yet');
    const { code, stderr } = await run(['serve', '--port', '0', '--state', join(missing, 'state.db')]);
    expect(code).toBe(1);
    expect(stderr).toContain(`the folder ${missing} does not exist. Create it first (mkdir -p ${missing})`);
  });
});
