// emnify bearer checks over HTTP: the JWT attack table, expiry on the mock clock, refresh, sandboxes, lifetimes, the signing key.

import { createHmac, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { startMock, useMock, type StartedMock } from '../../helpers/harness.js';
import { problemOf } from '../../helpers/listen.js';
import { MINUTE, USER, appLogin, authenticate, expectEmnifyError, expectSegmentsError, listEndpoints, login, payloadOf } from './client.js';

/** A known key, so that tokens with every claim right but one can be forged and signed correctly. */
const SECRET = 'authmock-emnify-test-secret-0123456789abcdef-0123456789';
const KEY = new TextEncoder().encode(SECRET);

const mock = useMock({ providerSettings: { emnify: { jwtSecret: SECRET } } });

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const nowSec = (): number => Math.floor(mock().clock.now() / 1000);

/** Sign `payload` (default: a valid token's claims) with HS384 and the real key, with `header` overrides. */
async function forge(payload: Record<string, unknown>, header: Record<string, unknown> = {}, key: Uint8Array = KEY): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'HS384', ...header }).sign(key);
}

/** HS384 by hand, for headers jose refuses to produce. */
function signRaw(header: Record<string, unknown>, payload: Record<string, unknown>): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac('sha384', KEY).update(input).digest('base64url')}`;
}

describe('bearer token attacks: always 401 in emnify format, never a 5xx', () => {
  type Case = [string, (valid: string) => Promise<string> | string];
  it.each<Case>([
    ['alg:none, no signature', (valid) => `${b64({ alg: 'none' })}.${valid.split('.')[1]}.`],
    ['alg:none with the original signature', (valid) => `${b64({ alg: 'none' })}.${valid.split('.')[1]}.${valid.split('.')[2]}`],
    ['HS384 signed with a different key', (valid) => forge(payloadOf(valid), {}, randomBytes(48))],
    ['RS256 signed with a private key', async (valid) => {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      return new SignJWT(payloadOf(valid)).setProtectedHeader({ alg: 'RS256', typ: 'JWT' }).sign(privateKey);
    }],
    ['HS384 signed with an RSA public key as the secret (HS/RS confusion)', (valid) => {
      const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      return forge(payloadOf(valid), {}, new TextEncoder().encode(publicKey.export({ type: 'spki', format: 'pem' }).toString()));
    }],
    ['HS512 signed with the right key', (valid) => forge(payloadOf(valid), { alg: 'HS512' })],
    ['HS256 signed with the right key', (valid) => forge(payloadOf(valid), { alg: 'HS256' })],
    ['a typ header beside alg (ours are exactly {"alg":"HS384"})', (valid) => forge(payloadOf(valid), { typ: 'JWT' })],
    ['a flipped byte in the middle of the signature', (valid) => {
      const [h, p, s] = valid.split('.') as [string, string, string];
      const bytes = Buffer.from(s, 'base64url');
      bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
      return `${h}.${p}.${bytes.toString('base64url')}`;
    }],
    ['a tampered payload (another organisation)', (valid) => {
      const [h, , s] = valid.split('.') as [string, string, string];
      return `${h}.${b64({ ...payloadOf(valid), 'esc.org': 4321 })}.${s}`;
    }],
    ['a header that is not JSON', (valid) => `${Buffer.from('{nope').toString('base64url')}.${valid.split('.')[1]}.${valid.split('.')[2]}`],
    ['a payload that is not JSON', (valid) => `${valid.split('.')[0]}.${Buffer.from('[1,2').toString('base64url')}.${valid.split('.')[2]}`],
    ['segments that are not base64url', () => 'a!b.c$d.e%f'],
    ['three empty segments', () => '..'],
    ['a crit header jose does not know', (valid) => signRaw({ alg: 'HS384', crit: ['exp2'], exp2: 1 }, payloadOf(valid))],
    ['nbf in the future', (valid) => forge({ ...payloadOf(valid), nbf: nowSec() + 60 })],
    ['iat in the future', (valid) => forge({ ...payloadOf(valid), iat: nowSec() + 60 })],
    ['exp as a string', (valid) => forge({ ...payloadOf(valid), exp: String(nowSec() + 3600) })],
    ['no exp at all', (valid) => {
      const { exp: _exp, ...rest } = payloadOf(valid);
      return forge(rest);
    }],
    ['a wrong issuer', (valid) => forge({ ...payloadOf(valid), iss: 'someone-else' })],
    ['a wrong audience', (valid) => forge({ ...payloadOf(valid), aud: 'another-api' })],
    ['token_use refresh in an auth token', (valid) => forge({ ...payloadOf(valid), token_use: 'refresh' })],
    ['no emnify claims', (valid) => forge({ ...payloadOf(valid), 'esc.org': 'Demo Org' })],
    ['issued by another sandbox (world claim)', (valid) => forge({ ...payloadOf(valid), 'authmock.world': 'elsewhere' })],
  ])('%s → 1102 InvalidToken', async (_name, make) => {
    const { auth_token } = await login(mock());
    const before = await mock().world.store.digest();
    const res = await listEndpoints(mock(), await make(auth_token));
    await expectEmnifyError(res, 401, 1102, 'InvalidToken');
    expect(await mock().world.store.digest()).toBe(before);
  });

  it('the refresh token used as a bearer → 1102', async () => {
    const { refresh_token } = await login(mock());
    await expectEmnifyError(await listEndpoints(mock(), refresh_token), 401, 1102, 'InvalidToken');
  });

  it('two tokens with their payloads swapped → 1102 for both', async () => {
    const a = (await login(mock())).auth_token.split('.');
    mock().clock.advance(1000);
    const b = (await appLogin(mock())).split('.');
    await expectEmnifyError(await listEndpoints(mock(), `${a[0]}.${b[1]}.${a[2]}`), 401, 1102, 'InvalidToken');
    await expectEmnifyError(await listEndpoints(mock(), `${b[0]}.${a[1]}.${b[2]}`), 401, 1102, 'InvalidToken');
  });

  it('exp in the past, correctly signed → 1103 TokenExpired', async () => {
    const { auth_token } = await login(mock());
    const expired = await forge({ ...payloadOf(auth_token), exp: nowSec() - 1 });
    await expectEmnifyError(await listEndpoints(mock(), expired), 401, 1103, 'TokenExpired');
  });

  it.each([
    ['2 segments', (v: string) => v.split('.').slice(0, 2).join('.')],
    ['4 segments', (v: string) => `${v}.extra`],
    ['1 segment', () => 'justonesegment'],
    ['"None" (what the Python SDK sends before logging in)', () => 'None'],
  ])('%s → {"message":"token contains an invalid number of segments"}', async (_name, make) => {
    const { auth_token } = await login(mock());
    await expectSegmentsError(await listEndpoints(mock(), make(auth_token)));
  });

  const withAuthorization = (value: string): Promise<Response> => fetch(`${mock().url}/emnify/api/v1/endpoint`, { headers: { authorization: value } });

  it.each([
    ['an empty bearer', 'Bearer'],
    ['an empty bearer with a trailing space', 'Bearer '],
    ['a double space before a one-segment value', 'Bearer  x'],
  ])('%s → the segments message', async (_name, header) => {
    await expectSegmentsError(await withAuthorization(header));
  });

  it('a double space before a valid token: the token is not accepted (401 1102)', async () => {
    const { auth_token } = await login(mock());
    await expectEmnifyError(await withAuthorization(`Bearer  ${auth_token}`), 401, 1102, 'InvalidToken');
  });

  it.each([['bearer'], ['BEARER'], ['Bearer']])('the scheme is case-insensitive: %s <token> → 200', async (scheme) => {
    const { auth_token } = await login(mock());
    const res = await fetch(`${mock().url}/emnify/api/v1/endpoint`, { headers: { authorization: `${scheme} ${auth_token}` } });
    expect(res.status).toBe(200);
  });

  it.each([
    ['no Authorization header', {}],
    ['a Basic Authorization header', { authorization: 'Basic dXNlcjpwYXNz' }],
  ])('%s → 401 1102', async (_name, headers) => {
    await expectEmnifyError(await fetch(`${mock().url}/emnify/api/v1/endpoint`, { headers }), 401, 1102, 'InvalidToken');
  });
});

describe('expiry on the mock clock', () => {
  it('an auth token works for 240 minutes: at 239:59.999 yes, at 240:00 → 1103', async () => {
    const { auth_token } = await login(mock());
    mock().clock.advance(240 * MINUTE - 1);
    expect((await listEndpoints(mock(), auth_token)).status).toBe(200);
    mock().clock.advance(1);
    const res = await listEndpoints(mock(), auth_token);
    await expectEmnifyError(res, 401, 1103, 'TokenExpired');
  });

  it('an application-token JWT lives 7 days by default (recorded traffic), to the millisecond on the mock clock', async () => {
    // emnify-sdk-python tests/fixtures/cassettes/get_all_devices.yaml: "exp":1648577926,"iat":1647973126 (604800 s).
    const jwt = await appLogin(mock());
    const claims = payloadOf(jwt);
    expect((claims['exp'] as number) - (claims['iat'] as number)).toBe(604_800);
    mock().clock.advance(7 * 24 * 60 * MINUTE - 1);
    expect((await listEndpoints(mock(), jwt)).status).toBe(200);
    mock().clock.advance(1);
    await expectEmnifyError(await listEndpoints(mock(), jwt), 401, 1103, 'TokenExpired');
  });

  it('the refresh token renews an expired auth token, many times, without rotating', async () => {
    const { auth_token, refresh_token } = await login(mock());
    mock().clock.advance(300 * MINUTE);
    await expectEmnifyError(await listEndpoints(mock(), auth_token), 401, 1103, 'TokenExpired');
    for (let i = 0; i < 2; i++) {
      const res = await authenticate(mock(), { refresh_token });
      expect(res.status).toBe(200);
      const body = (await res.json()) as Record<string, string>;
      expect(Object.keys(body)).toEqual(['auth_token']);
      expect(payloadOf(body['auth_token']!)).toMatchObject({ iat: nowSec(), 'esc.user': USER.id });
      expect((await listEndpoints(mock(), body['auth_token']!)).status).toBe(200);
      mock().clock.advance(24 * 60 * MINUTE);
    }
  });

  it('the refresh token itself expires after 30 days → 401 1101', async () => {
    const { refresh_token } = await login(mock());
    mock().clock.advance(30 * 24 * 60 * MINUTE - 1000);
    expect((await authenticate(mock(), { refresh_token })).status).toBe(200);
    mock().clock.advance(1000);
    const res = await authenticate(mock(), { refresh_token });
    await expectEmnifyError(res, 401, 1101, 'InvalidCredentials');
    expect(problemOf(res)?.detail).toMatch(/expired/);
  });

  it('a token from the main world is refused in a sandbox (1102), and the sandbox issues its own', async () => {
    const { auth_token } = await login(mock());
    const sandbox = (await (await fetch(`${mock().url}/__admin/sandboxes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as { id: string };
    const inSandbox = (path: string, init?: RequestInit): Promise<Response> => fetch(`${mock().url}/_sandbox/${sandbox.id}/emnify/api/v1${path}`, init);
    await expectEmnifyError(await inSandbox('/endpoint', { headers: { authorization: `Bearer ${auth_token}` } }), 401, 1102, 'InvalidToken');
    const own = (await (await inSandbox('/authenticate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: USER.username, password: USER.password }) })).json()) as { auth_token: string };
    expect((await inSandbox('/endpoint', { headers: { authorization: `Bearer ${own.auth_token}` } })).status).toBe(200);
    await fetch(`${mock().url}/__admin/sandboxes/${sandbox.id}`, { method: 'DELETE' });
  });
});

