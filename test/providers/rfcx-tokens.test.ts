// RFCx registration invites (atomic redemptions), temporary tokens (uses, paths, lifetime), and a full client journey.

import { describe, expect, it } from 'vitest';
import { useMock } from '../helpers/harness.js';
import { problemOf } from '../helpers/listen.js';
import {
  GUARDIAN,
  INVITE,
  TEMP,
  USER,
  checkin,
  expectForbidden,
  expectUnauthorized,
  guardianAuth,
  rfcx,
  seedRfcx,
  userAuth,
} from './rfcx-client.js';

const mock = useMock();

const MINUTE = 60_000;
const inviteAuth = (user = INVITE.user, token = INVITE.token): Record<string, string> => ({ 'x-auth-user': user, 'x-auth-token': token });
const register = (guid: string, headers: Record<string, string> = inviteAuth(), extra: Record<string, unknown> = {}): Promise<Response> =>
  rfcx(mock(), '/v2/guardians/register', { headers, json: { guid, ...extra } });
const tempAuth = (guid = TEMP.guid, token = TEMP.token): Record<string, string> => ({ 'x-auth-user': `token/${guid}`, 'x-auth-token': token });
const me = (headers: Record<string, string>): Promise<Response> => rfcx(mock(), '/v1/users/me', { headers });

describe('registration invites (register/<first half> + <second half>)', () => {
  it('registers a guardian whose new token then works on its own paths only', async () => {
    const res = await register('k3x9p2qm7a1z', inviteAuth(), { name: 'Ridge 4' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { name: string; guid: string; token: string; pin_code: string };
    expect(body).toMatchObject({ name: 'Ridge 4', guid: 'k3x9p2qm7a1z' });
    expect(body.token).toMatch(/^[0-9a-z]{40}$/);
    expect(body.pin_code).toMatch(/^[0-9]{4}$/);
    const own = guardianAuth({ guid: body.guid, token: body.token });
    expect((await checkin(mock(), body.guid, { headers: own })).status).toBe(200);
    expect((await rfcx(mock(), `/v2/guardians/${body.guid}/pings`, { method: 'POST', headers: own })).status).toBe(200);
    await expectUnauthorized(await checkin(mock(), GUARDIAN.guid, { headers: own }));
  });

  it('keeps a token the client chose, and derives a name when none is given', async () => {
    const token = 'z'.repeat(40);
    const body = (await (await register('abcdefabcdef', inviteAuth(), { token })).json()) as { token: string; name: string };
    expect(body.token).toBe(token);
    expect(body.name.length).toBeGreaterThan(0);
  });

  it('takes the invite from form fields next to the guardian fields', async () => {
    const res = await rfcx(mock(), '/v2/guardians/register', { form: { guid: 'f0rmf1elds00', name: 'Ridge 4', auth_user: INVITE.user, auth_token: INVITE.token } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ guid: 'f0rmf1elds00', name: 'Ridge 4' });
  });

  it('is case-insensitive in both halves', async () => {
    expect((await register('aaaaaaaaaaaa', inviteAuth('REGISTER/AB12', 'CD34'))).status).toBe(200);
  });

  it('allows exactly allowed_redemptions (2) successful requests, then 401', async () => {
    expect((await register('aaaaaaaaaaa1')).status).toBe(200);
    expect((await register('aaaaaaaaaaa2')).status).toBe(200);
    await expectUnauthorized(await register('aaaaaaaaaaa3'), 'auth.exhausted');
    const state = JSON.stringify(await (await fetch(`${mock().url}/__admin/state`)).json());
    expect(state).toContain('"redemptions_left":0');
  });

  it.each([
    ['the whole code as the token', 'register/ab12cd34', 'ab12cd34'],
    ['the whole code as the guid with the secret half', 'register/ab12cd34', 'cd34'],
    ['a wrong secret half', 'register/ab12', 'cd35'],
    ['an unknown invite', 'register/zz99', 'cd34'],
  ])('refuses %s', async (_name, user, token) => {
    await expectUnauthorized(await register('bbbbbbbbbbbb', inviteAuth(user, token)));
  });

  it('works only on its own path: elsewhere 401 and nothing is redeemed', async () => {
    await expectUnauthorized(await me(inviteAuth()), 'auth.invalid');
    await expectUnauthorized(await checkin(mock(), GUARDIAN.guid, { headers: inviteAuth() }), 'auth.invalid');
    expect((await register('cccccccccccc')).status).toBe(200);
    expect((await register('ccccccccccc2')).status).toBe(200);
  });

  it('a guid that is already registered → RFCx JSON 400 (the redemption is still counted, as RFCx counts per request)', async () => {
    const res = await register(GUARDIAN.guid);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { message: string; error: { status: number } };
    expect(body.error).toEqual({ status: 400 });
    expect(body.message).toMatch(/already registered/);
    expect((await register('dddddddddddd')).status).toBe(200);
    await expectUnauthorized(await register('ddddddddddd2'), 'auth.exhausted');
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
        Array.from({ length: 50 }, (_, i) => register(`r${round}x${String(i).padStart(9, '0')}`.slice(0, 12), inviteAuth('register/ef56', 'gh78'))),
      );
      expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
    }
  });
});

