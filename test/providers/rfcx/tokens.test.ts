// RFCx registration invites (atomic redemptions), guardian registration, temporary tokens (paths, lifetime, optional
// uses), and a full client journey. Source: rfcx/rfcx-api middleware/passport-token/auth-with-registration-token.js,
// auth-with-anonymous-token.js, noncore/v2/guardians/guardians.js and guardians-service.js (find-or-create).

import { describe, expect, it } from 'vitest';
import { useMock } from '../../helpers/harness.js';
import { problemOf } from '../../helpers/listen.js';
import {
  GUARDIAN,
  INVITE,
  TEMP,
  USER,
  checkin,
  expectUnauthorized,
  guardianAuth,
  rfcx,
  seedRfcx,
  software,
  userAuth,
} from './client.js';

const mock = useMock();

const MINUTE = 60_000;
const inviteAuth = (user = INVITE.user, token = INVITE.token): Record<string, string> => ({ 'x-auth-user': user, 'x-auth-token': token });
const register = (guid: string, headers: Record<string, string> = inviteAuth(), extra: Record<string, unknown> = {}): Promise<Response> =>
  rfcx(mock(), '/v2/guardians/register', { headers, json: { guid, ...extra } });
const tempAuth = (guid = TEMP.guid, token = TEMP.token): Record<string, string> => ({ 'x-auth-user': `token/${guid}`, 'x-auth-token': token });

type Registered = { name: string; guid: string; token: string; pin_code: string; api_mqtt_host: string; api_sms_address: string; keystore_passphrase: string };

