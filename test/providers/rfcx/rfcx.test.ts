// RFCx over HTTP: where credentials are found and in which order, identity parsing, guardian isolation, user login/logout.
// Source: rfcx/rfcx-api (middleware/passport-token/*, noncore/v1/users/users.js before ed88c0ade) and the RFCx wiki page.

import { describe, expect, it } from 'vitest';
import { DEFAULT_START, useMock } from '../../helpers/harness.js';
import { problemOf } from '../../helpers/listen.js';
import {
  GUARDIAN,
  OTHER_GUARDIAN,
  USER,
  checkin,
  rawRequest,
  expectUnauthorized,
  guardianAuth,
  rfcx,
  seedRfcx,
  software,
  userAuth,
  TEMP,
  type Call,
} from './client.js';

const mock = useMock();

const MINUTE = 60_000;
const G = GUARDIAN;
const auth = `auth_user=guardian/${G.guid}&auth_token=${G.token}`;

describe("the RFCx page's examples, verbatim", () => {
  it('accepts x-auth-user: guardian/df72c626229f & x-auth-token: 5ffd… (HTTP headers, preferred)', async () => {
    const res = await checkin(mock(), 'df72c626229f', {
      headers: { 'x-auth-user': 'guardian/df72c626229f', 'x-auth-token': '5ffd69500c83b9d948f5d0852538b5b983453182' },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { checkin_id: string; received_at: string };
    expect(body.received_at).toBe('2026-01-01T00:00:00.000Z');
    expect(body.checkin_id).toMatch(/^[0-9a-z]+$/);
  });

  it('accepts ?auth_user=guardian/df72c626229f&auth_token=5ffd… (query parameters)', async () => {
    const res = await rfcx(mock(), '/v2/guardians/df72c626229f/pings', {
      method: 'POST',
      query: 'auth_user=guardian/df72c626229f&auth_token=5ffd69500c83b9d948f5d0852538b5b983453182',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true, guid: 'df72c626229f' });
  });

  it('accepts auth_user / auth_token as form fields', async () => {
    const res = await rfcx(mock(), '/v2/guardians/df72c626229f/pings', {
      form: { auth_user: 'guardian/df72c626229f', auth_token: '5ffd69500c83b9d948f5d0852538b5b983453182' },
    });
    expect(res.status).toBe(200);
  });
});

describe('where the identity and the token are found', () => {
  const user = `guardian/${G.guid}`;
  it.each<[string, Call]>([
    ['both headers', { headers: guardianAuth() }],
    ['both in the query', { query: auth }],
    ['both as form fields', { form: { auth_user: user, auth_token: G.token } }],
    ['both as JSON body fields', { json: { auth_user: user, auth_token: G.token } }],
    ['both as multipart fields', { multipart: { auth_user: user, auth_token: G.token, meta: 'battery*87' } }],
    ['identity header + token in the body', { headers: { 'x-auth-user': user }, json: { auth_token: G.token } }],
    ['identity header + token in the query', { headers: { 'x-auth-user': user }, query: `auth_token=${G.token}` }],
    ['identity in the query + token header', { headers: { 'x-auth-token': G.token }, query: `auth_user=${user}` }],
    ['identity in the body + token in the query', { form: { auth_user: user }, query: `auth_token=${G.token}` }],
    ['upper-case type and guid (lower-cased)', { headers: { 'x-auth-user': `GUARDIAN/${G.guid.toUpperCase()}`, 'x-auth-token': G.token } }],
  ])('%s → 200', async (_name, call) => {
    expect((await checkin(mock(), G.guid, call)).status).toBe(200);
  });

  // RFCx's own lookup orders: identity header → query → body; token header → body → query.
  it.each<[string, Call, number]>([
    ['identity: header wins over query', { headers: { 'x-auth-user': `guardian/${G.guid}`, 'x-auth-token': G.token }, query: 'auth_user=guardian/zzzzzzzzzzzz' }, 200],
    ['identity: a wrong header is not rescued by a right query', { headers: { 'x-auth-user': 'guardian/zzzzzzzzzzzz', 'x-auth-token': G.token }, query: `auth_user=guardian/${G.guid}` }, 401],
    ['identity: query wins over body', { query: `auth_user=guardian/${G.guid}&auth_token=${G.token}`, form: { auth_user: 'guardian/zzzzzzzzzzzz' } }, 200],
    ['identity: a wrong query is not rescued by a right body', { query: `auth_user=guardian/zzzzzzzzzzzz&auth_token=${G.token}`, form: { auth_user: `guardian/${G.guid}` } }, 401],
    ['token: header wins over body', { headers: guardianAuth(), json: { auth_token: 'wrong' } }, 200],
    ['token: a wrong header is not rescued by a right body', { headers: { 'x-auth-user': `guardian/${G.guid}`, 'x-auth-token': 'wrong' }, json: { auth_token: G.token } }, 401],
    ['token: body wins over query', { query: `auth_user=guardian/${G.guid}&auth_token=wrong`, form: { auth_token: G.token } }, 200],
    ['token: a wrong body is not rescued by a right query', { query: `auth_user=guardian/${G.guid}&auth_token=${G.token}`, form: { auth_token: 'wrong' } }, 401],
  ])('%s', async (_name, call, status) => {
    expect((await checkin(mock(), G.guid, call)).status).toBe(status);
  });

  it.each<[string, Call]>([
    ['no credentials at all', {}],
    ['identity without token', { headers: { 'x-auth-user': `guardian/${G.guid}` } }],
    ['token without identity', { headers: { 'x-auth-token': G.token } }],
    ['the query parameter auth_user twice', { query: `auth_user=guardian/${G.guid}&auth_user=guardian/${G.guid}&auth_token=${G.token}` }],
    ['the query parameter auth_token twice', { query: `auth_user=guardian/${G.guid}&auth_token=${G.token}&auth_token=${G.token}` }],
    ['a JSON auth_token that is not a string', { headers: { 'x-auth-user': `guardian/${G.guid}` }, json: { auth_token: 12345 } }],
    ['a JSON auth_user that is an array', { json: { auth_user: [`guardian/${G.guid}`, 'user/x'], auth_token: G.token } }],
  ])('%s → plain 401', async (_name, call) => {
    await expectUnauthorized(await checkin(mock(), G.guid, call));
  });

  it.each([
    ['x-auth-token', { 'x-auth-user': `guardian/${G.guid}`, 'x-auth-token': [G.token, G.token] }],
    ['x-auth-user', { 'x-auth-user': [`guardian/${G.guid}`, `guardian/${G.guid}`], 'x-auth-token': G.token }],
  ])('two %s header lines → plain 401', async (_name, headers) => {
    const res = await rawRequest(mock(), 'POST', `/rfcx/v1/guardians/${G.guid}/checkins`, { ...headers, 'content-length': '0' });
    expect(res.status).toBe(401);
    expect(res.body).toBe('Unauthorized');
    expect(res.headers['content-type']).toBeUndefined();
  });
});

// middleware/passport-token/index.js: split on '/' (type and guid lower-cased, further parts ignored), else the type alone.
describe('the identity is read as RFCx reads it', () => {
  it.each([
    ['user', 'auth.malformed'],
    ['guardian', 'auth.malformed'],
    ['user/', 'auth.malformed'],
    ['/6f1e2d3c', 'auth.invalid'],
    [`admin/${G.guid}`, 'auth.invalid'],
    ['guardian/..', 'auth.malformed'],
    ['guardian/%2e%2e', 'auth.malformed'],
    ['guardian/df72c626229f%2F..', 'auth.malformed'],
    ['guardian/df72 c626229f', 'auth.malformed'],
    ['guardian//df72c626229f', 'auth.malformed'],
    ['', 'auth.invalid'],
  ])('x-auth-user %j → 401 (%s)', async (identity, code) => {
    await expectUnauthorized(await checkin(mock(), G.guid, { headers: { 'x-auth-user': identity, 'x-auth-token': G.token } }), code);
  });

  it('x-auth-user: guardian/<guid>/extra reads only the first two parts → 200', async () => {
    const res = await checkin(mock(), G.guid, { headers: { 'x-auth-user': `guardian/${G.guid}/extra`, 'x-auth-token': G.token } });
    expect(res.status).toBe(200);
  });

  it('an unknown guardian or a wrong token is a plain 401 that never says which', async () => {
    const unknown = await checkin(mock(), 'zzzzzzzzzzzz', { headers: { 'x-auth-user': 'guardian/zzzzzzzzzzzz', 'x-auth-token': G.token } });
    const wrong = await checkin(mock(), G.guid, { headers: { 'x-auth-user': `guardian/${G.guid}`, 'x-auth-token': G.token.replace('5', '6') } });
    await expectUnauthorized(unknown, 'auth.invalid');
    await expectUnauthorized(wrong, 'auth.invalid');
  });
});

describe('guardian tokens work only on their own guardian paths', () => {
  it.each<[string, string, Call]>([
    ['v1 checkins', `/v1/guardians/${G.guid}/checkins`, { method: 'POST' }],
    ['v1 software', `/v1/guardians/${G.guid}/software/guardian`, {}],
    ['v2 pings', `/v2/guardians/${G.guid}/pings`, { method: 'POST' }],
  ])('its own %s → 200', async (_name, path, call) => {
    expect((await rfcx(mock(), path, { ...call, headers: guardianAuth() })).status).toBe(200);
  });

  it.each<[string, string, Call]>([
    ["another guardian's checkins", `/v1/guardians/${OTHER_GUARDIAN.guid}/checkins`, { method: 'POST' }],
    ["another guardian's software", `/v1/guardians/${OTHER_GUARDIAN.guid}/software/guardian`, {}],
    ["another guardian's pings", `/v2/guardians/${OTHER_GUARDIAN.guid}/pings`, { method: 'POST' }],
    ['guardian registration', '/v2/guardians/register', { json: { guid: G.guid } }],
    ['users/logout', '/v1/users/logout', { method: 'POST' }],
  ])('on %s → 401', async (_name, path, call) => {
    await expectUnauthorized(await rfcx(mock(), path, { ...call, headers: guardianAuth() }), 'auth.invalid');
  });

  // auth-as-guardian.js anchors each rule with `$`: a trailing slash is not the guardian's path.
  it.each<[string, string, Call]>([
    ['checkins/', `/v1/guardians/${G.guid}/checkins/`, { method: 'POST' }],
    ['pings/', `/v2/guardians/${G.guid}/pings/`, { method: 'POST' }],
    ['software/guardian/', `/v1/guardians/${G.guid}/software/guardian/`, {}],
  ])('its own %s with a trailing slash → 401', async (_name, path, call) => {
    await expectUnauthorized(await rfcx(mock(), path, { ...call, headers: guardianAuth() }), 'auth.invalid');
  });

  it("the second guardian's token works on its own path but not on the first's", async () => {
    expect((await checkin(mock(), OTHER_GUARDIAN.guid, { headers: guardianAuth(OTHER_GUARDIAN) })).status).toBe(200);
    await expectUnauthorized(await checkin(mock(), G.guid, { headers: guardianAuth(OTHER_GUARDIAN) }));
  });

  it('lists the software releases of a role from the fixtures', async () => {
    const res = await rfcx(mock(), `/v1/guardians/${G.guid}/software/guardian`, { headers: guardianAuth() });
    const releases = (await res.json()) as Array<{ role: string; version: string; sha1: string; url: string }>;
    expect(releases.map((r) => r.version)).toEqual(['0.9.4', '0.9.3']);
    expect(releases.every((r) => r.role === 'guardian' && /^[0-9a-f]{40}$/.test(r.sha1))).toBe(true);
    const classify = await rfcx(mock(), `/v1/guardians/${G.guid}/software/classify`, { headers: guardianAuth() });
    expect(((await classify.json()) as Array<{ version: string }>).map((r) => r.version)).toEqual(['1.1.0']);
  });

  it('records check-ins and pings in /__admin/state without showing any token', async () => {
    await checkin(mock(), G.guid, { headers: guardianAuth() });
    mock().clock.advance(MINUTE);
    await rfcx(mock(), `/v2/guardians/${G.guid}/pings`, { method: 'POST', headers: guardianAuth() });
    const text = await (await fetch(`${mock().url}/__admin/state`)).text();
    const { providers } = JSON.parse(text) as { providers: { rfcx: { guardians: Array<Record<string, unknown>> } } };
    expect(providers.rfcx.guardians.find((g) => g['guid'] === G.guid)).toEqual({
      guid: G.guid,
      name: 'Demo Guardian',
      checkins: 1,
      last_checkin_at: '2026-01-01T00:00:00.000Z',
      last_ping_at: '2026-01-01T00:01:00.000Z',
    });
    for (const secret of [G.token, OTHER_GUARDIAN.token, USER.token, USER.password]) expect(text).not.toContain(secret);
  });

  it('works the same inside a sandbox (own state: a check-in there is not seen outside)', async () => {
    const sandbox = (await (await fetch(`${mock().url}/__admin/sandboxes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as { id: string };
    const res = await fetch(`${mock().url}/_sandbox/${sandbox.id}/rfcx/v1/guardians/${G.guid}/checkins`, { method: 'POST', headers: { ...guardianAuth(), 'content-length': '0' } });
    expect(res.status).toBe(200);
    const other = await fetch(`${mock().url}/_sandbox/${sandbox.id}/rfcx/v1/guardians/${OTHER_GUARDIAN.guid}/checkins`, { method: 'POST', headers: { ...guardianAuth(), 'content-length': '0' } });
    await expectUnauthorized(other);
    const state = (await (await fetch(`${mock().url}/__admin/state`)).json()) as { providers: { rfcx: { guardians: Array<{ guid: string; checkins: number }> } } };
    expect(state.providers.rfcx.guardians.find((g) => g.guid === G.guid)?.checkins).toBe(0);
    await fetch(`${mock().url}/__admin/sandboxes/${sandbox.id}`, { method: 'DELETE' });
  });
});

describe('user login, tokens and logout', () => {
  type LoginAnswer = Array<{ guid: string; email: string; firstname: string; lastname: string; tokens: Array<{ token: string; token_expires_at: string }> } & Record<string, unknown>>;
  const login = async (call: Call): Promise<LoginAnswer[number]> => {
    const res = await rfcx(mock(), '/v1/users/login', call);
    expect(res.status).toBe(200);
    const body = (await res.json()) as LoginAnswer;
    expect(body).toHaveLength(1);
    return body[0]!;
  };

  it.each<[string, number, Call]>([
    ['JSON', 1440, { json: { email: USER.email, password: USER.password } }],
    ['a form', 1440, { form: { email: USER.email, password: USER.password } }],
    ['JSON with extended_expiration 1', 5760, { json: { email: USER.email, password: USER.password, extended_expiration: 1 } }],
    ['a form with extended_expiration=1', 5760, { form: { email: USER.email, password: USER.password, extended_expiration: '1' } }],
    ['JSON with extended_expiration "1"', 5760, { json: { email: USER.email, password: USER.password, extended_expiration: '1' } }],
    ['JSON with extended_expiration 0', 1440, { json: { email: USER.email, password: USER.password, extended_expiration: 0 } }],
    // parseInt(true) is NaN: a normal token, never a 400.
    ['JSON with extended_expiration true', 1440, { json: { email: USER.email, password: USER.password, extended_expiration: true } }],
    ['a form with extended_expiration=true', 1440, { form: { email: USER.email, password: USER.password, extended_expiration: 'true' } }],
    ['a form with extended_expiration=yes', 1440, { form: { email: USER.email, password: USER.password, extended_expiration: 'yes' } }],
    ['JSON with extended_expiration "1 day"', 5760, { json: { email: USER.email, password: USER.password, extended_expiration: '1 day' } }],
    ['JSON with extended_expiration {}', 1440, { json: { email: USER.email, password: USER.password, extended_expiration: {} } }],
  ])('logs in with %s → a 40-character base-36 token living %i minutes', async (_name, minutes, call) => {
    const user = await login(call);
    expect(user).toMatchObject({ guid: USER.guid, email: USER.email, firstname: 'Demo', lastname: 'Ranger' });
    expect(user.tokens[0]!.token).toMatch(/^[0-9a-z]{40}$/);
    expect(user.tokens[0]!.token_expires_at).toBe(new Date(DEFAULT_START + minutes * MINUTE).toISOString());
  });

  // views/v1/models/users.js: guid, type, username, firstname, lastname, email, is_email_validated, last_login_at, tokens.
  it('answers the user as the RFCx user view has it, last_login_at set to this login', async () => {
    mock().clock.advance(5 * MINUTE);
    const user = await login({ json: { email: USER.email, password: USER.password } });
    expect(Object.keys(user)).toEqual(['guid', 'type', 'username', 'firstname', 'lastname', 'email', 'is_email_validated', 'last_login_at', 'tokens']);
    expect(user).toMatchObject({ type: null, username: 'demo-ranger', is_email_validated: true, last_login_at: new Date(DEFAULT_START + 5 * MINUTE).toISOString() });
  });

  it.each([
    ['a wrong password', { email: USER.email, password: 'wrong-password' }],
    ['an unknown email', { email: 'nobody@rfcx.example', password: USER.password }],
  ])('refuses %s with RFCx JSON 401', async (_name, json) => {
    const res = await rfcx(mock(), '/v1/users/login', { json });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ message: 'invalid email or password', error: { status: 401 } });
  });

  it('refuses a login without a password with RFCx JSON 400', async () => {
    const res = await rfcx(mock(), '/v1/users/login', { json: { email: USER.email } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { status: 400 } });
  });

  it('the new token works until 1440 minutes have passed; then 401 and it is removed', async () => {
    const { token } = (await login({ json: { email: USER.email, password: USER.password } })).tokens[0]!;
    expect((await software(mock(), userAuth(token))).status).toBe(200);
    mock().clock.advance(1440 * MINUTE - 1);
    expect((await software(mock(), userAuth(token))).status).toBe(200);
    mock().clock.advance(1);
    await expectUnauthorized(await software(mock(), userAuth(token)), 'auth.expired');
    mock().clock.set(DEFAULT_START); // back in time: the token was deleted, not just expired
    await expectUnauthorized(await software(mock(), userAuth(token)), 'auth.invalid');
  });

  it("a user token only works with its own user's guid", async () => {
    await expectUnauthorized(await software(mock(), userAuth(USER.token, '00000000-0000-4000-8000-000000000000')));
  });

  it("logout removes all of the user's tokens and reports how many", async () => {
    const first = (await login({ json: { email: USER.email, password: USER.password } })).tokens[0]!.token;
    const second = (await login({ form: { email: USER.email, password: USER.password } })).tokens[0]!.token;
    const res = await rfcx(mock(), '/v1/users/logout', { method: 'POST', headers: userAuth(first) });
    expect(await res.json()).toEqual({ tokens_removed: 3 }); // the fixture's token too
    for (const token of [first, second, USER.token]) await expectUnauthorized(await software(mock(), userAuth(token)));
  });

  it('logout with credentials in the JSON body', async () => {
    const res = await rfcx(mock(), '/v1/users/logout', { json: { auth_user: `user/${USER.guid}`, auth_token: USER.token } });
    expect(await res.json()).toEqual({ tokens_removed: 1 });
  });

  // No route checks the type (guardians-checkins.js, guardians-pings.js): an unrestricted user token works on a
  // guardian's paths, recorded for the guardian the path names; a token whose allowed paths exclude them gets 401.
  it("a user token on a guardian's paths: 200 when unrestricted, 401 when its allowed paths exclude the route", async () => {
    const res = await checkin(mock(), G.guid, { headers: userAuth() });
    expect(res.status).toBe(200);
    const ping = await rfcx(mock(), `/v2/guardians/${OTHER_GUARDIAN.guid}/pings`, { method: 'POST', headers: userAuth() });
    expect(await ping.json()).toEqual({ received: true, guid: OTHER_GUARDIAN.guid });
    const state = (await (await fetch(`${mock().url}/__admin/state`)).json()) as { providers: { rfcx: { guardians: Array<{ guid: string; checkins: number }> } } };
    expect(state.providers.rfcx.guardians.find((g) => g.guid === G.guid)?.checkins).toBe(1);
    const restricted = 'rfcxrestrictedusertoken00000000000000000';
    await seedRfcx(mock(), {
      users: [{ guid: USER.guid, email: USER.email, password: USER.password, firstname: 'Demo', lastname: 'Ranger', tokens: [{ token: restricted, allowed_paths: ['/v1/users/*'] }] }],
    });
    await expectUnauthorized(await checkin(mock(), G.guid, { headers: userAuth(restricted) }), 'auth.invalid');
    expect((await rfcx(mock(), '/v1/users/logout', { method: 'POST', headers: userAuth(restricted) })).status).toBe(200);
  });

  it('a user token on the path of a guardian that does not exist → RFCx JSON 404', async () => {
    const res = await checkin(mock(), 'zzzzzzzzzzzz', { headers: userAuth() });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ message: 'Guardian with given guid not found.', error: { status: 404 } });
    expect(problemOf(res)?.code).toBe('state.not_found');
  });

  // users.js logout: getUserByGuid(auth_token_info.guid) → EmptyResultError → 404 for a guid that is no user's.
  it('logout with a temporary token allowed there → RFCx JSON 404, no type check', async () => {
    const guid = '41111111-2222-4333-8444-555555555555';
    const token = 'rfcxtemptokenforlogout000000000000000000';
    await seedRfcx(mock(), { temporary_tokens: [{ guid, token, allowed_paths: ['/v1/users/logout'] }] });
    const res = await rfcx(mock(), '/v1/users/logout', { method: 'POST', headers: { 'x-auth-user': `token/${guid}`, 'x-auth-token': token } });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ message: 'User with given guid not found.', error: { status: 404 } });
    await expectUnauthorized(await rfcx(mock(), '/v1/users/logout', { method: 'POST', headers: { 'x-auth-user': `token/${TEMP.guid}`, 'x-auth-token': TEMP.token } }));
  });

  it('regex allowed paths (RFCx stores `^/v1/...`) are honoured', async () => {
    const token = 'rfcxregexusertoken0000000000000000000000';
    await seedRfcx(mock(), {
      users: [{ guid: USER.guid, email: USER.email, password: USER.password, tokens: [{ token, allowed_paths: ['^/v1/users/logout$'] }] }],
    });
    await expectUnauthorized(await software(mock(), userAuth(token)));
    expect((await rfcx(mock(), '/v1/users/logout', { method: 'POST', headers: userAuth(token) })).status).toBe(200);
  });

  it('401 bodies carry the reason only in X-Mock-Problem', async () => {
    const res = await checkin(mock(), G.guid, { headers: userAuth(USER.token.replace('r', 's')) });
    expect(await res.text()).toBe('Unauthorized');
    expect(problemOf(res)?.detail).toMatch(/user/);
  });
});
