// A world's JWT settings: the HS384 signing key, kept as a store record (it lasts exactly as long as the state), and the lifetimes.

import { createHash, randomBytes } from 'node:crypto';
import type { ReadTx, Store } from '../../world/store.js';
import { EMNIFY, JWT_SETTINGS, type JwtSettingsRecord } from './records.js';

/** RFC 7518 §3.2: an HS384 key is at least as long as the hash output, 384 bits. */
export const MIN_KEY_BYTES = 48;

export interface SigningKey {
  bytes: Buffer;
}

/** A short fingerprint of a key (SHA-256, 16 hex), as `/__admin/state` shows it: tells keys apart, not the key. */
export const fingerprintOf = (key: SigningKey): string => createHash('sha256').update(key.bytes).digest('hex').slice(0, 16);

export interface JwtSettings {
  /** undefined: nothing was issued in this world yet (and nothing pinned one). */
  key: SigningKey | undefined;
  /** Where the key comes from: the `--jwt-secret` option, the world's state (fixture `jwt.secret` or generated), or nowhere yet. */
  keySource: 'option' | 'state' | 'none';
  authTokenTtlSeconds: number;
  applicationAuthTokenTtlSeconds: number;
}

export interface KeyringOptions {
  /** `--jwt-secret`: this key in every world, whatever the state holds. */
  pinned?: Uint8Array;
  /** Options win over the fixtures' `jwt` settings, which win over the defaults below. */
  authTokenTtlSeconds?: number;
  applicationAuthTokenTtlSeconds?: number;
}

/** The documented lifetime of a user JWT: 240 minutes (emnify's authentication page). */
export const DEFAULT_AUTH_TOKEN_TTL_SECONDS = 240 * 60;
/** The lifetime of an application-token JWT as recorded in the official Python SDK's cassettes: 7 days. */
export const DEFAULT_APPLICATION_AUTH_TOKEN_TTL_SECONDS = 7 * 24 * 3600;

export interface Keyring {
  /** The settings as they are (one store read); the key may be missing. */
  read(store: Store): Promise<JwtSettings>;
  /** The settings with a key, made and stored (durably, with `--state`) on the first token a world issues. */
  ensure(store: Store): Promise<JwtSettings & { key: SigningKey }>;
  /** Same as `read`, inside a transaction (the state view). */
  readTx(tx: ReadTx): JwtSettings;
}

/** The bytes of a secret given as text (the option or the fixtures' `jwt.secret`), refused when too short for HS384. */
export function toKeyBytes(secret: string | Uint8Array, what: string): Uint8Array {
  const bytes = typeof secret === 'string' ? new Uint8Array(Buffer.from(secret, 'utf8')) : secret;
  if (bytes.length < MIN_KEY_BYTES) throw new RangeError(`${what} must be at least ${MIN_KEY_BYTES} bytes (HS384)`);
  return bytes;
}

const toSigningKey = (bytes: Uint8Array): SigningKey => ({ bytes: Buffer.from(bytes) });

export function createKeyring(options: KeyringOptions = {}): Keyring {
  const pinned = options.pinned ? toSigningKey(options.pinned) : undefined;
  const resolve = (record: JwtSettingsRecord | undefined): JwtSettings => {
    const stored = record?.signing_key;
    const key = pinned ?? (stored ? toSigningKey(Buffer.from(stored, 'base64url')) : undefined);
    return {
      key,
      keySource: pinned ? 'option' : key ? 'state' : 'none',
      authTokenTtlSeconds: options.authTokenTtlSeconds ?? record?.auth_token_ttl_seconds ?? DEFAULT_AUTH_TOKEN_TTL_SECONDS,
      applicationAuthTokenTtlSeconds:
        options.applicationAuthTokenTtlSeconds ?? record?.application_auth_token_ttl_seconds ?? DEFAULT_APPLICATION_AUTH_TOKEN_TTL_SECONDS,
    };
  };
  const readTx = (tx: ReadTx): JwtSettings => resolve(tx.get<JwtSettingsRecord>(EMNIFY.settings, JWT_SETTINGS));
  return {
    readTx,
    read: (store) => store.read(readTx),
    async ensure(store) {
      const current = await store.read(readTx);
      if (current.key) return current as JwtSettings & { key: SigningKey };
      // Made inside the write: two first logins at once agree on one key.
      const made = await store.write((tx) => {
        const record = tx.get<JwtSettingsRecord>(EMNIFY.settings, JWT_SETTINGS);
        if (record?.signing_key) return resolve(record);
        const next: JwtSettingsRecord = { ...record, signing_key: randomBytes(MIN_KEY_BYTES).toString('base64url') };
        tx.set(EMNIFY.settings, JWT_SETTINGS, next);
        return resolve(next);
      });
      return made as JwtSettings & { key: SigningKey };
    },
  };
}
