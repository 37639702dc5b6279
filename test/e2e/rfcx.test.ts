// RFCx black-box against the built command with the default fixtures (--strict): each behaviour as rfcx-api does it.
// Sources (rfcx/rfcx-api): middleware/passport-token/index.js and auth-*.js, noncore/v2/guardians/guardians.js,
// guardians-service.js, noncore/v1/users/users.js and views/v1/models/users.js (before commit ed88c0ade).

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serve, type Spawned } from './spawn.js';

let mock: Spawned;
beforeAll(async () => {
  mock = await serve(['--strict']);
});
afterAll(() => mock.stop());
beforeEach(async () => {
  expect((await fetch(`${mock.url}/__admin/reset`, { method: 'POST', headers: { 'content-length': '0' } })).status).toBe(200);
});

const GUARDIAN = { guid: 'df72c626229f', token: '5ffd69500c83b9d948f5d0852538b5b983453182' };
const USER = { guid: '6f1e2d3c-4b5a-4c69-8e7f-9a0b1c2d3e4f', email: 'demo@rfcx.example', password: 'rfcx-demo-password', token: 'rfcxdemousertoken7k3m9q2x5c8v1b4n6z0a2s4' };
const TEMP = { guid: '0f8e7d6c-5b4a-4938-8271-605f4e3d2c1b', token: 'rfcxtemporarytoken4h6j8k0l2z4x6c8v0b2n4m' };
const guardianAuth = { 'x-auth-user': `guardian/${GUARDIAN.guid}`, 'x-auth-token': GUARDIAN.token };
const userAuth = { 'x-auth-user': `user/${USER.guid}`, 'x-auth-token': USER.token };

const post = (path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(`${mock.url}/rfcx${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const get = (path: string, headers: Record<string, string> = {}): Promise<Response> => fetch(`${mock.url}/rfcx${path}`, { headers });
const register = (body: unknown, headers: Record<string, string> = { 'x-auth-user': 'register', 'x-auth-token': 'ab12cd34' }): Promise<Response> =>
  post('/v2/guardians/register', body, headers);

async function expectUnauthorized(res: Response): Promise<void> {
  expect(res.status).toBe(401);
  expect(await res.text()).toBe('Unauthorized');
  expect(res.headers.get('www-authenticate')).toBeNull();
}

describe('invite codes: x-auth-user: register, x-auth-token: the whole code (auth-with-registration-token.js)', () => {
  it('the fixture code ab12cd34 sent whole registers a guardian; the old split form is a plain 401', async () => {
    await expectUnauthorized(await register({ guid: 'e2e000000001' }, { 'x-auth-user': 'register/ab12', 'x-auth-token': 'cd34' }));
    const res = await register({ guid: 'e2e000000001' });
    expect(res.status).toBe(200);
  });
});

describe('POST /v2/guardians/register (guardians.js, guardians-service.js)', () => {
  it('reads shortname, pin_code and token, and answers every field the real one has', async () => {
    const token = 'e2echosentoken000000000000000000000000aa';
    const res = await register({ guid: 'E2E000000002', shortname: 'Ridge 4', pin_code: '9911', token });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      name: 'Ridge 4',
      guid: 'e2e000000002',
      token,
      pin_code: '9911',
      api_mqtt_host: 'mqtt.rfcx.example',
      api_sms_address: '+15005550006',
      keystore_passphrase: 'authmock-keystore-passphrase',
    });
    expect((await post('/v2/guardians/e2e000000002/pings', {}, { 'x-auth-user': 'guardian/e2e000000002', 'x-auth-token': token })).status).toBe(200);
  });

  it('names a guardian without shortname RFCx Guardian (<first 6 of guid, upper case>)', async () => {
    expect(await (await register({ guid: 'abc123def456' })).json()).toMatchObject({ name: 'RFCx Guardian (ABC123)' });
  });

  it('re-registering an existing guid is a find-or-create: 200, a new token, and the old one stops working', async () => {
    const res = await register({ guid: GUARDIAN.guid });
    expect(res.status).toBe(200);
    const { token } = (await res.json()) as { token: string };
    expect(token).not.toBe(GUARDIAN.token);
    await expectUnauthorized(await post(`/v1/guardians/${GUARDIAN.guid}/checkins`, {}, guardianAuth));
    expect((await post(`/v1/guardians/${GUARDIAN.guid}/checkins`, {}, { ...guardianAuth, 'x-auth-token': token })).status).toBe(200);
  });
});

describe('legacy user login (users.js, views/v1/models/users.js)', () => {
  it.each<[string, unknown, number]>([
    ['true', true, 1440],
    ['"1"', '1', 5760],
    ['1', 1, 5760],
    ['absent', undefined, 1440],
  ])('extended_expiration %s → a %i-minute token, never a 400', async (_name, extended, minutes) => {
    const clock = await fetch(`${mock.url}/__admin/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"freeze":true}' });
    const now = Date.parse(((await clock.json()) as { now: string }).now);
    const res = await post('/v1/users/login', { email: USER.email, password: USER.password, extended_expiration: extended });
    expect(res.status).toBe(200);
    const [user] = (await res.json()) as Array<Record<string, unknown> & { tokens: Array<{ token_expires_at: string }> }>;
    expect(Date.parse(user!.tokens[0]!.token_expires_at) - now).toBe(minutes * 60_000);
    expect(user).toMatchObject({ guid: USER.guid, type: null, username: 'demo-ranger', is_email_validated: true, last_login_at: new Date(now).toISOString() });
  });
});

describe('what the real API does not have or check', () => {
  it('GET /v1/users/me does not exist', async () => {
    const res = await get('/v1/users/me', userAuth);
    expect(res.status).toBe(404);
    const spec = (await (await fetch(`${mock.url}/docs/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toContain('/rfcx/v1/users/logout');
    expect(Object.keys(spec.paths)).not.toContain('/rfcx/v1/users/me');
  });

  it("a person's token checks in, pings and reads software on a guardian's paths, then logs out (no 403 anywhere)", async () => {
    expect((await post(`/v1/guardians/${GUARDIAN.guid}/checkins`, {}, userAuth)).status).toBe(200);
    expect(await (await post(`/v2/guardians/${GUARDIAN.guid}/pings`, {}, userAuth)).json()).toEqual({ received: true, guid: GUARDIAN.guid });
    expect((await get(`/v1/guardians/${GUARDIAN.guid}/software/guardian`, userAuth)).status).toBe(200);
    expect(await (await post('/v1/users/logout', {}, userAuth)).json()).toEqual({ tokens_removed: 1 });
  });

  it('the fixture temporary token has no use limit', async () => {
    const headers = { 'x-auth-user': `token/${TEMP.guid}`, 'x-auth-token': TEMP.token };
    for (let i = 0; i < 10; i++) expect((await get(`/v1/guardians/${GUARDIAN.guid}/software/guardian`, headers)).status).toBe(200);
  });
});

describe('guardian path rules as the real regexes (auth-as-guardian.js)', () => {
  it('a trailing slash is not the guardian path → 401', async () => {
    await expectUnauthorized(await post(`/v1/guardians/${GUARDIAN.guid}/checkins/`, {}, guardianAuth));
    await expectUnauthorized(await post(`/v2/guardians/${GUARDIAN.guid}/pings/`, {}, guardianAuth));
  });

  it('x-auth-user: guardian/<guid>/extra reads the first two parts → 200', async () => {
    expect((await post(`/v1/guardians/${GUARDIAN.guid}/checkins`, {}, { ...guardianAuth, 'x-auth-user': `guardian/${GUARDIAN.guid}/extra` })).status).toBe(200);
  });
});
