// POST /__admin/credentials/expire|revoke and faults with "problem": each provider answers as it does for that reason.

import { describe, expect, it } from 'vitest';
import { useMock } from '../helpers/harness.js';
import { problemOf } from '../helpers/listen.js';

const mock = useMock();
const json = { 'content-type': 'application/json' };
const admin = (path: string, body: unknown, prefix = ''): Promise<Response> =>
  fetch(`${mock().url}${prefix}/__admin${path}`, { method: 'POST', headers: json, body: JSON.stringify(body) });
const call = (path: string, init: RequestInit = {}): Promise<Response> => fetch(`${mock().url}${path}`, init);

async function devicehqSession(prefix = ''): Promise<string> {
  const res = await call(`${prefix}/devicehq/api/v2/session?api_key=5sHszZNuTfmgs58VGA`, { method: 'POST', headers: { 'content-length': '0' } });
  return ((await res.json()) as { meta: { token: string } }).meta.token;
}

async function emnifyLogin(body: unknown = { username: 'user@domain.com', password: '2fd4e1c67a2d28fced849ee1bb76e7391b93eb12' }): Promise<Response> {
  return call('/emnify/api/v1/authenticate', { method: 'POST', headers: json, body: JSON.stringify(body) });
}
const endpoints = (token: string): Promise<Response> => call('/emnify/api/v1/endpoint', { headers: { authorization: `Bearer ${token}` } });

describe('DeviceHQ', () => {
  it('expire: the session answers 401 as an idle one does; a second expire is a 404', async () => {
    const token = await devicehqSession();
    expect((await admin('/credentials/expire', { credential: token })).status).toBe(200);
    const res = await call('/devicehq/api/v2/test', { headers: { 'x-auth-token': token } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ errors: [{ status: '401', title: 'Credentials expired' }] });
    expect(problemOf(res)?.code).toBe('auth.expired');
    const again = await admin('/credentials/expire', { credential: token });
    expect(again.status).toBe(404);
    expect(problemOf(again)).toMatchObject({ code: 'state.not_found', pointer: '/body/credential' });
  });

  it('revoke: the session is closed as by a new sign-in elsewhere (401, unknown token)', async () => {
    const token = await devicehqSession();
    expect(await (await admin('/credentials/revoke', { credential: token })).json()).toEqual({ provider: 'devicehq', revoked: true });
    const res = await call('/devicehq/api/v2/test', { headers: { 'x-auth-token': token } });
    expect(res.status).toBe(401);
    expect(problemOf(res)?.detail).toMatch(/closed, or replaced/);
  });
});

describe('emnify', () => {
  it('expire: the auth_token answers 1103 TokenExpired while its refresh_token still gets a new one', async () => {
    const { auth_token, refresh_token } = (await (await emnifyLogin()).json()) as { auth_token: string; refresh_token: string };
    expect(await (await admin('/credentials/expire', { credential: auth_token })).json()).toEqual({ provider: 'emnify', expired: true });
    const res = await endpoints(auth_token);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error_code: 1103, error_token: 'TokenExpired', message: 'Token expired' });
    const renewed = (await (await emnifyLogin({ refresh_token })).json()) as { auth_token: string };
    expect((await endpoints(renewed.auth_token)).status).toBe(200);
  });

  it('revoke: a refresh token is refused on /authenticate with 1101', async () => {
    const { refresh_token } = (await (await emnifyLogin()).json()) as { refresh_token: string };
    expect((await admin('/credentials/revoke', { credential: refresh_token })).status).toBe(200);
    const res = await emnifyLogin({ refresh_token });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error_code: 1101, error_token: 'InvalidCredentials' });
    expect(problemOf(res)?.code).toBe('auth.revoked');
  });

  it('revoke: an application token gets status Revoked and its logins 1101', async () => {
    const appToken = 'kNTktNTA1My00YzdhLTg0NjEtZGVtby1hcHAtdG9rZW4';
    expect((await emnifyLogin({ application_token: appToken })).status).toBe(200);
    expect((await admin('/credentials/revoke', { credential: appToken })).status).toBe(200);
    const res = await emnifyLogin({ application_token: appToken });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error_code: 1101 });
    const { auth_token } = (await (await emnifyLogin()).json()) as { auth_token: string };
    const list = (await (await call('/emnify/api/v1/application_token', { headers: { authorization: `Bearer ${auth_token}` } })).json()) as Array<{ status: { id: number } }>;
    expect(list.some((t) => t.status.id === 1)).toBe(true);
  });
});

