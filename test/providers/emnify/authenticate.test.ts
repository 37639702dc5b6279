// emnify's POST /api/v1/authenticate as a table, the handler called directly: each credential kind, each refusal's code, the lockout.

import { jwtVerify } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MockResponse, Operation, World } from '../../../src/engine/types.js';
import { createAuthenticateHandler, LOGIN_LIMITS } from '../../../src/providers/emnify/authenticate.js';
import { seedEmnify } from '../../../src/providers/emnify/fixtures.js';
import { createJwtService, DEFAULT_ISSUER, RECORDED_AUDIENCE } from '../../../src/providers/emnify/jwt.js';
import { createKeyring } from '../../../src/providers/emnify/signing-key.js';
import { createTestWorld, TEST_START, toMockRequest } from '../../helpers/document.js';

const SECRET = 'authmock-emnify-authenticate-test-secret-0123456789abcdef';
const PASSWORD = '2fd4e1c67a2d28fced849ee1bb76e7391b93eb12';
const APP_TOKEN = 'app-token-active-000000000000000000000000000';
const DAY = 24 * 3600 * 1000;

const FIXTURES = {
  jwt: { secret: SECRET },
  organisations: [{ id: 1234, name: 'Demo Org' }],
  users: [
    { id: 5678, username: 'User@Domain.com', name: 'Demo User', organisation_id: 1234, password_sha1: PASSWORD },
    { id: 9999, username: 'orphan@domain.com', organisation_id: 4444, password_sha1: PASSWORD },
  ],
  application_tokens: [
    { id: 1, token: APP_TOKEN, creator_id: 5678, status: 'activated', expiry_date: null, ip: null },
    { id: 2, token: 'app-token-revoked', creator_id: 5678, status: 'revoked', expiry_date: null, ip: null },
    { id: 3, token: 'app-token-expired', creator_id: 5678, status: 'activated', expiry_date: new Date(TEST_START - DAY).toISOString(), ip: null },
    { id: 4, token: 'app-token-office', creator_id: 5678, status: 'activated', expiry_date: null, ip: '10.0.0.0/8' },
  ],
};

const jwt = createJwtService({ issuer: DEFAULT_ISSUER, audience: RECORDED_AUDIENCE });
const keyring = createKeyring();
const handler = createAuthenticateHandler(jwt, keyring);
let world: World;

beforeEach(async () => {
  world = createTestWorld();
  await world.store.write((tx) => seedEmnify(tx, FIXTURES, { clock: world.clock }));
});

async function authenticate(body: unknown, remoteAddress = '127.0.0.1'): Promise<MockResponse> {
  const req = toMockRequest({ method: 'POST', path: '/emnify/api/v1/authenticate', body, mediaType: 'application/json', remoteAddress });
  return handler({ req, op: {} as Operation, world, auth: { principals: new Map(), summary: 'anonymous' }, warn: () => undefined });
}

const claimsOf = async (token: string) => (await jwtVerify(token, new TextEncoder().encode(SECRET), { algorithms: ['HS384'], currentDate: new Date(TEST_START) })).payload;

describe('authenticate: accepted', () => {
  it.each<[string, { given: unknown; want: { keys: string[]; claims: Record<string, unknown> } }]>([
    ['username and password: an auth and a refresh token', { given: { username: 'user@domain.com', password: PASSWORD }, want: { keys: ['auth_token', 'refresh_token'], claims: { sub: 'User@Domain.com', 'esc.org': 1234, 'esc.orgName': 'Demo Org', 'esc.user': 5678 } } }],
    ['the username in any case', { given: { username: 'USER@DOMAIN.COM', password: PASSWORD }, want: { keys: ['auth_token', 'refresh_token'], claims: { 'esc.user': 5678 } } }],
    ['an application token: an auth token only', { given: { application_token: APP_TOKEN }, want: { keys: ['auth_token'], claims: { sub: 'application_token/1', 'esc.app': 1, 'esc.user': 5678, 'esc.org': 1234 } } }],
    ['an IP-bound application token from inside its range', { given: { application_token: 'app-token-office' }, want: { keys: ['auth_token'], claims: { 'esc.app': 4 } } }],
  ])('%s', async (_name, { given, want }) => {
    const response = await authenticate(given, '10.1.2.3');
    expect(response.status).toBe(200);
    const body = response.body as Record<string, string>;
    expect(Object.keys(body)).toEqual(want.keys);
    expect(await claimsOf(body['auth_token']!)).toMatchObject(want.claims);
  });

  it('a refresh token: a new auth token for the same user', async () => {
    const first = (await authenticate({ username: 'user@domain.com', password: PASSWORD })).body as { refresh_token: string };
    const response = await authenticate({ refresh_token: first.refresh_token });
    expect(Object.keys(response.body as object)).toEqual(['auth_token']);
    expect(await claimsOf((response.body as { auth_token: string }).auth_token)).toMatchObject({ sub: 'User@Domain.com', 'esc.user': 5678 });
  });
});

