// RFCx's auth failures on demand: a user token past its `token_expires_at`, or gone as after `POST /v1/users/logout`.

import { MockError } from '../../engine/errors.js';
import type { World } from '../../engine/types.js';
import type { CredentialEnd, FaultProblems } from '../provider.js';
import { isExpired, RFCX, secretMatches, userTokenKey, type UserTokenRecord } from './records.js';

/** Every token failure is the bare `401 Unauthorized` (a logged-out token is simply unknown); the wrong type a 403. */
export const rfcxFaultProblems: FaultProblems = {
  'auth.missing': (detail) => new MockError('auth.missing', detail || 'no x-auth-token header, auth_token body field or query parameter'),
  'auth.invalid': (detail, op) =>
    op.operationId === 'rfcxUserLogin'
      ? new MockError('auth.invalid', detail || 'invalid email or password', { meta: { rfcxBody: 'json' } })
      : new MockError('auth.invalid', detail || 'unknown user or wrong token'),
  'auth.expired': (detail) => new MockError('auth.expired', detail || 'the user token has expired (it is now removed)'),
  'auth.revoked': (detail) => new MockError('auth.revoked', detail || 'unknown user or wrong token (logged out)'),
  'auth.forbidden': (detail) => new MockError('auth.forbidden', detail || 'this credential type may not use this route'),
};

/** expire: the user token's `token_expires_at` is now; revoke: the user logs out (all of its user tokens removed). */
export async function endRfcxCredential(world: World, credential: string, how: CredentialEnd): Promise<boolean> {
  const now = world.clock.now();
  const key = userTokenKey(credential);
  return world.store.write((tx) => {
    const record = tx.get<UserTokenRecord>(RFCX.userTokens, key);
    if (!record || !secretMatches(credential, record) || isExpired(record.expiresAt, now)) return false;
    if (how === 'expire') {
      tx.set<UserTokenRecord>(RFCX.userTokens, key, { ...record, expiresAt: now });
      return true;
    }
    const keys = [...tx.entries<UserTokenRecord>(RFCX.userTokens)].filter(([, r]) => r.userGuid === record.userGuid).map(([k]) => k);
    for (const k of keys) tx.delete(RFCX.userTokens, k);
    return true;
  });
}
