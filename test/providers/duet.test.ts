// Duet over HTTP: application + account tokens, account creation and sign-in, change_password, informational headers.

import { describe, expect, it } from 'vitest';
import { useMock } from '../helpers/harness.js';
import { problemOf } from '../helpers/listen.js';

const IPHONE = 'duet-iphone-app-token';
const ANDROID = 'duet-android-app-token';
const LOGIN = 'demo@duet.example';
const PASSWORD = 'duet-demo-password';
const JSON_TYPE = 'application/json; charset=utf-8';
const TEXT_TYPE = 'text/plain; charset=utf-8';
const PUSH_TOKEN = 'FE66489F304DC75B8D6E8200DFF8A456E8DAEACEC428B427E9518741C92C6660';

const mock = useMock();

type Headers = Record<string, string>;
const call = (path: string, init: RequestInit = {}): Promise<Response> => fetch(`${mock().url}/duet${path}`, init);
const json = (body: unknown): string => JSON.stringify(body);
const postJson = (path: string, body: unknown, headers: Headers = {}): Promise<Response> =>
  call(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: json(body) });
const postForm = (path: string, form: Record<string, string>, headers: Headers = {}): Promise<Response> =>
  call(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(form).toString() });

const app = (token = IPHONE): Headers => ({ 'x-application-token': token });
const both = (accountToken: string, appToken = IPHONE): Headers => ({ ...app(appToken), 'x-account-token': accountToken });

async function signIn(login = LOGIN, password = PASSWORD, appToken = IPHONE): Promise<Response> {
  return postJson('/1/account/sign_in', { account: { login, password } }, app(appToken));
}

async function tokenOf(login = LOGIN, password = PASSWORD): Promise<string> {
  const res = await signIn(login, password);
  expect(res.status).toBe(200);
  return ((await res.json()) as { account: { authentication_token: string } }).account.authentication_token;
}

async function expectUnauthorized(res: Response, code: string): Promise<void> {
  expect(res.status).toBe(401);
  expect(res.headers.get('content-type')).toBe(TEXT_TYPE);
  expect(await res.text()).toBe('401 Unauthorized');
  expect(res.headers.get('www-authenticate')).toBeNull();
  expect(problemOf(res)?.code).toBe(code);
}

async function expectErrors(res: Response, errors: Record<string, string[]>): Promise<void> {
  expect(res.status).toBe(422);
  expect(res.headers.get('content-type')).toBe(JSON_TYPE);
  expect(await res.text()).toBe(json({ errors }));
}