describe('registration invites (x-auth-user: register, x-auth-token: the whole code)', () => {
  it('registers a guardian whose new token then works on its own paths only', async () => {
    const res = await register('k3x9p2qm7a1z', inviteAuth(), { shortname: 'Ridge 4' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Registered;
    expect(Object.keys(body)).toEqual(['name', 'guid', 'token', 'pin_code', 'api_mqtt_host', 'api_sms_address', 'keystore_passphrase']);
    expect(body).toMatchObject({
      name: 'Ridge 4',
      guid: 'k3x9p2qm7a1z',
      api_mqtt_host: 'mqtt.rfcx.example',
      api_sms_address: '+15005550006',
      keystore_passphrase: 'authmock-keystore-passphrase',
    });
    expect(body.token).toMatch(/^[0-9a-z]{40}$/);
    expect(body.pin_code).toMatch(/^[0-9a-z]{4}$/);
    const own = guardianAuth({ guid: body.guid, token: body.token });
    expect((await checkin(mock(), body.guid, { headers: own })).status).toBe(200);
    expect((await rfcx(mock(), `/v2/guardians/${body.guid}/pings`, { method: 'POST', headers: own })).status).toBe(200);
    await expectUnauthorized(await checkin(mock(), GUARDIAN.guid, { headers: own }));
  });

  it('keeps the token and PIN the client chose; without shortname the name is RFCx Guardian (<first 6 of guid>)', async () => {
    const token = 'z'.repeat(40);
    const body = (await (await register('abcdefabcdef', inviteAuth(), { token, pin_code: '7713' })).json()) as Registered;
    expect(body).toMatchObject({ token, pin_code: '7713', name: 'RFCx Guardian (ABCDEF)' });
  });

  it('lower-cases the guid: an upper-case guid registers the lower-case guardian', async () => {
    const body = (await (await register('UPPERCASE123')).json()) as Registered;
    expect(body.guid).toBe('uppercase123');
    expect((await checkin(mock(), 'uppercase123', { headers: guardianAuth({ guid: 'uppercase123', token: body.token }) })).status).toBe(200);
  });

  it('answers the MQTT host, SMS address and keystore passphrase set in the fixtures', async () => {
    await seedRfcx(mock(), { guardian_settings: { api_mqtt_host: 'broker.test', keystore_passphrase: 'p4ss' } });
    const body = (await (await register('settings0001')).json()) as Registered;
    expect(body).toMatchObject({ api_mqtt_host: 'broker.test', api_sms_address: '+15005550006', keystore_passphrase: 'p4ss' });
  });

  it('takes the invite from form fields next to the guardian fields', async () => {
    const res = await rfcx(mock(), '/v2/guardians/register', { form: { guid: 'f0rmf1elds00', shortname: 'Ridge 4', auth_user: INVITE.user, auth_token: INVITE.token } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ guid: 'f0rmf1elds00', name: 'Ridge 4' });
  });

  it('is case-insensitive, and a guid after register/ is ignored (the code is in the token)', async () => {
    expect((await register('aaaaaaaaaaaa', inviteAuth('register', 'AB12CD34'))).status).toBe(200);
    expect((await register('aaaaaaaaaaab', inviteAuth('REGISTER/anything', 'ab12cd34'))).status).toBe(200);
  });

  it('allows exactly allowed_redemptions (2) successful requests, then 401', async () => {
    expect((await register('aaaaaaaaaaa1')).status).toBe(200);
    expect((await register('aaaaaaaaaaa2')).status).toBe(200);
    await expectUnauthorized(await register('aaaaaaaaaaa3'), 'auth.exhausted');
    const state = JSON.stringify(await (await fetch(`${mock().url}/__admin/state`)).json());
    expect(state).toContain('"redemptions_left":0');
  });

  it.each([
    ['the old split form, register/<first half> + <second half>', 'register/ab12', 'cd34'],
    ['the old split form in upper case', 'REGISTER/AB12', 'CD34'],
    ['a wrong second half', 'register', 'ab12cd35'],
    ['an unknown invite', 'register', 'zz99cd34'],
    ['half a code', 'register', 'ab12'],
    ['the type in upper case without a guid (RFCx lower-cases only a type/guid value)', 'REGISTER', 'ab12cd34'],
  ])('refuses %s with a plain 401, and nothing is redeemed', async (_name, user, token) => {
    await expectUnauthorized(await register('bbbbbbbbbbbb', inviteAuth(user, token)));
    const state = JSON.stringify(await (await fetch(`${mock().url}/__admin/state`)).json());
    expect(state).toContain('"redemptions_left":2');
  });

  it('works only on its own path: elsewhere 401 and nothing is redeemed', async () => {
    await expectUnauthorized(await software(mock(), inviteAuth()), 'auth.invalid');
    await expectUnauthorized(await checkin(mock(), GUARDIAN.guid, { headers: inviteAuth() }), 'auth.invalid');
    expect((await register('cccccccccccc')).status).toBe(200);
    expect((await register('ccccccccccc2')).status).toBe(200);
  });

  it('a guid that is already registered → 200 with a new token; the old token stops working, the history stays', async () => {
    expect((await checkin(mock(), GUARDIAN.guid, { headers: guardianAuth() })).status).toBe(200);
    const res = await register(GUARDIAN.guid);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Registered;
    expect(body.guid).toBe(GUARDIAN.guid);
    expect(body.token).not.toBe(GUARDIAN.token);
    expect(body.name).toBe('RFCx Guardian (DF72C6)');
    await expectUnauthorized(await checkin(mock(), GUARDIAN.guid, { headers: guardianAuth() }), 'auth.invalid');
    expect((await checkin(mock(), GUARDIAN.guid, { headers: guardianAuth({ guid: GUARDIAN.guid, token: body.token }) })).status).toBe(200);
    const state = (await (await fetch(`${mock().url}/__admin/state`)).json()) as { providers: { rfcx: { guardians: Array<{ guid: string; checkins: number }> } } };
    expect(state.providers.rfcx.guardians.filter((g) => g.guid === GUARDIAN.guid)).toEqual([expect.objectContaining({ checkins: 2 })]);
  });

  // guardians.js reads only credentials: a user token (no allowed paths) registers a guardian too.
  it('no user-type check: a user token registers a guardian and redeems nothing', async () => {
    expect((await register('us3rmade0001', userAuth())).status).toBe(200);
    expect((await register('dddddddddddd')).status).toBe(200);
    expect((await register('ddddddddddd2')).status).toBe(200);
    await expectUnauthorized(await register('ddddddddddd3'), 'auth.exhausted');
  });

  it.each([
    ['a number as shortname', { shortname: 42 }],
    ['a 201-character shortname', { shortname: 'x'.repeat(201) }],
    ['an object as pin_code', { pin_code: { a: 1 } }],
  ])('%s → RFCx JSON 400, never a 500', async (_name, extra) => {
    const res = await register('eeeeeeeeeeee', inviteAuth(), extra);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { status: 400 } });
  });

  it('a malformed guid → RFCx JSON 400', async () => {
    const res = await register('NOT-A-GUID');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { status: 400 } });
  });

  it('200 parallel registrations with 2 redemptions left → exactly 2 successes, 198 plain 401s, never a 5xx', async () => {
    const guids = Array.from({ length: 200 }, (_, i) => `race${String(i).padStart(8, '0')}`);
    const responses = await Promise.all(guids.map((guid) => register(guid)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(2);
    expect(statuses.filter((s) => s === 401)).toHaveLength(198);
    const exhausted = responses.filter((r) => r.status === 401).map((r) => problemOf(r)?.code);
    expect(new Set(exhausted)).toEqual(new Set(['auth.exhausted']));
  });

  it('an invite with 1 redemption left under 50 parallel requests → exactly 1 success, 10 times', async () => {
    for (let round = 0; round < 10; round++) {
      await mock().world.store.reset();
      await seedRfcx(mock(), { registration_tokens: [{ code: 'ef56gh78', allowed_redemptions: 1 }] });
      const responses = await Promise.all(
        Array.from({ length: 50 }, (_, i) => register(`r${round}x${String(i).padStart(9, '0')}`.slice(0, 12), inviteAuth('register', 'ef56gh78'))),
      );
      expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
    }
  });
});

