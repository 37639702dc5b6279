// DeviceHQ over HTTP: API key → one sliding 5-minute session per account, JSON:API errors, devices with paging.

import { connect } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDevicehqProvider, rotateDevicehqApiKey } from '../../../src/providers/devicehq/index.js';
import { DEFAULT_START, startMock, type StartedMock } from '../../helpers/harness.js';
import { problemOf } from '../../helpers/listen.js';

const KEY = '5sHszZNuTfmgs58VGA';
const OTHER_KEY = 'Z9yXwVuTsRqPoNmLkJ';
const JSON_API = 'application/vnd.api+json; charset=utf-8';
const FIVE_MINUTES = 300_000;
const iso = (ms: number): string => new Date(ms).toISOString();

let mock: StartedMock;
let base: string;
beforeAll(async () => {
  mock = await startMock();
  base = `${mock.url}/devicehq/api/v2`;
});
afterAll(() => mock.close());
beforeEach(async () => {
  await mock.world.store.reset();
  mock.clock.set(DEFAULT_START);
});

type Headers = Record<string, string>;
interface SessionBody {
  meta: { token: string; expires: string; jsonapi: { version: string } };
}

const call = (path: string, init: RequestInit = {}): Promise<Response> => fetch(`${base}${path}`, init);
const withToken = (token: string, path = '/test', init: RequestInit = {}): Promise<Response> =>
  call(path, { ...init, headers: { 'X-AUTH-TOKEN': token, ...(init.headers as Headers | undefined) } });
const open = (headers: Headers = { 'X-API-KEY': KEY }, method = 'POST', query = ''): Promise<Response> =>
  call(`/session${query}`, { method, headers: { 'Content-Type': 'application/json', ...headers } });

async function tokenFor(key = KEY): Promise<string> {
  const res = await open({ 'X-API-KEY': key });
  expect(res.status).toBe(200);
  return ((await res.json()) as SessionBody).meta.token;
}

async function expectSession(res: Response, expires = iso(mock.clock.now() + FIVE_MINUTES)): Promise<string> {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe(JSON_API);
  const body = (await res.json()) as SessionBody;
  expect(body).toEqual({ meta: { token: expect.stringMatching(/^[A-Za-z0-9]{14}$/), expires, jsonapi: { version: '1.0' } } });
  return body.meta.token;
}

const TITLES: Record<number, string> = {
  400: 'Credentials given in more than one place',
  401: 'Credentials invalid',
};

async function expectError(res: Response, status: number, code: string, title?: string): Promise<string> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe(JSON_API);
  const body = (await res.json()) as { errors: Array<{ status: string; title: string; detail: string }> };
  expect(body).toEqual({ errors: [{ status: String(status), title: expect.any(String), detail: expect.any(String) }] });
  if (title) expect(body.errors[0]!.title).toBe(title);
  expect(problemOf(res)?.code).toBe(code);
  expect(res.headers.get('www-authenticate')).toBeNull();
  return body.errors[0]!.detail;
}

const liveSessions = async (): Promise<number> =>
  ((await (await fetch(`${mock.url}/__admin/state`)).json()) as { providers: { devicehq: { live_sessions: number } } }).providers.devicehq.live_sessions;

/** A chunked body: no Content-Length header at all. */
const chunked = (text: string): ReadableStream<Uint8Array> =>
  new ReadableStream({
    pull(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });

/** A raw HTTP/1.1 exchange for what fetch cannot send: no body and no Content-Length (as curl -X POST), one header twice. */
function rawRequest(method: string, path: string, headers: ReadonlyArray<[string, string]>): Promise<{ status: number; type: string | undefined; body: string }> {
  const url = new URL(`${base}${path}`);
  const head = [`${method} ${url.pathname}${url.search} HTTP/1.1`, `Host: ${url.host}`, 'Connection: close', ...headers.map(([n, v]) => `${n}: ${v}`)];
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.end(`${head.join('\r\n')}\r\n\r\n`));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const [top = '', body = ''] = text.split('\r\n\r\n', 2);
      const lines = top.split('\r\n');
      const type = lines.find((l) => l.toLowerCase().startsWith('content-type:'))?.slice('content-type:'.length).trim();
      resolve({ status: Number(lines[0]?.split(' ')[1]), type, body });
    });
  });
}

