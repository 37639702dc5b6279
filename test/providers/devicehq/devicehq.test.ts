// DeviceHQ over HTTP: the page's examples verbatim, refused requests change nothing, a mobile app's journey.

import { describe, expect, it } from 'vitest';
import { KEY, OTHER_KEY, JSON_API, mock, base, call, withToken, open, tokenFor, expectSession, expectError, chunked, useDevicehqMock } from './client.js';

useDevicehqMock();

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
