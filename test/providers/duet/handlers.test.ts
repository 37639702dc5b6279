// Duet's account methods over HTTP: create (multipart with an image, form, JSON), update, image, change_password,
// privacy. Sources: the Duet docs repo duet/duet.github.com — 1/post/account.markdown, 1/post/account/update.markdown,
// 1/post/account/image.markdown, 1/post/account/change_password.markdown, 1/post/account/privacy.markdown and
// _config.yml resources.account (the account object, its errors and privacy examples).

import { describe, expect, it } from 'vitest';
import { useMock } from '../../helpers/harness.js';
import { problemOf } from '../../helpers/listen.js';

const APP = { 'x-application-token': 'duet-iphone-app-token' };
const LOGIN = 'demo@duet.example';
const PASSWORD = 'duet-demo-password';
const JSON_TYPE = 'application/json; charset=utf-8';
const DEFAULT_IMAGE = {
  original: 'http://cdn.duet.me/default/original_account_image.png',
  mini: 'http://cdn.duet.me/default/mini_account_image.png',
  medium: 'http://cdn.duet.me/default/medium_account_image.png',
  small: 'http://cdn.duet.me/default/small_account_image.png',
};
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const mock = useMock();

type Fields = Record<string, string>;
interface Upload {
  name: string;
  type: string;
  bytes?: Uint8Array;
}
const call = (path: string, init: RequestInit = {}): Promise<Response> => fetch(`${mock().url}/duet${path}`, init);
const postJson = (path: string, body: unknown, headers: Fields = APP): Promise<Response> =>
  call(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const postForm = (path: string, account: Fields, headers: Fields = APP): Promise<Response> =>
  call(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(Object.entries(account).map(([k, v]): [string, string] => [`account[${k}]`, v])).toString(),
  });
/** What an iOS or Android HTTP library sends for a form with a file: multipart/form-data, Rails names. */
function postMultipart(path: string, account: Fields, image?: Upload, headers: Fields = APP): Promise<Response> {
  const data = new FormData();
  for (const [k, v] of Object.entries(account)) data.append(`account[${k}]`, v);
  if (image) data.append('account[image]', new Blob([image.bytes ?? PNG], { type: image.type }), image.name);
  return call(path, { method: 'POST', headers, body: data });
}

const JANE = { first_name: 'Jane', email: 'jane@example.com', password: 'correct-horse', phone: '4155550123' };

async function signIn(login: string, password: string): Promise<Response> {
  return postJson('/1/account/sign_in', { account: { login, password } });
}
async function tokenOf(login = LOGIN, password = PASSWORD): Promise<string> {
  const res = await signIn(login, password);
  expect(res.status).toBe(200);
  return ((await res.json()) as { account: { authentication_token: string } }).account.authentication_token;
}
const both = (token: string): Fields => ({ ...APP, 'x-account-token': token });

async function expectErrors(res: Response, errors: Record<string, string[]>): Promise<void> {
  expect(res.status).toBe(422);
  expect(res.headers.get('content-type')).toBe(JSON_TYPE);
  expect(await res.text()).toBe(JSON.stringify({ errors }));
  expect(problemOf(res)?.code).toBe('validation.failed');
}

