// emnify provider states: users, auth tokens live or expired, application tokens active or revoked, lock-outs.

import { randomAlphanumeric } from '../../engine/secrets.js';
import {
  advance,
  basePath,
  call,
  count,
  digest,
  endCredential,
  expectStatus,
  ProviderStateError,
  seed,
  text,
  type ProviderStateDefinition,
  type StateContext,
  type StateParams,
} from '../../contracts/state-kit.js';

/** Credentials of the default fixtures (fixtures/default.yaml) that states fall back on. */
const DEFAULTS = { emnifyUsername: 'user@domain.com', emnifyPasswordSha1: '2fd4e1c67a2d28fced849ee1bb76e7391b93eb12', emnifyOrganisationId: 1234 } as const;

const emnifyLogin = (params: StateParams): { username: string; password: string } => ({
  username: text(params, 'username', DEFAULTS.emnifyUsername),
  password: text(params, 'password', DEFAULTS.emnifyPasswordSha1),
});

async function emnifyAuthenticate(ctx: StateContext, params: StateParams): Promise<{ auth_token: string; refresh_token: string }> {
  const reply = await call(ctx, 'POST', `${basePath(ctx, 'emnify')}/api/v1/authenticate`, { json: emnifyLogin(params) });
  const body = expectStatus(reply, 200, 'authenticating with emnify user credentials');
  return { auth_token: String(body['auth_token']), refresh_token: String(body['refresh_token']) };
}

async function createEmnifyApplicationToken(ctx: StateContext, params: StateParams): Promise<{ application_token: string; application_token_id: number; auth: string }> {
  const { auth_token } = await emnifyAuthenticate(ctx, params);
  const auth = `Bearer ${auth_token}`;
  const description = text(params, 'description', `contract token ${randomAlphanumeric(10)}`);
  const created = expectStatus(
    await call(ctx, 'POST', `${basePath(ctx, 'emnify')}/api/v1/application_token`, { headers: { authorization: auth }, json: { description } }),
    200,
    'creating an emnify application token',
  );
  const list = await call(ctx, 'GET', `${basePath(ctx, 'emnify')}/api/v1/application_token`, { headers: { authorization: auth } });
  expectStatus(list, 200, 'listing emnify application tokens');
  const mine = (Array.isArray(list.body) ? (list.body as Array<{ id: number; description: string | null }>) : [])
    .filter((t) => t.description === description)
    .sort((a, b) => b.id - a.id)[0];
  if (!mine) throw new ProviderStateError('the new emnify application token is not in the list');
  return { application_token: String(created['application_token']), application_token_id: mine.id, auth };
}

