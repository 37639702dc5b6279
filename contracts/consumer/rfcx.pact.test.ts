// Consumer contract of the RFCx guardian app with authmock's RFCx API: user login/logout, invite codes, guardian calls.

import { MatchersV3, PactV3 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { createRfcxClient, guardianCredentials, RfcxApiError, type RfcxClient } from '../clients/rfcx.js';
import { pactOutput, runWith } from './pact-output.js';

const { datetime, eachLike, fromProviderState, integer, like, regex } = MatchersV3;

const output = pactOutput('rfcx-guardian-app', 'authmock-rfcx');
const pact = new PactV3({ consumer: 'rfcx-guardian-app', provider: 'authmock-rfcx', dir: output.dir, logLevel: 'error' });
const run = runWith(pact);

const EMAIL = 'ranger@example.org';
const PASSWORD = 'correct-horse';
const USER_GUID = 'b2e8df0c-a512-4398-828b-2a34b928a6ed';
const USER_TOKEN = 'iadkr9nclns3s71deouxvgi5rqc8uove6znti57l';
const GUARDIAN = { guid: 'df72c626229f', token: '5ffd69500c83b9d948f5d0852538b5b983453182' };
const OTHER_GUARDIAN = { guid: 'a1b2c3d4e5f6', token: 'a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6q7r8s9t0' };
const NEW_GUID = 'f00dcafe1234';
const ISO = "yyyy-MM-dd'T'HH:mm:ss.SSSX";
const TOKEN_40 = /^[0-9a-z]{40}$/;

const JSON_BODY = { 'Content-Type': 'application/json' };
const JSON_RESPONSE = { 'Content-Type': regex(/application\/json.*/, 'application/json; charset=utf-8') };
const userHeaders = {
  'x-auth-user': fromProviderState('${auth_user}', `user/${USER_GUID}`),
  'x-auth-token': fromProviderState('${token}', USER_TOKEN),
};
const guardianHeaders = (g = GUARDIAN) => ({ 'x-auth-user': `guardian/${g.guid}`, 'x-auth-token': g.token });
const userCredentials = { user: `user/${USER_GUID}`, token: USER_TOKEN };

const client = (baseUrl: string): RfcxClient => createRfcxClient({ baseUrl });
const refusal = (status: number) => expect.objectContaining({ name: 'RfcxApiError', status });
const guardianState = (g = GUARDIAN): PactV3 => pact.given('an RFCx guardian {guid} with token {token}', { guid: g.guid, token: g.token });

describe('RFCx: people', () => {
  it('logs in with email and password', async () => {
    pact
      .given('an RFCx user {email} with password {password}', { email: EMAIL, password: PASSWORD, username: 'ana' })
      .uponReceiving('a login with email and password')
      .withRequest({ method: 'POST', path: '/v1/users/login', headers: JSON_BODY, body: { email: EMAIL, password: PASSWORD } })
      .willRespondWith({
        status: 200,
        headers: JSON_RESPONSE,
        body: [
          {
            guid: like(USER_GUID),
            username: 'ana',
            email: EMAIL,
            firstname: like('Ana'),
            lastname: like('Ranger'),
            is_email_validated: like(true),
            last_login_at: datetime(ISO, '2026-01-01T00:00:00.000Z'),
            tokens: eachLike({ token: regex(TOKEN_40, USER_TOKEN), token_expires_at: datetime(ISO, '2026-01-02T00:00:00.000Z') }),
          },
        ],
      });
    await run(async (url) => {
      const { user, credentials, expiresAt } = await client(url).login(EMAIL, PASSWORD);
      expect(user.username).toBe('ana');
      expect(credentials).toEqual(userCredentials);
      expect(expiresAt.toISOString()).toBe('2026-01-02T00:00:00.000Z');
    });
  });

  it('gets 401 with a JSON reason for a wrong password', async () => {
    pact
      .given('an RFCx user {email} with password {password}', { email: EMAIL, password: PASSWORD })
      .uponReceiving('a login with a wrong password')
      .withRequest({ method: 'POST', path: '/v1/users/login', headers: JSON_BODY, body: { email: EMAIL, password: 'not-my-password' } })
      .willRespondWith({ status: 401, headers: JSON_RESPONSE, body: { message: 'invalid email or password', error: { status: 401 } } });
    await run(async (url) => {
      await expect(client(url).login(EMAIL, 'not-my-password')).rejects.toEqual(
        expect.objectContaining({ status: 401, serverMessage: 'invalid email or password' }),
      );
    });
  });

  it('logs out', async () => {
    pact
      .given('an RFCx user {email} with a user token', { email: EMAIL })
      .uponReceiving('a logout')
      .withRequest({ method: 'POST', path: '/v1/users/logout', headers: userHeaders })
      .willRespondWith({ status: 200, headers: JSON_RESPONSE, body: { tokens_removed: integer(1) } });
    await run(async (url) => {
      expect(await client(url).logout(userCredentials)).toBe(1);
    });
  });

  it('gets 401 when logging out with an expired user token', async () => {
    pact
      .given('an RFCx user token that has expired', { email: EMAIL })
      .uponReceiving('a logout with an expired token')
      .withRequest({ method: 'POST', path: '/v1/users/logout', headers: userHeaders })
      .willRespondWith({ status: 401 });
    await run(async (url) => {
      const error = await client(url).logout(userCredentials).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RfcxApiError);
      expect(error).toEqual(refusal(401));
    });
  });

  // RFCx checks no user type on a guardian's ping route (noncore/v2/guardians/guardians-pings.js): a person's token works.
  it("pings for a guardian with a person's token", async () => {
    guardianState()
      .given('an RFCx user {email} with a user token', { email: EMAIL })
      .uponReceiving('a guardian ping with a user token')
      .withRequest({ method: 'POST', path: `/v2/guardians/${GUARDIAN.guid}/pings`, headers: { ...userHeaders, ...JSON_BODY }, body: { battery: 87 } })
      .willRespondWith({ status: 200, headers: JSON_RESPONSE, body: { received: true, guid: GUARDIAN.guid } });
    await run(async (url) => {
      await client(url).ping(userCredentials, GUARDIAN.guid, 87);
    });
  });
});

