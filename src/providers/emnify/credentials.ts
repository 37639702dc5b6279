// emnify's credentials: the bearer JWT's verifier (only a token this world issued and still valid), the caller it
// names, and ending a JWT or an application token from /__admin/credentials.

import { MockError } from '../../engine/errors.js';
import type { HandlerContext, Verifier, World } from '../../engine/types.js';
import type { CredentialEnd } from '../provider.js';
import type { JwtService, TokenUse, VerifiedToken } from './jwt.js';
import { APP_TOKEN_ACTIVATED, APP_TOKEN_REVOKED, appTokenHash, EMNIFY, ENDED_TOKENS, endedBy, isAppTokenExpired, type AppTokenRecord, type EndedToken } from './records.js';
import type { Keyring } from './signing-key.js';
import { emnifyAuthError, endedBearerError, malformedBearer } from './wire.js';

/** The verified bearer token (set by the EmnifyBearer verifier). */
export function callerOf(ctx: HandlerContext): VerifiedToken {
  const principal = ctx.auth.principals.get('EmnifyBearer');
  if (!principal) throw new MockError('auth.missing', 'this route needs an emnify bearer token');
  return principal as VerifiedToken;
}

/** The engine hands over what follows `Bearer `; only an auth token this world issued (and still valid) passes. */
export function createVerifyBearer(jwt: JwtService, keyring: Keyring): Verifier {
  return async ({ credential, world }) => {
    const { key } = await keyring.read(world.store);
    const outcome = await jwt.verify('auth', credential, world.clock.now(), world.id, key);
    if (outcome.ok) {
      const ended = await endedBy(world, outcome.token.jti);
      return ended ? { ok: false, error: endedBearerError(ended) } : { ok: true, principal: outcome.token };
    }
    if (outcome.reason === 'malformed') return { ok: false, error: malformedBearer() };
    if (outcome.reason === 'expired') return { ok: false, error: emnifyAuthError('auth.expired', 1103, outcome.detail) };
    return { ok: false, error: emnifyAuthError('auth.invalid', 1102, outcome.detail) };
  };
}

/**
 * expire: a JWT answers 1103 from now on (its refresh token still works), an application token is past its expiry;
 * revoke: a JWT is refused (1102), an application token is Revoked.
 */
export function createEndEmnifyCredential(jwt: JwtService, keyring: Keyring) {
  return async (world: World, credential: string, how: CredentialEnd): Promise<boolean> => {
    const now = world.clock.now();
    const { key } = await keyring.read(world.store);
    for (const use of ['auth', 'refresh'] as TokenUse[]) {
      const verified = key ? await jwt.verify(use, credential, now, world.id, key) : undefined;
      if (!verified?.ok) continue;
      const jti = verified.token.jti;
      return world.store.write((tx) => {
        if (tx.has(ENDED_TOKENS, jti)) return false;
        tx.set<EndedToken>(ENDED_TOKENS, jti, how);
        return true;
      });
    }
    const hash = appTokenHash(credential);
    return world.store.write((tx) => {
      const id = tx.get<number>(EMNIFY.appTokenHashes, hash);
      const record = id === undefined ? undefined : tx.get<AppTokenRecord>(EMNIFY.appTokens, String(id));
      if (!record || record.hash !== hash || record.status !== APP_TOKEN_ACTIVATED || isAppTokenExpired(record, now)) return false;
      const ended: AppTokenRecord = how === 'revoke' ? { ...record, status: APP_TOKEN_REVOKED } : { ...record, expiresAt: now - 1 };
      tx.set<AppTokenRecord>(EMNIFY.appTokens, String(record.id), ended);
      return true;
    });
  };
}
