// DeviceHQ accounts and their API keys, kept hashed and indexed by hash; rotating a key kills the old one.

import { MockError } from '../../engine/errors.js';
import { hashSecret, maskSecret, sameDigest } from '../../engine/secrets.js';
import type { ReadTx, WriteTx } from '../../world/store.js';

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
