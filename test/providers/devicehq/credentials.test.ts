// DeviceHQ's credentials over HTTP: where the API key and the session token may travel, and what is refused.

import { describe, expect, it } from 'vitest';
import { KEY, OTHER_KEY, JSON_API, call, withToken, open, tokenFor, expectSession, TITLES, expectError, liveSessions, chunked, rawRequest, type Headers, useDevicehqMock } from './client.js';

useDevicehqMock();

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
