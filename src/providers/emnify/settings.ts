// emnify's settings: its own options of `authmock serve` (the JWT key and lifetimes) and the options of the provider.

import { ProviderOptionError, type ProviderOption } from '../provider.js';

/** emnify's settings: what `authmock serve` options set. Absent: each world's fixtures (`emnify.jwt`) or the defaults. */
export interface EmnifySettings {
  /**
   * `--jwt-secret`: pins the HS384 key (≥ 48 bytes; a string is taken as UTF-8) in every world. Absent: each world
   * keeps its own random key in its store (made on its first login), so tokens last as long as the state does.
   */
  jwtSecret?: string | Uint8Array;
  /** Lifetime of auth tokens from a password or refresh-token login (else 240 minutes, as emnify's page documents). */
  authTokenTtlSeconds?: number;
  /**
   * Lifetime of auth tokens from an application-token login (else 7 days, as recorded in the official Python SDK's
   * traffic; 14400 gives the 240 minutes emnify's page states).
   */
  applicationAuthTokenTtlSeconds?: number;
}

/** The longest JWT lifetime the command line accepts: ten years. */
const MAX_TTL_SECONDS = 10 * 365 * 24 * 3600;

/** `--emnify-…-jwt-ttl SECONDS`: a whole number of seconds, or undefined when not given. */
function readTtl(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > MAX_TTL_SECONDS) {
    throw new ProviderOptionError(`--${name} '${text}' must be a whole number from 1 to ${MAX_TTL_SECONDS}`);
  }
  return Number(text);
}

/** Only the settings given on the command line: the rest come from the fixtures' `emnify.jwt` or the defaults. */
export function readEmnifySettings(values: Readonly<Record<string, string | undefined>>): EmnifySettings {
  const settings: EmnifySettings = {};
  const secret = values['jwt-secret'];
  if (secret !== undefined) {
    if (Buffer.byteLength(secret, 'utf8') < 48) throw new ProviderOptionError('--jwt-secret must be at least 48 bytes (HS384)');
    settings.jwtSecret = secret;
  }
  const userTtl = readTtl('emnify-user-jwt-ttl', values['emnify-user-jwt-ttl']);
  if (userTtl !== undefined) settings.authTokenTtlSeconds = userTtl;
  const appTtl = readTtl('emnify-app-jwt-ttl', values['emnify-app-jwt-ttl']);
  if (appTtl !== undefined) settings.applicationAuthTokenTtlSeconds = appTtl;
  return settings;
}

/** `--jwt-secret` and the two JWT lifetimes. */
export const EMNIFY_OPTIONS: ReadonlyArray<ProviderOption> = [
  { name: 'jwt-secret', value: 'SECRET', help: "pin emnify's HS384 JWT key (at least 48 bytes); default: a random key kept in the state" },
  { name: 'emnify-user-jwt-ttl', value: 'SECONDS', help: 'lifetime of emnify auth_tokens from username/password or refresh_token (default 14400)' },
  { name: 'emnify-app-jwt-ttl', value: 'SECONDS', help: 'lifetime of emnify auth_tokens from an application_token (default 604800, as recorded)' },
];
