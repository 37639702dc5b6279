// Duet provider states: application tokens and accounts, signed in or not.

import { randomAlphanumeric } from '../../security/secrets.js';
import { seed, text, type ProviderStateDefinition } from './kit.js';

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
    summary: 'An account that can sign in (created, or its password replaced when the login exists).',
    params: { login: 'email address or phone number (required)', password: 'its password (required)' },
    example: { login: 'demo@duet.example', password: 'duet-demo-password' },
    returns: { login: 'the login' },
    async setup(params, ctx) {
      const login = text(params, 'login');
      await seed(ctx, { duet: { accounts: [{ login, password: text(params, 'password') }] } });
      return { login };
    },
  },
  'a Duet account {login} that is signed in': {
    provider: 'duet',
    summary: "An account and its `authentication_token`, as sign-in would return it (for `X-Account-Token`).",
    params: { login: 'email address or phone number (required)', password: 'its password (default `contract-password`)' },
    example: { login: 'demo@duet.example', password: 'duet-demo-password' },
    returns: { account_token: 'the 60-character account token' },
    async setup(params, ctx) {
      const login = text(params, 'login');
      const accountToken = randomAlphanumeric(60);
      await seed(ctx, { duet: { accounts: [{ login, password: text(params, 'password', 'contract-password'), authentication_token: accountToken }] } });
      return { account_token: accountToken };
    },
  },
};
