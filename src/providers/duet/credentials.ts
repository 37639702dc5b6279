// Duet's credentials: two static header tokens (application and account), told apart when swapped, and an account
// token ended from /__admin/credentials (as after a password change).

import { MockError } from '../../engine/errors.js';
import { randomAlphanumeric } from '../../engine/secrets.js';
import type { Verifier, World } from '../../engine/types.js';
import type { ReadTx } from '../../world/store.js';
import type { CredentialEnd } from '../provider.js';
import { ACCOUNT_TOKEN_LENGTH, findAccountByToken, findApplication, hashAccountToken, saveAccount, type DuetAccount } from './records.js';

export interface DuetApplicationPrincipal {
  name: string;
}

export interface DuetAccountPrincipal {
  accountId: number;
}

/** One of Duet's two header tokens: its principal when known, else 401 saying whether it is the other kind (swapped). */
interface HeaderToken {
  header: string;
  own: (tx: ReadTx, token: string) => unknown;
  /** The other kind of token, and what it is called. */
  other: (tx: ReadTx, token: string) => unknown;
  otherName: string;
  /** The reason when the token is neither. */
  unknown: string;
}

function createHeaderVerifier({ header, own, other, otherName, unknown }: HeaderToken): Verifier {
  return async ({ credential, world }) => {
    const found = await world.store.read((tx) => {
      const principal = own(tx, credential);
      return { principal, swapped: principal === undefined && other(tx, credential) !== undefined };
    });
    if (found.principal !== undefined) return { ok: true, principal: found.principal };
    const detail = found.swapped ? `${header} holds ${otherName}: the two headers look swapped` : unknown;
    return { ok: false, error: new MockError('auth.invalid', detail, { pointer: `/headers/${header.toLowerCase()}` }) };
  };
}

const applicationOf = (tx: ReadTx, token: string): DuetApplicationPrincipal | undefined => {
  const app = findApplication(tx, token);
  return app && { name: app.name };
};

const accountOf = (tx: ReadTx, token: string): DuetAccountPrincipal | undefined => {
  const account = findAccountByToken(tx, token);
  return account && { accountId: account.id };
};

export const verifyApplication = createHeaderVerifier({
  header: 'X-Application-Token',
  own: applicationOf,
  other: accountOf,
  otherName: 'an account token',
  unknown: 'X-Application-Token is not a known application token',
});

export const verifyAccount = createHeaderVerifier({
  header: 'X-Account-Token',
  own: accountOf,
  other: applicationOf,
  otherName: 'an application token',
  unknown: 'X-Account-Token belongs to no account (unknown, or replaced after a password change)',
});

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
