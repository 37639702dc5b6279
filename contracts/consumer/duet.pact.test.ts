// Consumer contract of the Duet iOS app with authmock's Duet API: the typed client against the Pact mock server.

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
const rfc2822 = regex(
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0000$/,
  'Thu, 01 Jan 2026 00:00:00 +0000',
);
const form = (fields: Record<string, string>): string => new URLSearchParams(fields).toString();

const appState = (): PactV3 => pact.given('a Duet application with token {token}', { token: APP_TOKEN });
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
  it('creates an account', async () => {
    appState()
      .uponReceiving('a new account')
      .withRequest({
        method: 'POST',
        path: '/1/account',
        headers: { ...appHeaders, ...FORM },
        body: form({ 'account[login]': 'jane@example.com', 'account[password]': 'correct-horse', 'account[password_confirmation]': 'correct-horse' }),
      })
      .willRespondWith({ status: 201, headers: JSON_RESPONSE, body: { account: { id: integer(2), login: 'jane@example.com', created_at: rfc2822 } } });
    await run(async (url) => {
      const account = await client(url).createAccount({ login: 'jane@example.com', password: 'correct-horse', passwordConfirmation: 'correct-horse' });
      expect(account.login).toBe('jane@example.com');
    });
  });

  it('gets the field errors when the login is taken', async () => {
    appState()
      .given('a Duet account {login} with password {password}', { login: LOGIN, password: PASSWORD })
      .uponReceiving('a new account with a login that is taken')
      .withRequest({
        method: 'POST',
        path: '/1/account',
        headers: { ...appHeaders, ...FORM },
        body: form({ 'account[login]': LOGIN, 'account[password]': 'another-password' }),
      })
      .willRespondWith({ status: 422, headers: JSON_RESPONSE, body: { errors: { login: ['has already been taken'] } } });
    await run(async (url) => {
      await expect(client(url).createAccount({ login: LOGIN, password: 'another-password' })).rejects.toEqual(
        expect.objectContaining({ status: 422, fieldErrors: { login: ['has already been taken'] } }),
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
    appState()
      .given('a Duet account {login} that is signed in', { login: LOGIN, password: PASSWORD })
      .uponReceiving('a request for the signed-in account')
      .withRequest({ method: 'GET', path: '/1/account', headers: { ...appHeaders, 'X-Account-Token': accountToken } })
      .willRespondWith({ status: 200, headers: JSON_RESPONSE, body: { account: { id: integer(1), login: LOGIN, created_at: rfc2822 } } });
    await run(async (url) => {
      const account = await client(url).getAccount(ACCOUNT_TOKEN_EXAMPLE);
      expect(account).toEqual({ id: 1, login: LOGIN, created_at: 'Thu, 01 Jan 2026 00:00:00 +0000' });
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

  it('changes the password', async () => {
    appState()
      .given('a Duet account {login} that is signed in', { login: LOGIN, password: PASSWORD })
      .uponReceiving('a password change')
      .withRequest({
        method: 'POST',
        path: '/1/account/change_password',
        headers: { ...appHeaders, ...FORM, 'X-Account-Token': accountToken },
        body: form({ 'account[current_password]': PASSWORD, 'account[password]': 'battery-staple', 'account[password_confirmation]': 'battery-staple' }),
      })
      .willRespondWith({ status: 204 });
    await run(async (url) => {
      await client(url).changePassword(ACCOUNT_TOKEN_EXAMPLE, { currentPassword: PASSWORD, password: 'battery-staple', passwordConfirmation: 'battery-staple' });
    });
  });

  it('gets the field errors for a wrong current password', async () => {
    appState()
      .given('a Duet account {login} that is signed in', { login: LOGIN, password: PASSWORD })
      .uponReceiving('a password change with a wrong current password')
      .withRequest({
        method: 'POST',
        path: '/1/account/change_password',
        headers: { ...appHeaders, ...FORM, 'X-Account-Token': accountToken },
        body: form({ 'account[current_password]': 'wrong-password', 'account[password]': 'battery-staple', 'account[password_confirmation]': 'battery-staple' }),
      })
      .willRespondWith({ status: 422, headers: JSON_RESPONSE, body: { errors: { current_password: ['is invalid'] } } });
    await run(async (url) => {
      await expect(
        client(url).changePassword(ACCOUNT_TOKEN_EXAMPLE, { currentPassword: 'wrong-password', password: 'battery-staple', passwordConfirmation: 'battery-staple' }),
      ).rejects.toEqual(expect.objectContaining({ status: 422, fieldErrors: { current_password: ['is invalid'] } }));
    });
  });
});
