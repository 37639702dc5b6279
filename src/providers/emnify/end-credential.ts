// emnify's auth failures on demand: an auth_token that expires mid-session (1103 while its refresh token still works),
// a JWT no longer accepted (1102), an application token revoked (status Revoked) or past its expiry_date.

import { MockError } from '../../engine/errors.js';
import type { World } from '../../engine/types.js';
import type { CredentialEnd, FaultProblems } from '../provider.js';
import type { JwtService, TokenUse } from './jwt.js';
import { APP_TOKEN_ACTIVATED, APP_TOKEN_REVOKED, appTokenHash, EMNIFY, isAppTokenExpired, type AppTokenRecord } from './records.js';
import type { Keyring } from './signing-key.js';
import { emnifyAuthError } from './wire.js';

/** jti → how the admin API ended that JWT (kept until reset; a JWT's jti is random). */
export const ENDED_TOKENS = 'emnify.ended_tokens';
export type EndedToken = CredentialEnd;

export const endedBy = async (world: World, jti: string): Promise<EndedToken | undefined> => world.store.read((tx) => tx.get<EndedToken>(ENDED_TOKENS, jti));

/** The error a bearer JWT ended by the admin API answers: 1103 TokenExpired, or 1102 InvalidToken once revoked. */
export const endedBearerError = (how: EndedToken): MockError =>
  how === 'expire' ? emnifyAuthError('auth.expired', 1103, 'the auth_token has expired (ended by /__admin/credentials/expire)') : emnifyAuthError('auth.revoked', 1102, 'the auth_token was revoked');

/** On /authenticate every refused credential is 1101 InvalidCredentials; elsewhere the bearer codes 1102..1105. */
export const emnifyFaultProblems: FaultProblems = {
  'auth.missing': (detail) => emnifyAuthError('auth.missing', 1102, detail || 'this route needs an emnify bearer token'),
  'auth.invalid': (detail, op) => emnifyAuthError('auth.invalid', op.operationId === 'emnifyAuthenticate' ? 1101 : 1102, detail || 'credentials refused'),
  'auth.expired': (detail, op) => emnifyAuthError('auth.expired', op.operationId === 'emnifyAuthenticate' ? 1101 : 1103, detail || 'the token has expired'),
  'auth.revoked': (detail, op) => emnifyAuthError('auth.revoked', op.operationId === 'emnifyAuthenticate' ? 1101 : 1102, detail || 'the token was revoked'),
  'auth.forbidden': (detail) => emnifyAuthError('auth.forbidden', 1104, detail || 'not allowed for this token'),
  'auth.rate_limited': (detail) =>
    emnifyAuthError('auth.rate_limited', 1105, detail || 'too many failed logins in a row', { 'Retry-After': '300' }),
};

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
