// DeviceHQ's store records: accounts with their API keys (kept hashed, indexed by hash) and sessions (one per account,
// indexed by a hash of the token, with a sliding idle expiry).

import { MockError } from '../../engine/errors.js';
import { hashSecret, maskSecret, randomAlphanumeric, sameDigest } from '../../engine/secrets.js';
import type { ReadTx, WriteTx } from '../../world/store.js';

// ---- accounts and API keys: rotating a key kills the old one -------------------------------------------------

export const ACCOUNTS = 'devicehq.accounts';
export const API_KEYS = 'devicehq.api_keys';

const API_KEY_SALT = 'devicehq.api-key:';

export interface DevicehqDevice {
  id: string;
  name: string;
  serial: string;
  status: string;
  /** ISO 8601. */
  created_at: string;
}

export interface DevicehqAccount {
  id: string;
  name: string;
  apiKeyHash: string;
  apiKeyHint: string;
  devices: DevicehqDevice[];
}

export const hashApiKey = (key: string): string => hashSecret(key, API_KEY_SALT);

/** The account an API key (already hashed) opens, or undefined. */
export function findAccountByKeyHash(tx: ReadTx, keyHash: string): DevicehqAccount | undefined {
  const id = tx.get<string>(API_KEYS, keyHash);
  const account = id === undefined ? undefined : tx.get<DevicehqAccount>(ACCOUNTS, id);
  return account && sameDigest(account.apiKeyHash, keyHash) ? account : undefined;
}

function claimKey(tx: WriteTx, accountId: string, key: string): { apiKeyHash: string; apiKeyHint: string } {
  const apiKeyHash = hashApiKey(key);
  const owner = tx.get<string>(API_KEYS, apiKeyHash);
  if (owner !== undefined && owner !== accountId) {
    throw new MockError('state.conflict', `that API key already belongs to another DeviceHQ account (${owner})`);
  }
  tx.set(API_KEYS, apiKeyHash, accountId);
  return { apiKeyHash, apiKeyHint: maskSecret(key) };
}

/** Add an account, or replace one with the same id (its old key stops working). */
export function putAccount(tx: WriteTx, input: { id: string; name: string; apiKey: string; devices: DevicehqDevice[] }): void {
  const previous = tx.get<DevicehqAccount>(ACCOUNTS, input.id);
  const key = claimKey(tx, input.id, input.apiKey);
  if (previous && previous.apiKeyHash !== key.apiKeyHash) tx.delete(API_KEYS, previous.apiKeyHash);
  tx.set<DevicehqAccount>(ACCOUNTS, input.id, { id: input.id, name: input.name, ...key, devices: input.devices });
}

/**
 * Give an account a new API key: the old key is invalid from this write on (DeviceHQ: "generating a new key
 * invalidates the old one"). An already open session is left alone; it still expires or is replaced as usual.
 */
export function rotateDevicehqApiKey(tx: WriteTx, accountId: string, newKey: string): void {
  const account = tx.get<DevicehqAccount>(ACCOUNTS, accountId);
  if (!account) throw new MockError('state.not_found', `no DeviceHQ account ${accountId}`);
  if (newKey.length === 0) throw new MockError('validation.failed', 'a DeviceHQ API key cannot be empty');
  const key = claimKey(tx, accountId, newKey);
  if (key.apiKeyHash !== account.apiKeyHash) tx.delete(API_KEYS, account.apiKeyHash);
  tx.set<DevicehqAccount>(ACCOUNTS, accountId, { ...account, ...key });
}

// ---- sessions ------------------------------------------------------------------------------------------------

export const SESSIONS = 'devicehq.sessions';
/** accountId → token hash of the account's one open session. */
export const ACCOUNT_SESSIONS = 'devicehq.account_sessions';

const TOKEN_SALT = 'devicehq.session:';
export const TOKEN_LENGTH = 14;

export interface DevicehqSession {
  accountId: string;
  tokenHash: string;
  tokenHint: string;
  createdAt: number;
  /** Epoch ms; the session is expired once `now > expiresAt`. */
  expiresAt: number;
}

export const hashSessionToken = (token: string): string => hashSecret(token, TOKEN_SALT);

