// emnify state: collection names and the plain records kept in the store.

import { toIso } from '../../world/clock.js';
import { hashSecret } from '../../engine/secrets.js';
import type { World } from '../../engine/types.js';
import type { CredentialEnd } from '../provider.js';

export const EMNIFY = {
  organisations: 'emnify.organisations',
  users: 'emnify.users',
  usernames: 'emnify.usernames',
  loginFailures: 'emnify.login_failures',
  appTokens: 'emnify.application_tokens',
  appTokenHashes: 'emnify.application_token_hashes',
  endpoints: 'emnify.endpoints',
  meta: 'emnify.meta',
  settings: 'emnify.settings',
} as const;

/** The key of the one record of `emnify.settings`: the JWT signing key and lifetimes of this world. */
export const JWT_SETTINGS = 'jwt';

export interface JwtSettingsRecord {
  /** The HS384 key, base64url; made on the first token a world issues unless the fixtures pin it. Never shown or logged. */
  signing_key?: string;
  auth_token_ttl_seconds?: number;
  application_auth_token_ttl_seconds?: number;
}

export const NEXT_APP_TOKEN_ID = 'next_application_token_id';

export interface OrganisationRecord {
  id: number;
  name: string;
}

export interface UserRecord {
  id: number;
  username: string;
  name: string;
  orgId: number;
  /** The SHA-1 hex the client sends as `password`, kept as given (emnify's own scheme). */
  passwordSha1: string;
}

export interface LoginFailureRecord {
  /** Failed password logins in a row. */
  count: number;
  /** Epoch ms until which password logins answer 429; null when not locked. */
  lockedUntil: number | null;
}

export const APP_TOKEN_ACTIVATED = 0;
export const APP_TOKEN_REVOKED = 1;

export interface AppTokenRecord {
  id: number;
  orgId: number;
  /** hashSecret(token, salt) of the application token; the token itself is never stored. */
  hash: string;
  description: string | null;
  created: number;
  status: typeof APP_TOKEN_ACTIVATED | typeof APP_TOKEN_REVOKED;
  /** Last instant (epoch ms) at which the token still authenticates; null = no expiry. */
  expiresAt: number | null;
  ip: string | null;
  creator: { id: number; name: string; username: string };
}

export interface EndpointRecord {
  orgId: number;
  /** The endpoint exactly as the API lists it. */
  endpoint: Record<string, unknown> & { id: number };
}

/** Application tokens are random (~264 bits), so a fixed salt suffices and lets the hash double as the lookup key. */
export const appTokenHash = (token: string): string => hashSecret(token, 'emnify.application_token/');

export const isAppTokenExpired = (record: AppTokenRecord, now: number): boolean => record.expiresAt !== null && now > record.expiresAt;

/**
 * A time as emnify's API writes it, recorded in the official Python SDK's cassettes: `2021-11-18T08:25:53.000+0000`
 * (milliseconds, and a `+0000` offset instead of `Z`).
 */
export const toEmnifyTime = (ms: number): string => `${toIso(ms).slice(0, -1)}+0000`;

/** jti → how the admin API ended that JWT (kept until reset; a JWT's jti is random). */
export const ENDED_TOKENS = 'emnify.ended_tokens';
export type EndedToken = CredentialEnd;

export const endedBy = async (world: World, jti: string): Promise<EndedToken | undefined> => world.store.read((tx) => tx.get<EndedToken>(ENDED_TOKENS, jti));
