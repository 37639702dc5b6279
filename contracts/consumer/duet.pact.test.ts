// Consumer contract of the Duet iOS app with authmock's Duet API: the typed client against the Pact mock server.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MatchersV3, PactV3 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { createDuetClient, DuetApiError, type DuetClient } from '../clients/duet.js';
import { pactOutput, runWith } from './pact-output.js';

const { fromProviderState, integer, regex } = MatchersV3;

const output = pactOutput('duet-ios-app', 'authmock-duet');
const pact = new PactV3({ consumer: 'duet-ios-app', provider: 'authmock-duet', dir: output.dir, logLevel: 'error' });
const run = runWith(pact);

const APP_TOKEN = 'duet-iphone-app-token';
const LOGIN = 'demo@duet.example';
const PASSWORD = 'duet-demo-password';
const PHONE = '2025550143';
const ACCOUNT_TOKEN_EXAMPLE = 'cfO7PRw8o0BqgZxOZRPxGqhjJzu3Hd9adJ8lkfqGWTzMspUhb3ebJJhXqQiu';
const DEVICE = { identifier: '6F9619FF-8B86-D011-B42D-00CF4FC964FF', softwareVersion: '17.1.2', language: 'en-US' };

/** What every request of the app carries. */
const appHeaders = {
  'X-Application-Token': APP_TOKEN,
  'X-Device-Identifier': DEVICE.identifier,
  'X-Device-Software-Version': DEVICE.softwareVersion,
  'X-Device-Language': DEVICE.language,
};
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };
const JSON_RESPONSE = { 'Content-Type': regex(/application\/json.*/, 'application/json; charset=utf-8') };

const accountToken = fromProviderState('${account_token}', ACCOUNT_TOKEN_EXAMPLE);
const form = (fields: Record<string, string>): string => new URLSearchParams(fields).toString();
const cdnUrl = (example: string) => regex(/^https?:\/\/\S+$/, example);
/** The account object of `_config.yml` `resources.account.basic`, with matchers where values vary. */
const accountBody = (fields: { first_name: string | null; email: string; phone: string | null; last_name?: string | null }) => ({
  id: integer(1),
  first_name: fields.first_name,
  last_name: fields.last_name ?? null,
  email: fields.email,
  phone: fields.phone,
  gender: null,
  born_on: null,
  image: {
    original: cdnUrl('http://cdn.duet.me/default/original_account_image.png'),
    mini: cdnUrl('http://cdn.duet.me/default/mini_account_image.png'),
    medium: cdnUrl('http://cdn.duet.me/default/medium_account_image.png'),
    small: cdnUrl('http://cdn.duet.me/default/small_account_image.png'),
  },
});

/** A 1×1 transparent PNG, written for the multipart interaction (Pact reads the upload from a file). */
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082', 'hex');
const pngFile = join(mkdtempSync(join(tmpdir(), 'authmock-duet-png-')), 'avatar.png');
writeFileSync(pngFile, PNG);

const appState = (): PactV3 => pact.given('a Duet application with token {token}', { token: APP_TOKEN });
const signedIn = (): PactV3 =>
  appState().given('a Duet account {login} that is signed in', { login: LOGIN, password: PASSWORD, first_name: 'Duet', last_name: 'Demo', phone: PHONE });
const client = (baseUrl: string, applicationToken = APP_TOKEN): DuetClient => createDuetClient({ baseUrl, applicationToken, device: DEVICE });
const refusal = (status: number) => expect.objectContaining({ name: 'DuetApiError', status });

