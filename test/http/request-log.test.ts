// The request log a newcomer reads: one terminal line per request, JSON lines with one real `time` and a `mockTime`,
// and GET /__admin/requests with the problem's detail, masked headers, body and credential.

import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { formatRequestLine, maskBody, maskHeaders } from '../../src/http/request-log.js';
import { startMock, DEFAULT_START, type StartedMock } from '../helpers/harness.js';

const KEY = '5sHszZNuTfmgs58VGA';

function capture(): { stream: PassThrough; lines(): string[] } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (d: Buffer) => (text += d.toString()));
  return { stream, lines: () => text.split('\n').filter(Boolean) };
}

describe('the terminal log', () => {
  const out = capture();
  let mock: StartedMock;
  beforeAll(async () => {
    const logger = await createLogger('info', 'pretty', out.stream, { colour: true, now: () => new Date('2026-05-01T12:34:56Z') });
    mock = await startMock({ logger });
  });
  afterAll(() => mock.close());

  it('prints one coloured line per request: method, path, status, ms, operation, problem code and detail', async () => {
    const before = out.lines().length;
    await fetch(`${mock.url}/devicehq/api/v2/test`, { headers: { 'x-auth-token': 'not-a-session-token' } });
    await fetch(`${mock.url}/devicehq/api/v2/session`, { method: 'POST', headers: { 'x-api-key': KEY } });
    const lines = out.lines().slice(before);
    expect(lines).toHaveLength(2);
    const [failed, good] = lines as [string, string];
    // A 401 is yellow with its problem in red; a 200 is green with no problem.
    expect(failed).toMatch(/^\u001b\[2m12:34:56\u001b\[0m GET \/devicehq\/api\/v2\/test \u001b\[33m401\u001b\[0m \u001b\[2m[\d.]+ms\u001b\[0m devicehqTest \u001b\[31mauth\.[a-z_]+: .+\u001b\[0m$/);
    expect(good).toMatch(/^\u001b\[2m12:34:56\u001b\[0m POST \/devicehq\/api\/v2\/session \u001b\[32m200\u001b\[0m \u001b\[2m[\d.]+ms\u001b\[0m devicehqCreateSession$/);
    expect(lines.join('\n')).not.toContain(KEY);
  });

  it('shows no colour codes when colour is off, and no control characters from the request', () => {
    const line = formatRequestLine(
      { method: 'GET', path: '/x\u001b[2J', status: 404, duration_ms: 0.42, operation_id: null, problem: '{"code":"route.not_found","detail":"no operation"}' },
      false,
    );
    expect(line).toBe('GET /x?[2J 404 0.4ms - route.not_found: no operation');
  });
});

describe('the JSON log', () => {
  const out = capture();
  let mock: StartedMock;
  beforeAll(async () => {
    mock = await startMock({ logger: await createLogger('info', 'json', out.stream) });
  });
  afterAll(() => mock.close());

  it('carries one `time` (real) and the mock clock as `mockTime`', async () => {
    mock.clock.set(DEFAULT_START);
    await fetch(`${mock.url}/devicehq/api/v2/info`);
    const line = out.lines().find((l) => l.includes('"msg":"request"'))!;
    expect(line.match(/"time":/g)).toHaveLength(1);
    const parsed = JSON.parse(line) as { time: number; mockTime: string; status: number; request_headers?: unknown };
    expect(Math.abs(parsed.time - Date.now())).toBeLessThan(60_000);
    expect(parsed.mockTime).toBe('2026-01-01T00:00:00.000Z');
    expect(parsed.request_headers).toBeUndefined();
  });
});

describe('GET /__admin/requests', () => {
  let mock: StartedMock;
  beforeAll(async () => {
    mock = await startMock();
  });
  afterAll(() => mock.close());
  const lastRequest = async (): Promise<Record<string, unknown>> =>
    ((await (await fetch(`${mock.url}/__admin/requests?limit=1`)).json()) as { requests: Array<Record<string, unknown>> }).requests[0]!;

  it('keeps the whole problem, the status, the headers masked and the credential used, masked', async () => {
    const token = 'ZQ3rNotAValidSessionToken8w';
    await fetch(`${mock.url}/devicehq/api/v2/test`, { headers: { 'x-auth-token': token, 'user-agent': 'newcomer-app/1.0' } });
    const entry = await lastRequest();
    expect(entry).toMatchObject({ status: 401, operation_id: 'devicehqTest', credential: { scheme: expect.any(String), value: 'ZQ3r…8w' } });
    const problem = JSON.parse(String(entry['problem'])) as { code: string; detail: string };
    expect(problem.code).toMatch(/^auth\./);
    expect(problem.detail.length).toBeGreaterThan(5);
    expect(entry['request_headers']).toMatchObject({ 'x-auth-token': 'ZQ3r…8w', 'user-agent': 'newcomer-app/1.0' });
    expect(JSON.stringify(entry)).not.toContain(token);
  });

  it('keeps the body with passwords and token-like strings masked, e-mail addresses readable', async () => {
    const password = '2fd4e1c67a2d28fced849ee1bb76e7391b93eb12';
    await fetch(`${mock.url}/emnify/api/v1/authenticate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'user@domain.com', password }) });
    const entry = await lastRequest();
    expect(entry).toMatchObject({ status: 200, request_body: { username: 'user@domain.com', password: '2fd4…12' }, credential: null });
    expect(JSON.stringify(entry)).not.toContain(password);
  });
});

describe('masking', () => {
  it.each([
    ['a token pasted into a plain field', { guid: 'c0ffee0123456789abcdef' }, { guid: 'c0ff…ef' }],
    ['a short secret-named field', { code: 'ab12' }, { code: '****' }],
    ['nested credentials', { account: { login: 'demo@duet.example', password: 'x' } }, { account: { login: 'demo@duet.example', password: '*' } }],
    ['dates and short values stay', { expiry_date: '2026-01-01T00:00:00Z', name: 'canary', n: 3 }, { expiry_date: '2026-01-01T00:00:00Z', name: 'canary', n: 3 }],
  ])('%s', (_, body, want) => {
    expect(maskBody(body)).toEqual(want);
  });

  it('masks Authorization, cookies and credential headers, keeps the rest', () => {
    expect(maskHeaders({ authorization: 'Bearer eyJhbGciOiJIUzM4NCJ9.e30.sig', cookie: 'sid=abcdefghijkl', 'x-app': 'abcdefghijklmn', accept: 'application/json' }, new Set(['x-app']))).toEqual({
      authorization: 'Bear…ig',
      cookie: 'sid=…kl',
      'x-app': 'abcd…mn',
      accept: 'application/json',
    });
  });
});
