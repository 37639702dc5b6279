// POST /api/v1/authenticate: password (SHA-1) with a lockout, application token, or refresh token → JWTs.

import { MockError } from '../../engine/errors.js';
import { safeEqual, sameDigest } from '../../engine/secrets.js';
import type { WriteTx } from '../../world/store.js';
import type { Handler, HandlerContext } from '../../engine/types.js';
import { cidrContains, parseCidr } from './inputs.js';
import type { EmnifyClaims, JwtService } from './jwt.js';
import type { Keyring } from './signing-key.js';
import {
  APP_TOKEN_REVOKED,
  EMNIFY,
  appTokenHash,
  endedBy,
  isAppTokenExpired,
  type AppTokenRecord,
  type LoginFailureRecord,
  type OrganisationRecord,
  type UserRecord,
} from './records.js';
import { emnifyAuthError } from './wire.js';

/** emnify's login limits (the JWT key and the auth tokens' lifetimes are per world: see signing-key.ts). */
export const LOGIN_LIMITS = {
  /** Lifetime of a refresh token: 30 days. */
  refreshTokenTtlSeconds: 30 * 24 * 3600,
  /** Failed password logins in a row before the user is locked. */
  maxFailedLogins: 3,
  /** How long the lock lasts, in mock-clock seconds. */
  lockoutSeconds: 300,
} as const;

const badCredentials = (detail: string): MockError => emnifyAuthError('auth.invalid', 1101, detail);

function stringField(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string') throw new MockError('request.body_invalid', `${name} must be a string`, { pointer: `/body/${name}` });
  return value;
}

const userClaims = (user: UserRecord, org: OrganisationRecord): EmnifyClaims => ({
  sub: user.username,
  'esc.org': org.id,
  'esc.orgName': org.name,
  'esc.user': user.id,
});

type PasswordOutcome = { ok: true; claims: EmnifyClaims } | { ok: false; error: MockError };

/** Check the password and keep the per-user failure count and lock, all in one write. */
function checkPassword(tx: WriteTx, username: string, password: string, now: number): PasswordOutcome {
  const id = tx.get<number>(EMNIFY.usernames, username.toLowerCase());
  const user = id === undefined ? undefined : tx.get<UserRecord>(EMNIFY.users, String(id));
  if (!user) return { ok: false, error: badCredentials('no user with this username') };
  const key = String(user.id);
  const failures = tx.get<LoginFailureRecord>(EMNIFY.loginFailures, key);
  if (failures?.lockedUntil != null && now < failures.lockedUntil) {
    const seconds = Math.ceil((failures.lockedUntil - now) / 1000);
    return {
      ok: false,
      error: emnifyAuthError('auth.rate_limited', 1105, `${LOGIN_LIMITS.maxFailedLogins} failed logins in a row; locked for ${seconds} more s`, {
        'Retry-After': String(seconds),
      }),
    };
  }
  if (!safeEqual(password, user.passwordSha1)) {
    const count = (failures && failures.lockedUntil === null ? failures.count : 0) + 1;
    const locked = count >= LOGIN_LIMITS.maxFailedLogins;
    tx.set<LoginFailureRecord>(EMNIFY.loginFailures, key, { count, lockedUntil: locked ? now + LOGIN_LIMITS.lockoutSeconds * 1000 : null });
    return { ok: false, error: badCredentials(`wrong password (failure ${count} of ${LOGIN_LIMITS.maxFailedLogins} in a row${locked ? '; now locked' : ''})`) };
  }
  if (failures) tx.delete(EMNIFY.loginFailures, key);
  const org = tx.get<OrganisationRecord>(EMNIFY.organisations, String(user.orgId));
  if (!org) return { ok: false, error: badCredentials("the user's organisation does not exist") };
  return { ok: true, claims: userClaims(user, org) };
}