function drop(tx: WriteTx, session: DevicehqSession): void {
  tx.delete(SESSIONS, session.tokenHash);
  if (tx.get<string>(ACCOUNT_SESSIONS, session.accountId) === session.tokenHash) tx.delete(ACCOUNT_SESSIONS, session.accountId);
}

/** Open a session for an account, closing its previous one in the same write. Returns the clear token. */
export function openSession(tx: WriteTx, accountId: string, now: number, ttlMs: number): { token: string; session: DevicehqSession } {
  const previous = tx.get<string>(ACCOUNT_SESSIONS, accountId);
  if (previous !== undefined) tx.delete(SESSIONS, previous);
  let token = randomAlphanumeric(TOKEN_LENGTH);
  let tokenHash = hashSessionToken(token);
  while (tx.has(SESSIONS, tokenHash)) {
    token = randomAlphanumeric(TOKEN_LENGTH);
    tokenHash = hashSessionToken(token);
  }
  const session: DevicehqSession = {
    accountId,
    tokenHash,
    tokenHint: maskSecret(token),
    createdAt: now,
    expiresAt: now + ttlMs,
  };
  tx.set(SESSIONS, session.tokenHash, session);
  tx.set(ACCOUNT_SESSIONS, accountId, session.tokenHash);
  return { token, session };
}

/** The session a token opens (looked up by its hash, compared in constant time), or undefined. */
export function findSession(tx: ReadTx, token: string): DevicehqSession | undefined {
  const hash = hashSessionToken(token);
  const session = tx.get<DevicehqSession>(SESSIONS, hash);
  return session && sameDigest(session.tokenHash, hash) ? session : undefined;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(3).replace(/\.?0+$/, '')} s`;

function expired(tx: WriteTx, session: DevicehqSession, now: number, ttlMs: number): MockError {
  drop(tx, session);
  return new MockError('auth.expired', `session expired ${seconds(now - session.expiresAt)} ago (idle for more than ${seconds(ttlMs)})`);
}

/**
 * Check a token (the verifier), reading only: unknown → auth.invalid; idle too long (`now > expiresAt`) → 'expired'
 * (the caller then deletes it with `expireSession`). The expiry slides only once the request has succeeded.
 */
export function checkSession(tx: ReadTx, token: string, now: number): DevicehqSession | MockError | 'expired' {
  const session = findSession(tx, token);
  if (!session) return new MockError('auth.invalid', 'session token is unknown, closed, or replaced by a newer session of the account');
  return now > session.expiresAt ? 'expired' : session;
}

/** Delete an expired session on sight, checked again inside this write (a request in flight may just have slid it). */
export function expireSession(tx: WriteTx, token: string, now: number, ttlMs: number): DevicehqSession | MockError {
  const session = findSession(tx, token);
  if (!session) return new MockError('auth.invalid', 'session token is unknown, closed, or replaced by a newer session of the account');
  return now > session.expiresAt ? expired(tx, session, now, ttlMs) : session;
}

/**
 * A request was served: expiresAt := now + ttl, checked again in the same write, so a session closed, replaced or
 * expired while the request was being handled is not revived (the request then fails and nothing slides).
 */
export function slideSession(tx: WriteTx, tokenHash: string, now: number, ttlMs: number): DevicehqSession | MockError {
  const session = tx.get<DevicehqSession>(SESSIONS, tokenHash);
  if (!session) return new MockError('auth.revoked', 'session was closed or replaced while this request was served');
  if (now > session.expiresAt) return expired(tx, session, now, ttlMs);
  const slid: DevicehqSession = { ...session, expiresAt: now + ttlMs };
  tx.set(SESSIONS, slid.tokenHash, slid);
  return slid;
}

/** Close the session with this token hash; false when it is already gone (closed, replaced or swept). */
export function closeSession(tx: WriteTx, tokenHash: string): boolean {
  const session = tx.get<DevicehqSession>(SESSIONS, tokenHash);
  if (!session) return false;
  drop(tx, session);
  return true;
}

export function sweepSessions(tx: WriteTx, now: number): number {
  let removed = 0;
  // Collect first: a Store's iterator is not promised to survive deletions.
  for (const session of [...tx.values<DevicehqSession>(SESSIONS)]) {
    if (now > session.expiresAt) {
      drop(tx, session);
      removed++;
    }
  }
  return removed;
}
