// Consumer contract of the DeviceHQ field app with authmock's DeviceHQ API: sessions, sliding expiry, devices.

import { MatchersV3, PactV3 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { createDevicehqClient, DevicehqApiError, type DevicehqClient } from '../clients/devicehq.js';
import { pactOutput, runWith } from './pact-output.js';

const { datetime, eachLike, fromProviderState, integer, like, regex } = MatchersV3;

const output = pactOutput('devicehq-field-app', 'authmock-devicehq');
const pact = new PactV3({ consumer: 'devicehq-field-app', provider: 'authmock-devicehq', dir: output.dir, logLevel: 'error' });
const run = runWith(pact);

const API_KEY = '5sHszZNuTfmgs58VGA';
const TOKEN_EXAMPLE = 'lbYQxHvUeVMsDt';
const ISO = "yyyy-MM-dd'T'HH:mm:ss.SSSX";

const JSON_API = { 'Content-Type': regex(/application\/vnd\.api\+json.*/, 'application/vnd.api+json; charset=utf-8') };
/** DeviceHQ refuses a POST without Content-Length; the client sends `Content-Length: 0`, and the contract says so. */
const EMPTY_POST = { 'Content-Length': '0' };
const sessionToken = fromProviderState('${token}', TOKEN_EXAMPLE);
const errors = { errors: eachLike({ detail: like('Invalid or expired session token') }) };

const client = (baseUrl: string): DevicehqClient => createDevicehqClient({ baseUrl });
const sessionLost = expect.objectContaining({ name: 'DevicehqApiError', status: 401, sessionLost: true });

const accountState = (): PactV3 => pact.given('a DeviceHQ account with API key {api_key}', { api_key: API_KEY });
const sessionState = (): PactV3 => pact.given('a DeviceHQ session for API key {api_key}', { api_key: API_KEY });

describe('DeviceHQ: opening a session', () => {
  it('opens a session with the key in X-API-KEY', async () => {
    accountState()
      .uponReceiving('a session request with the API key in X-API-KEY')
      .withRequest({ method: 'POST', path: '/api/v2/session', headers: { 'X-API-KEY': API_KEY, ...EMPTY_POST } })
      .willRespondWith({
        status: 200,
        headers: JSON_API,
        body: { meta: { token: regex(/^[A-Za-z0-9]{14}$/, TOKEN_EXAMPLE), expires: datetime(ISO, '2026-01-01T00:05:00.000Z'), jsonapi: { version: '1.0' } } },
      });
    await run(async (url) => {
      const session = await client(url).openSession(API_KEY);
      expect(session.token).toMatch(/^[A-Za-z0-9]{14}$/);
      expect(session.expires.toISOString()).toBe('2026-01-01T00:05:00.000Z');
    });
  });

  it('opens a session with PUT and the key as ?api_key=', async () => {
    accountState()
      .uponReceiving('a PUT session request with the API key as a query parameter')
      .withRequest({ method: 'PUT', path: '/api/v2/session', query: { api_key: API_KEY } })
      .willRespondWith({
        status: 200,
        headers: JSON_API,
        body: { meta: { token: regex(/^[A-Za-z0-9]{14}$/, TOKEN_EXAMPLE), expires: datetime(ISO, '2026-01-01T00:05:00.000Z'), jsonapi: { version: '1.0' } } },
      });
    await run(async (url) => {
      expect((await client(url).openSession(API_KEY, { method: 'PUT', via: 'query' })).token).toBe(TOKEN_EXAMPLE);
    });
  });

  it('gets 401 for an unknown API key', async () => {
    pact
      .given('the default fixtures')
      .uponReceiving('a session request with an unknown API key')
      .withRequest({ method: 'POST', path: '/api/v2/session', headers: { 'X-API-KEY': 'NoSuchKey000000000', ...EMPTY_POST } })
      .willRespondWith({ status: 401, headers: JSON_API, body: { errors: eachLike({ detail: like('Invalid API key') }) } });
    await run(async (url) => {
      await expect(client(url).openSession('NoSuchKey000000000')).rejects.toEqual(expect.objectContaining({ status: 401, details: ['Invalid API key'] }));
    });
  });
});

describe('DeviceHQ: using the session', () => {
  it('tests the session token', async () => {
    sessionState()
      .uponReceiving('a session test')
      .withRequest({ method: 'GET', path: '/api/v2/test', headers: { 'X-AUTH-TOKEN': sessionToken } })
      .willRespondWith({ status: 200, headers: JSON_API, body: { meta: { message: 'OK', timestamp: datetime(ISO, '2026-01-01T00:00:00.000Z') } } });
    await run(async (url) => {
      expect((await client(url).test(TOKEN_EXAMPLE)).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    });
  });

  it('lists devices a page at a time', async () => {
    sessionState()
      .uponReceiving('a device list request')
      .withRequest({ method: 'GET', path: '/api/v2/devices', query: { limit: '2', skip: '0' }, headers: { 'X-AUTH-TOKEN': sessionToken } })
      .willRespondWith({
        status: 200,
        headers: JSON_API,
        body: {
          data: eachLike({
            id: like('3512'),
            type: 'devices',
            attributes: { name: like('Pump house'), serial: like('DHQ-00A1-7731'), status: like('online'), created_at: datetime(ISO, '2025-06-01T12:00:00.000Z') },
          }),
          meta: { total: integer(4) },
        },
      });
    await run(async (url) => {
      const page = await client(url).listDevices(TOKEN_EXAMPLE, { limit: 2, skip: 0 });
      expect(page.total).toBe(4);
      expect(page.devices[0]?.attributes.name).toBe('Pump house');
    });
  });

  it('keeps the session alive after 4 idle minutes', async () => {
    pact
      .given('a DeviceHQ session idle for {minutes} minutes', { minutes: 4 })
      .uponReceiving('a session test after 4 idle minutes')
      .withRequest({ method: 'GET', path: '/api/v2/test', headers: { 'X-AUTH-TOKEN': sessionToken } })
      .willRespondWith({ status: 200, headers: JSON_API, body: { meta: { message: 'OK', timestamp: datetime(ISO, '2026-01-01T00:04:00.000Z') } } });
    await run(async (url) => {
      await client(url).test(TOKEN_EXAMPLE);
    });
  });

  it('gets 401 after 6 idle minutes and must open a new session', async () => {
    pact
      .given('a DeviceHQ session idle for {minutes} minutes', { minutes: 6 })
      .uponReceiving('a session test after 6 idle minutes')
      .withRequest({ method: 'GET', path: '/api/v2/test', headers: { 'X-AUTH-TOKEN': sessionToken } })
      .willRespondWith({ status: 401, headers: JSON_API, body: errors });
    await run(async (url) => {
      const error = await client(url).test(TOKEN_EXAMPLE).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DevicehqApiError);
      expect(error).toEqual(sessionLost);
    });
  });

  it('gets 401 on a closed session', async () => {
    pact
      .given('a DeviceHQ session that was closed')
      .uponReceiving('a session test with a closed session')
      .withRequest({ method: 'GET', path: '/api/v2/test', headers: { 'X-AUTH-TOKEN': sessionToken } })
      .willRespondWith({ status: 401, headers: JSON_API, body: errors });
    await run(async (url) => {
      await expect(client(url).test(TOKEN_EXAMPLE)).rejects.toEqual(sessionLost);
    });
  });

  it('gets 401 on a session that another sign-in replaced', async () => {
    pact
      .given('a DeviceHQ session replaced by a newer one')
      .uponReceiving('a device list request with a replaced session')
      .withRequest({ method: 'GET', path: '/api/v2/devices', headers: { 'X-AUTH-TOKEN': sessionToken } })
      .willRespondWith({ status: 401, headers: JSON_API, body: errors });
    await run(async (url) => {
      await expect(client(url).listDevices(TOKEN_EXAMPLE)).rejects.toEqual(sessionLost);
    });
  });

  it('closes the session', async () => {
    sessionState()
      .uponReceiving('a session close')
      .withRequest({ method: 'DELETE', path: '/api/v2/session', headers: { 'X-AUTH-TOKEN': sessionToken } })
      .willRespondWith({ status: 200, headers: JSON_API, body: { meta: { message: 'Session closed' } } });
    await run(async (url) => {
      await client(url).closeSession(TOKEN_EXAMPLE);
    });
  });

  it('reads the API information without a session', async () => {
    pact
      .given('the default fixtures')
      .uponReceiving('an API information request')
      .withRequest({ method: 'GET', path: '/api/v2/info' })
      .willRespondWith({
        status: 200,
        headers: JSON_API,
        body: { meta: { api_version: '2', server_time: datetime(ISO, '2026-01-01T00:00:00.000Z'), jsonapi: { version: '1.0' } } },
      });
    await run(async (url) => {
      expect((await client(url).info()).api_version).toBe('2');
    });
  });
});

describe('DeviceHQ: auth outcomes', () => {
  it('gets 401 when the session token is missing', async () => {
    accountState()
      .uponReceiving('a test without a session token')
      .withRequest({ method: 'GET', path: '/api/v2/test' })
      .willRespondWith({ status: 401, headers: JSON_API, body: errors });
    await run(async (url) => {
      expect((await fetch(`${url}/api/v2/test`)).status).toBe(401);
    });
  });
});
