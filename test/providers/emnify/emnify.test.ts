// emnify over HTTP: the page's examples, password lockout, application tokens (create, list, revoke, expire), endpoints, a journey.

import { describe, expect, it } from 'vitest';
import { DEFAULT_START, useMock } from '../../helpers/harness.js';
import { problemOf } from '../../helpers/listen.js';
import {
  APP_TOKEN,
  MINUTE,
  OTHER_USER,
  REVOKED_APP_TOKEN,
  USER,
  appLogin,
  authenticate,
  emnify,
  expectEmnifyError,
  headerOf,
  listEndpoints,
  login,
  payloadOf,
} from './client.js';
import { createEmnifyProvider } from '../../../src/providers/emnify/index.js';

const mock = useMock();

const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

describe("the emnify page's examples, verbatim", () => {
  it('POST /api/v1/authenticate with user@domain.com and the SHA-1 password → auth_token + refresh_token', async () => {
    const res = await fetch(`${mock().url}/emnify/api/v1/authenticate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{\n  "username": "user@domain.com",\n  "password": "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12"\n}',
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { auth_token: string; refresh_token: string };
    expect(Object.keys(body).sort()).toEqual(['auth_token', 'refresh_token']);
    // The page shows a truncated HS256 placeholder; the traffic recorded by emnify's official Python SDK
    // (tests/fixtures/cassettes/*.yaml) starts eyJhbGciOiJIUzM4NCJ9 = {"alg":"HS384"}, and so does ours (BEHAVIOUR.md).
    expect(body.auth_token.startsWith('eyJhbGciOiJIUzM4NCJ9.')).toBe(true);
    expect(body.refresh_token.startsWith('eyJhbGciOiJIUzM4NCJ9.')).toBe(true);
    expect(body.refresh_token).toMatch(JWT);
  });

  it('POST /api/v1/application_token with the bearer and {"description","expiry_date":"2021-10-29"} → application_token', async () => {
    mock().clock.set(Date.parse('2021-10-01T00:00:00Z')); // the page's expiry date must still lie ahead
    const { auth_token } = await login(mock());
    const res = await fetch(`${mock().url}/emnify/api/v1/application_token`, {
      method: 'POST',
      headers: { authorization: `Bearer ${auth_token}`, 'content-type': 'application/json' },
      body: '{\n  "description": "Token with expiry date",\n  "expiry_date": "2021-10-29"\n}',
    });
    expect(res.status).toBe(200);
    const { application_token } = (await res.json()) as { application_token: string };
    expect(application_token).toMatch(/^[A-Za-z0-9_-]{44}$/);
    const listed = (await (await emnify(mock(), '/application_token', { token: auth_token })).json()) as Array<Record<string, unknown>>;
    expect(listed.at(-1)).toMatchObject({ description: 'Token with expiry date', expiry_date: '2021-10-29T23:59:59.999+0000', ip: null });
  });

  it('POST /api/v1/authenticate {"application_token": "kNTktNTA1My00YzdhLT…"} → auth_token only', async () => {
    const res = await authenticate(mock(), { application_token: APP_TOKEN });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, string>;
    expect(Object.keys(body)).toEqual(['auth_token']);
    expect(body['auth_token']).toMatch(JWT);
  });

  it('auth_token is usable as the bearer and carries the recorded header and claims', async () => {
    const { auth_token } = await login(mock());
    expect((await listEndpoints(mock(), auth_token)).status).toBe(200);
    // Recorded (emnify-sdk-python tests/fixtures/cassettes/get_all_devices.yaml): header {"alg":"HS384"}, no typ;
    // claims aud "/api/v1/authentication", iss "<node>@spc-frontend", esc.app, esc.org, esc.orgName, exp, iat.
    expect(headerOf(auth_token)).toEqual({ alg: 'HS384' });
    const claims = payloadOf(auth_token);
    expect(claims).toMatchObject({ aud: '/api/v1/authentication', 'esc.org': 1234, 'esc.orgName': 'Demo Org', 'esc.user': 5678, sub: 'user@domain.com' });
    expect(claims['iss']).toMatch(/^[a-z0-9-]+@spc-frontend$/);
    // The page: the auth_token from a user login is valid for 240 minutes.
    expect(claims['exp']).toBe((claims['iat'] as number) + 240 * 60);
    expect(claims['iat']).toBe(DEFAULT_START / 1000);
    expect(typeof claims['jti']).toBe('string');
    // emnify's server escapes '/' in its JSON, as the recorded payloads show ("aud":"\/api\/v1\/authentication").
    expect(Buffer.from(auth_token.split('.')[1]!, 'base64url').toString()).toMatch(/^\{"aud":"\\\/api\\\/v1\\\/authentication",/);
    const app = payloadOf(await appLogin(mock()));
    expect(app).toMatchObject({ aud: '/api/v1/authentication', 'esc.app': 1, 'esc.org': 1234, 'esc.orgName': 'Demo Org' });
    // Recorded: an application-token JWT lives 7 days (exp - iat = 604800), unlike the page's 240 minutes.
    expect((app['exp'] as number) - (app['iat'] as number)).toBe(604_800);
  });

  it('ignores a stray "Authorization: Bearer None" on /authenticate (the Python SDK sends one)', async () => {
    const res = await authenticate(mock(), { username: USER.username, password: USER.password }, { authorization: 'Bearer None' });
    expect(res.status).toBe(200);
  });
});

describe('authenticate failures', () => {
  it.each([
    ['a wrong password', { username: USER.username, password: 'da39a3ee5e6b4b0d3255bfef95601890afd80709' }],
    ['an unknown user', { username: 'nobody@domain.com', password: USER.password }],
    ['an unknown application token', { application_token: 'no-such-application-token' }],
    ['a revoked application token', { application_token: REVOKED_APP_TOKEN }],
    ['a refresh token that is not a JWT', { refresh_token: 'not-a-jwt' }],
  ])('%s → 401 1101 InvalidCredentials', async (_name, body) => {
    await expectEmnifyError(await authenticate(mock(), body), 401, 1101, 'InvalidCredentials');
  });

  it.each([
    ['no credential', {}],
    ['two credential sets mixed', { username: USER.username, password: USER.password, application_token: APP_TOKEN }],
    ['an upper-case SHA-1', { username: USER.username, password: USER.password.toUpperCase() }],
    ['a SHA-1 of the wrong length', { username: USER.username, password: USER.password.slice(1) }],
    ['a JSON array', [USER.username, USER.password]],
  ])('%s → 400 BadRequest in emnify format', async (_name, body) => {
    await expectEmnifyError(await authenticate(mock(), body), 400, 400, 'BadRequest');
  });

  it('an auth token given as refresh_token is refused', async () => {
    const { auth_token } = await login(mock());
    await expectEmnifyError(await authenticate(mock(), { refresh_token: auth_token }), 401, 1101, 'InvalidCredentials');
  });
});

describe('three failed password logins in a row', () => {
  const wrong = { username: USER.username, password: '0000000000000000000000000000000000000000' };
  const right = { username: USER.username, password: USER.password };

  it('lock the user for 5 minutes of mock time with 429 1105 and Retry-After, even for the right password', async () => {
    for (let i = 0; i < 3; i++) await expectEmnifyError(await authenticate(mock(), wrong), 401, 1101, 'InvalidCredentials');
    const locked = await authenticate(mock(), right);
    expect(locked.headers.get('retry-after')).toBe('300');
    await expectEmnifyError(locked, 429, 1105, 'TooManyRequests');
    mock().clock.advance(299_000);
    const later = await authenticate(mock(), right);
    expect(later.status).toBe(429);
    expect(later.headers.get('retry-after')).toBe('1');
    mock().clock.advance(1_000);
    expect((await authenticate(mock(), right)).status).toBe(200);
  });

  it('lock one user only', async () => {
    for (let i = 0; i < 3; i++) await authenticate(mock(), wrong);
    expect((await authenticate(mock(), right)).status).toBe(429);
    expect((await authenticate(mock(), { username: OTHER_USER.username, password: OTHER_USER.password })).status).toBe(200);
    expect((await authenticate(mock(), { application_token: APP_TOKEN })).status).toBe(200);
  });

  it('are counted in a row: a success resets the count', async () => {
    await authenticate(mock(), wrong);
    await authenticate(mock(), wrong);
    expect((await authenticate(mock(), right)).status).toBe(200);
    await authenticate(mock(), wrong);
    await authenticate(mock(), wrong);
    expect((await authenticate(mock(), right)).status).toBe(200);
  });

  it('POST /__admin/reset unlocks the fixture users', async () => {
    for (let i = 0; i < 3; i++) await authenticate(mock(), wrong);
    expect((await authenticate(mock(), right)).status).toBe(429);
    expect((await fetch(`${mock().url}/__admin/reset`, { method: 'POST' })).status).toBe(200);
    expect((await authenticate(mock(), right)).status).toBe(200);
  });
});

describe('application tokens', () => {
  type Listed = { id: number; description: string | null; created: string; status: { id: number; description: string }; expiry_date: string | null; ip: string | null; creator: { id: number; name: string; username: string } };
  const list = async (token: string): Promise<Listed[]> => (await (await emnify(mock(), '/application_token', { token })).json()) as Listed[];
  const create = (token: string, json: unknown): Promise<Response> => emnify(mock(), '/application_token', { token, json });
  const patch = (token: string, id: number | string, json: unknown): Promise<Response> =>
    emnify(mock(), `/application_token/${id}`, { token, json, method: 'PATCH' });

  it("lists the caller's organisation's tokens with status and creator, never their secrets", async () => {
    const { auth_token } = await login(mock());
    const res = await emnify(mock(), '/application_token', { token: auth_token });
    const text = await res.text();
    expect(text).not.toContain(APP_TOKEN);
    const tokens = JSON.parse(text) as Listed[];
    expect(tokens).toEqual([
      { id: 1, description: 'Demo app token', created: '2025-06-01T09:30:00.000+0000', status: { id: 0, description: 'Activated' }, expiry_date: null, ip: null, creator: { id: 5678, name: 'Demo User', username: 'user@domain.com' } },
      { id: 2, description: 'Revoked token', created: '2025-03-15T14:00:00.000+0000', status: { id: 1, description: 'Revoked' }, expiry_date: null, ip: null, creator: { id: 5678, name: 'Demo User', username: 'user@domain.com' } },
    ]);
    const other = await list((await login(mock(), OTHER_USER)).auth_token);
    expect(other.map((t) => t.id)).toEqual([3]);
  });

  it('creates a token (random, ~44 base64url characters) that authenticates and is listed', async () => {
    const { auth_token } = await login(mock());
    const res = await create(auth_token, { description: 'CI job', expiry_date: '2026-03-01T12:00:00+01:00', ip: '127.0.0.0/8' });
    expect(res.status).toBe(200);
    const { application_token } = (await res.json()) as { application_token: string };
    expect(application_token).toMatch(/^[A-Za-z0-9_-]{44}$/);
    expect(await appLogin(mock(), application_token)).toMatch(JWT);
    const created = (await list(auth_token)).at(-1)!;
    expect(created).toMatchObject({ id: 4, description: 'CI job', expiry_date: '2026-03-01T11:00:00.000+0000', ip: '127.0.0.0/8', status: { id: 0 } });
    expect(created.creator).toEqual({ id: 5678, name: 'Demo User', username: 'user@domain.com' });
    const state = await (await fetch(`${mock().url}/__admin/state`)).text();
    expect(state).not.toContain(application_token);
  });

  it.each([
    ['a day that does not exist', { expiry_date: '2026-02-30' }],
    ['a month that does not exist', { expiry_date: '2026-13-01' }],
    ['words', { expiry_date: 'tomorrow' }],
    ['a date in the past', { expiry_date: '2025-12-31' }],
    ['a date-time in the past', { expiry_date: '2025-12-31T23:59:59Z' }],
    ['an IPv4 prefix over 32', { ip: '10.0.0.0/33' }],
    ['an IPv4 octet over 255', { ip: '10.0.0.256/24' }],
    ['an address without prefix', { ip: '10.0.0.1' }],
    ['an IPv6 prefix over 128', { ip: 'fe80::/129' }],
    ['a broken IPv6 address', { ip: 'fe80:::1/64' }],
    ['not an address', { ip: 'localhost/8' }],
  ])('refuses %s with 422 ValidationError', async (_name, body) => {
    const { auth_token } = await login(mock());
    const res = await create(auth_token, { description: 'x', ...body });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error_code: 422, error_token: 'ValidationError' });
  });

  it('only works from its CIDR range', async () => {
    const { auth_token } = await login(mock());
    const elsewhere = (await (await create(auth_token, { ip: '203.0.113.0/24' })).json()) as { application_token: string };
    await expectEmnifyError(await authenticate(mock(), { application_token: elsewhere.application_token }), 401, 1101, 'InvalidCredentials');
    const here = (await (await create(auth_token, { ip: '127.0.0.1/32' })).json()) as { application_token: string };
    expect((await authenticate(mock(), { application_token: here.application_token })).status).toBe(200);
  });

  it('revoke: 204, idempotent; then authenticate with it → 401, while JWTs issued before keep working until their exp', async () => {
    const { auth_token } = await login(mock());
    const fromApp = await appLogin(mock());
    expect((await patch(auth_token, 1, { status: { id: 1 } })).status).toBe(204);
    expect((await patch(auth_token, 1, { status: { id: 1 } })).status).toBe(204);
    expect((await list(auth_token))[0]!.status).toEqual({ id: 1, description: 'Revoked' });
    await expectEmnifyError(await authenticate(mock(), { application_token: APP_TOKEN }), 401, 1101, 'InvalidCredentials');
    expect((await listEndpoints(mock(), fromApp)).status).toBe(200);
    // An application-token JWT lives 7 days (recorded traffic); revoking the application token does not shorten it.
    mock().clock.advance(7 * 24 * 60 * MINUTE - 1);
    expect((await listEndpoints(mock(), fromApp)).status).toBe(200);
    mock().clock.advance(1);
    await expectEmnifyError(await listEndpoints(mock(), fromApp), 401, 1103, 'TokenExpired');
  });

  it('cannot re-activate a revoked token (422); re-activating an active one is a no-op 204', async () => {
    const { auth_token } = await login(mock());
    await expectEmnifyError(await patch(auth_token, 2, { status: { id: 0 } }), 422, 422, 'ValidationError');
    expect((await patch(auth_token, 1, { status: { id: 0 }, description: 'renamed' })).status).toBe(204);
    expect((await list(auth_token))[0]).toMatchObject({ description: 'renamed', status: { id: 0 } });
  });

  it("another organisation's token or an unknown id → 404 NotFound, and nothing changes", async () => {
    const { auth_token } = await login(mock());
    const before = await mock().world.store.digest();
    await expectEmnifyError(await patch(auth_token, 3, { status: { id: 1 } }), 404, 404, 'NotFound');
    await expectEmnifyError(await patch(auth_token, 999, { status: { id: 1 } }), 404, 404, 'NotFound');
    expect(await mock().world.store.digest()).toBe(before);
    expect((await authenticate(mock(), { application_token: 'oThEr-OrG-aPp-ToKeN-00000000000000000000000' })).status).toBe(200);
  });

  it('after its expiry date an application token → 401; a date-only expiry lasts to the end of that day UTC', async () => {
    const { auth_token } = await login(mock());
    const res = await create(auth_token, { expiry_date: '2026-01-01' });
    const { application_token } = (await res.json()) as { application_token: string };
    const jwt = await appLogin(mock(), application_token);
    mock().clock.set(Date.parse('2026-01-01T23:59:59.999Z'));
    expect((await authenticate(mock(), { application_token })).status).toBe(200);
    mock().clock.advance(1);
    await expectEmnifyError(await authenticate(mock(), { application_token }), 401, 1101, 'InvalidCredentials');
    expect(problemOf(await authenticate(mock(), { application_token }))?.detail).toMatch(/expired/);
    mock().clock.set(DEFAULT_START + 240 * MINUTE - 1);
    expect((await listEndpoints(mock(), jwt)).status).toBe(200);
  });
});

describe('endpoints', () => {
  const ids = async (res: Response): Promise<number[]> => ((await res.json()) as Array<{ id: number }>).map((e) => e.id);

  it("lists the caller's organisation's endpoints with the paging headers", async () => {
    const res = await listEndpoints(mock(), (await login(mock())).auth_token);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-total-pages')).toBe('1');
    expect(res.headers.get('x-current-page')).toBe('1');
    expect(res.headers.get('x-count-per-page')).toBe('1000');
    expect(res.headers.get('x-total-count')).toBe('5');
    // Recorded beside the paging headers (emnify-sdk-python tests/fixtures/cassettes/device_events.yaml): x-sort: id.
    expect(res.headers.get('x-sort')).toBe('id');
    const body = (await res.json()) as Array<Record<string, unknown>>;
    expect(body.map((e) => e['id'])).toEqual([101, 102, 103, 104, 105]);
    // Dates as recorded (cassettes/test_delete_device.yaml: "created":"2022-03-27T23:20:49.000+0000"), from the
    // fixtures' '2025-01-10T08:00:00Z'.
    expect(body[0]).toMatchObject({ created: '2025-01-10T08:00:00.000+0000', last_updated: '2025-11-02T10:15:00.000+0000' });
    expect(body[0]).toMatchObject({ name: 'Weather station 1', status: { id: 0 }, service_profile: { id: 11 }, tariff_profile: { id: 21 } });
    expect(body[0]).not.toHaveProperty('organisation_id');
    expect(await ids(await listEndpoints(mock(), (await login(mock(), OTHER_USER)).auth_token))).toEqual([201, 202]);
  });

  it('pages with page/per_page until page == X-Total-Pages, as clients do', async () => {
    const { auth_token } = await login(mock());
    const seen: number[] = [];
    let page = 1;
    let total = Infinity;
    while (page <= total) {
      const res = await listEndpoints(mock(), auth_token, `page=${page}&per_page=2`);
      total = Number(res.headers.get('x-total-pages'));
      expect(res.headers.get('x-count-per-page')).toBe('2');
      expect(res.headers.get('x-current-page')).toBe(String(page));
      seen.push(...(await ids(res)));
      page++;
    }
    expect(total).toBe(3);
    expect(seen).toEqual([101, 102, 103, 104, 105]);
    const beyond = await listEndpoints(mock(), auth_token, 'page=9&per_page=2');
    expect(await beyond.json()).toEqual([]);
    expect(beyond.headers.get('x-total-pages')).toBe('3');
  });

  it('an organisation without endpoints: [] and X-Total-Pages 1 (its valid token is never refused)', async () => {
    await mock().world.store.write((tx) =>
      createEmnifyProvider().seed(
        tx,
        {
          organisations: [{ id: 777, name: 'Empty Org' }],
          users: [{ id: 7001, username: 'empty@domain.com', organisation_id: 777, password_sha1: 'a'.repeat(40) }],
        },
        { clock: mock().clock },
      ),
    );
    const { auth_token } = await login(mock(), { ...USER, username: 'empty@domain.com', password: 'a'.repeat(40) });
    const res = await listEndpoints(mock(), auth_token);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([]);
    expect(res.headers.get('x-total-pages')).toBe('1');
    expect(res.headers.get('x-total-count')).toBe('0');
  });
});

describe('a full client journey', () => {
  it('log in → list → create an app token → app login → expiry → refresh → revoke → old JWT still valid', async () => {
    const { auth_token, refresh_token } = await login(mock());
    expect((await listEndpoints(mock(), auth_token)).status).toBe(200);
    const created = (await (await emnify(mock(), '/application_token', { token: auth_token, json: { description: 'server' } })).json()) as {
      application_token: string;
    };
    const server = await appLogin(mock(), created.application_token);
    expect((await listEndpoints(mock(), server)).status).toBe(200);

    mock().clock.advance(240 * MINUTE);
    await expectEmnifyError(await listEndpoints(mock(), auth_token), 401, 1103, 'TokenExpired');
    const renewed = await authenticate(mock(), { refresh_token });
    expect(renewed.status).toBe(200);
    const fresh = ((await renewed.json()) as Record<string, string>);
    expect(Object.keys(fresh)).toEqual(['auth_token']);
    expect((await listEndpoints(mock(), fresh['auth_token']!)).status).toBe(200);

    const id = ((await (await emnify(mock(), '/application_token', { token: fresh['auth_token']! })).json()) as Array<{ id: number; description: string }>).find(
      (t) => t.description === 'server',
    )!.id;
    const serverNow = await appLogin(mock(), created.application_token);
    expect((await emnify(mock(), `/application_token/${id}`, { method: 'PATCH', token: fresh['auth_token']!, json: { status: { id: 1 } } })).status).toBe(204);
    await expectEmnifyError(await authenticate(mock(), { application_token: created.application_token }), 401, 1101, 'InvalidCredentials');
    expect((await listEndpoints(mock(), serverNow)).status).toBe(200);
  });
});
