// Duet over HTTP: application + account tokens, sign-in by email or phone, account-level auth, informational headers.
// Sources: the Duet docs repo duet/duet.github.com (1/authentication.markdown, 1/post/account/sign_in.markdown,
// 1/get/account.markdown, _config.yml resources.account); account creation and changes are in duet-account.test.ts.

import { describe, expect, it } from 'vitest';
import { useMock } from '../../helpers/harness.js';
import { problemOf } from '../../helpers/listen.js';

const IPHONE = 'duet-iphone-app-token';
const ANDROID = 'duet-android-app-token';
const LOGIN = 'demo@duet.example';
const PHONE = '2025550143';
const PASSWORD = 'duet-demo-password';
const JSON_TYPE = 'application/json; charset=utf-8';
const TEXT_TYPE = 'text/plain; charset=utf-8';
const PUSH_TOKEN = 'FE66489F304DC75B8D6E8200DFF8A456E8DAEACEC428B427E9518741C92C6660';

const mock = useMock();

/** The demo account of fixtures/default.yaml as `GET /1/account` answers it. */
const DEMO_ACCOUNT = {
  id: 1,
  first_name: 'Duet',
  last_name: 'Demo',
  email: LOGIN,
  phone: PHONE,
  gender: null,
  born_on: null,
  image: {
    original: 'http://cdn.duet.me/default/original_account_image.png',
    mini: 'http://cdn.duet.me/default/mini_account_image.png',
    medium: 'http://cdn.duet.me/default/medium_account_image.png',
    small: 'http://cdn.duet.me/default/small_account_image.png',
  },
};

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
    const res = await postJson('/1/account', { account: { first_name: 'New', email: 'new@duet.example', password: 'long-enough', phone: '4155550100' } }, await headers());
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

  // 1/post/account/sign_in.markdown: "account[login] - can be either email or phone".
  it.each([
    ['the email', LOGIN],
    ['the email in another case with spaces (Devise case-insensitive, stripped keys)', ' DEMO@duet.example'],
    ['the phone', PHONE],
    ['the phone written with separators', '(202) 555-0143'],
  ])('signs in with %s as account[login]', async (_name, login) => {
    expect((await signIn(login, PASSWORD)).status).toBe(200);
  });

  // The sign-in page lists `200 OK` and `401 Unauthorized` only: bad credentials of any kind are a 401, never a 422.
  it.each<[string, Record<string, unknown>]>([
    ['a wrong password', { login: LOGIN, password: 'duet-demo-passwor' }],
    ['the password in another case', { login: LOGIN, password: PASSWORD.toUpperCase() }],
    ['an unknown login', { login: 'nobody@duet.example', password: PASSWORD }],
    ['an unknown phone', { login: '2025550144', password: PASSWORD }],
    ['an empty password', { login: LOGIN, password: '' }],
    ['no login', { password: PASSWORD }],
    ['a blank login', { login: '  ', password: PASSWORD }],
    ['no password', { login: LOGIN }],
    ['no account parameters at all', {}],
  ])('refuses %s with a bare 401', async (_name, account) => {
    await expectUnauthorized(await postJson('/1/account/sign_in', { account }, app()), 'auth.invalid');
  });

  it('refuses a sign-in without any body with a bare 401', async () => {
    await expectUnauthorized(await call('/1/account/sign_in', { method: 'POST', headers: app() }), 'auth.invalid');
  });

  it('refuses the wrong password as a form and as multipart too', async () => {
    await expectUnauthorized(await postForm('/1/account/sign_in', { 'account[login]': LOGIN, 'account[password]': 'nope' }, app()), 'auth.invalid');
    const data = new FormData();
    data.append('account[login]', LOGIN);
    data.append('account[password]', 'nope');
    await expectUnauthorized(await call('/1/account/sign_in', { method: 'POST', headers: app(), body: data }), 'auth.invalid');
  });

  it('signs in from a multipart body', async () => {
    const data = new FormData();
    data.append('account[login]', PHONE);
    data.append('account[password]', PASSWORD);
    const res = await call('/1/account/sign_in', { method: 'POST', headers: app(), body: data });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ account: { authentication_token: await tokenOf() } });
  });

  // The wrapper differs between versions of the docs: the sign-in page (default) vs _config.yml's bare object.
  it('answers the bare {"authentication_token"} of _config.yml when the fixtures set sign_in_wrapper: none', async () => {
    const token = await tokenOf();
    const set = await fetch(`${mock().url}/__admin/fixtures`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: json({ duet: { settings: { sign_in_wrapper: 'none' } } }),
    });
    expect(set.status).toBe(200);
    const res = await signIn();
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(json({ authentication_token: token }));
  });
});

