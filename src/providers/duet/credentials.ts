// Duet's credentials: two static header tokens (application and account), told apart when swapped, and an account
// token ended from /__admin/credentials (as after a password change).

import { MockError } from '../../engine/errors.js';
import { randomAlphanumeric } from '../../engine/secrets.js';
import type { Verifier, World } from '../../engine/types.js';
import type { CredentialEnd } from '../provider.js';
import { ACCOUNT_TOKEN_LENGTH, findAccountByToken, findApplication, hashAccountToken, saveAccount, type DuetAccount } from './records.js';

export interface DuetApplicationPrincipal {
  name: string;
}

export interface DuetAccountPrincipal {
  accountId: number;
}

export const verifyApplication: Verifier = async ({ credential, world }) => {
  const found = await world.store.read((tx) => {
    const app = findApplication(tx, credential);
    return { app, swapped: !app && findAccountByToken(tx, credential) !== undefined };
  });
  if (found.app) return { ok: true, principal: { name: found.app.name } satisfies DuetApplicationPrincipal };
  const detail = found.swapped
    ? 'X-Application-Token holds an account token: the two headers look swapped'
    : 'X-Application-Token is not a known application token';
  return { ok: false, error: new MockError('auth.invalid', detail, { pointer: '/headers/x-application-token' }) };
};

export const verifyAccount: Verifier = async ({ credential, world }) => {
  const found = await world.store.read((tx) => {
    const account = findAccountByToken(tx, credential);
    return { account, swapped: !account && findApplication(tx, credential) !== undefined };
  });
  if (found.account) return { ok: true, principal: { accountId: found.account.id } satisfies DuetAccountPrincipal };
  const detail = found.swapped
    ? 'X-Account-Token holds an application token: the two headers look swapped'
    : 'X-Account-Token belongs to no account (unknown, or replaced after a password change)';
  return { ok: false, error: new MockError('auth.invalid', detail, { pointer: '/headers/x-account-token' }) };
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
