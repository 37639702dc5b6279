// buildApp/startServer: what a server is built from; here, serving some of the providers from the shipped fixtures.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSettings } from '../src/config.js';
import { DEFAULT_FIXTURES } from '../src/paths.js';
import { startServer, type RunningServer } from '../src/server.js';

describe('startServer with some of the providers (--providers)', () => {
  let running: RunningServer;
  beforeAll(async () => {
    running = await startServer({ settings: resolveSettings({ port: 0 }), providers: ['duet'] });
  });
  afterAll(() => running.close());

  it('starts from the shipped fixtures, which hold every provider, and seeds only the ones served', async () => {
    const state = (await (await fetch(`${running.url}/__admin/state`)).json()) as { providers: Record<string, unknown> };
    expect(Object.keys(state.providers)).toEqual(['duet']);
    const signIn = await fetch(`${running.url}/duet/1/account/sign_in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-application-token': 'duet-iphone-app-token' },
      body: JSON.stringify({ account: { login: 'demo@duet.example', password: 'duet-demo-password' } }),
    });
    expect(signIn.status).toBe(200);
  });

  it('still refuses fixtures with a mistake in the section of a provider it does not serve', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'authmock-subset-')), 'fixtures.yaml');
    writeFileSync(file, `${readFileSync(DEFAULT_FIXTURES, 'utf8')}\nemnfy: {}\n`);
    await expect(startServer({ settings: resolveSettings({ port: 0, fixtures: file }), providers: ['duet'] })).rejects.toThrow(/unknown key 'emnfy'; did you mean 'emnify'/);
  });
});
