// DeviceHQ's accounts and sessions over HTTP: key rotation, one session per account, the sliding idle expiry, closing.

import { describe, expect, it } from 'vitest';
import { createDevicehqProvider, rotateDevicehqApiKey } from '../../../src/providers/devicehq/index.js';
import { DEFAULT_START } from '../../helpers/harness.js';
import { KEY, OTHER_KEY, JSON_API, FIVE_MINUTES, iso, mock, call, withToken, open, tokenFor, expectSession, expectError, liveSessions, type SessionBody, useDevicehqMock } from './client.js';

useDevicehqMock();

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