describe('RFCx: guardian registration with an invite code', () => {
  // The invite code travels whole: x-auth-user: register, x-auth-token: <code> (middleware/passport-token in rfcx-api).
  const inviteHeaders = { 'x-auth-user': 'register', 'x-auth-token': fromProviderState('${token}', 'ab12cd34'), ...JSON_BODY };
  const registered = (guid: string) => ({
    name: 'Ridge 4',
    guid,
    token: regex(TOKEN_40, GUARDIAN.token),
    pin_code: like('0417'),
    api_mqtt_host: like('mqtt.rfcx.example'),
    api_sms_address: like('+15005550006'),
    keystore_passphrase: like('authmock-keystore-passphrase'),
  });

  it('registers a guardian', async () => {
    pact
      .given('a registration code {code} with {remaining} redemptions left', { code: 'ab12cd34', remaining: 1 })
      .uponReceiving('a guardian registration with an invite code')
      .withRequest({ method: 'POST', path: '/v2/guardians/register', headers: inviteHeaders, body: { guid: NEW_GUID, shortname: 'Ridge 4' } })
      .willRespondWith({ status: 200, headers: JSON_RESPONSE, body: registered(NEW_GUID) });
    await run(async (url) => {
      const guardian = await client(url).registerGuardian('ab12cd34', { guid: NEW_GUID, shortname: 'Ridge 4' });
      expect(guardian.credentials).toEqual(guardianCredentials(NEW_GUID, GUARDIAN.token));
      expect(guardian.mqttHost).toBe('mqtt.rfcx.example');
    });
  });

  // guardians-service.js createGuardian is a findOrCreate: a reset guardian enrols again and gets a new token.
  it('registers an existing guardian again', async () => {
    guardianState()
      .given('a registration code {code} with {remaining} redemptions left', { code: 'ab12cd34', remaining: 1 })
      .uponReceiving('a registration of a guid that is already registered')
      .withRequest({ method: 'POST', path: '/v2/guardians/register', headers: inviteHeaders, body: { guid: GUARDIAN.guid, shortname: 'Ridge 4' } })
      .willRespondWith({ status: 200, headers: JSON_RESPONSE, body: registered(GUARDIAN.guid) });
    await run(async (url) => {
      const guardian = await client(url).registerGuardian('ab12cd34', { guid: GUARDIAN.guid, shortname: 'Ridge 4' });
      expect(guardian.credentials.user).toBe(`guardian/${GUARDIAN.guid}`);
    });
  });

  it('gets 401 when the invite code is used up', async () => {
    pact
      .given('a registration code {code} with {remaining} redemptions left', { code: 'ab12cd34', remaining: 0 })
      .uponReceiving('a guardian registration with a used-up invite code')
      .withRequest({ method: 'POST', path: '/v2/guardians/register', headers: inviteHeaders, body: { guid: NEW_GUID, shortname: 'Ridge 4' } })
      .willRespondWith({ status: 401 });
    await run(async (url) => {
      await expect(client(url).registerGuardian('ab12cd34', { guid: NEW_GUID, shortname: 'Ridge 4' })).rejects.toEqual(refusal(401));
    });
  });
});

