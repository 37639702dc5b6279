// The real command: help and version, option errors (exit 2), start-up with defaults, the providers' own examples, SIGTERM.

import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, serve, type Spawned } from './spawn.js';

describe('authmock --help, --version and bad options', () => {
  it('lists every option with examples', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    for (const option of ['--port', '--host', '--fixtures', '--state', '--providers', '--latency', '--admin-token', '--strict', '--tls-cert', '--log-format', '--watch']) {
      expect(stdout).toContain(option);
    }
    expect(stdout).toContain('Examples:');
  });

  it('prints the package version', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
    expect((await run(['--version'])).stdout.trim()).toBe(pkg.version);
  });

  it.each([
    [['serve', '--port', 'abc'], "--port 'abc'"],
    [['serve', '--providers', 'duet,twitter'], "unknown provider 'twitter'"],
    [['serve', '--latency', 'slow'], "--latency 'slow'"],
    [['serve', '--bogus'], 'bogus'],
    [['serve', '--log-format', 'xml'], "--log-format 'xml'"],
    [['serve', '--tls-cert', 'a.pem'], '--tls-cert and --tls-key go together'],
    [['launch'], "unknown command 'launch'"],
  ])('%j exits 2 saying what was wrong', async (args, message) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('stops with the file, pointer and reason when the document is invalid', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'authmock-doc-'));
    const file = join(dir, 'bad.yaml');
    await writeFile(file, 'openapi: 3.1.0\ninfo: {title: x, version: "1"}\npaths:\n  /x:\n    get:\n      responses: nope\n');
    const { code, stderr } = await run(['serve', file, '--port', '0']);
    expect(code).toBe(1);
    expect(stderr).toContain(file);
  });
});