export const emnifyStates: Readonly<Record<string, ProviderStateDefinition>> = {
  'an emnify user {username} with password SHA-1 {password}': {
    provider: 'emnify',
    summary: 'A portal user (in the demo organisation unless told otherwise) who can authenticate with username and SHA-1.',
    params: {
      username: 'the username (required)',
      password: 'the SHA-1 hex of the password, 40 lower-case hex characters (required)',
      organisation_id: `the organisation (default ${DEFAULTS.emnifyOrganisationId}, created when missing)`,
    },
    example: { username: 'user@domain.com', password: '2fd4e1c67a2d28fced849ee1bb76e7391b93eb12' },
    returns: { username: 'the username' },
    async setup(params, ctx) {
      const username = text(params, 'username');
      const organisationId = count(params, 'organisation_id', DEFAULTS.emnifyOrganisationId);
      const id = 100_000 + (parseInt(digest(`emnify-user:${username.toLowerCase()}`).slice(0, 7), 16) % 1_000_000_000);
      await seed(ctx, {
        emnify: {
          organisations: [{ id: organisationId, name: text(params, 'organisation_name', 'Demo Org') }],
          users: [{ id, username, name: text(params, 'name', username), organisation_id: organisationId, password_sha1: text(params, 'password') }],
        },
      });
      return { username };
    },
  },
  'an emnify auth token for {username}': {
    provider: 'emnify',
    summary: 'A live `auth_token` (and `refresh_token`) from authenticating with the user\'s credentials.',
    params: { username: 'the username (required)', password: `its SHA-1 (default: the demo user's \`${DEFAULTS.emnifyPasswordSha1}\`)` },
    example: { username: 'user@domain.com' },
    returns: { auth_token: 'the JWT for `Authorization: Bearer`', refresh_token: 'the refresh token' },
    async setup(params, ctx) {
      text(params, 'username');
      return emnifyAuthenticate(ctx, params);
    },
  },
  'an emnify auth token that has expired': {
    provider: 'emnify',
    summary: 'A user authenticated, then the clock moved past the `auth_token` lifetime; the `refresh_token` still works.',
    params: {
      username: `the username (default \`${DEFAULTS.emnifyUsername}\`)`,
      password: 'its SHA-1 (default: the demo user\'s)',
      minutes: 'how far the clock moves (default 241: the default lifetime is 240 minutes)',
    },
    example: {},
    returns: { auth_token: 'the expired JWT', refresh_token: 'the refresh token' },
    async setup(params, ctx) {
      const tokens = await emnifyAuthenticate(ctx, params);
      advance(ctx, count(params, 'minutes', 241));
      return tokens;
    },
  },
  'an emnify auth_token that expired mid-session': {
    provider: 'emnify',
    summary: 'A user authenticated, then the `auth_token` expired at once (no clock move): using it gets 401 1103 TokenExpired; the `refresh_token` still works.',
    params: { username: `the username (default \`${DEFAULTS.emnifyUsername}\`)`, password: "its SHA-1 (default: the demo user's)" },
    example: {},
    returns: { auth_token: 'the expired JWT', refresh_token: 'the refresh token (still valid)' },
    async setup(params, ctx) {
      const tokens = await emnifyAuthenticate(ctx, params);
      await endCredential(ctx, 'expire', tokens.auth_token);
      return tokens;
    },
  },
  'an emnify auth_token and refresh_token that were revoked': {
    provider: 'emnify',
    summary: 'A user authenticated, then both tokens were revoked: the `auth_token` gets 401 1102 InvalidToken, the `refresh_token` 401 1101 on `/authenticate`.',
    params: { username: `the username (default \`${DEFAULTS.emnifyUsername}\`)`, password: "its SHA-1 (default: the demo user's)" },
    example: {},
    returns: { auth_token: 'the revoked JWT', refresh_token: 'the revoked refresh token' },
    async setup(params, ctx) {
      const tokens = await emnifyAuthenticate(ctx, params);
      await endCredential(ctx, 'revoke', tokens.auth_token);
      await endCredential(ctx, 'revoke', tokens.refresh_token);
      return tokens;
    },
  },
  'an emnify application-token auth token that has expired': {
    provider: 'emnify',
    summary:
      'An `auth_token` from an application-token login, then the clock moved past its lifetime (7 days, as recorded); the application token still authenticates.',
    params: {
      minutes: 'how far the clock moves (default 10081: the default lifetime is 7 days)',
    },
    example: {},
    returns: { auth_token: 'the expired JWT', application_token: 'the application token it came from (still active)' },
    async setup(params, ctx) {
      const { application_token } = await createEmnifyApplicationToken(ctx, params);
      const reply = await call(ctx, 'POST', `${basePath(ctx, 'emnify')}/api/v1/authenticate`, { json: { application_token } });
      const body = expectStatus(reply, 200, 'authenticating with the emnify application token');
      advance(ctx, count(params, 'minutes', 7 * 24 * 60 + 1));
      return { auth_token: String(body['auth_token']), application_token };
    },
  },
  'an active emnify application token': {
    provider: 'emnify',
    summary: 'An application token created by the user through the API, still active.',
    params: { username: `who creates it (default \`${DEFAULTS.emnifyUsername}\`)`, password: "its SHA-1 (default: the demo user's)", description: 'its description' },
    example: {},
    returns: { application_token: 'the secret', application_token_id: 'its id (for `PATCH /api/v1/application_token/{id}`)' },
    async setup(params, ctx) {
      const { application_token, application_token_id } = await createEmnifyApplicationToken(ctx, params);
      return { application_token, application_token_id };
    },
  },
  'an emnify application token that was revoked': {
    provider: 'emnify',
    summary: 'An application token created and then revoked (`{"status":{"id":1}}`): authenticating with it gets 401.',
    params: { username: `who creates it (default \`${DEFAULTS.emnifyUsername}\`)`, password: "its SHA-1 (default: the demo user's)", description: 'its description' },
    example: {},
    returns: { application_token: 'the revoked secret', application_token_id: 'its id' },
    async setup(params, ctx) {
      const { application_token, application_token_id, auth } = await createEmnifyApplicationToken(ctx, params);
      const reply = await call(ctx, 'PATCH', `${basePath(ctx, 'emnify')}/api/v1/application_token/${application_token_id}`, {
        headers: { authorization: auth },
        json: { status: { id: 1 } },
      });
      expectStatus(reply, 204, 'revoking the emnify application token');
      return { application_token, application_token_id };
    },
  },
  'an emnify user {username} locked out after failed logins': {
    provider: 'emnify',
    summary: 'Failed password logins in a row until the user is blocked: even the right password gets 429 for 5 minutes.',
    params: { username: 'the username (required)', failures: 'how many failed logins (default 3)' },
    example: { username: 'user@domain.com' },
    returns: {},
    async setup(params, ctx) {
      const username = text(params, 'username');
      const failures = Math.floor(count(params, 'failures', 3));
      for (let i = 0; i < failures; i++) {
        const reply = await call(ctx, 'POST', `${basePath(ctx, 'emnify')}/api/v1/authenticate`, { json: { username, password: '0'.repeat(40) } });
        if (reply.status !== 401 && reply.status !== 429) expectStatus(reply, 401, 'a failed emnify login');
      }
      return undefined;
    },
  },
};
