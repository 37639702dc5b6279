// RFCx state: collection names, the plain records kept in the store, and how token secrets are sealed and checked.

import { hashSecret, randomHex, sameDigest } from '../../engine/secrets.js';

export const RFCX = {
  guardians: 'rfcx.guardians',
  users: 'rfcx.users',
  userEmails: 'rfcx.user_emails',
  userTokens: 'rfcx.user_tokens',
  registerTokens: 'rfcx.register_tokens',
  tempTokens: 'rfcx.temporary_tokens',
  software: 'rfcx.software',
  settings: 'rfcx.settings',
} as const;

export const USER_TYPES = ['guardian', 'user', 'register', 'token'] as const;
export type RfcxUserType = (typeof USER_TYPES)[number];

/** How RFCx keeps a token: sha256(salt + token) with a random salt per token. */
export interface SealedSecret {
  salt: string;
  hash: string;
}

export interface GuardianRecord extends SealedSecret {
  guid: string;
  name: string;
  pinCode: string;
  createdAt: number;
  checkins: number;
  lastCheckinAt: number | null;
  lastPingAt: number | null;
}

export interface UserRecord extends SealedSecret {
  guid: string;
  email: string;
  firstname: string;
  lastname: string;
  /** The legacy user model's free-form `type` and `username` (null when unset, as in RFCx). */
  type: string | null;
  username: string | null;
  isEmailValidated: boolean;
  /** Set by each successful login (RFCx saves it before answering). */
  lastLoginAt: number | null;
}

export interface UserTokenRecord extends SealedSecret {
  userGuid: string;
  createdAt: number;
  /** Epoch ms from which the token no longer works; null = never expires. */
  expiresAt: number | null;
  /** Path patterns the token is limited to; null = anywhere. */
  allowedPaths: string[] | null;
}

export interface RegisterTokenRecord extends SealedSecret {
  guid: string;
  allowedRedemptions: number;
  totalRedemptions: number;
  allowedPaths: string[];
  expiresAt: number | null;
}

export interface TempTokenRecord extends SealedSecret {
  guid: string;
  expiresAt: number;
  /** Uses left; null = unlimited until expiry. */
  remainingUses: number | null;
  allowedPaths: string[] | null;
  /** Informational only (shown in /__admin/state): RFCx's temporary tokens have no owner in the auth code. */
  userGuid: string | null;
}

export interface SoftwareRecord {
  role: string;
  version: string;
  sha1: string;
  url: string;
}

/** What `POST /v2/guardians/register` tells a new guardian besides its credentials (RFCx reads them from its environment). */
export interface GuardianSettings {
  apiMqttHost: string;
  apiSmsAddress: string;
  keystorePassphrase: string;
}

export const DEFAULT_GUARDIAN_SETTINGS: GuardianSettings = {
  apiMqttHost: 'mqtt.rfcx.example',
  apiSmsAddress: '+15005550006',
  keystorePassphrase: 'authmock-keystore-passphrase',
};

/** Key of the one guardian-settings record in RFCX.settings. */
export const GUARDIAN_SETTINGS_KEY = 'guardian';

/** RFCx's default guardian name (BEHAVIOUR.md, `guardians-service.js`): the guid's first 6 characters, upper case. */
export const defaultGuardianName = (guid: string): string => `RFCx Guardian (${guid.slice(0, 6).toUpperCase()})`;

export const DEFAULT_REGISTER_PATHS: readonly string[] = ['/v2/guardians/register'];
export const USER_TOKEN_MINUTES = 1440;
export const USER_TOKEN_EXTENDED_MINUTES = 5760;
export const TEMP_TOKEN_MINUTES = 15;

export function sealSecret(secret: string): SealedSecret {
  const salt = randomHex(16);
  return { salt, hash: hashSecret(secret, salt) };
}

export const secretMatches = (secret: string, sealed: SealedSecret): boolean => sameDigest(hashSecret(secret, sealed.salt), sealed.hash);

/** Store key of a user token: an unsalted hash used only to find the record, whose salted hash is then compared. */
export const userTokenKey = (token: string): string => hashSecret(token, 'rfcx.user_token/');

export const isExpired = (expiresAt: number | null, now: number): boolean => expiresAt !== null && now >= expiresAt;
