// emnify against the built command: tokens survive a restart with --state (as across a real server deploy,
// BEHAVIOUR.md), --jwt-secret pins the key, and the lifetimes are command-line settings.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { run, serve, type Spawned } from '../../e2e/spawn.js';

const USER = { username: 'user@domain.com', password: '2fd4e1c67a2d28fced849ee1bb76e7391b93eb12' };
const APP_TOKEN = 'kNTktNTA1My00YzdhLTg0NjEtZGVtby1hcHAtdG9rZW4';

const authenticate = async (base: string, json: unknown): Promise<{ auth_token: string; refresh_token: string }> => {
  const res = await fetch(`${base}/emnify/api/v1/authenticate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) });
  expect(res.status).toBe(200);
  return (await res.json()) as { auth_token: string; refresh_token: string };
};
const devices = (base: string, token: string): Promise<Response> => fetch(`${base}/emnify/api/v1/endpoint`, { headers: { authorization: `Bearer ${token}` } });
const span = (jwt: string): number => {
  const claims = JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as { iat: number; exp: number };
  return claims.exp - claims.iat;
};

describe('emnify tokens across a restart of the built command', () => {
  let dir: string;
  const running: Spawned[] = [];
  const start = async (args: string[]): Promise<Spawned> => {
    const cli = await serve(args);
    running.push(cli);
    return cli;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'authmock-emnify-restart-'));
  });
  afterAll(async () => {
    for (const cli of running) await cli.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('with the default fixtures, answers as the recorded traffic: HS384 JWTs, 240 min / 7 days, X-Sort, +0000 dates', async () => {
    // emnify-sdk-python tests/fixtures/cassettes/*.yaml: eyJhbGciOiJIUzM4NCJ9, "aud":"\/api\/v1\/authentication",
    // application-token JWTs with exp - iat = 604800, x-sort: id, "created":"2021-11-18T08:25:53.000+0000".
    const cli = await start([]);
    const { auth_token, refresh_token } = await authenticate(cli.url, USER);
    const fromApp = (await authenticate(cli.url, { application_token: APP_TOKEN })).auth_token;
    for (const jwt of [auth_token, refresh_token, fromApp]) expect(jwt.split('.')[0]).toBe('eyJhbGciOiJIUzM4NCJ9');
    expect(span(auth_token)).toBe(14_400);
    expect(span(fromApp)).toBe(604_800);
    const res = await devices(cli.url, fromApp);
    expect(res.headers.get('x-sort')).toBe('id');
    expect(res.headers.get('x-total-pages')).toBe('1');
    const [first] = (await res.json()) as Array<{ created: string; last_updated: string }>;
    expect(first).toMatchObject({ created: '2025-01-10T08:00:00.000+0000', last_updated: '2025-11-02T10:15:00.000+0000' });
  });

  it('with --state, auth, refresh and application-token JWTs issued before a restart work after it', async () => {
    const state = join(dir, 'state.json');
    const first = await start(['--state', state]);
    const { auth_token, refresh_token } = await authenticate(first.url, USER);
    const fromApp = (await authenticate(first.url, { application_token: APP_TOKEN })).auth_token;
    expect((await devices(first.url, auth_token)).status).toBe(200);
    const before = (await (await fetch(`${first.url}/__admin/state`)).json()) as { providers: { emnify: { jwt: { signing_key: { fingerprint: string } } } } };
    expect(await first.stop()).toBe(0);

    const second = await start(['--state', state]);
    const listed = await devices(second.url, auth_token);
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as unknown[]).length).toBe(5);
    expect((await devices(second.url, fromApp)).status).toBe(200);
    const renewed = await authenticate(second.url, { refresh_token });
    expect(Object.keys(renewed)).toEqual(['auth_token']);
    expect((await devices(second.url, renewed.auth_token)).status).toBe(200);
    const after = (await (await fetch(`${second.url}/__admin/state`)).json()) as typeof before;
    expect(after.providers.emnify.jwt.signing_key).toEqual({ source: 'state', fingerprint: before.providers.emnify.jwt.signing_key.fingerprint });

    // The key is in the state file (that is what makes it durable), never in what the command printed or logged.
    const db = new Database(state, { readonly: true });
    const row = db.prepare("SELECT value FROM records WHERE collection = 'emnify.settings' AND key = 'jwt'").get() as { value: string } | undefined;
    db.close();
    const key = row ? (JSON.parse(row.value) as { signing_key?: string }).signing_key : undefined;
    expect(key).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(first.output()).not.toContain(key!);
    expect(second.output()).not.toContain(key!);
  });

  it('without --state each start has its own key: the old token is refused (401 InvalidToken), not a 5xx', async () => {
    const first = await start([]);
    const { auth_token } = await authenticate(first.url, USER);
    await first.stop();
    const second = await start([]);
    const res = await devices(second.url, auth_token);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error_code: 1102, error_token: 'InvalidToken' });
  });

  it('--jwt-secret pins the key across starts; --emnify-user-jwt-ttl and --emnify-app-jwt-ttl set the lifetimes', async () => {
    const secret = 'command-line-pinned-emnify-key-0123456789abcdef-0123';
    const first = await start(['--jwt-secret', secret, '--emnify-user-jwt-ttl', '600', '--emnify-app-jwt-ttl', '14400']);
    const { auth_token } = await authenticate(first.url, USER);
    expect(span(auth_token)).toBe(600);
    expect(span((await authenticate(first.url, { application_token: APP_TOKEN })).auth_token)).toBe(14_400);
    expect(first.output()).not.toContain(secret);
    await first.stop();
    const second = await start(['--jwt-secret', secret]);
    expect((await devices(second.url, auth_token)).status).toBe(200);
    // Defaults again without the options: 240 minutes (the page) and 7 days (the recorded traffic).
    expect(span((await authenticate(second.url, USER)).auth_token)).toBe(14_400);
    expect(span((await authenticate(second.url, { application_token: APP_TOKEN })).auth_token)).toBe(604_800);
  });

  it.each([
    [['--jwt-secret', 'short'], /--jwt-secret must be at least 48 bytes/],
    [['--emnify-user-jwt-ttl', '0'], /--emnify-user-jwt-ttl '0' must be a whole number/],
    [['--emnify-app-jwt-ttl', '7d'], /--emnify-app-jwt-ttl '7d' must be a whole number/],
  ])('serve %j → exit 2 with the reason', async (args, message) => {
    const { code, stderr } = await run(['serve', '--port', '0', ...args]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