describe('lifetimes from options', () => {
  it('authTokenTtlSeconds and applicationAuthTokenTtlSeconds (recorded traffic: 7 days) set exp', async () => {
    const other = await startMock({ providerSettings: { emnify: { authTokenTtlSeconds: 600, applicationAuthTokenTtlSeconds: 604_800 } } });
    try {
      const user = (await login(other)).auth_token;
      const app = await appLogin(other);
      const span = (jwt: string): number => (payloadOf(jwt)['exp'] as number) - (payloadOf(jwt)['iat'] as number);
      expect(span(user)).toBe(600);
      expect(span(app)).toBe(604_800);
      other.clock.advance(600_000);
      await expectEmnifyError(await listEndpoints(other, user), 401, 1103, 'TokenExpired');
      other.clock.advance(7 * 24 * 60 * MINUTE - 600_000 - 1);
      expect((await listEndpoints(other, app)).status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('tokens of one instance (random key) are refused by another', async () => {
    const other = await startMock();
    try {
      const foreign = (await login(other)).auth_token;
      await expectEmnifyError(await listEndpoints(mock(), foreign), 401, 1102, 'InvalidToken');
    } finally {
      await other.close();
    }
  });
});

describe('the signing key and lifetimes as state and fixtures', () => {
  const span = (jwt: string): number => (payloadOf(jwt)['exp'] as number) - (payloadOf(jwt)['iat'] as number);
  const admin = (m: StartedMock, path: string, json?: unknown): Promise<Response> =>
    fetch(`${m.url}/__admin${path}`, json === undefined ? { method: 'POST' } : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) });

  it("the fixtures' emnify.jwt lifetimes apply: 14400 gives the page's 240 minutes to application-token JWTs", async () => {
    const other = await startMock();
    try {
      expect((await admin(other, '/fixtures', { emnify: { jwt: { auth_token_ttl_seconds: 600, application_auth_token_ttl_seconds: 14_400 } } })).status).toBe(200);
      expect(span((await login(other)).auth_token)).toBe(600);
      expect(span(await appLogin(other))).toBe(14_400);
    } finally {
      await other.close();
    }
  });

  it('POST /__admin/reset forgets a generated key, so tokens issued before it are refused (1102, refresh 1101)', async () => {
    const other = await startMock();
    try {
      const { auth_token, refresh_token } = await login(other);
      expect((await listEndpoints(other, auth_token)).status).toBe(200);
      expect((await admin(other, '/reset')).status).toBe(200);
      await expectEmnifyError(await listEndpoints(other, auth_token), 401, 1102, 'InvalidToken');
      await expectEmnifyError(await authenticate(other, { refresh_token }), 401, 1101, 'InvalidCredentials');
      expect((await listEndpoints(other, (await login(other)).auth_token)).status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it("a key pinned by the fixtures' emnify.jwt.secret survives a reset; /__admin/state shows only its fingerprint", async () => {
    const secret = 'fixture-pinned-emnify-key-0123456789abcdef-0123456789';
    const dir = await mkdtemp(join(tmpdir(), 'authmock-emnify-'));
    const fixtures = join(dir, 'fixtures.yaml');
    const text = await readFile('fixtures/default.yaml', 'utf8');
    expect(text).toContain('\n  jwt:\n');
    await writeFile(fixtures, text.replace('\n  jwt:\n', `\n  jwt:\n    secret: ${secret}\n`));
    const other = await startMock({ fixtures });
    try {
      const { auth_token } = await login(other);
      // Signed with the fixture's key: jose verifies it with exactly that secret, HS384, and the recorded aud.
      await expect(jwtVerify(auth_token, new TextEncoder().encode(secret), { algorithms: ['HS384'], audience: '/api/v1/authentication', currentDate: new Date(other.clock.now()) })).resolves.toBeTruthy();
      expect((await admin(other, '/reset')).status).toBe(200);
      expect((await listEndpoints(other, auth_token)).status).toBe(200);
      const state = await (await fetch(`${other.url}/__admin/state`)).text();
      const jwt = (JSON.parse(state) as { providers: { emnify: { jwt: Record<string, unknown> } } }).providers.emnify.jwt;
      expect(jwt).toEqual({
        algorithm: 'HS384',
        signing_key: { source: 'state', fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/) },
        auth_token_ttl_seconds: 14_400,
        application_auth_token_ttl_seconds: 604_800,
      });
      expect(state).not.toContain(secret);
      expect(state).not.toContain(Buffer.from(secret).toString('base64url'));
    } finally {
      await other.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a fixtures file with a jwt.secret shorter than 48 bytes stops start-up with the path and the reason', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'authmock-emnify-'));
    const fixtures = join(dir, 'fixtures.yaml');
    await writeFile(fixtures, 'emnify:\n  jwt:\n    secret: too-short-for-hs384\n');
    try {
      await expect(startMock({ fixtures })).rejects.toThrow(/\/emnify\/jwt\/secret/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