describe('Duet: application token', () => {
  it('tests the application token', async () => {
    appState()
      .uponReceiving('a test of the application token')
      .withRequest({ method: 'GET', path: '/1', headers: appHeaders })
      .willRespondWith({
        status: 200,
        headers: { 'Content-Type': regex(/text\/plain.*/, 'text/plain; charset=utf-8') },
        contentType: 'text/plain; charset=utf-8',
        body: 'Welcome to the Duet API',
      });
    await run(async (url) => {
      expect(await client(url).testApplication()).toBe('Welcome to the Duet API');
    });
  });

  it('gets 401 for an unknown application token', async () => {
    pact
      .given('the default fixtures')
      .uponReceiving('a test with an unknown application token')
      .withRequest({ method: 'GET', path: '/1', headers: { ...appHeaders, 'X-Application-Token': 'retired-app-token' } })
      .willRespondWith({ status: 401 });
    await run(async (url) => {
      await expect(client(url, 'retired-app-token').testApplication()).rejects.toEqual(refusal(401));
    });
  });
});

describe('Duet: account', () => {
  it('creates an account from a form (no image) and gets the account object', async () => {
    appState()
      .uponReceiving('a new account, form-encoded')
      .withRequest({
        method: 'POST',
        path: '/1/account',
        headers: { ...appHeaders, ...FORM },
        body: form({ 'account[first_name]': 'Jane', 'account[email]': 'jane@example.com', 'account[password]': 'correct-horse', 'account[phone]': '4155550123' }),
      })
      .willRespondWith({ status: 200, headers: JSON_RESPONSE, body: accountBody({ first_name: 'Jane', email: 'jane@example.com', phone: '4155550123' }) });
    await run(async (url) => {
      const account = await client(url).createAccount({ firstName: 'Jane', email: 'jane@example.com', password: 'correct-horse', phone: '4155550123' });
      expect(account).toMatchObject({ first_name: 'Jane', email: 'jane@example.com', phone: '4155550123' });
    });
  });

  it('gets the field errors when the email is taken', async () => {
    appState()
      .given('a Duet account {login} with password {password}', { login: LOGIN, password: PASSWORD })
      .uponReceiving('a new account with an email that is taken')
      .withRequest({
        method: 'POST',
        path: '/1/account',
        headers: { ...appHeaders, ...FORM },
        body: form({ 'account[first_name]': 'Jane', 'account[email]': LOGIN, 'account[password]': 'another-password', 'account[phone]': '4155550123' }),
      })
      .willRespondWith({ status: 422, headers: JSON_RESPONSE, body: { errors: { email: ['has already been taken'] } } });
    await run(async (url) => {
      await expect(client(url).createAccount({ firstName: 'Jane', email: LOGIN, password: 'another-password', phone: '4155550123' })).rejects.toEqual(
        expect.objectContaining({ status: 422, fieldErrors: { email: ['has already been taken'] } }),
      );
    });
  });
});