describe('RFCx', () => {
  async function login(): Promise<{ guid: string; token: string }> {
    const res = await call('/rfcx/v1/users/login', { method: 'POST', headers: json, body: JSON.stringify({ email: 'demo@rfcx.example', password: 'rfcx-demo-password' }) });
    const [user] = (await res.json()) as Array<{ guid: string; tokens: Array<{ token: string }> }>;
    return { guid: user!.guid, token: user!.tokens[0]!.token };
  }
  const logout = (u: { guid: string; token: string }): Promise<Response> =>
    call('/rfcx/v1/users/logout', { method: 'POST', headers: { 'x-auth-user': `user/${u.guid}`, 'x-auth-token': u.token, 'content-length': '0' } });

  it.each([
    ['expire', 'auth.expired'],
    ['revoke', 'auth.invalid'],
  ])('%s: the user token gets the bare 401 Unauthorized', async (how, code) => {
    const user = await login();
    expect((await admin(`/credentials/${how}`, { credential: user.token })).status).toBe(200);
    const res = await logout(user);
    expect(res.status).toBe(401);
    expect(await res.text()).toBe('Unauthorized');
    expect(problemOf(res)?.code).toBe(code);
  });
});

describe('Duet', () => {
  it('revoke: the account token is refused as after a password change; the next sign-in gives a new one', async () => {
    const app = { 'x-application-token': 'duet-iphone-app-token' };
    const signIn = async (): Promise<string> => {
      const res = await call('/duet/1/account/sign_in', {
        method: 'POST',
        headers: { ...app, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'account[login]=demo@duet.example&account[password]=duet-demo-password',
      });
      return ((await res.json()) as { account: { authentication_token: string } }).account.authentication_token;
    };
    const token = await signIn();
    expect((await admin('/credentials/revoke', { credential: token })).status).toBe(200);
    const refused = await call('/duet/1/account', { headers: { ...app, 'x-account-token': token } });
    expect(refused.status).toBe(401);
    expect(await refused.text()).toBe('401 Unauthorized');
    const fresh = await signIn();
    expect(fresh).not.toBe(token);
    expect((await call('/duet/1/account', { headers: { ...app, 'x-account-token': fresh } })).status).toBe(200);
  });
});

describe('sandboxes and bad input', () => {
  it('ends credentials of the sandbox only; a credential of another world is a 404', async () => {
    const created = (await (await admin('/sandboxes', {})).json()) as { base_path: string };
    const mainToken = await devicehqSession();
    expect((await admin('/credentials/expire', { credential: mainToken }, created.base_path)).status).toBe(404);
    const sandboxToken = await devicehqSession(created.base_path);
    expect((await admin('/credentials/expire', { credential: sandboxToken }, created.base_path)).status).toBe(200);
    expect((await call(`${created.base_path}/devicehq/api/v2/test`, { headers: { 'x-auth-token': sandboxToken } })).status).toBe(401);
    expect((await call('/devicehq/api/v2/test', { headers: { 'x-auth-token': mainToken } })).status).toBe(200);
  });

  it('refuses a body without a credential with a 400', async () => {
    const res = await admin('/credentials/revoke', { token: 'x' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  });
});

describe('faults with a problem', () => {
  it('answers the provider\'s own 429 1105 with Retry-After, once', async () => {
    const fault = await admin('/faults', { operation_id: 'emnifyAuthenticate', problem: 'auth.rate_limited', times: 1 });
    expect(fault.status).toBe(201);
    expect(await fault.json()).toMatchObject({ problem: 'auth.rate_limited', times: 1 });
    const res = await emnifyLogin();
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('300');
    expect(await res.json()).toMatchObject({ error_code: 1105, error_token: 'TooManyRequests' });
    expect((await emnifyLogin()).status).toBe(200);
  });

  it('answers auth.expired as 1103 on a bearer route, DeviceHQ in JSON:API', async () => {
    await admin('/faults', { operation_id: 'emnifyListEndpoints', problem: 'auth.expired', times: 1 });
    const { auth_token } = (await (await emnifyLogin()).json()) as { auth_token: string };
    expect(await (await endpoints(auth_token)).json()).toMatchObject({ error_code: 1103 });
    await admin('/faults', { operation_id: 'devicehqTest', problem: 'auth.expired', times: 1 });
    const res = await call('/devicehq/api/v2/test', { headers: { 'x-auth-token': await devicehqSession() } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ errors: [{ status: '401' }] });
    await admin('/reset', {});
  });

  it('refuses a problem the provider cannot produce with a 400 naming those it can', async () => {
    const res = await admin('/faults', { operation_id: 'duetGetAccount', problem: 'auth.rate_limited' });
    expect(res.status).toBe(400);
    expect(problemOf(res)).toMatchObject({ pointer: '/body/problem', detail: expect.stringContaining('auth.missing, auth.invalid, auth.expired, auth.revoked') });
  });
});