describe('POST /1/account (1/post/account.markdown)', () => {
  it('creates an account from multipart/form-data with an image: 200 with the account object, top level', async () => {
    const res = await postMultipart('/1/account', { ...JANE, last_name: 'Doe', gender: 'f', born_on: '1990-02-28' }, { name: 'jane.png', type: 'image/png' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(JSON_TYPE);
    const body = (await res.json()) as Record<string, unknown> & { id: number; image: Record<string, string> };
    expect(Object.keys(body)).toEqual(['id', 'first_name', 'last_name', 'email', 'phone', 'gender', 'born_on', 'image']);
    expect(body).toMatchObject({ first_name: 'Jane', last_name: 'Doe', email: 'jane@example.com', phone: '4155550123', gender: 'f', born_on: '1990-02-28' });
    expect(body.id).toBe(2);
    for (const version of ['original', 'mini', 'medium', 'small']) {
      expect(body.image[version]).toMatch(new RegExp(`^http://cdn\\.duet\\.me/uploads/account/image/2/${version}_[0-9a-f]{32}\\.png$`));
    }
    // No token in the answer: "an immediate call to POST account/sign_in should be made".
    expect(JSON.stringify(body)).not.toContain('authentication_token');
    expect((await signIn('jane@example.com', 'correct-horse')).status).toBe(200);
    expect((await signIn('(415) 555-0123', 'correct-horse')).status).toBe(200);
  });

  it('keeps only the upload\'s name, type and size in the state, never its bytes', async () => {
    const bytes = new TextEncoder().encode('GIF89a-secret-pixels');
    expect((await postMultipart('/1/account', JANE, { name: 'me.gif', type: 'image/gif', bytes })).status).toBe(200);
    const state = await (await fetch(`${mock().url}/__admin/state`)).text();
    expect(state).toContain('"image":{"filename":"me.gif","content_type":"image/gif","size":20}');
    expect(state).not.toContain('secret-pixels');
  });

  it.each<[string, (a: Fields) => Promise<Response>]>([
    ['form-encoded, without an image', (a) => postForm('/1/account', a)],
    ['multipart, without an image', (a) => postMultipart('/1/account', a)],
    ['nested JSON', (a) => postJson('/1/account', { account: a })],
  ])('creates an account %s, with the default image', async (_name, send) => {
    const res = await send(JANE);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: 2, first_name: 'Jane', last_name: null, email: 'jane@example.com', phone: '4155550123', gender: null, born_on: null, image: DEFAULT_IMAGE });
  });

  it('stores the email as Devise does: stripped and lower-cased', async () => {
    const res = await postForm('/1/account', { ...JANE, email: '  Jane@Example.COM ' });
    expect(((await res.json()) as { email: string }).email).toBe('jane@example.com');
  });

  // The docs' errors example (_config.yml resources.account.errors) lists every blank field at once.
  it('lists every blank required field at once, in the order of the docs\' example', async () => {
    await expectErrors(await postForm('/1/account', {}), {
      email: ["can't be blank"],
      password: ["can't be blank"],
      first_name: ["can't be blank"],
      phone: ["can't be blank"],
    });
  });

  it.each<[string, Fields, Record<string, string[]>]>([
    ['an email already taken', { ...JANE, email: LOGIN }, { email: ['has already been taken'] }],
    ['a taken email in another case', { ...JANE, email: ' Demo@Duet.Example ' }, { email: ['has already been taken'] }],
    ['a phone already taken, written differently', { ...JANE, phone: '(202) 555-0143' }, { phone: ['has already been taken'] }],
    ['an email without @', { ...JANE, email: 'jane.example.com' }, { email: ['is invalid'] }],
    ['a phone with letters', { ...JANE, phone: '555-CALL-NOW' }, { phone: ['is invalid'] }],
    ['a phone of 6 digits', { ...JANE, phone: '555012' }, { phone: ['is invalid'] }],
    ['a 7-character password', { ...JANE, password: '1234567' }, { password: ['is too short (minimum is 8 characters)'] }],
    ['a confirmation that differs', { ...JANE, password_confirmation: 'correct-horsE' }, { password: ["doesn't match confirmation"] }],
    ['a gender other than m or f', { ...JANE, gender: 'x' }, { gender: ['is not included in the list'] }],
    ['a born_on that is no date', { ...JANE, born_on: '1990-02-30' }, { born_on: ['is invalid'] }],
    ['a first name of spaces', { ...JANE, first_name: '   ' }, { first_name: ["can't be blank"] }],
    [
      'several bad fields at once',
      { ...JANE, email: LOGIN, password: 'short', first_name: '' },
      { email: ['has already been taken'], password: ['is too short (minimum is 8 characters)'], first_name: ["can't be blank"] },
    ],
  ])('refuses %s with 422 in Rails\' words and creates nothing', async (_name, account, errors) => {
    const before = await mock().world.store.digest();
    await expectErrors(await postForm('/1/account', account), errors);
    expect(await mock().world.store.digest()).toBe(before);
  });

  it.each<[string, Upload]>([
    ['an .exe file', { name: 'setup.exe', type: 'application/octet-stream' }],
    ['a PDF', { name: 'cv.pdf', type: 'application/pdf' }],
    ['a file without an extension', { name: 'photo', type: 'image/png' }],
  ])('refuses %s as the image: "is not an allowed file type" (1/post/account/image.markdown)', async (_name, image) => {
    await expectErrors(await postMultipart('/1/account', JANE, image), { image: ['is not an allowed file type'] });
  });

  it('refuses an image sent as text in a form: a form cannot carry a file', async () => {
    await expectErrors(await postForm('/1/account', { ...JANE, image: 'jane.png' }), { image: ['is not an allowed file type'] });
  });

  it('ignores an empty file input, as browsers send it when no file was chosen (Rack drops it)', async () => {
    const body = ['--b', 'Content-Disposition: form-data; name="account[image]"; filename=""', 'Content-Type: application/octet-stream', '', '', '--b--', ''].join('\r\n');
    const fields = Object.entries(JANE).map(([k, v]) => `--b\r\nContent-Disposition: form-data; name="account[${k}]"\r\n\r\n${v}\r\n`).join('');
    const res = await call('/1/account', { method: 'POST', headers: { ...APP, 'content-type': 'multipart/form-data; boundary=b' }, body: fields + body });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { image: unknown }).image).toEqual(DEFAULT_IMAGE);
  });

  it('creates exactly one account when 20 sign-ups for one email race', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => postForm('/1/account', { ...JANE, phone: `41555501${String(i).padStart(2, '0')}` })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 422)).toHaveLength(19);
  });
});