describe('temporary tokens (token/<uuid>)', () => {
  it('the fixture token answers users/me for its user exactly 3 times, then 401', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await me(tempAuth());
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ guid: USER.guid, email: USER.email });
    }
    await expectUnauthorized(await me(tempAuth()), 'auth.exhausted');
  });

  it('a use on a path outside its allowed paths is a 401 that uses nothing', async () => {
    for (let i = 0; i < 5; i++) {
      await expectUnauthorized(await rfcx(mock(), '/v1/users/logout', { method: 'POST', headers: tempAuth() }), 'auth.invalid');
    }
    for (let i = 0; i < 3; i++) expect((await me(tempAuth())).status).toBe(200);
    await expectUnauthorized(await me(tempAuth()));
  });

  it('allowed path but a route whose user types exclude `token` → 403 that uses nothing', async () => {
    const guid = '11111111-2222-4333-8444-555555555555';
    const token = 'rfcxtemptokenforcheckins0000000000000000';
    await seedRfcx(mock(), {
      temporary_tokens: [{ guid, token, remaining_uses: 1, allowed_paths: ['/v1/guardians/*/checkins', '/v1/users/me'], user_guid: USER.guid }],
    });
    await expectForbidden(await checkin(mock(), GUARDIAN.guid, { headers: tempAuth(guid, token) }));
    await expectForbidden(await checkin(mock(), GUARDIAN.guid, { headers: tempAuth(guid, token) }));
    expect((await me(tempAuth(guid, token))).status).toBe(200);
    await expectUnauthorized(await me(tempAuth(guid, token)), 'auth.exhausted');
  });

  it('lives 15 minutes by default', async () => {
    const guid = '21111111-2222-4333-8444-555555555555';
    const token = 'rfcxtemptokendefaultlifetime000000000000';
    await seedRfcx(mock(), { temporary_tokens: [{ guid, token, user_guid: USER.guid }] });
    mock().clock.advance(15 * MINUTE - 1);
    expect((await me(tempAuth(guid, token))).status).toBe(200);
    mock().clock.advance(1);
    await expectUnauthorized(await me(tempAuth(guid, token)), 'auth.expired');
  });

  it('a temporary token that acts for no user gets 403 on users/me', async () => {
    const guid = '31111111-2222-4333-8444-555555555555';
    const token = 'rfcxtemptokenwithoutuser0000000000000000';
    await seedRfcx(mock(), { temporary_tokens: [{ guid, token }] });
    await expectForbidden(await me(tempAuth(guid, token)));
  });

  it('a wrong token for the guid → 401', async () => {
    await expectUnauthorized(await me(tempAuth(TEMP.guid, USER.token)), 'auth.invalid');
  });
});

describe('a full client journey', () => {
  it('log in → me → register a guardian → it checks in, pings and fetches software → log out → token dead', async () => {
    const login = (await (await rfcx(mock(), '/v1/users/login', { form: { email: USER.email, password: USER.password } })).json()) as Array<{
      guid: string;
      tokens: Array<{ token: string }>;
    }>;
    const person = userAuth(login[0]!.tokens[0]!.token, login[0]!.guid);
    expect((await me(person)).status).toBe(200);

    const device = (await (await register('j0urneyguard')).json()) as { guid: string; token: string };
    const headers = guardianAuth(device);
    expect((await checkin(mock(), device.guid, { headers, multipart: { meta: 'battery*90' } })).status).toBe(200);
    expect((await rfcx(mock(), `/v2/guardians/${device.guid}/pings`, { method: 'POST', headers, json: { battery: 90 } })).status).toBe(200);
    const software = await rfcx(mock(), `/v1/guardians/${device.guid}/software/updater`, { headers });
    expect(((await software.json()) as Array<{ version: string }>).map((r) => r.version)).toEqual(['0.4.1', '0.4.0']);
    await expectForbidden(await checkin(mock(), device.guid, { headers: person }));

    expect(await (await rfcx(mock(), '/v1/users/logout', { method: 'POST', headers: person })).json()).toEqual({ tokens_removed: 2 });
    await expectUnauthorized(await me(person));
    expect((await checkin(mock(), device.guid, { headers })).status).toBe(200);
  });
});