describe('account-level methods', () => {
  it('GET /duet/1/account returns the account of the token', async () => {
    const res = await call('/1/account', { headers: both(await tokenOf()) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(JSON_TYPE);
    // _config.yml resources.account.basic: the account object, top level, with the default image's versions.
    expect(await res.text()).toBe(json(DEMO_ACCOUNT));
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
    const res = await postJson('/1/account/change_password', { account: { password: 'brand-new-pw', password_confirmation: 'brand-new-pw' } }, headers(await tokenOf()));
    await expectUnauthorized(res, code);
    expect((await signIn()).status).toBe(200);
  });
  it.each(bad)('update, image and privacy with %s are bare 401s and change nothing', async (_name, headers, code) => {
    const token = await tokenOf();
    const before = await mock().world.store.digest();
    await expectUnauthorized(await postJson('/1/account/update', { account: { first_name: 'Mallory' } }, headers(token)), code);
    const data = new FormData();
    data.append('account[image]', new Blob(['GIF89a']), 'x.gif');
    await expectUnauthorized(await call('/1/account/image', { method: 'POST', headers: headers(token), body: data }), code);
    await expectUnauthorized(await call('/1/account/privacy', { headers: headers(token) }), code);
    await expectUnauthorized(await postJson('/1/account/privacy', { account: { maximum_privacy: '1' } }, headers(token)), code);
    expect(await mock().world.store.digest()).toBe(before);
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
    ['a text/plain body', () => call('/1/account', { method: 'POST', headers: { ...app(), 'content-type': 'text/plain' }, body: 'email=x' }), 415, { errors: { base: [expect.any(String)] } }],
    ['a top-level array', () => postJson('/1/account', [{ account: { email: 'x@duet.example', password: 'long-enough' } }], app()), 422, { errors: { account: ["can't be blank"] } }],
    ['a __proto__ payload', () => call('/1/account', { method: 'POST', headers: { ...app(), 'content-type': 'application/json' }, body: '{"account":{"email":"p@duet.example","password":"long-enough","__proto__":{"admin":true}}}' }), 400, { errors: { base: [expect.any(String)] } }],
    ['multipart without a boundary', () => call('/1/account', { method: 'POST', headers: { ...app(), 'content-type': 'multipart/form-data' }, body: 'x' }), 400, { errors: { base: [expect.stringContaining('no boundary')] } }],
    [
      'a truncated multipart body',
      () => call('/1/account', { method: 'POST', headers: { ...app(), 'content-type': 'multipart/form-data; boundary=b1' }, body: '--b1\r\nContent-Disposition: form-data; name="account[email]"\r\n\r\nt@duet.example' }),
      400,
      { errors: { base: ['multipart body: part 1 is truncated (no closing boundary)'] } },
    ],
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
    ['a 422 sign-up', () => postJson('/1/account', { account: { first_name: 'X', email: LOGIN, password: 'x', phone: '4155550100' } }, app())],
    ['a 401 sign-in', () => signIn(LOGIN, 'wrong-password')],
    ['a 422 password change', (token) => postJson('/1/account/change_password', { account: { password: 'brand-new-pw', password_confirmation: 'brand-new-px' } }, both(token))],
    ['a 422 update', (token) => postJson('/1/account/update', { account: { first_name: 'Ok', email: 'not-an-email' } }, both(token))],
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
  it('creates an account (multipart with a photo), signs in by phone, reads it, changes the password and signs in again', async () => {
    const headers = { ...app(), 'x-device-identifier': 'journey-phone' };
    expect(await (await call('/1', { headers })).text()).toBe('Welcome to the Duet API');
    const data = new FormData();
    for (const [k, v] of Object.entries({ first_name: 'Jo', email: 'journey@duet.example', password: 'first-password', phone: '+1 415 555 0188' })) {
      data.append(`account[${k}]`, v);
    }
    data.append('account[image]', new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' }), 'jo.png');
    const created = await call('/1/account', { method: 'POST', headers, body: data });
    expect(created.status).toBe(200);
    const account = (await created.json()) as { id: number; image: { original: string } };
    expect(account.image.original).toMatch(new RegExp(`^http://cdn\\.duet\\.me/uploads/account/image/${account.id}/original_[0-9a-f]{32}\\.png$`));

    const token = await tokenOf('14155550188', 'first-password');
    const me = await call('/1/account', { headers: { ...headers, 'x-account-token': token } });
    expect(await me.json()).toEqual(account);

    mock().clock.advance(30 * 24 * 3600 * 1000);
    const changed = await postJson('/1/account/change_password', { account: { password: 'second-password', password_confirmation: 'second-password' } }, { ...headers, 'x-account-token': token });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toEqual(account);
    await expectUnauthorized(await signIn('journey@duet.example', 'first-password'), 'auth.invalid');
    expect(await tokenOf('journey@duet.example', 'second-password')).toBe(token);
  });
});
