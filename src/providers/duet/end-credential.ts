// Duet's auth failures on demand: an account token refused from now on, as after a password change (a new token is
// issued at the next sign-in). Duet's tokens have no lifetime, so expiring one ends it the same way.

import { MockError } from '../../engine/errors.js';
import { randomAlphanumeric } from '../../engine/secrets.js';
import type { World } from '../../engine/types.js';
import type { CredentialEnd, FaultProblems } from '../provider.js';
import { ACCOUNT_TOKEN_LENGTH, findAccountByToken, hashAccountToken, saveAccount, type DuetAccount } from './accounts.js';

/** Every credential failure is the same `401 Unauthorized`: Duet documents no other. */
export const duetFaultProblems: FaultProblems = {
  'auth.missing': (detail) => new MockError('auth.missing', detail || 'X-Account-Token header missing'),
  'auth.invalid': (detail) => new MockError('auth.invalid', detail || 'X-Account-Token belongs to no account'),
  'auth.expired': (detail) => new MockError('auth.invalid', detail || 'X-Account-Token refused'),
  'auth.revoked': (detail) => new MockError('auth.revoked', detail || 'X-Account-Token replaced after a password change'),
};

/** Both ends are Duet's only one: the token is replaced, so the client's copy answers 401. */
export async function endDuetCredential(world: World, credential: string, _how: CredentialEnd): Promise<boolean> {
  return world.store.write((tx) => {
    const account = findAccountByToken(tx, credential);
    if (!account) return false;
    const token = randomAlphanumeric(ACCOUNT_TOKEN_LENGTH);
    const next: DuetAccount = { ...account, authenticationToken: token, tokenHash: hashAccountToken(token) };
    saveAccount(tx, next, account);
    return true;
  });
}