describe('temporary tokens (token/<uuid>)', () => {
  it('the fixture token has no use limit: 20 uses on its allowed path all succeed', async () => {
    for (let i = 0; i < 20; i++) expect((await software(mock(), tempAuth())).status).toBe(200);
  });

  it('a use on a path outside its allowed paths is a 401', async () => {
    await expectUnauthorized(await rfcx(mock(), '/v1/users/logout', { method: 'POST', headers: tempAuth() }), 'auth.invalid');
    await expectUnauthorized(await checkin(mock(), GUARDIAN.guid, { headers: tempAuth() }), 'auth.invalid');
  });

  it('a use limit set in the fixtures counts only successful uses; no route checks the type', async () => {
    const guid = '11111111-2222-4333-8444-555555555555';
    const token = 'rfcxtemptokenforcheckins0000000000000000';
    await seedRfcx(mock(), { temporary_tokens: [{ guid, token, remaining_uses: 2, allowed_paths: ['/v1/guardians/*/checkins'] }] });
    await expectUnauthorized(await software(mock(), tempAuth(guid, token)), 'auth.invalid');
    expect((await checkin(mock(), GUARDIAN.guid, { headers: tempAuth(guid, token) })).status).toBe(200);
    expect((await checkin(mock(), GUARDIAN.guid, { headers: tempAuth(guid, token) })).status).toBe(200);
    await expectUnauthorized(await checkin(mock(), GUARDIAN.guid, { headers: tempAuth(guid, token) }), 'auth.exhausted');
  });

  it('lives 15 minutes by default', async () => {
    const guid = '21111111-2222-4333-8444-555555555555';
    const token = 'rfcxtemptokendefaultlifetime000000000000';
    await seedRfcx(mock(), { temporary_tokens: [{ guid, token }] });
    mock().clock.advance(15 * MINUTE - 1);
    expect((await software(mock(), tempAuth(guid, token))).status).toBe(200);
    mock().clock.advance(1);
    await expectUnauthorized(await software(mock(), tempAuth(guid, token)), 'auth.expired');
  });

  it('a wrong token for the guid → 401', async () => {
    await expectUnauthorized(await software(mock(), tempAuth(TEMP.guid, USER.token)), 'auth.invalid');
  });
});

describe('a full client journey', () => {
  it('log in → register a guardian → it checks in, pings and fetches software → log out → token dead', async () => {
    const login = (await (await rfcx(mock(), '/v1/users/login', { form: { email: USER.email, password: USER.password } })).json()) as Array<{
      guid: string;
      tokens: Array<{ token: string }>;
    }>;
    const person = userAuth(login[0]!.tokens[0]!.token, login[0]!.guid);
    expect((await software(mock(), person)).status).toBe(200);

    const device = (await (await register('j0urneyguard')).json()) as { guid: string; token: string };
    const headers = guardianAuth(device);
    expect((await checkin(mock(), device.guid, { headers, multipart: { meta: 'battery*90' } })).status).toBe(200);
    expect((await rfcx(mock(), `/v2/guardians/${device.guid}/pings`, { method: 'POST', headers, json: { battery: 90 } })).status).toBe(200);
    const releases = await rfcx(mock(), `/v1/guardians/${device.guid}/software/updater`, { headers });
    expect(((await releases.json()) as Array<{ version: string }>).map((r) => r.version)).toEqual(['0.4.1', '0.4.0']);

    expect(await (await rfcx(mock(), '/v1/users/logout', { method: 'POST', headers: person })).json()).toEqual({ tokens_removed: 2 });
    await expectUnauthorized(await software(mock(), person));
    expect((await checkin(mock(), device.guid, { headers })).status).toBe(200);
  });
});
