// One full client journey per provider against the built command (as `npm start` runs it), moving time over /__admin.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type Spawned } from './spawn.js';

let mock: Spawned;
beforeAll(async () => {
  mock = await serve(['--strict']);
});
afterAll(() => mock.stop());

const post = (path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(`${mock.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const advance = async (duration: string): Promise<void> => {
  expect((await post('/__admin/clock', { advance: duration })).status).toBe(200);
};

describe('journeys against the running command', () => {
  // Sources: Duet docs repo duet/duet.github.com — 1/post/account.markdown (multipart create, 200 with the account
  // object), 1/post/account/sign_in.markdown (login = email or phone; 200 or 401), 1/get/account.markdown,
  // 1/post/account/change_password.markdown (password + confirmation, 200 with the account object).
  it('Duet: create an account with a photo (multipart) → sign in by phone → read it → change password → old password refused', async () => {
    const app = { 'x-application-token': 'duet-android-app-token' };
    const email = `journey-${Date.now()}@duet.example`;
    const phone = `415555${String(Date.now() % 10_000).padStart(4, '0')}`;
    const form = new FormData();
    for (const [name, value] of Object.entries({ first_name: 'Journey', email, password: 'first-password', phone })) form.append(`account[${name}]`, value);
    form.append('account[image]', new Blob([new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61])], { type: 'image/gif' }), 'me.gif');
    const created = await fetch(`${mock.url}/duet/1/account`, { method: 'POST', headers: app, body: form });
    expect(created.status).toBe(200);
    const account = (await created.json()) as { id: number; email: string; image: { mini: string } };
    expect(account).toMatchObject({ first_name: 'Journey', email, phone, gender: null, born_on: null });
    expect(account.image.mini).toMatch(/\/mini_[0-9a-f]{32}\.gif$/);

    const signIn = (login: string, password: string): Promise<Response> => post('/duet/1/account/sign_in', { account: { login, password } }, app);
    const token = ((await (await signIn(phone, 'first-password')).json()) as { account: { authentication_token: string } }).account.authentication_token;
    const read = await fetch(`${mock.url}/duet/1/account`, { headers: { ...app, 'x-account-token': token } });
    expect(await read.json()).toEqual(account);
    const change = await post('/duet/1/account/change_password', { account: { password: 'second-password', password_confirmation: 'second-password' } }, { ...app, 'x-account-token': token });
    expect(change.status).toBe(200);
    expect(await change.json()).toEqual(account);
    expect((await signIn(email, 'first-password')).status).toBe(401);
    expect((await signIn(email, 'second-password')).status).toBe(200);
  });

  it('DeviceHQ: session → use → idle past 5 minutes → 401 → new session → close → 401', async () => {
    const create = (): Promise<Response> =>
      fetch(`${mock.url}/devicehq/api/v2/session`, { method: 'POST', headers: { 'x-api-key': '5sHszZNuTfmgs58VGA', 'content-length': '0' } });
    const use = (token: string): Promise<Response> => fetch(`${mock.url}/devicehq/api/v2/devices?limit=2`, { headers: { 'x-auth-token': token } });
    const first = ((await (await create()).json()) as { meta: { token: string } }).meta.token;
    expect((await use(first)).status).toBe(200);
    await advance('PT5M1S');
    expect((await use(first)).status).toBe(401);
    const second = ((await (await create()).json()) as { meta: { token: string } }).meta.token;
    expect((await use(second)).status).toBe(200);
    const close = await fetch(`${mock.url}/devicehq/api/v2/session`, { method: 'DELETE', headers: { 'x-auth-token': second } });
    expect(await close.json()).toEqual({ meta: { message: 'Session closed' } });
    expect((await use(second)).status).toBe(401);
  });

  it('RFCx: log in → use → register a guardian → its token pings → log out → token dead', async () => {
    const login = await post('/rfcx/v1/users/login', { email: 'demo@rfcx.example', password: 'rfcx-demo-password' });
    const [user] = (await login.json()) as Array<{ guid: string; tokens: Array<{ token: string }> }>;
    const userAuth = { 'x-auth-user': `user/${user!.guid}`, 'x-auth-token': user!.tokens[0]!.token };
    // RFCx has no "who am I": the user token reads a guardian's software list (no route checks the type).
    const software = (): Promise<Response> => fetch(`${mock.url}/rfcx/v1/guardians/df72c626229f/software/guardian`, { headers: userAuth });
    expect((await software()).status).toBe(200);
    const guid = Date.now().toString(36).padStart(12, '0').slice(-12);
    const registered = await post('/rfcx/v2/guardians/register', { guid }, { 'x-auth-user': 'register', 'x-auth-token': 'ab12cd34' });
    expect(registered.status).toBe(200);
    const guardian = (await registered.json()) as { guid: string; token: string };
    const ping = await fetch(`${mock.url}/rfcx/v2/guardians/${guid}/pings`, {
      method: 'POST',
      headers: { 'x-auth-user': `guardian/${guardian.guid}`, 'x-auth-token': guardian.token },
    });
    expect(ping.status).toBe(200);
    const logout = await post('/rfcx/v1/users/logout', {}, userAuth);
    expect(((await logout.json()) as { tokens_removed: number }).tokens_removed).toBeGreaterThan(0);
    const after = await software();
    expect(after.status).toBe(401);
    expect(await after.text()).toBe('Unauthorized');
  });

  it('emnify: authenticate → use → 240 minutes later 1103 → refresh → use again', async () => {
    const auth = await post('/emnify/api/v1/authenticate', { username: 'user@domain.com', password: '2fd4e1c67a2d28fced849ee1bb76e7391b93eb12' });
    const { auth_token, refresh_token } = (await auth.json()) as { auth_token: string; refresh_token: string };
    const use = (token: string): Promise<Response> => fetch(`${mock.url}/emnify/api/v1/endpoint`, { headers: { authorization: `Bearer ${token}` } });
    expect((await use(auth_token)).status).toBe(200);
    await advance('PT240M1S');
    const expired = await use(auth_token);
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { error_code: number }).error_code).toBe(1103);
    const refreshed = (await (await post('/emnify/api/v1/authenticate', { refresh_token })).json()) as { auth_token: string };
    expect((await use(refreshed.auth_token)).status).toBe(200);
  });
});