describe('Duet: sign in and account-level calls', () => {
  it('signs in with login and password', async () => {
    appState()
      .given('a Duet account {login} with password {password}', { login: LOGIN, password: PASSWORD })
      .uponReceiving('a sign-in with login and password')
      .withRequest({
        method: 'POST',
        path: '/1/account/sign_in',
        headers: { ...appHeaders, ...FORM },
        body: form({ 'account[login]': LOGIN, 'account[password]': PASSWORD }),
      })
      .willRespondWith({ status: 200, headers: JSON_RESPONSE, body: { account: { authentication_token: regex(/^[A-Za-z0-9]{60}$/, ACCOUNT_TOKEN_EXAMPLE) } } });
    await run(async (url) => {
      expect(await client(url).signIn(LOGIN, PASSWORD)).toMatch(/^[A-Za-z0-9]{60}$/);
    });
  });

  it('gets 401 for a wrong password', async () => {
    appState()
      .given('a Duet account {login} with password {password}', { login: LOGIN, password: PASSWORD })
      .uponReceiving('a sign-in with a wrong password')
      .withRequest({
        method: 'POST',
        path: '/1/account/sign_in',
        headers: { ...appHeaders, ...FORM },
        body: form({ 'account[login]': LOGIN, 'account[password]': 'not-my-password' }),
      })
      .willRespondWith({ status: 401 });
    await run(async (url) => {
      const error = await client(url).signIn(LOGIN, 'not-my-password').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DuetApiError);
      expect(error).toEqual(refusal(401));
    });
  });

  it('reads the signed-in account', async () => {
    signedIn()
      .uponReceiving('a request for the signed-in account')
      .withRequest({ method: 'GET', path: '/1/account', headers: { ...appHeaders, 'X-Account-Token': accountToken } })
      .willRespondWith({ status: 200, headers: JSON_RESPONSE, body: accountBody({ first_name: 'Duet', last_name: 'Demo', email: LOGIN, phone: PHONE }) });
    await run(async (url) => {
      const account = await client(url).getAccount(ACCOUNT_TOKEN_EXAMPLE);
      expect(account).toMatchObject({ id: 1, first_name: 'Duet', email: LOGIN, phone: PHONE, gender: null, born_on: null });
    });
  });

  it('gets 401 for an account token that belongs to no account', async () => {
    const stale = 'X'.repeat(60);
    appState()
      .uponReceiving('a request for the account with an unknown account token')
      .withRequest({ method: 'GET', path: '/1/account', headers: { ...appHeaders, 'X-Account-Token': stale } })
      .willRespondWith({ status: 401 });
    await run(async (url) => {
      await expect(client(url).getAccount(stale)).rejects.toEqual(refusal(401));
    });
  });

  it('updates the first name', async () => {
    signedIn()
      .uponReceiving('an account update of the first name')
      .withRequest({
        method: 'POST',
        path: '/1/account/update',
        headers: { ...appHeaders, ...FORM, 'X-Account-Token': accountToken },
        body: form({ 'account[first_name]': 'Dana' }),
      })
      .willRespondWith({ status: 200, headers: JSON_RESPONSE, body: accountBody({ first_name: 'Dana', last_name: 'Demo', email: LOGIN, phone: PHONE }) });
    await run(async (url) => {
      expect((await client(url).updateAccount(ACCOUNT_TOKEN_EXAMPLE, { firstName: 'Dana' })).first_name).toBe('Dana');
    });
  });

  it('uploads a new image as multipart/form-data', async () => {
    signedIn()
      .uponReceiving('a new account image')
      .withRequestMultipartFileUpload(
        { method: 'POST', path: '/1/account/image', headers: { ...appHeaders, 'X-Account-Token': accountToken } },
        'image/png',
        pngFile,
        'account[image]',
        // A fixed boundary keeps the committed pact the same from run to run (the client's own is random).
        'authmock-duet-avatar',
      )
      .willRespondWith({
        status: 200,
        headers: JSON_RESPONSE,
        body: {
          ...accountBody({ first_name: 'Duet', last_name: 'Demo', email: LOGIN, phone: PHONE }),
          image: {
            original: regex(/^https?:\/\/\S+\/original_\w+\.png$/, 'http://cdn.duet.me/uploads/account/image/1/original_0a1b2c3d.png'),
            mini: regex(/^https?:\/\/\S+\/mini_\w+\.png$/, 'http://cdn.duet.me/uploads/account/image/1/mini_0a1b2c3d.png'),
            medium: regex(/^https?:\/\/\S+\/medium_\w+\.png$/, 'http://cdn.duet.me/uploads/account/image/1/medium_0a1b2c3d.png'),
            small: regex(/^https?:\/\/\S+\/small_\w+\.png$/, 'http://cdn.duet.me/uploads/account/image/1/small_0a1b2c3d.png'),
          },
        },
      });
    await run(async (url) => {
      const account = await client(url).setImage(ACCOUNT_TOKEN_EXAMPLE, { filename: 'avatar.png', type: 'image/png', bytes: PNG });
      expect(account.image.original).toMatch(/original_\w+\.png$/);
    });
  });

  it('changes the password and gets the account object', async () => {
    signedIn()
      .uponReceiving('a password change')
      .withRequest({
        method: 'POST',
        path: '/1/account/change_password',
        headers: { ...appHeaders, ...FORM, 'X-Account-Token': accountToken },
        body: form({ 'account[password]': 'battery-staple', 'account[password_confirmation]': 'battery-staple' }),
      })
      .willRespondWith({ status: 200, headers: JSON_RESPONSE, body: accountBody({ first_name: 'Duet', last_name: 'Demo', email: LOGIN, phone: PHONE }) });
    await run(async (url) => {
      const account = await client(url).changePassword(ACCOUNT_TOKEN_EXAMPLE, { password: 'battery-staple', passwordConfirmation: 'battery-staple' });
      expect(account.email).toBe(LOGIN);
    });
  });

  it('gets the field errors when the confirmation does not match', async () => {
    signedIn()
      .uponReceiving('a password change whose confirmation differs')
      .withRequest({
        method: 'POST',
        path: '/1/account/change_password',
        headers: { ...appHeaders, ...FORM, 'X-Account-Token': accountToken },
        body: form({ 'account[password]': 'battery-staple', 'account[password_confirmation]': 'battery-stapler' }),
      })
      .willRespondWith({ status: 422, headers: JSON_RESPONSE, body: { errors: { password: ["doesn't match confirmation"] } } });
    await run(async (url) => {
      await expect(client(url).changePassword(ACCOUNT_TOKEN_EXAMPLE, { password: 'battery-staple', passwordConfirmation: 'battery-stapler' })).rejects.toEqual(
        expect.objectContaining({ status: 422, fieldErrors: { password: ["doesn't match confirmation"] } }),
      );
    });
  });

  it('reads and sets the privacy settings', async () => {
    signedIn()
      .uponReceiving('a request for the privacy settings')
      .withRequest({ method: 'GET', path: '/1/account/privacy', headers: { ...appHeaders, 'X-Account-Token': accountToken } })
      .willRespondWith({ status: 200, headers: JSON_RESPONSE, body: { promenade_sharing: false, maximum_privacy: false } });
    signedIn()
      .uponReceiving('maximum privacy switched on')
      .withRequest({
        method: 'POST',
        path: '/1/account/privacy',
        headers: { ...appHeaders, ...FORM, 'X-Account-Token': accountToken },
        body: form({ 'account[maximum_privacy]': '1', 'account[promenade_sharing]': '1' }),
      })
      .willRespondWith({ status: 200, headers: JSON_RESPONSE, body: { promenade_sharing: false, maximum_privacy: true } });
    await run(async (url) => {
      const duet = client(url);
      expect(await duet.getPrivacy(ACCOUNT_TOKEN_EXAMPLE)).toEqual({ promenade_sharing: false, maximum_privacy: false });
      expect(await duet.setPrivacy(ACCOUNT_TOKEN_EXAMPLE, { maximumPrivacy: true, promenadeSharing: true })).toEqual({ promenade_sharing: false, maximum_privacy: true });
    });
  });
});

describe('Duet: auth outcomes', () => {
  it('gets 401 when the account token is missing', async () => {
    appState()
      .uponReceiving('a request for the account without an account token')
      .withRequest({ method: 'GET', path: '/1/account', headers: appHeaders })
      .willRespondWith({ status: 401 });
    await run(async (url) => {
      expect((await fetch(`${url}/1/account`, { headers: appHeaders })).status).toBe(401);
    });
  });

  it('gets 401 for an account token refused after a password change elsewhere', async () => {
    pact
      .given('a Duet account token refused after a password change', { login: LOGIN })
      .uponReceiving('a request for the account with a token revoked by a password change')
      .withRequest({ method: 'GET', path: '/1/account', headers: { ...appHeaders, 'X-Account-Token': accountToken } })
      .willRespondWith({ status: 401 });
    await run(async (url) => {
      await expect(client(url).getAccount(ACCOUNT_TOKEN_EXAMPLE)).rejects.toEqual(refusal(401));
    });
  });
});