describe('RFCx: a guardian at work', () => {
  const creds = guardianCredentials(GUARDIAN.guid, GUARDIAN.token);

  it('checks in', async () => {
    guardianState()
      .uponReceiving('a guardian check-in')
      .withRequest({ method: 'POST', path: `/v1/guardians/${GUARDIAN.guid}/checkins`, headers: { ...guardianHeaders(), ...JSON_BODY }, body: { meta: 'battery*87|cpu*12' } })
      .willRespondWith({ status: 200, headers: JSON_RESPONSE, body: { checkin_id: like('7d3c1a90f2'), received_at: datetime(ISO, '2026-01-01T00:00:00.000Z') } });
    await run(async (url) => {
      expect((await client(url).checkin(creds, GUARDIAN.guid, 'battery*87|cpu*12')).checkinId).toBe('7d3c1a90f2');
    });
  });

  it('pings', async () => {
    guardianState()
      .uponReceiving('a guardian ping')
      .withRequest({ method: 'POST', path: `/v2/guardians/${GUARDIAN.guid}/pings`, headers: { ...guardianHeaders(), ...JSON_BODY }, body: { battery: 87 } })
      .willRespondWith({ status: 200, headers: JSON_RESPONSE, body: { received: true, guid: GUARDIAN.guid } });
    await run(async (url) => {
      await client(url).ping(creds, GUARDIAN.guid, 87);
    });
  });

  it('asks which software to run', async () => {
    guardianState()
      .uponReceiving('a guardian software check')
      .withRequest({ method: 'GET', path: `/v1/guardians/${GUARDIAN.guid}/software/guardian`, headers: guardianHeaders() })
      .willRespondWith({
        status: 200,
        headers: JSON_RESPONSE,
        body: eachLike({
          role: 'guardian',
          version: like('0.9.4'),
          sha1: regex(/^[0-9a-f]{40}$/, '3f786850e387550fdab836ed7e6dc881de23001b'),
          url: like('https://downloads.rfcx.example/guardian/guardian-0.9.4.apk'),
        }),
      });
    await run(async (url) => {
      const [release] = await client(url).software(creds, GUARDIAN.guid, 'guardian');
      expect(release?.version).toBe('0.9.4');
    });
  });

  it("gets 401 with another guardian's token on its path", async () => {
    guardianState()
      .given('an RFCx guardian {guid} with token {token}', { guid: OTHER_GUARDIAN.guid, token: OTHER_GUARDIAN.token })
      .uponReceiving("a guardian check-in with another guardian's token")
      .withRequest({ method: 'POST', path: `/v1/guardians/${GUARDIAN.guid}/checkins`, headers: { ...guardianHeaders(OTHER_GUARDIAN), ...JSON_BODY }, body: { meta: 'battery*87' } })
      .willRespondWith({ status: 401 });
    await run(async (url) => {
      const other = guardianCredentials(OTHER_GUARDIAN.guid, OTHER_GUARDIAN.token);
      await expect(client(url).checkin(other, GUARDIAN.guid, 'battery*87')).rejects.toEqual(refusal(401));
    });
  });
});

describe('RFCx: auth outcomes', () => {
  it('gets 401 when no credentials are sent', async () => {
    pact
      .given('the default fixtures')
      .uponReceiving('a logout without credentials')
      .withRequest({ method: 'POST', path: '/v1/users/logout' })
      .willRespondWith({ status: 401 });
    await run(async (url) => {
      expect((await fetch(`${url}/v1/users/logout`, { method: 'POST' })).status).toBe(401);
    });
  });

  it('gets 401 with a user token that was logged out', async () => {
    pact
      .given('an RFCx user token that was logged out', { email: EMAIL })
      .uponReceiving('a logout with a logged-out token')
      .withRequest({ method: 'POST', path: '/v1/users/logout', headers: userHeaders })
      .willRespondWith({ status: 401 });
    await run(async (url) => {
      await expect(client(url).logout(userCredentials)).rejects.toEqual(refusal(401));
    });
  });
});