describe('authmock serve with its defaults', () => {
  let mock: Spawned;
  beforeAll(async () => {
    mock = await serve();
  });
  afterAll(() => mock.stop());

  it('announces each provider, the admin URL and how to move the clock', () => {
    expect(Object.keys(mock.banner['providers'] as object).sort()).toEqual(['devicehq', 'duet', 'emnify', 'rfcx']);
    expect(mock.banner['admin']).toBe(`${mock.url}/__admin`);
    expect(String(mock.banner['clock'])).toContain('PT5M');
  });

  it.each([
    ['query key with Content-Length: 0', '/devicehq/api/v2/session?api_key=5sHszZNuTfmgs58VGA', { 'content-type': 'application/json', 'content-length': '0' }, undefined],
    ['JSON body', '/devicehq/api/v2/session', { 'content-type': 'application/json' }, '{"api_key": "5sHszZNuTfmgs58VGA"}'],
    ['X-API-KEY header', '/devicehq/api/v2/session', { 'content-type': 'application/json', 'x-api-key': '5sHszZNuTfmgs58VGA' }, undefined],
  ])('creates a DeviceHQ session as the page shows: %s', async (_name, path, headers, body) => {
    const res = await fetch(`${mock.url}${path}`, { method: 'POST', headers, body });
    expect(res.status).toBe(200);
    const json = (await res.json()) as { meta: { token: string; expires: string; jsonapi: unknown } };
    expect(json.meta.token).toMatch(/^[A-Za-z0-9]{14}$/);
    expect(json.meta.jsonapi).toEqual({ version: '1.0' });
  });

  it('authenticates with the emnify page example', async () => {
    const res = await fetch(`${mock.url}/emnify/api/v1/authenticate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'user@domain.com', password: '2fd4e1c67a2d28fced849ee1bb76e7391b93eb12' }),
    });
    expect(res.status).toBe(200);
    expect(Object.keys((await res.json()) as object).sort()).toEqual(['auth_token', 'refresh_token']);
  });

  it('accepts the RFCx page example guardian credentials (header and query forms)', async () => {
    const headers = { 'x-auth-user': 'guardian/df72c626229f', 'x-auth-token': '5ffd69500c83b9d948f5d0852538b5b983453182' };
    expect((await fetch(`${mock.url}/rfcx/v2/guardians/df72c626229f/pings`, { method: 'POST', headers })).status).toBe(200);
    const query = '?auth_user=guardian/df72c626229f&auth_token=5ffd69500c83b9d948f5d0852538b5b983453182';
    expect((await fetch(`${mock.url}/rfcx/v2/guardians/df72c626229f/pings${query}`, { method: 'POST' })).status).toBe(200);
  });

  it('welcomes a Duet application and signs in the demo account', async () => {
    const app = { 'x-application-token': 'duet-iphone-app-token' };
    const welcome = await fetch(`${mock.url}/duet/1`, { headers: app });
    expect(await welcome.text()).toBe('Welcome to the Duet API');
    const signIn = await fetch(`${mock.url}/duet/1/account/sign_in`, {
      method: 'POST',
      headers: { ...app, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'account[login]=demo%40duet.example&account[password]=duet-demo-password',
    });
    expect(signIn.status).toBe(200);
    expect(((await signIn.json()) as { account: { authentication_token: string } }).account.authentication_token).toMatch(/^[A-Za-z0-9]{60}$/);
  });

  it('logs one JSON line per request without the secrets it was sent', async () => {
    await fetch(`${mock.url}/devicehq/api/v2/test?token=TOPSECRETTOKEN1`);
    await new Promise((r) => setTimeout(r, 100));
    const lines = mock.output().split('\n').filter((l) => l.includes('"operation_id":"devicehqTest"'));
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ method: 'GET', status: 401, path: '/devicehq/api/v2/test' });
    expect(mock.output()).not.toContain('TOPSECRETTOKEN1');
    expect(mock.output()).not.toContain('2fd4e1c67a2d28fced849ee1bb76e7391b93eb12');
  });
});

describe('lifecycle', () => {
  it('exits 0 on SIGTERM', async () => {
    const mock = await serve();
    expect(await mock.stop('SIGTERM')).toBe(0);
  });

  it('keeps a session across a restart with --state, and refuses a corrupt state file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'authmock-state-'));
    const state = join(dir, 'state.json');
    const first = await serve(['--state', state]);
    const created = await fetch(`${first.url}/devicehq/api/v2/session`, { method: 'POST', headers: { 'x-api-key': '5sHszZNuTfmgs58VGA', 'content-length': '0' } });
    const { meta } = (await created.json()) as { meta: { token: string } };
    expect(await first.stop()).toBe(0);
    const second = await serve(['--state', state]);
    const used = await fetch(`${second.url}/devicehq/api/v2/test`, { headers: { 'x-auth-token': meta.token } });
    expect(used.status).toBe(200);
    await second.stop();
    await writeFile(state, '{"format": "authmock-state", broken');
    const refused = await run(['serve', '--port', '0', '--state', state]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--reset-state');
    expect(await readFile(state, 'utf8')).toBe('{"format": "authmock-state", broken');
  });

  it('picks up a fixture edit with --watch', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'authmock-watch-'));
    const fixtures = join(dir, 'fixtures.yaml');
    const original = await readFile('fixtures/default.yaml', 'utf8');
    await writeFile(fixtures, original);
    const mock = await serve(['--fixtures', fixtures, '--watch']);
    try {
      const key = 'WatchAddedKey123456';
      const create = (): Promise<Response> =>
        fetch(`${mock.url}/devicehq/api/v2/session`, { method: 'POST', headers: { 'x-api-key': key, 'content-length': '0' } });
      expect((await create()).status).toBe(401);
      await writeFile(fixtures, original.replace('5sHszZNuTfmgs58VGA', key));
      let status = 0;
      for (let i = 0; i < 50 && status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 100));
        status = (await create().catch(() => ({ status: 0 }))).status;
      }
      expect(status).toBe(200);
    } finally {
      await mock.stop();
    }
  });
});

describe('authmock docs', () => {
  it('writes a static Swagger UI site with the bundled document and its four providers', async () => {
    const out = await mkdtemp(join(tmpdir(), 'authmock-docs-'));
    const { code, stdout } = await run(['docs', '--out', out, '--server-url', 'http://127.0.0.1:4010']);
    expect(code).toBe(0);
    expect(stdout).toContain('index.html');
    const bundled = JSON.parse(await readFile(join(out, 'openapi.json'), 'utf8')) as { servers: Array<{ url: string }>; tags: Array<{ name: string }> };
    expect(bundled.servers.map((s) => s.url)).toEqual(['http://127.0.0.1:4010']);
    expect(bundled.tags.map((t) => t.name)).toEqual(expect.arrayContaining(['Duet', 'DeviceHQ', 'RFCx', 'emnify']));
    expect(await readFile(join(out, 'index.html'), 'utf8')).toContain('swagger-ui');
  });

  it('needs --out', async () => {
    const { code, stderr } = await run(['docs']);
    expect(code).toBe(2);
    expect(stderr).toContain('--out');
  });
});