describe('POST /1/account/update (1/post/account/update.markdown)', () => {
  it('changes only the fields sent and answers the account object; a new email or phone is the new login', async () => {
    const token = await tokenOf();
    const res = await postForm('/1/account/update', { first_name: 'Dana', email: 'dana@duet.example', phone: '2025550199' }, both(token));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: 1, first_name: 'Dana', last_name: 'Demo', email: 'dana@duet.example', phone: '2025550199', gender: null, born_on: null, image: DEFAULT_IMAGE });
    expect((await signIn(LOGIN, PASSWORD)).status).toBe(401);
    expect((await signIn('2025550143', PASSWORD)).status).toBe(401);
    expect(await tokenOf('dana@duet.example', PASSWORD)).toBe(token);
    expect(await tokenOf('2025550199', PASSWORD)).toBe(token);
  });

  it('keeps its own email and phone without calling them taken, and clears gender with a blank', async () => {
    const token = await tokenOf();
    await postJson('/1/account/update', { account: { gender: 'm' } }, both(token));
    const res = await postJson('/1/account/update', { account: { email: LOGIN, phone: '2025550143', gender: '' } }, both(token));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { gender: unknown }).gender).toBeNull();
  });

  it.each<[string, Fields, Record<string, string[]>]>([
    ['a blank first name', { first_name: '' }, { first_name: ["can't be blank"] }],
    ['the email of another account', { email: 'jane@example.com' }, { email: ['has already been taken'] }],
    ['an invalid email and a bad gender', { email: 'nope', gender: 'q' }, { email: ['is invalid'], gender: ['is not included in the list'] }],
  ])('refuses %s with 422 and changes nothing', async (_name, account, errors) => {
    await postForm('/1/account', JANE);
    const token = await tokenOf();
    const before = await mock().world.store.digest();
    await expectErrors(await postForm('/1/account/update', account, both(token)), errors);
    expect(await mock().world.store.digest()).toBe(before);
  });

  it('does not change the password: the page says to use change_password', async () => {
    const token = await tokenOf();
    expect((await postForm('/1/account/update', { password: 'sneaky-new-password' }, both(token))).status).toBe(200);
    expect((await signIn(LOGIN, PASSWORD)).status).toBe(200);
  });
});

