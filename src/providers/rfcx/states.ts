// RFCx provider states: people and their user tokens, guardians, and invite codes with redemptions left.

import { randomBase36 } from '../../engine/secrets.js';
import {
  advance,
  count,
  endCredential,
  digest,
  seed,
  text,
  type ProviderStateDefinition,
  type StateContext,
  type StateParams,
} from '../../contracts/state-kit.js';

/** Credentials of the default fixtures (fixtures/default.yaml) that states fall back on. */
const DEFAULTS = { rfcxEmail: 'demo@rfcx.example' } as const;

/** A stable user guid for an email (UUID v4 layout), so a pact's example stays valid run after run. */
const rfcxGuidFor = (email: string): string => {
  const h = digest(`rfcx-user:${email.toLowerCase()}`);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

async function seedRfcxUser(ctx: StateContext, params: StateParams, token?: { token: string; lifetimeMinutes: number }): Promise<{ guid: string }> {
  const email = text(params, 'email', DEFAULTS.rfcxEmail);
  const guid = text(params, 'guid', rfcxGuidFor(email));
  const user: Record<string, unknown> = {
    guid,
    email,
    password: text(params, 'password', 'contract-password'),
    firstname: text(params, 'firstname', 'Contract'),
    lastname: text(params, 'lastname', 'Ranger'),
    is_email_validated: true,
  };
  if (params['username'] !== undefined) user['username'] = text(params, 'username');
  if (token) user['tokens'] = [{ token: token.token, lifetime_minutes: token.lifetimeMinutes }];
  await seed(ctx, { rfcx: { users: [user] } });
  return { guid };
}

export const rfcxStates: Readonly<Record<string, ProviderStateDefinition>> = {
  'an RFCx user {email} with password {password}': {
    provider: 'rfcx',
    summary: 'A person who can log in with `POST /v1/users/login`.',
    params: {
      email: 'the email address (required)',
      password: 'the password (required)',
      guid: 'the user guid (default: derived from the email, stable across runs)',
      username: 'the username login shows (default: none, `null`)',
    },
    example: { email: 'ranger@example.org', password: 'correct-horse', username: 'ana' },
    returns: { guid: 'the user guid', auth_user: '`user/<guid>`' },
    async setup(params, ctx) {
      text(params, 'password');
      const { guid } = await seedRfcxUser(ctx, params);
      return { guid, auth_user: `user/${guid}` };
    },
  },
  'an RFCx user {email} with a user token': {
    provider: 'rfcx',
    summary: 'A person and a live `user` token, as login would have issued it.',
    params: {
      email: 'the email address (required)',
      password: 'the password (default `contract-password`)',
      guid: 'the user guid (default: derived from the email)',
      lifetime_minutes: 'the token lifetime (default 1440)',
    },
    example: { email: 'demo@rfcx.example' },
    returns: { guid: 'the user guid', auth_user: '`user/<guid>` (for `x-auth-user`)', token: 'the token (for `x-auth-token`)' },
    async setup(params, ctx) {
      text(params, 'email');
      const token = randomBase36(40);
      const { guid } = await seedRfcxUser(ctx, params, { token, lifetimeMinutes: count(params, 'lifetime_minutes', 1440) });
      return { guid, auth_user: `user/${guid}`, token };
    },
  },
  'an RFCx user token that has expired': {
    provider: 'rfcx',
    summary: 'A user token issued, then the clock moved past its lifetime: it gets 401 and is removed.',
    params: { email: `the email address (default \`${DEFAULTS.rfcxEmail}\`)`, lifetime_minutes: 'the token lifetime (default 1440); the clock moves one minute past it' },
    example: {},
    returns: { guid: 'the user guid', auth_user: '`user/<guid>`', token: 'the expired token' },
    async setup(params, ctx) {
      const lifetime = count(params, 'lifetime_minutes', 1440);
      const token = randomBase36(40);
      const { guid } = await seedRfcxUser(ctx, params, { token, lifetimeMinutes: Math.max(1, lifetime) });
      advance(ctx, Math.max(1, lifetime) + 1);
      return { guid, auth_user: `user/${guid}`, token };
    },
  },
  'an RFCx user token that was logged out': {
    provider: 'rfcx',
    summary: 'A user token issued, then the user logged out (`POST /v1/users/logout` removes its tokens): it gets 401.',
    params: { email: `the email address (default \`${DEFAULTS.rfcxEmail}\`)` },
    example: {},
    returns: { guid: 'the user guid', auth_user: '`user/<guid>`', token: 'the logged-out token' },
    async setup(params, ctx) {
      const token = randomBase36(40);
      const { guid } = await seedRfcxUser(ctx, params, { token, lifetimeMinutes: 1440 });
      await endCredential(ctx, 'revoke', token);
      return { guid, auth_user: `user/${guid}`, token };
    },
  },
  'an RFCx guardian {guid} with token {token}': {
    provider: 'rfcx',
    summary: 'A registered guardian (device) and its token, which works on its own check-in, ping and software paths.',
    params: { guid: '12 lower-case base-36 characters (required)', token: 'its token (required)' },
    example: { guid: 'df72c626229f', token: '5ffd69500c83b9d948f5d0852538b5b983453182' },
    returns: { guid: 'the guid', auth_user: '`guardian/<guid>`', token: 'the token' },
    async setup(params, ctx) {
      const guid = text(params, 'guid');
      const token = text(params, 'token');
      await seed(ctx, { rfcx: { guardians: [{ guid, token }] } });
      return { guid, auth_user: `guardian/${guid}`, token };
    },
  },
  'a registration code {code} with {remaining} redemptions left': {
    provider: 'rfcx',
    summary: 'An invite code, sent whole (`x-auth-user: register`, `x-auth-token: <code>`; the server splits it); 0 left means used up (401).',
    params: {
      code: 'the invite code, an even number (4 to 64) of letters and digits (required)',
      remaining: 'redemptions left (required)',
      allowed: 'allowed redemptions in all (default: `remaining`, at least 1)',
    },
    example: { code: 'ab12cd34', remaining: 1 },
    returns: { auth_user: '`register`', token: 'the whole code' },
    async setup(params, ctx) {
      const code = text(params, 'code');
      const remaining = Math.floor(count(params, 'remaining'));
      const allowed = Math.max(Math.floor(count(params, 'allowed', 0)), remaining, 1);
      await seed(ctx, { rfcx: { registration_tokens: [{ code, allowed_redemptions: allowed, total_redemptions: allowed - remaining }] } });
      return { auth_user: 'register', token: code };
    },
  },
};
