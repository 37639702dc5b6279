// Consumer contract of the emnify fleet app with authmock's emnify API: JWTs, refresh after expiry, application tokens.

import { MatchersV3, PactV3 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { createEmnifyClient, EmnifyApiError, type EmnifyClient } from '../clients/emnify.js';
import { pactOutput, runWith } from './pact-output.js';

const { eachLike, fromProviderState, integer, like, regex } = MatchersV3;

const output = pactOutput('emnify-fleet-app', 'authmock-emnify');
const pact = new PactV3({ consumer: 'emnify-fleet-app', provider: 'authmock-emnify', dir: output.dir, logLevel: 'error' });
const run = runWith(pact);

const USERNAME = 'user@domain.com';
const PASSWORD_SHA1 = '2fd4e1c67a2d28fced849ee1bb76e7391b93eb12';
/** A JWT with the header recorded in emnify's traffic (emnify-sdk-python cassettes): {"alg":"HS384"} = eyJhbGciOiJIUzM4NCJ9. */
const JWT = /^eyJhbGciOiJIUzM4NCJ9\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const AUTH_TOKEN =
  'eyJhbGciOiJIUzM4NCJ9.eyJhdWQiOiJcL2FwaVwvdjFcL2F1dGhlbnRpY2F0aW9uIiwiZXNjLm9yZyI6MTIzNCwiZXNjLm9yZ05hbWUiOiJEZW1vIE9yZyIsImlzcyI6ImF1dGhtb2NrMDAxQHNwYy1mcm9udGVuZCIsImV4cCI6MTYzNzIzODM1MywiaWF0IjoxNjM3MjIzOTUzfQ.59GUr0ElGpGggbkA6u1eaLC4IgfQ7kFvDKIdwxZcvz_6ZolzFadGe4YwxXyKDvdU';
const REFRESH_TOKEN =
  'eyJhbGciOiJIUzM4NCJ9.eyJhdWQiOiJcL2FwaVwvdjFcL2F1dGhlbnRpY2F0aW9uIiwiZXNjLm9yZyI6MTIzNCwiaXNzIjoiYXV0aG1vY2swMDFAc3BjLWZyb250ZW5kIiwidG9rZW5fdXNlIjoicmVmcmVzaCJ9.gTIhbX8tjGNfa9mHO3uws_Ah2vMneXIOwzgAO7-lkz6yLD6xRg3GTCavgUCoZAqc';
const APP_TOKEN = 'kNTktNTA1My00YzdhLTg0NjEtZGVtby1hcHAtdG9rZW4';
/** emnify's dates as recorded: `2021-11-18T08:25:53.000+0000` (milliseconds, `+0000`, no `Z`). */
const EMNIFY_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/;

const JSON_BODY = { 'Content-Type': 'application/json' };
const JSON_RESPONSE = { 'Content-Type': regex(/application\/json.*/, 'application/json; charset=utf-8') };
const bearer = fromProviderState('Bearer ${auth_token}', `Bearer ${AUTH_TOKEN}`);
const jwt = (example: string) => regex(JWT, example);

const client = (baseUrl: string): EmnifyClient => createEmnifyClient({ baseUrl });
const userState = (): PactV3 => pact.given('an emnify user {username} with password SHA-1 {password}', { username: USERNAME, password: PASSWORD_SHA1 });
const tokenState = (): PactV3 => pact.given('an emnify auth token for {username}', { username: USERNAME });

describe('emnify: authenticate', () => {
  it('authenticates with username and SHA-1 password', async () => {
    userState()
      .uponReceiving('an authentication with username and password')
      .withRequest({ method: 'POST', path: '/api/v1/authenticate', headers: JSON_BODY, body: { username: USERNAME, password: PASSWORD_SHA1 } })
      .willRespondWith({ status: 200, headers: JSON_RESPONSE, body: { auth_token: jwt(AUTH_TOKEN), refresh_token: jwt(REFRESH_TOKEN) } });
    await run(async (url) => {
      expect(await client(url).loginWithPassword(USERNAME, PASSWORD_SHA1)).toEqual({ auth_token: AUTH_TOKEN, refresh_token: REFRESH_TOKEN });
    });
  });

  it('gets 1101 InvalidCredentials for a wrong password', async () => {
    userState()
      .uponReceiving('an authentication with a wrong password')
      .withRequest({ method: 'POST', path: '/api/v1/authenticate', headers: JSON_BODY, body: { username: USERNAME, password: '0'.repeat(40) } })
      .willRespondWith({ status: 401, headers: JSON_RESPONSE, body: { error_code: 1101, error_token: 'InvalidCredentials', message: like('Invalid credentials') } });
    await run(async (url) => {
      await expect(client(url).loginWithPassword(USERNAME, '0'.repeat(40))).rejects.toEqual(
        expect.objectContaining({ name: 'EmnifyApiError', status: 401, errorCode: 1101 }),
      );
    });
  });

  it('gets 429 with Retry-After once the user is locked out', async () => {
    pact
      .given('an emnify user {username} locked out after failed logins', { username: USERNAME, failures: 3 })
      .uponReceiving('an authentication while the user is locked out')
      .withRequest({ method: 'POST', path: '/api/v1/authenticate', headers: JSON_BODY, body: { username: USERNAME, password: PASSWORD_SHA1 } })
      .willRespondWith({
        status: 429,
        headers: { ...JSON_RESPONSE, 'Retry-After': regex(/^[0-9]+$/, '300') },
        body: { error_code: 1105, error_token: 'TooManyRequests', message: like('Too many failed login attempts, please try again later') },
      });
    await run(async (url) => {
      await expect(client(url).loginWithPassword(USERNAME, PASSWORD_SHA1)).rejects.toEqual(
        expect.objectContaining({ status: 429, errorCode: 1105, retryAfterSeconds: 300 }),
      );
    });
  });

  it('authenticates with an application token', async () => {
    pact
      .given('an active emnify application token')
      .uponReceiving('an authentication with an application token')
      .withRequest({ method: 'POST', path: '/api/v1/authenticate', headers: JSON_BODY, body: { application_token: fromProviderState('${application_token}', APP_TOKEN) } })
      .willRespondWith({ status: 200, headers: JSON_RESPONSE, body: { auth_token: jwt(AUTH_TOKEN) } });
    await run(async (url) => {
      expect(await client(url).loginWithApplicationToken(APP_TOKEN)).toBe(AUTH_TOKEN);
    });
  });

  it('gets 1101 InvalidCredentials for a revoked application token', async () => {
    pact
      .given('an emnify application token that was revoked')
      .uponReceiving('an authentication with a revoked application token')
      .withRequest({ method: 'POST', path: '/api/v1/authenticate', headers: JSON_BODY, body: { application_token: fromProviderState('${application_token}', APP_TOKEN) } })
      .willRespondWith({ status: 401, headers: JSON_RESPONSE, body: { error_code: 1101, error_token: 'InvalidCredentials', message: like('Invalid credentials') } });
    await run(async (url) => {
      await expect(client(url).loginWithApplicationToken(APP_TOKEN)).rejects.toEqual(expect.objectContaining({ status: 401, errorCode: 1101 }));
    });
  });
});

describe('emnify: an expired auth_token, then a refresh', () => {
  it('gets 1103 TokenExpired, refreshes, and has a new auth_token', async () => {
    pact
      .given('an emnify auth token that has expired')
      .uponReceiving('an endpoint list with an expired auth token')
      .withRequest({ method: 'GET', path: '/api/v1/endpoint', query: { page: '1', per_page: '100' }, headers: { Authorization: bearer } })
      .willRespondWith({ status: 401, headers: JSON_RESPONSE, body: { error_code: 1103, error_token: 'TokenExpired', message: like('Token expired') } });
    pact
      .given('an emnify auth token that has expired')
      .uponReceiving('a refresh after the auth token expired')
      .withRequest({ method: 'POST', path: '/api/v1/authenticate', headers: JSON_BODY, body: { refresh_token: fromProviderState('${refresh_token}', REFRESH_TOKEN) } })
      .willRespondWith({ status: 200, headers: JSON_RESPONSE, body: { auth_token: jwt(AUTH_TOKEN) } });
    await run(async (url) => {
      const emnify = client(url);
      const error = await emnify.listEndpoints(AUTH_TOKEN, { page: 1, per_page: 100 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EmnifyApiError);
      expect((error as EmnifyApiError).tokenExpired).toBe(true);
      expect(await emnify.refresh(REFRESH_TOKEN)).toMatch(JWT);
    });
  });
});

describe('emnify: an application-token auth_token after 7 days, then a new one', () => {
  it('gets 1103 TokenExpired and authenticates again with the application token, as the official Python SDK does', async () => {
    // Recorded (emnify-sdk-python cassettes): an application-token JWT lives 604800 s; the SDK re-authenticates on a 401.
    pact
      .given('an emnify application-token auth token that has expired')
      .uponReceiving('an endpoint list with an application-token auth token 7 days old')
      .withRequest({ method: 'GET', path: '/api/v1/endpoint', query: { page: '1', per_page: '100' }, headers: { Authorization: bearer } })
      .willRespondWith({ status: 401, headers: JSON_RESPONSE, body: { error_code: 1103, error_token: 'TokenExpired', message: like('Token expired') } });
    pact
      .given('an emnify application-token auth token that has expired')
      .uponReceiving('a new authentication with the application token after its auth token expired')
      .withRequest({ method: 'POST', path: '/api/v1/authenticate', headers: JSON_BODY, body: { application_token: fromProviderState('${application_token}', APP_TOKEN) } })
      .willRespondWith({ status: 200, headers: JSON_RESPONSE, body: { auth_token: jwt(AUTH_TOKEN) } });
    await run(async (url) => {
      const emnify = client(url);
      const error = await emnify.listEndpoints(AUTH_TOKEN, { page: 1, per_page: 100 }).catch((e: unknown) => e);
      expect((error as EmnifyApiError).tokenExpired).toBe(true);
      expect(await emnify.loginWithApplicationToken(APP_TOKEN)).toMatch(JWT);
    });
  });
});

describe('emnify: bearer calls', () => {
  it('lists endpoints a page at a time', async () => {
    tokenState()
      .uponReceiving('an endpoint list')
      .withRequest({ method: 'GET', path: '/api/v1/endpoint', query: { page: '1', per_page: '100' }, headers: { Authorization: bearer } })
      .willRespondWith({
        status: 200,
        headers: { ...JSON_RESPONSE, 'X-Total-Pages': regex(/^[0-9]+$/, '1'), 'X-Total-Count': regex(/^[0-9]+$/, '5'), 'X-Sort': 'id' },
        body: eachLike({
          id: integer(101),
          name: like('Weather station 1'),
          created: regex(EMNIFY_TIME, '2025-01-10T08:00:00.000+0000'),
          status: { id: integer(0) },
          service_profile: { id: integer(11) },
          tariff_profile: { id: integer(21) },
        }),
      });
    await run(async (url) => {
      const page = await client(url).listEndpoints(AUTH_TOKEN, { page: 1, per_page: 100 });
      expect(page.totalPages).toBe(1);
      expect(page.sort).toBe('id');
      expect(page.endpoints[0]?.name).toBe('Weather station 1');
    });
  });

  it('creates an application token', async () => {
    tokenState()
      .uponReceiving('an application token creation')
      .withRequest({
        method: 'POST',
        path: '/api/v1/application_token',
        headers: { Authorization: bearer, ...JSON_BODY },
        body: { description: 'Fleet app token', expiry_date: '2099-12-31' },
      })
      .willRespondWith({ status: 200, headers: JSON_RESPONSE, body: { application_token: like(APP_TOKEN) } });
    await run(async (url) => {
      expect(await client(url).createApplicationToken(AUTH_TOKEN, { description: 'Fleet app token', expiry_date: '2099-12-31' })).toBe(APP_TOKEN);
    });
  });

  it('lists application tokens', async () => {
    tokenState()
      .uponReceiving('an application token list')
      .withRequest({ method: 'GET', path: '/api/v1/application_token', headers: { Authorization: bearer } })
      .willRespondWith({
        status: 200,
        headers: JSON_RESPONSE,
        body: eachLike({
          id: integer(1),
          description: like('Demo app token'),
          created: regex(EMNIFY_TIME, '2025-06-01T09:30:00.000+0000'),
          status: { id: integer(0), description: like('Activated') },
          creator: { id: integer(5678), name: like('Demo User'), username: like(USERNAME) },
        }),
      });
    await run(async (url) => {
      const [token] = await client(url).listApplicationTokens(AUTH_TOKEN);
      expect(token?.status.id).toBe(0);
    });
  });

  it('revokes an application token', async () => {
    tokenState()
      .given('an active emnify application token')
      .uponReceiving('an application token revocation')
      .withRequest({
        method: 'PATCH',
        path: fromProviderState('/api/v1/application_token/${application_token_id}', '/api/v1/application_token/42'),
        headers: { Authorization: bearer, ...JSON_BODY },
        body: { status: { id: 1 } },
      })
      .willRespondWith({ status: 204 });
    await run(async (url) => {
      await client(url).revokeApplicationToken(AUTH_TOKEN, 42);
    });
  });
});

describe('emnify: auth outcomes', () => {
  it('gets 401 1102 when the bearer token is missing', async () => {
    tokenState()
      .uponReceiving('an endpoint list without a bearer token')
      .withRequest({ method: 'GET', path: '/api/v1/endpoint' })
      .willRespondWith({ status: 401, headers: JSON_RESPONSE, body: { error_code: 1102, error_token: 'InvalidToken', message: like('Invalid token') } });
    await run(async (url) => {
      expect((await fetch(`${url}/api/v1/endpoint`)).status).toBe(401);
    });
  });

  it('gets 401 1103 for an auth_token that expired mid-session', async () => {
    pact
      .given('an emnify auth_token that expired mid-session')
      .uponReceiving('an endpoint list with an auth_token expired mid-session')
      .withRequest({ method: 'GET', path: '/api/v1/endpoint', headers: { Authorization: bearer } })
      .willRespondWith({ status: 401, headers: JSON_RESPONSE, body: { error_code: 1103, error_token: 'TokenExpired', message: like('Token expired') } });
    await run(async (url) => {
      await expect(client(url).listEndpoints(AUTH_TOKEN)).rejects.toEqual(expect.objectContaining({ status: 401, errorCode: 1103 }));
    });
  });

  it('gets 401 1102 for an auth_token that was revoked', async () => {
    pact
      .given('an emnify auth_token and refresh_token that were revoked')
      .uponReceiving('an endpoint list with a revoked auth_token')
      .withRequest({ method: 'GET', path: '/api/v1/endpoint', headers: { Authorization: bearer } })
      .willRespondWith({ status: 401, headers: JSON_RESPONSE, body: { error_code: 1102, error_token: 'InvalidToken', message: like('Invalid token') } });
    await run(async (url) => {
      await expect(client(url).listEndpoints(AUTH_TOKEN)).rejects.toEqual(expect.objectContaining({ status: 401, errorCode: 1102 }));
    });
  });
});