describe('application-level authentication', () => {
  it.each([['iphone', IPHONE], ['android', ANDROID]])('GET /duet/1 welcomes the %s application', async (_name, token) => {
    const res = await call('/1', { headers: app(token) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(TEXT_TYPE);
    expect(await res.text()).toBe('Welcome to the Duet API');
    expect(res.headers.get('x-mock-problem')).toBeNull();
  });

  const badApp: Array<[string, () => Promise<Headers>, string]> = [
    ['no X-Application-Token', async () => ({}), 'auth.missing'],
    ['an unknown application token', async () => app('duet-ipad-app-token'), 'auth.invalid'],
    ['an application token in the wrong case', async () => app(IPHONE.toUpperCase()), 'auth.invalid'],
    ['an account token in X-Application-Token (swapped)', async () => app(await tokenOf()), 'auth.invalid'],
  ];
  it.each(badApp)('GET /duet/1 with %s is a bare 401', async (_name, headers, code) => {
    await expectUnauthorized(await call('/1', { headers: await headers() }), code);
  });
  it.each(badApp)('sign-in with %s is a bare 401 (sign-in needs the application too)', async (_name, headers, code) => {
    const res = await postJson('/1/account/sign_in', { account: { login: LOGIN, password: PASSWORD } }, await headers());
    await expectUnauthorized(res, code);
  });
  it.each(badApp)('account creation with %s is a bare 401 and creates nothing', async (_name, headers, code) => {
    const res = await postJson('/1/account', { account: { login: 'new@duet.example', password: 'long-enough' } }, await headers());
    await expectUnauthorized(res, code);
    await expectUnauthorized(await signIn('new@duet.example', 'long-enough'), 'auth.invalid');
  });

  it('says in X-Mock-Problem when the two tokens look swapped', async () => {
    const token = await tokenOf();
    const res = await call('/1/account', { headers: { 'x-application-token': token, 'x-account-token': IPHONE } });
    await expectUnauthorized(res, 'auth.invalid');
    expect(problemOf(res)?.detail).toMatch(/swapped/);
    expect(res.headers.get('x-mock-problem')).not.toContain(token);
  });
});

describe('account creation', () => {
  it('creates an account from nested JSON: 201 with id, login and an RFC 2822 created_at', async () => {
    mock().clock.set(Date.parse('2026-03-14T09:30:05Z'));
    const res = await postJson('/1/account', { account: { login: 'jane@example.com', password: 'correct-horse', name: 'Jane' } }, app());
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toBe(JSON_TYPE);
    const body = (await res.json()) as { account: { id: number } };
    expect(body).toEqual({ account: { id: expect.any(Number), login: 'jane@example.com', created_at: 'Sat, 14 Mar 2026 09:30:05 +0000' } });
    expect(Number.isInteger(body.account.id)).toBe(true);
    expect((await signIn('jane@example.com', 'correct-horse')).status).toBe(200);
  });

  it('creates an account from a Rails-style form, with a matching confirmation', async () => {
    const res = await postForm(
      '/1/account',
      { 'account[login]': '+14155550123', 'account[password]': 'correct-horse', 'account[password_confirmation]': 'correct-horse' },
      app(ANDROID),
    );
    expect(res.status).toBe(201);
    expect(((await res.json()) as { account: { login: string } }).account.login).toBe('+14155550123');
  });

  it('gives each new account its own id', async () => {
    const ids = [];
    for (const login of ['a@duet.example', 'b@duet.example']) {
      const res = await postJson('/1/account', { account: { login, password: 'long-enough' } }, app());
      ids.push(((await res.json()) as { account: { id: number } }).account.id);
    }
    expect(ids[1]).toBeGreaterThan(ids[0]!);
  });

  it.each<[string, Record<string, unknown>, Record<string, string[]>]>([
    ['a blank login', { login: '', password: 'long-enough' }, { login: ["can't be blank"] }],
    ['a login of spaces', { login: '   ', password: 'long-enough' }, { login: ["can't be blank"] }],
    ['a login already taken', { login: LOGIN, password: 'long-enough' }, { login: ['has already been taken'] }],
    ['a taken login in another case', { login: ' Demo@Duet.Example ', password: 'long-enough' }, { login: ['has already been taken'] }],
    ['a 7-character password', { login: 'new@duet.example', password: '1234567' }, { password: ['is too short (minimum is 8 characters)'] }],
    ['a blank password', { login: 'new@duet.example', password: '' }, { password: ["can't be blank"] }],
    ['no password at all', { login: 'new@duet.example' }, { password: ["can't be blank"] }],
    [
      'a confirmation that differs',
      { login: 'new@duet.example', password: 'long-enough', password_confirmation: 'long-enougH' },
      { password_confirmation: ["doesn't match Password"] },
    ],
    [
      'several bad fields at once',
      { login: LOGIN, password: 'short', password_confirmation: 'other' },
      { login: ['has already been taken'], password_confirmation: ["doesn't match Password"], password: ['is too short (minimum is 8 characters)'] },
    ],
  ])('refuses %s with 422 and the field errors', async (_name, account, errors) => {
    await expectErrors(await postJson('/1/account', { account }, app()), errors);
    expect(problemOf(await postJson('/1/account', { account }, app()))?.code).toMatch(/^(validation\.failed|request\.body_invalid)$/);
  });

  it('refuses a body without the account envelope with 422', async () => {
    await expectErrors(await postJson('/1/account', { login: 'x@duet.example', password: 'long-enough' }, app()), { account: ["can't be blank"] });
  });

  it('creates exactly one account when 20 sign-ups for one login race', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => postJson('/1/account', { account: { login: 'race@duet.example', password: `password-${i}` } }, app())),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 422)).toHaveLength(19);
  });
});

