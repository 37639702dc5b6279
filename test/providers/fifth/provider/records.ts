// The fifth provider's store records: users (password hashed) and tokens (kept by hash).

import { hashSecret, maskSecret, randomAlphanumeric, sameDigest } from '../../../../src/engine/secrets.js';
import type { ReadTx, WriteTx } from '../../../../src/world/store.js';

export const USERS = 'fifth.users';
export const TOKENS = 'fifth.tokens';

export interface FifthUser {
  name: string;
  passwordHash: string;
}

export interface FifthToken {
  name: string;
  tokenHash: string;
  tokenHint: string;
}

const hashPassword = (password: string): string => hashSecret(password, 'fifth.password:');
const hashToken = (token: string): string => hashSecret(token, 'fifth.token:');

export function putUser(tx: WriteTx, name: string, password: string): void {
  tx.set<FifthUser>(USERS, name, { name, passwordHash: hashPassword(password) });
}

export function passwordMatches(tx: ReadTx, name: string, password: string): boolean {
  const user = tx.get<FifthUser>(USERS, name);
  return user !== undefined && sameDigest(user.passwordHash, hashPassword(password));
}

/** A new token for the user; the clear token is returned once and never stored. */
export function issueToken(tx: WriteTx, name: string): string {
  const token = randomAlphanumeric(32);
  const tokenHash = hashToken(token);
  tx.set<FifthToken>(TOKENS, tokenHash, { name, tokenHash, tokenHint: maskSecret(token) });
  return token;
}

export function findToken(tx: ReadTx, token: string): FifthToken | undefined {
  const hash = hashToken(token);
  const found = tx.get<FifthToken>(TOKENS, hash);
  return found && sameDigest(found.tokenHash, hash) ? found : undefined;
}

export const dropToken = (tx: WriteTx, token: string): boolean => tx.delete(TOKENS, hashToken(token));