describe('opening a session: the DeviceHQ page examples, verbatim', () => {
  it('1. POST /api/v2/session?api_key=5sHszZNuTfmgs58VGA with Content-Length: 0', async () => {
    // curl -H "Content-Type:application/json" -X POST "https://www.devicehq.com/api/v2/session?api_key=5sHszZNuTfmgs58VGA" -H "Content-Length:0"
    const res = await fetch(`${base}/session?api_key=5sHszZNuTfmgs58VGA`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': '0' },
    });
    const token = await expectSession(res, '2026-01-01T00:05:00.000Z');
    expect((await withToken(token)).status).toBe(200);
  });

  it('2. POST /api/v2/session with the JSON body {"api_key": "5sHszZNuTfmgs58VGA"}', async () => {
    // curl -H "Content-Type:application/json" -X POST https://www.devicehq.com/api/v2/session -d'{"api_key": "5sHszZNuTfmgs58VGA"}'
    const res = await fetch(`${base}/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"api_key": "5sHszZNuTfmgs58VGA"}' });
    const token = await expectSession(res, '2026-01-01T00:05:00.000Z');
    expect((await withToken(token)).status).toBe(200);
  });

  it('3. POST /api/v2/session with the header X-API-KEY: 5sHszZNuTfmgs58VGA', async () => {
    // curl -H "Content-Type:application/json" -X POST https://www.devicehq.com/api/v2/session -H "X-API-KEY: 5sHszZNuTfmgs58VGA"
    const res = await fetch(`${base}/session`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-API-KEY': '5sHszZNuTfmgs58VGA' } });
    const token = await expectSession(res, '2026-01-01T00:05:00.000Z');
    expect((await withToken(token)).status).toBe(200);
  });

  it.each<[string, RequestInit, string]>([
    ['the X-API-KEY header', { headers: { 'X-API-KEY': KEY } }, ''],
    ['the api_key query parameter', {}, `?api_key=${KEY}`],
    ['a JSON body', { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ api_key: KEY }) }, ''],
    ['an application/vnd.api+json body', { headers: { 'Content-Type': 'application/vnd.api+json' }, body: JSON.stringify({ api_key: KEY }) }, ''],
  ])('PUT works with %s too', async (_name, init, query) => {
    await expectSession(await call(`/session${query}`, { method: 'PUT', ...init }));
  });

  it('accepts an application/vnd.api+json body on POST like application/json', async () => {
    const res = await call('/session', { method: 'POST', headers: { 'Content-Type': 'application/vnd.api+json' }, body: JSON.stringify({ api_key: KEY }) });
    await expectSession(res);
  });
});

describe('refusing to open a session', () => {
  it('refuses a POST without Content-Length (chunked body) with 411 and opens nothing', async () => {
    const res = await call('/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: chunked(JSON.stringify({ api_key: KEY })), duplex: 'half' } as RequestInit);
    await expectError(res, 411, 'request.length_required');
    expect(await liveSessions()).toBe(0);
  });

  it('refuses a POST with neither a body nor Content-Length (curl -X POST without -d) with 411, even with a good header key', async () => {
    const res = await rawRequest('POST', '/session', [['Content-Type', 'application/json'], ['X-API-KEY', KEY]]);
    expect(res.status).toBe(411);
    expect(res.type).toBe(JSON_API);
    expect(JSON.parse(res.body)).toEqual({ errors: [{ status: '411', title: 'Content-Length required', detail: expect.stringContaining('Content-Length') }] });
    expect(await liveSessions()).toBe(0);
  });

  it('does not need Content-Length on PUT', async () => {
    const res = await call('/session', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: chunked(JSON.stringify({ api_key: KEY })), duplex: 'half' } as RequestInit);
    await expectSession(res);
  });

  it.each<[string, Headers, string, string | undefined]>([
    ['an unknown key in X-API-KEY', { 'X-API-KEY': 'AAAAAAAAAAAAAAAAAA' }, '', undefined],
    ['an unknown key in the query', {}, '?api_key=AAAAAAAAAAAAAAAAAA', undefined],
    ['an unknown key in the body', {}, '', JSON.stringify({ api_key: 'AAAAAAAAAAAAAAAAAA' })],
    ['the key in the wrong case', { 'X-API-KEY': KEY.toLowerCase() }, '', undefined],
    ['the key with a character missing', { 'X-API-KEY': KEY.slice(0, -1) }, '', undefined],
  ])('refuses %s with a JSON:API 401', async (_name, headers, query, body) => {
    const res = await call(`/session${query}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, ...(body ? { body } : {}) });
    const detail = await expectError(res, 401, 'auth.invalid', TITLES[401]);
    expect(detail).not.toContain('AAAA');
    expect(await liveSessions()).toBe(0);
  });

  it('refuses a request with no key at all with a JSON:API 401', async () => {
    await expectError(await open({}), 401, 'auth.missing');
  });

  it.each<[string, Headers, string, string | undefined]>([
    ['header and query (same key)', { 'X-API-KEY': KEY }, `?api_key=${KEY}`, undefined],
    ['header and body (same key)', { 'X-API-KEY': KEY }, '', JSON.stringify({ api_key: KEY })],
    ['query and body (same key)', {}, `?api_key=${KEY}`, JSON.stringify({ api_key: KEY })],
    ['header and query (two different keys)', { 'X-API-KEY': KEY }, `?api_key=${OTHER_KEY}`, undefined],
    ['all three places', { 'X-API-KEY': KEY }, `?api_key=${KEY}`, JSON.stringify({ api_key: KEY })],
    ['a repeated query parameter (two keys)', {}, `?api_key=${KEY}&api_key=${OTHER_KEY}`, undefined],
    ['a repeated query parameter (the same key twice)', {}, `?api_key=${KEY}&api_key=${KEY}`, undefined],
  ])('refuses a key in %s with a JSON:API 400 and opens nothing', async (_name, headers, query, body) => {
    const res = await call(`/session${query}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, ...(body ? { body } : {}) });
    const detail = await expectError(res, 400, 'auth.conflict', TITLES[400]);
    expect(detail).not.toContain(KEY);
    expect(await liveSessions()).toBe(0);
  });

  it('refuses two X-API-KEY header lines with a JSON:API 400', async () => {
    const res = await rawRequest('POST', '/session', [['X-API-KEY', KEY], ['X-API-KEY', OTHER_KEY], ['Content-Length', '0']]);
    expect(res.status).toBe(400);
    expect(res.type).toBe(JSON_API);
    expect(JSON.parse(res.body)).toEqual({ errors: [{ status: '400', title: TITLES[400], detail: expect.stringContaining('X-API-KEY') }] });
  });

  it('refuses a body key that is not a string with a JSON:API 400', async () => {
    const res = await call('/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ api_key: [KEY] }) });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe(JSON_API);
    expect(await liveSessions()).toBe(0);
  });
});

describe('refused requests change nothing', () => {
  it.each<[string, () => Promise<Response>]>([
    ['an unknown key', () => open({ 'X-API-KEY': 'AAAAAAAAAAAAAAAAAA' })],
    ['a key in two places', () => open({ 'X-API-KEY': KEY }, 'POST', `?api_key=${KEY}`)],
    ['a POST without Content-Length', () => call('/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: chunked(JSON.stringify({ api_key: KEY })), duplex: 'half' } as RequestInit)],
    ['truncated JSON', () => call('/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"api_key": "5sHs' })],
    ['a text/plain body', () => call('/session', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: KEY })],
    ['an unknown token', () => withToken('AAAAAAAAAAAAAA')],
    ['a token in two places', () => withToken('AAAAAAAAAAAAAA', '/test?token=AAAAAAAAAAAAAA')],
  ])('%s: a 4xx in the JSON:API format and the same state digest', async (_name, send) => {
    await tokenFor(OTHER_KEY);
    const before = await mock.world.store.digest();
    const res = await send();
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get('content-type')).toBe(JSON_API);
    expect(await res.json()).toEqual({ errors: [{ status: String(res.status), title: expect.any(String), detail: expect.any(String) }] });
    expect(await mock.world.store.digest()).toBe(before);
  });
});

describe('API key rotation', () => {
  it('invalidates the old key and lets the new one open sessions', async () => {
    await mock.world.store.write((tx) => rotateDevicehqApiKey(tx, 'acct-demo', 'NewKey0000000000AB'));
    await expectError(await open({ 'X-API-KEY': KEY }), 401, 'auth.invalid');
    await expectError(await open({}, 'POST', `?api_key=${KEY}`), 401, 'auth.invalid');
    await expectSession(await open({ 'X-API-KEY': 'NewKey0000000000AB' }));
    const state = await (await fetch(`${mock.url}/__admin/state`)).text();
    expect(state).not.toContain('NewKey0000000000AB');
  });

  it('refuses to rotate an unknown account or to take another account key', async () => {
    await expect(mock.world.store.write((tx) => rotateDevicehqApiKey(tx, 'acct-nobody', 'X'))).rejects.toMatchObject({ code: 'state.not_found' });
    await expect(mock.world.store.write((tx) => rotateDevicehqApiKey(tx, 'acct-demo', OTHER_KEY))).rejects.toMatchObject({ code: 'state.conflict' });
    await expectSession(await open({ 'X-API-KEY': KEY }));
    await expectSession(await open({ 'X-API-KEY': OTHER_KEY }));
  });
});

describe('one session per account', () => {
  it('closes the previous session when a new one opens', async () => {
    const first = await tokenFor();
    const second = await tokenFor();
    expect(second).not.toBe(first);
    await expectError(await withToken(first), 401, 'auth.invalid');
    expect((await withToken(second)).status).toBe(200);
  });

  it('leaves the other account alone', async () => {
    const demo = await tokenFor(KEY);
    const other = await tokenFor(OTHER_KEY);
    await tokenFor(KEY);
    await expectError(await withToken(demo), 401, 'auth.invalid');
    expect((await withToken(other)).status).toBe(200);
  });

  it('leaves exactly one live token after 50 parallel session creations for one account', async () => {
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? open({ 'X-API-KEY': KEY }) : open({}, 'PUT', `?api_key=${KEY}`))));
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(200));
    const tokens = await Promise.all(responses.map(async (r) => ((await r.json()) as SessionBody).meta.token));
    expect(new Set(tokens).size).toBe(50);
    const checks = await Promise.all(tokens.map((t) => withToken(t)));
    expect(checks.filter((r) => r.status === 200)).toHaveLength(1);
    expect(checks.filter((r) => r.status === 401)).toHaveLength(49);
    expect(await liveSessions()).toBe(1);
  });
});

describe('sliding idle expiry', () => {
  it.each([
    [299_999, 200],
    [300_000, 200],
    [300_001, 401],
  ])('after %i ms idle the token gets %i', async (idle, status) => {
    const token = await tokenFor();
    mock.clock.advance(idle);
    const res = await withToken(token);
    expect(res.status).toBe(status);
    if (status === 401) expect(await expectError(res, 401, 'auth.expired')).toMatch(/expired 0\.001 s ago/);
  });

  it('moves the expiry on every successful request, to the millisecond', async () => {
    const token = await tokenFor();
    for (let i = 0; i < 4; i++) {
      mock.clock.advance(299_999);
      const res = await withToken(token, '/devices');
      expect(res.status).toBe(200);
    }
    const state = (await (await fetch(`${mock.url}/__admin/state`)).json()) as { providers: { devicehq: { accounts: Array<{ id: string; session: { expires: string } | null }> } } };
    expect(state.providers.devicehq.accounts.find((a) => a.id === 'acct-demo')?.session?.expires).toBe(iso(DEFAULT_START + 4 * 299_999 + FIVE_MINUTES));
    mock.clock.advance(300_001);
    await expectError(await withToken(token), 401, 'auth.expired');
  });

  it('slides with ?token= as with X-AUTH-TOKEN', async () => {
    const token = await tokenFor();
    mock.clock.advance(299_999);
    expect((await call(`/test?token=${token}`)).status).toBe(200);
    mock.clock.advance(299_999);
    expect((await call(`/devices?token=${token}`)).status).toBe(200);
  });

  it('does not slide on a failed request, nor on GET /info', async () => {
    const token = await tokenFor();
    mock.clock.advance(200_000);
    await expectError(await withToken(token, '/devices?limit=500'), 400, 'request.parameter_invalid');
    expect((await withToken(token, '/info')).status).toBe(200);
    await expectError(await withToken(`${token.slice(0, -1)}#`), 401, 'auth.invalid');
    mock.clock.advance(100_000);
    expect((await withToken(token)).status).toBe(200);
    mock.clock.advance(300_001);
    await expectError(await withToken(token), 401, 'auth.expired');
  });

  it('deletes an expired session on sight: moving the clock back does not revive it', async () => {
    const token = await tokenFor();
    mock.clock.advance(300_001);
    await expectError(await withToken(token), 401, 'auth.expired');
    mock.clock.set(DEFAULT_START);
    await expectError(await withToken(token), 401, 'auth.invalid');
  });

  it('sweeps expired sessions so only live ones stay in the store', async () => {
    await tokenFor(KEY);
    mock.clock.advance(200_000);
    const live = await tokenFor(OTHER_KEY);
    mock.clock.advance(100_001);
    const provider = createDevicehqProvider();
    await mock.world.store.write((tx) => provider.sweep?.(tx, mock.clock.now()));
    expect(await mock.world.store.read((tx) => tx.size('devicehq.sessions'))).toBe(1);
    expect(await mock.world.store.read((tx) => tx.size('devicehq.account_sessions'))).toBe(1);
    expect((await withToken(live)).status).toBe(200);
  });
});