describe('sign-in', () => {
  it('returns 60 alphanumerics for nested JSON', async () => {
    const res = await signIn();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(JSON_TYPE);
    const body = (await res.json()) as { account: { authentication_token: string } };
    expect(Object.keys(body)).toEqual(['account']);
    expect(Object.keys(body.account)).toEqual(['authentication_token']);
    expect(body.account.authentication_token).toMatch(/^[A-Za-z0-9]{60}$/);
  });

  it('accepts the Rails form account[login] + account[password] and returns the same token every time', async () => {
    const first = await tokenOf();
    const res = await postForm('/1/account/sign_in', { 'account[login]': LOGIN, 'account[password]': PASSWORD }, app(ANDROID));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ account: { authentication_token: first } });
  });

  it.each([
    ['a wrong password', LOGIN, 'duet-demo-passwor'],
    ['the password in another case', LOGIN, PASSWORD.toUpperCase()],
    ['an unknown login', 'nobody@duet.example', PASSWORD],
    ['an empty password', LOGIN, ''],
  ])('refuses %s with a bare 401', async (_name, login, password) => {
    await expectUnauthorized(await signIn(login, password), 'auth.invalid');
  });

  it('finds the login whatever its case and surrounding spaces (Devise case-insensitive keys)', async () => {
    expect((await signIn(' DEMO@duet.example', PASSWORD)).status).toBe(200);
  });

  it('answers a body without login with 422', async () => {
    await expectErrors(await postJson('/1/account/sign_in', { account: { password: PASSWORD } }, app()), { login: ["can't be blank"] });
  });
});