async function withApplicationToken(ctx: HandlerContext, token: string, now: number): Promise<EmnifyClaims> {
  const hash = appTokenHash(token);
  const found = await ctx.world.store.read((tx) => {
    const id = tx.get<number>(EMNIFY.appTokenHashes, hash);
    const record = id === undefined ? undefined : tx.get<AppTokenRecord>(EMNIFY.appTokens, String(id));
    const org = record ? tx.get<OrganisationRecord>(EMNIFY.organisations, String(record.orgId)) : undefined;
    return record && org ? { record, org } : undefined;
  });
  if (!found || !sameDigest(hash, found.record.hash)) throw badCredentials('unknown application token');
  const { record, org } = found;
  // Still 1101 on the wire; the codes tell coverage and X-Mock-Problem why.
  if (record.status === APP_TOKEN_REVOKED) throw emnifyAuthError('auth.revoked', 1101, 'the application token was revoked');
  if (isAppTokenExpired(record, now)) throw emnifyAuthError('auth.expired', 1101, 'the application token has expired');
  if (record.ip !== null) {
    const range = parseCidr(record.ip);
    if (!range || !cidrContains(range, ctx.req.remoteAddress)) throw badCredentials(`the application token only works from ${record.ip}`);
  }
  return { sub: `application_token/${record.id}`, 'esc.org': org.id, 'esc.orgName': org.name, 'esc.user': record.creator.id, 'esc.app': record.id };
}

async function withRefreshToken(ctx: HandlerContext, jwt: JwtService, keyring: Keyring, token: string, now: number): Promise<EmnifyClaims> {
  const { key } = await keyring.read(ctx.world.store);
  const verified = await jwt.verify('refresh', token, now, ctx.world.id, key);
  // On /authenticate every refused credential is 1101 InvalidCredentials, a bad or expired refresh token included.
  if (!verified.ok) throw badCredentials(`refresh token refused: ${verified.detail}`);
  const ended = await endedBy(ctx.world, verified.token.jti);
  if (ended) throw emnifyAuthError(ended === 'expire' ? 'auth.expired' : 'auth.revoked', 1101, `refresh token refused: ended by /__admin/credentials/${ended}`);
  const userId = verified.token.claims['esc.user'];
  const current = await ctx.world.store.read((tx) => {
    const user = tx.get<UserRecord>(EMNIFY.users, String(userId));
    const org = user ? tx.get<OrganisationRecord>(EMNIFY.organisations, String(user.orgId)) : undefined;
    return user && org ? userClaims(user, org) : undefined;
  });
  if (!current) throw badCredentials('the user behind this refresh token no longer exists');
  return current;
}

export function createAuthenticateHandler(jwt: JwtService, keyring: Keyring): Handler {
  return async (ctx) => {
    const body = ctx.req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new MockError('request.body_invalid', 'the body must be a JSON object', { pointer: '/body' });
    }
    const fields = body as Record<string, unknown>;
    const now = ctx.world.clock.now();
    const has = (name: string): boolean => Object.hasOwn(fields, name);
    if (has('username') || has('password')) {
      const username = stringField(fields, 'username');
      const password = stringField(fields, 'password');
      const outcome = await ctx.world.store.write((tx) => checkPassword(tx, username, password, now));
      if (!outcome.ok) throw outcome.error;
      const { key, authTokenTtlSeconds } = await keyring.ensure(ctx.world.store);
      return {
        status: 200,
        body: {
          auth_token: await jwt.issue('auth', outcome.claims, now, authTokenTtlSeconds, ctx.world.id, key),
          refresh_token: await jwt.issue('refresh', outcome.claims, now, LOGIN_LIMITS.refreshTokenTtlSeconds, ctx.world.id, key),
        },
      };
    }
    if (has('application_token')) {
      const claims = await withApplicationToken(ctx, stringField(fields, 'application_token'), now);
      const { key, applicationAuthTokenTtlSeconds } = await keyring.ensure(ctx.world.store);
      return { status: 200, body: { auth_token: await jwt.issue('auth', claims, now, applicationAuthTokenTtlSeconds, ctx.world.id, key) } };
    }
    if (has('refresh_token')) {
      const claims = await withRefreshToken(ctx, jwt, keyring, stringField(fields, 'refresh_token'), now);
      const { key, authTokenTtlSeconds } = await keyring.ensure(ctx.world.store);
      return { status: 200, body: { auth_token: await jwt.issue('auth', claims, now, authTokenTtlSeconds, ctx.world.id, key) } };
    }
    throw new MockError('request.body_invalid', 'send {username, password}, {application_token} or {refresh_token}', { pointer: '/body' });
  };
}
