// emnify's settings: its own options of `authmock serve` (the JWT key and lifetimes) and the options of the provider.

import { ProviderOptionError, type ProviderOption } from '../provider.js';

export interface EmnifyProviderOptions {
  /** Mount point (default `/emnify`). */
  basePath?: string;
  /**
   * `--jwt-secret`: pins the HS384 key (≥ 48 bytes; a string is taken as UTF-8) in every world. Default: each world
   * keeps its own random key in its store (made on its first login), so tokens last as long as the state does.
   */
  jwtSecret?: string | Uint8Array;
  /** Default `authmock001@spc-frontend` (recorded: `spc-frontend001@spc-frontend`). */
  issuer?: string;
  /** Default `/api/v1/authentication`, as recorded. */
  audience?: string;
  /**
   * Lifetime of auth tokens from a password or refresh-token login. Default: the fixtures' `jwt.auth_token_ttl_seconds`,
   * else 240 minutes as emnify's authentication page documents.
   */
  authTokenTtlSeconds?: number;
  /**
   * Lifetime of auth tokens from an application-token login. Default: the fixtures'
   * `jwt.application_auth_token_ttl_seconds`, else 7 days (604800 s) as recorded in the official Python SDK's traffic;
   * 14400 gives the 240 minutes emnify's page states.
   */
  applicationAuthTokenTtlSeconds?: number;
  /** Lifetime of refresh tokens (default 30 days). */
  refreshTokenTtlSeconds?: number;
  /** Failed password logins in a row before the user is locked (default 3). */
  maxFailedLogins?: number;
  /** How long the lock lasts, in mock-clock seconds (default 300). */
  lockoutSeconds?: number;
}

export const positive = (value: number | undefined, fallback: number, name: string): number => {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v <= 0) throw new RangeError(`emnify option ${name} must be a positive integer`);
  return v;
};

export const optionalPositive = (value: number | undefined, name: string): number | undefined =>
  value === undefined ? undefined : positive(value, value, name);

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
export function readEmnifySettings(values: Readonly<Record<string, string | undefined>>): EmnifyProviderOptions {
  const settings: EmnifyProviderOptions = {};
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
