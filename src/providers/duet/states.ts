// Duet provider states: application tokens and accounts, signed in or not.

import { randomAlphanumeric } from '../../engine/secrets.js';
import { endCredential, seed, text, type ProviderStateDefinition, type StateParams } from '../../contracts/state-kit.js';

/** The fixture of an account: `login` is an email (with `@`) or a phone; the profile fields are optional. */
function accountFixture(params: StateParams, password: string, extra: Record<string, string> = {}): Record<string, string> {
  const fixture: Record<string, string> = { login: text(params, 'login'), password, ...extra };
  for (const field of ['first_name', 'last_name', 'phone'] as const) {
    const value = params[field];
    if (typeof value === 'string' && value !== '') fixture[field] = value;
  }
  return fixture;
}

const PROFILE_PARAMS = {
  first_name: 'the first name (default none: `null`)',
  last_name: 'the last name (default none)',
  phone: 'a phone number it also signs in with, when `login` is the email (default none)',
} as const;

export const duetStates: Readonly<Record<string, ProviderStateDefinition>> = {
  'a Duet application with token {token}': {
    provider: 'duet',
    summary: 'An application token that `X-Application-Token` may carry.',
    params: { token: 'the application token (required)', name: "the application's name (default `contract-app`)" },
    example: { token: 'duet-iphone-app-token' },
    returns: { application_token: 'the token' },
    async setup(params, ctx) {
      const token = text(params, 'token');
      await seed(ctx, { duet: { applications: [{ name: text(params, 'name', 'contract-app'), token }] } });
      return { application_token: token };
    },
  },
  'a Duet account {login} with password {password}': {
    provider: 'duet',
    summary: 'An account that can sign in (created, or its password replaced when the email or phone exists).',
    params: { login: 'email address or phone number (required)', password: 'its password (required)', ...PROFILE_PARAMS },
    example: { login: 'demo@duet.example', password: 'duet-demo-password' },
    returns: { login: 'the login' },
    async setup(params, ctx) {
      const login = text(params, 'login');
      await seed(ctx, { duet: { accounts: [accountFixture(params, text(params, 'password'))] } });
      return { login };
    },
  },
  'a Duet account {login} that is signed in': {
    provider: 'duet',
    summary: "An account and its `authentication_token`, as sign-in would return it (for `X-Account-Token`).",
    params: { login: 'email address or phone number (required)', password: 'its password (default `contract-password`)', ...PROFILE_PARAMS },
    example: { login: 'demo@duet.example', password: 'duet-demo-password' },
    returns: { account_token: 'the 60-character account token' },
    async setup(params, ctx) {
      const accountToken = randomAlphanumeric(60);
      await seed(ctx, { duet: { accounts: [accountFixture(params, text(params, 'password', 'contract-password'), { authentication_token: accountToken })] } });
      return { account_token: accountToken };
    },
  },
  'a Duet account token refused after a password change': {
    provider: 'duet',
    summary: 'An account signed in, then its password changed elsewhere: the old `authentication_token` gets 401 Unauthorized.',
    params: { login: 'email address or phone number (required)', password: 'its password (default `contract-password`)', ...PROFILE_PARAMS },
    example: { login: 'demo@duet.example' },
    returns: { account_token: 'the refused account token' },
    async setup(params, ctx) {
      const accountToken = randomAlphanumeric(60);
      await seed(ctx, { duet: { accounts: [accountFixture(params, text(params, 'password', 'contract-password'), { authentication_token: accountToken })] } });
      await endCredential(ctx, 'revoke', accountToken);
      return { account_token: accountToken };
    },
  },
};