describe('closing a session', () => {
  it.each([
    ['X-AUTH-TOKEN', (t: string) => withToken(t, '/session', { method: 'DELETE' })],
    ['?token=', (t: string) => call(`/session?token=${t}`, { method: 'DELETE' })],
  ])('DELETE with %s closes it; the token dies; a second DELETE is a 401, not a 500', async (_name, close) => {
    const token = await tokenFor();
    const res = await close(token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(JSON_API);
    expect(await res.text()).toBe('{"meta":{"message":"Session closed"}}');
    await expectError(await withToken(token), 401, 'auth.invalid');
    await expectError(await close(token), 401, 'auth.invalid');
    expect(await liveSessions()).toBe(0);
    await expectSession(await open());
  });
});

describe('session token placement', () => {
  it.each<[string, (t: string) => Promise<Response>]>([
    ['header and query with the same token', (t) => withToken(t, `/test?token=${t}`)],
    ['header and query with different tokens', (t) => withToken(t, '/test?token=AAAAAAAAAAAAAA')],
    ['a repeated ?token=', (t) => call(`/test?token=${t}&token=${t}`)],
  ])('refuses %s with a JSON:API 401 (auth.conflict)', async (_name, send) => {
    const token = await tokenFor();
    const detail = await expectError(await send(token), 401, 'auth.conflict');
    expect(detail).not.toContain(token);
  });

  it('refuses a request without any token with a JSON:API 401', async () => {
    await expectError(await call('/test'), 401, 'auth.missing');
    await expectError(await call('/devices'), 401, 'auth.missing');
    await expectError(await call('/session', { method: 'DELETE' }), 401, 'auth.missing');
  });
});

describe('info, test and devices', () => {
  it('GET /info needs no authentication', async () => {
    mock.clock.advance(1234);
    const res = await call('/info');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(JSON_API);
    expect(await res.text()).toBe('{"meta":{"api_version":"2","server_time":"2026-01-01T00:00:01.234Z","jsonapi":{"version":"1.0"}}}');
  });

  it('GET /test answers OK with the server time', async () => {
    const token = await tokenFor();
    mock.clock.advance(42_000);
    const res = await withToken(token);
    expect(res.headers.get('content-type')).toBe(JSON_API);
    expect(await res.text()).toBe('{"meta":{"message":"OK","timestamp":"2026-01-01T00:00:42.000Z"}}');
  });

  it('GET /devices lists the account devices as JSON:API resources with meta.total', async () => {
    const res = await withToken(await tokenFor(), '/devices');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(JSON_API);
    const body = (await res.json()) as { data: Array<{ id: string }>; meta: { total: number } };
    expect(body.meta).toEqual({ total: 4 });
    expect(body.data.map((d) => d.id)).toEqual(['3512', '3513', '3514', '3515']);
    expect(body.data[0]).toEqual({
      id: '3512',
      type: 'devices',
      attributes: { name: 'Pump house', serial: 'DHQ-00A1-7731', status: 'online', created_at: '2025-06-01T12:00:00.000Z' },
    });
  });

  it.each<[string, string[]]>([
    ['?limit=2', ['3512', '3513']],
    ['?limit=2&skip=2', ['3514', '3515']],
    ['?skip=3', ['3515']],
    ['?limit=1&skip=1', ['3513']],
    ['?skip=4', []],
    ['?skip=1000', []],
    ['?limit=100', ['3512', '3513', '3514', '3515']],
  ])('pages with %s', async (query, ids) => {
    const res = await withToken(await tokenFor(), `/devices${query}`);
    const body = (await res.json()) as { data: Array<{ id: string }>; meta: { total: number } };
    expect(body.data.map((d) => d.id)).toEqual(ids);
    expect(body.meta.total).toBe(4);
  });

  it.each(['?limit=0', '?limit=101', '?limit=abc', '?skip=-1', '?limit=2&limit=3'])('refuses %s with a JSON:API 400', async (query) => {
    const res = await withToken(await tokenFor(), `/devices${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe(JSON_API);
    expect(await res.json()).toEqual({ errors: [{ status: '400', title: expect.any(String), detail: expect.any(String) }] });
  });

  it('shows each account only its own devices', async () => {
    const res = await call(`/devices?token=${await tokenFor(OTHER_KEY)}`);
    const body = (await res.json()) as { data: Array<{ id: string }>; meta: { total: number } };
    expect(body.data.map((d) => d.id)).toEqual(['9001', '9002']);
    expect(body.meta.total).toBe(2);
  });
});

describe('state view', () => {
  it('lists the live session with its expiry, keys and tokens masked', async () => {
    const token = await tokenFor();
    const text = await (await fetch(`${mock.url}/__admin/state`)).text();
    for (const secret of [token, KEY, OTHER_KEY]) expect(text).not.toContain(secret);
    const state = JSON.parse(text) as { providers: { devicehq: { live_sessions: number; accounts: Array<Record<string, unknown>> } } };
    expect(state.providers.devicehq.live_sessions).toBe(1);
    expect(state.providers.devicehq.accounts.find((a) => a['id'] === 'acct-demo')).toEqual({
      id: 'acct-demo',
      name: 'DeviceHQ Demo',
      api_key: '5sHs…GA',
      devices: 4,
      session: { token: `${token.slice(0, 4)}…${token.slice(-2)}`, created_at: iso(DEFAULT_START), expires: iso(DEFAULT_START + FIVE_MINUTES), expired: false },
    });
  });
});

describe('a mobile app journey', () => {
  it('opens a session, uses it, lets it expire, opens again, closes it, and opens once more', async () => {
    const token = await expectSession(await open());
    expect((await withToken(token, '/devices?limit=2')).status).toBe(200);
    mock.clock.advance(4 * 60_000);
    expect((await withToken(token, '/test')).status).toBe(200);
    mock.clock.advance(5 * 60_000 + 1);
    await expectError(await withToken(token, '/devices'), 401, 'auth.expired');

    const second = await expectSession(await call('/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ api_key: KEY }) }));
    const list = (await (await call(`/devices?token=${second}&limit=25&skip=0`)).json()) as { meta: { total: number } };
    expect(list.meta.total).toBe(4);
    expect((await withToken(second, '/session', { method: 'DELETE' })).status).toBe(200);
    await expectError(await withToken(second, '/devices'), 401, 'auth.invalid');

    const third = await expectSession(await open({}, 'PUT', `?api_key=${KEY}`));
    expect((await withToken(third)).status).toBe(200);
  });
});