describe('account-level methods', () => {
  it('GET /duet/1/account returns the account of the token', async () => {
    const res = await call('/1/account', { headers: both(await tokenOf()) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(JSON_TYPE);
    expect(await res.text()).toBe(json({ account: { id: 1, login: LOGIN, created_at: 'Thu, 01 Jan 2026 00:00:00 +0000' } }));
  });

  it('keeps working a year later: account tokens do not expire', async () => {
    const token = await tokenOf();
    mock().clock.advance(366 * 24 * 3600 * 1000);
    expect((await call('/1/account', { headers: both(token) })).status).toBe(200);
  });

  const bad: Array<[string, (token: string) => Headers, string]> = [
    ['no X-Account-Token', () => app(), 'auth.missing'],
    ['no X-Application-Token', (t) => ({ 'x-account-token': t }), 'auth.missing'],
    ['neither header', () => ({}), 'auth.missing'],
    ['a wrong account token', (t) => both(`${t.slice(0, -1)}${t.endsWith('a') ? 'b' : 'a'}`), 'auth.invalid'],
    ['an unknown application with a good account token', (t) => both(t, 'duet-unknown-app'), 'auth.invalid'],
    ['the application token in both headers', () => both(IPHONE), 'auth.invalid'],
    ['the two tokens swapped', (t) => ({ 'x-application-token': t, 'x-account-token': IPHONE }), 'auth.invalid'],
  ];
  it.each(bad)('GET /duet/1/account with %s is a bare 401', async (_name, headers, code) => {
    await expectUnauthorized(await call('/1/account', { headers: headers(await tokenOf()) }), code);
  });
  it.each(bad)('change_password with %s is a bare 401 and changes nothing', async (_name, headers, code) => {
    const res = await postJson('/1/account/change_password', { account: { current_password: PASSWORD, password: 'brand-new-pw', password_confirmation: 'brand-new-pw' } }, headers(await tokenOf()));
    await expectUnauthorized(res, code);
    expect((await signIn()).status).toBe(200);
  });
});

describe('change_password', () => {
  const change = (token: string, account: Record<string, string>): Promise<Response> =>
    postJson('/1/account/change_password', { account }, both(token));

  it.each<[string, Record<string, string>, Record<string, string[]>]>([
    ['a wrong current password', { current_password: 'nope-nope', password: 'brand-new-pw', password_confirmation: 'brand-new-pw' }, { current_password: ['is invalid'] }],
    ['a confirmation mismatch', { current_password: PASSWORD, password: 'brand-new-pw', password_confirmation: 'brand-new-px' }, { password_confirmation: ["doesn't match Password"] }],
    ['a short new password', { current_password: PASSWORD, password: 'short', password_confirmation: 'short' }, { password: ['is too short (minimum is 8 characters)'] }],
    ['a blank current password', { current_password: '', password: 'brand-new-pw', password_confirmation: 'brand-new-pw' }, { current_password: ["can't be blank"] }],
    [
      'everything wrong at once',
      { current_password: 'nope-nope', password: 'short', password_confirmation: 'other' },
      { current_password: ['is invalid'], password_confirmation: ["doesn't match Password"], password: ['is too short (minimum is 8 characters)'] },
    ],
  ])('refuses %s with 422 and keeps the old password and token', async (_name, account, errors) => {
    const token = await tokenOf();
    await expectErrors(await change(token, account), errors);
    expect(await tokenOf()).toBe(token);
    expect((await call('/1/account', { headers: both(token) })).status).toBe(200);
  });

  it('changes the password: 204, the old password and token stop working, the new password signs in with a new token', async () => {
    const old = await tokenOf();
    const res = await change(old, { current_password: PASSWORD, password: 'brand-new-pw', password_confirmation: 'brand-new-pw' });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    await expectUnauthorized(await signIn(LOGIN, PASSWORD), 'auth.invalid');
    await expectUnauthorized(await call('/1/account', { headers: both(old) }), 'auth.invalid');
    const fresh = await tokenOf(LOGIN, 'brand-new-pw');
    expect(fresh).not.toBe(old);
    expect((await call('/1/account', { headers: both(fresh) })).status).toBe(200);
  });

  it('accepts the form-encoded Rails parameters', async () => {
    const res = await postForm(
      '/1/account/change_password',
      { 'account[current_password]': PASSWORD, 'account[password]': 'brand-new-pw', 'account[password_confirmation]': 'brand-new-pw' },
      both(await tokenOf()),
    );
    expect(res.status).toBe(204);
  });
});

describe('informational headers', () => {
  const DEVICE: Headers = {
    'x-device-identifier': '6F9619FF-8B86-D011-B42D-00CF4FC964FF',
    'x-device-push-token': PUSH_TOKEN,
    'x-device-software-version': '17.1.2',
    'x-location-lat': '52.5208',
    'x-location-long': '13.4094',
    'x-device-language': 'en-US',
  };
  const devices = async (): Promise<Array<Record<string, unknown>>> => {
    const res = await fetch(`${mock().url}/__admin/state`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { providers: { duet: { devices: Array<Record<string, unknown>> } } }).providers.duet.devices;
  };

  it('records what the app sends per device, with the application, account and last-seen time', async () => {
    await call('/1', { headers: { ...app(), ...DEVICE } });
    mock().clock.advance(1500);
    const signedIn = await postJson('/1/account/sign_in', { account: { login: LOGIN, password: PASSWORD } }, { ...app(), ...DEVICE });
    const token = ((await signedIn.json()) as { account: { authentication_token: string } }).account.authentication_token;
    const res = await call('/1/account', { headers: { ...both(token), ...DEVICE, 'x-device-language': 'de-DE' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-mock-problem')).toBeNull();
    expect(await devices()).toEqual([
      {
        identifier: DEVICE['x-device-identifier'],
        push_token: PUSH_TOKEN,
        software_version: '17.1.2',
        latitude: '52.5208',
        longitude: '13.4094',
        language: 'de-DE',
        application: 'iphone',
        account_id: 1,
        problems: [],
        requests: 3,
        first_seen: '2026-01-01T00:00:00.000Z',
        last_seen: '2026-01-01T00:00:01.500Z',
      },
    ]);
  });

  it.each([
    ['a lower-case push token', { 'x-device-push-token': PUSH_TOKEN.toLowerCase() }, 'x-device-push-token', /Push-Token/],
    ['a 63-character push token', { 'x-device-push-token': PUSH_TOKEN.slice(1) }, 'x-device-push-token', /Push-Token/],
    ['a latitude of 91', { 'x-location-lat': '91' }, 'x-location-lat', /Lat/],
    ['a longitude of -180.5', { 'x-location-long': '-180.5' }, 'x-location-long', /Long/],
    ['a latitude that is not a number', { 'x-location-lat': 'north' }, 'x-location-lat', /Lat/],
  ])('serves a request with %s but warns in X-Mock-Problem and records the problem', async (_name, header, name, problem) => {
    const res = await call('/1', { headers: { ...app(), ...DEVICE, ...header } });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('Welcome to the Duet API');
    expect(problemOf(res)).toMatchObject({ code: 'warning.lenient_parameter', pointer: `/header/${name}` });
    const [device] = await devices();
    expect(device?.['problems']).toEqual([expect.stringMatching(problem)]);
  });

  it('files requests without X-Device-Identifier under unknown-device', async () => {
    await call('/1', { headers: { ...app(ANDROID), 'x-device-language': 'fr' } });
    expect(await devices()).toEqual([expect.objectContaining({ identifier: 'unknown-device', language: 'fr', application: 'android', push_token: null })]);
  });

  it('records nothing for a refused request', async () => {
    await call('/1', { headers: { ...app('duet-unknown-app'), ...DEVICE } });
    expect(await devices()).toEqual([]);
  });

  it('masks every secret in the state view', async () => {
    const token = await tokenOf();
    const text = await (await fetch(`${mock().url}/__admin/state`)).text();
    for (const secret of [token, PASSWORD, IPHONE, ANDROID]) expect(text).not.toContain(secret);
    expect(text).toContain(LOGIN);
  });
});

describe('refused requests change nothing', () => {
  it.each<[string, () => Promise<Response>, number, unknown]>([
    ['truncated JSON', () => call('/1/account/sign_in', { method: 'POST', headers: { ...app(), 'content-type': 'application/json' }, body: '{"account":{"login"' }), 400, { errors: { base: [expect.stringContaining('not valid JSON')] } }],
    ['a text/plain body', () => call('/1/account', { method: 'POST', headers: { ...app(), 'content-type': 'text/plain' }, body: 'login=x' }), 415, { errors: { base: [expect.any(String)] } }],
    ['a top-level array', () => postJson('/1/account', [{ account: { login: 'x@duet.example', password: 'long-enough' } }], app()), 422, { errors: { account: ["can't be blank"] } }],
    ['a __proto__ payload', () => call('/1/account', { method: 'POST', headers: { ...app(), 'content-type': 'application/json' }, body: '{"account":{"login":"p@duet.example","password":"long-enough","__proto__":{"admin":true}}}' }), 400, { errors: { base: [expect.any(String)] } }],
    ['a repeated X-Application-Token', () => call('/1', { headers: [['x-application-token', IPHONE], ['x-application-token', ANDROID]] }), 401, '401 Unauthorized'],
  ])('%s: the Duet format and the same state digest', async (_name, send, status, body) => {
    const before = await mock().world.store.digest();
    const res = await send();
    expect(res.status).toBe(status);
    const text = await res.text();
    if (typeof body === 'string') expect(text).toBe(body);
    else {
      expect(res.headers.get('content-type')).toBe(JSON_TYPE);
      expect(JSON.parse(text)).toEqual(body);
    }
    expect(await mock().world.store.digest()).toBe(before);
  });

  it.each<[string, (token: string) => Promise<Response>]>([
    ['a 422 sign-up', () => postJson('/1/account', { account: { login: LOGIN, password: 'x' } }, app())],
    ['a 401 sign-in', () => signIn(LOGIN, 'wrong-password')],
    ['a 422 password change', (token) => postJson('/1/account/change_password', { account: { current_password: 'nope-nope', password: 'brand-new-pw', password_confirmation: 'brand-new-pw' } }, both(token))],
    ['a 401 account call', (token) => call('/1/account', { headers: both(token, 'duet-unknown-app') })],
  ])('%s records no device and changes nothing', async (_name, send) => {
    const token = await tokenOf();
    const before = await mock().world.store.digest();
    const res = await send(token);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await mock().world.store.digest()).toBe(before);
    expect(await tokenOf()).toBe(token);
  });
});

describe('a mobile app journey', () => {
  it('creates an account, signs in, uses it, loses the token on a password change, and signs in again', async () => {
    const headers = { ...app(), 'x-device-identifier': 'journey-phone' };
    expect(await (await call('/1', { headers })).text()).toBe('Welcome to the Duet API');
    const created = await postForm('/1/account', { 'account[login]': 'journey@duet.example', 'account[password]': 'first-password' }, headers);
    expect(created.status).toBe(201);
    const { account } = (await created.json()) as { account: { id: number } };

    const signedIn = await postForm('/1/account/sign_in', { 'account[login]': 'journey@duet.example', 'account[password]': 'first-password' }, headers);
    const token = ((await signedIn.json()) as { account: { authentication_token: string } }).account.authentication_token;
    const me = await call('/1/account', { headers: { ...headers, 'x-account-token': token } });
    expect(await me.json()).toEqual({ account: { id: account.id, login: 'journey@duet.example', created_at: 'Thu, 01 Jan 2026 00:00:00 +0000' } });

    mock().clock.advance(30 * 24 * 3600 * 1000);
    const changed = await postJson(
      '/1/account/change_password',
      { account: { current_password: 'first-password', password: 'second-password', password_confirmation: 'second-password' } },
      { ...headers, 'x-account-token': token },
    );
    expect(changed.status).toBe(204);
    await expectUnauthorized(await call('/1/account', { headers: { ...headers, 'x-account-token': token } }), 'auth.invalid');

    const again = await tokenOf('journey@duet.example', 'second-password');
    expect((await call('/1/account', { headers: { ...headers, 'x-account-token': again } })).status).toBe(200);
  });
});