describe('authenticate: refused', () => {
  it.each<[string, { given: unknown; remote?: string; want: { code: string; emnify?: number; detail: RegExp } }]>([
    ['no body', { given: undefined, want: { code: 'request.body_invalid', detail: /must be a JSON object/ } }],
    ['an array body', { given: [], want: { code: 'request.body_invalid', detail: /must be a JSON object/ } }],
    ['no known field', { given: { user: 'x' }, want: { code: 'request.body_invalid', detail: /send \{username, password\}/ } }],
    ['a username without a password', { given: { username: 'user@domain.com' }, want: { code: 'request.body_invalid', detail: /password must be a string/ } }],
    ['a password that is a number', { given: { username: 'user@domain.com', password: 1 }, want: { code: 'request.body_invalid', detail: /password must be a string/ } }],
    ['an unknown user', { given: { username: 'nobody@domain.com', password: PASSWORD }, want: { code: 'auth.invalid', emnify: 1101, detail: /no user/ } }],
    ['a wrong password', { given: { username: 'user@domain.com', password: 'x'.repeat(40) }, want: { code: 'auth.invalid', emnify: 1101, detail: /wrong password \(failure 1 of 3/ } }],
    ['a user whose organisation is gone', { given: { username: 'orphan@domain.com', password: PASSWORD }, want: { code: 'auth.invalid', emnify: 1101, detail: /organisation does not exist/ } }],
    ['an unknown application token', { given: { application_token: 'nope' }, want: { code: 'auth.invalid', emnify: 1101, detail: /unknown application token/ } }],
    ['a revoked application token: still 1101', { given: { application_token: 'app-token-revoked' }, want: { code: 'auth.revoked', emnify: 1101, detail: /revoked/ } }],
    ['an expired application token: still 1101', { given: { application_token: 'app-token-expired' }, want: { code: 'auth.expired', emnify: 1101, detail: /expired/ } }],
    ['an IP-bound token from outside its range', { given: { application_token: 'app-token-office' }, remote: '192.168.0.1', want: { code: 'auth.invalid', emnify: 1101, detail: /only works from 10\.0\.0\.0\/8/ } }],
    ['a refresh token that is no JWT', { given: { refresh_token: 'abc' }, want: { code: 'auth.invalid', emnify: 1101, detail: /refresh token refused/ } }],
  ])('%s', async (_name, { given, remote, want }) => {
    await expect(authenticate(given, remote)).rejects.toThrow(
      expect.objectContaining({ code: want.code, message: expect.stringMatching(want.detail), ...(want.emnify ? { meta: expect.objectContaining({ errorCode: want.emnify }) } : {}) }),
    );
  });

  it('an auth token is no refresh token', async () => {
    const { auth_token } = (await authenticate({ username: 'user@domain.com', password: PASSWORD })).body as { auth_token: string };
    await expect(authenticate({ refresh_token: auth_token })).rejects.toThrow(expect.objectContaining({ code: 'auth.invalid', message: expect.stringMatching(/refresh token refused/) }));
  });
});

describe('authenticate: the lockout', () => {
  const wrong = { username: 'user@domain.com', password: 'f'.repeat(40) };
  const right = { username: 'user@domain.com', password: PASSWORD };

  it(`locks after ${LOGIN_LIMITS.maxFailedLogins} wrong passwords in a row, with Retry-After, until the lock ends`, async () => {
    for (let i = 1; i <= LOGIN_LIMITS.maxFailedLogins; i++) await expect(authenticate(wrong)).rejects.toThrow(expect.objectContaining({ code: 'auth.invalid' }));
    await expect(authenticate(right)).rejects.toThrow(
      expect.objectContaining({ code: 'auth.rate_limited', meta: expect.objectContaining({ errorCode: 1105 }), headers: { 'Retry-After': String(LOGIN_LIMITS.lockoutSeconds) } }),
    );
    world.clock.advance(LOGIN_LIMITS.lockoutSeconds * 1000 - 1500);
    await expect(authenticate(right)).rejects.toThrow(expect.objectContaining({ code: 'auth.rate_limited', headers: { 'Retry-After': '2' } })); // rounded up
    world.clock.advance(1500);
    expect((await authenticate(right)).status).toBe(200);
  });

  it('a right password clears the count of wrong ones', async () => {
    await expect(authenticate(wrong)).rejects.toThrow();
    await expect(authenticate(wrong)).rejects.toThrow();
    expect((await authenticate(right)).status).toBe(200);
    await expect(authenticate(wrong)).rejects.toThrow(expect.objectContaining({ message: expect.stringMatching(/failure 1 of 3/) }));
  });
});