describe('POST /1/account/image (1/post/account/image.markdown)', () => {
  it('sets the photo from a multipart upload and GET /1/account shows the new versions', async () => {
    const token = await tokenOf();
    const res = await postMultipart('/1/account/image', {}, { name: 'IMG_0001.JPG', type: 'image/jpeg' }, both(token));
    expect(res.status).toBe(200);
    const account = (await res.json()) as { image: Record<string, string> };
    expect(account.image['small']).toMatch(/^http:\/\/cdn\.duet\.me\/uploads\/account\/image\/1\/small_[0-9a-f]{32}\.jpg$/);
    expect(await (await call('/1/account', { headers: both(token) })).json()).toEqual(account);
  });

  it.each<[string, () => (token: string) => Promise<Response>, Record<string, string[]>]>([
    ['no file', () => (t) => postMultipart('/1/account/image', { other: 'x' }, undefined, both(t)), { image: ["can't be blank"] }],
    ['a text file', () => (t) => postMultipart('/1/account/image', {}, { name: 'notes.txt', type: 'text/plain' }, both(t)), { image: ['is not an allowed file type'] }],
    ['a form with no file in it', () => (t) => postForm('/1/account/image', { image: 'me.png' }, both(t)), { image: ['is not an allowed file type'] }],
  ])('refuses %s with 422 and keeps the old photo', async (_name, make, errors) => {
    const token = await tokenOf();
    await expectErrors(await make()(token), errors);
    expect(((await (await call('/1/account', { headers: both(token) })).json()) as { image: unknown }).image).toEqual(DEFAULT_IMAGE);
  });
});

describe('POST /1/account/change_password (1/post/account/change_password.markdown)', () => {
  it('changes the password with password + confirmation only: 200 with the account object; the token stays', async () => {
    const token = await tokenOf();
    const res = await postForm('/1/account/change_password', { password: 'battery-staple', password_confirmation: 'battery-staple' }, both(token));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { email: string }).email).toBe(LOGIN);
    expect((await signIn(LOGIN, PASSWORD)).status).toBe(401);
    expect(await tokenOf(LOGIN, 'battery-staple')).toBe(token);
    expect((await call('/1/account', { headers: both(token) })).status).toBe(200);
  });

  it.each<[string, Fields, Record<string, string[]>]>([
    ['a confirmation that differs (the page\'s example)', { password: 'battery-staple', password_confirmation: 'battery-stapler' }, { password: ["doesn't match confirmation"] }],
    ['no confirmation (both are required)', { password: 'battery-staple' }, { password: ["doesn't match confirmation"] }],
    ['a short new password', { password: 'short', password_confirmation: 'short' }, { password: ['is too short (minimum is 8 characters)'] }],
    ['no password', { password_confirmation: 'battery-staple' }, { password: ["can't be blank", "doesn't match confirmation"] }],
  ])('refuses %s with 422 and keeps the old password', async (_name, account, errors) => {
    const token = await tokenOf();
    await expectErrors(await postForm('/1/account/change_password', account, both(token)), errors);
    expect(await tokenOf()).toBe(token);
  });
});

describe('GET and POST /1/account/privacy (1/post/account/privacy.markdown)', () => {
  it('starts with both settings off and answers the privacy object, top level', async () => {
    const res = await call('/1/account/privacy', { headers: both(await tokenOf()) });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"promenade_sharing":false,"maximum_privacy":false}');
  });

  it('sets promenade_sharing with 1 and keeps it', async () => {
    const token = await tokenOf();
    expect(await (await postForm('/1/account/privacy', { promenade_sharing: '1' }, both(token))).json()).toEqual({ promenade_sharing: true, maximum_privacy: false });
    expect(await (await call('/1/account/privacy', { headers: both(token) })).json()).toEqual({ promenade_sharing: true, maximum_privacy: false });
  });

  it('turns promenade_sharing off whatever was sent when maximum_privacy is set (the page)', async () => {
    const token = await tokenOf();
    const res = await postJson('/1/account/privacy', { account: { maximum_privacy: true, promenade_sharing: true } }, both(token));
    expect(await res.json()).toEqual({ promenade_sharing: false, maximum_privacy: true });
    expect(await (await postForm('/1/account/privacy', { promenade_sharing: '1' }, both(token))).json()).toEqual({ promenade_sharing: false, maximum_privacy: true });
    expect(await (await postForm('/1/account/privacy', { maximum_privacy: '0', promenade_sharing: 'true' }, both(token))).json()).toEqual({ promenade_sharing: true, maximum_privacy: false });
  });

  it('casts other values as a Rails 3 boolean column does (false), and keeps a setting not sent', async () => {
    const token = await tokenOf();
    await postForm('/1/account/privacy', { promenade_sharing: '1' }, both(token));
    expect(await (await postForm('/1/account/privacy', { maximum_privacy: 'yes' }, both(token))).json()).toEqual({ promenade_sharing: true, maximum_privacy: false });
  });
});
