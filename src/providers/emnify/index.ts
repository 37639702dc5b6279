// The emnify provider: credentials exchanged for HS384 JWTs (mock clock, key in the state), application tokens, endpoints; emnify's wire format.

import type { Verifier } from '../../engine/types.js';
import { ProviderOptionError, type Provider, type ProviderModule } from '../provider.js';
import { createApplicationToken, listApplicationTokens, updateApplicationToken } from './application-tokens.js';
import { createAuthenticateHandler, type EmnifySettings } from './authenticate.js';
import { createListEndpoints } from './endpoints.js';
import { describeEmnify, emnifyFixtureSchema, seedEmnify, sweepEmnify } from './fixtures.js';
import { DEFAULT_ISSUER, RECORDED_AUDIENCE, createJwtService } from './jwt.js';
import { createKeyring, toKeyBytes } from './signing-key.js';
import { emnifyAuthError, malformedBearer, renderEmnifyError } from './wire.js';
import { firstEntries, hint } from '../hints.js';
import { createEndEmnifyCredential, emnifyFaultProblems, endedBearerError, endedBy } from './end-credential.js';
import { emnifyFlow } from './flow.js';
import { emnifyStates } from './states.js';

export type { VerifiedToken as EmnifyPrincipal } from './jwt.js';

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

const positive = (value: number | undefined, fallback: number, name: string): number => {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v <= 0) throw new RangeError(`emnify option ${name} must be a positive integer`);
  return v;
};

const optionalPositive = (value: number | undefined, name: string): number | undefined =>
  value === undefined ? undefined : positive(value, value, name);

export function createEmnifyProvider(options: EmnifyProviderOptions = {}): Provider {
  const settings: EmnifySettings = {
    refreshTokenTtlSeconds: positive(options.refreshTokenTtlSeconds, 30 * 24 * 3600, 'refreshTokenTtlSeconds'),
    maxFailedLogins: positive(options.maxFailedLogins, 3, 'maxFailedLogins'),
    lockoutSeconds: positive(options.lockoutSeconds, 300, 'lockoutSeconds'),
  };
  const keyring = createKeyring({
    ...(options.jwtSecret === undefined ? {} : { pinned: toKeyBytes(options.jwtSecret, 'the emnify JWT secret') }),
    authTokenTtlSeconds: optionalPositive(options.authTokenTtlSeconds, 'authTokenTtlSeconds'),
    applicationAuthTokenTtlSeconds: optionalPositive(options.applicationAuthTokenTtlSeconds, 'applicationAuthTokenTtlSeconds'),
  });
  const jwt = createJwtService({ issuer: options.issuer ?? DEFAULT_ISSUER, audience: options.audience ?? RECORDED_AUDIENCE });

  /** The engine hands over what follows `Bearer `; only an auth token this world issued (and still valid) passes. */
  const verifyBearer: Verifier = async ({ credential, world }) => {
    const { key } = await keyring.read(world.store);
    const outcome = await jwt.verify('auth', credential, world.clock.now(), world.id, key);
    if (outcome.ok) {
      const ended = await endedBy(world, outcome.token.jti);
      return ended ? { ok: false, error: endedBearerError(ended) } : { ok: true, principal: outcome.token };
    }
    if (outcome.reason === 'malformed') return { ok: false, error: malformedBearer() };
    if (outcome.reason === 'expired') return { ok: false, error: emnifyAuthError('auth.expired', 1103, outcome.detail) };
    return { ok: false, error: emnifyAuthError('auth.invalid', 1102, outcome.detail) };
  };

  return {
    name: 'emnify',
    basePath: options.basePath ?? '/emnify',
    fixtureSchema: emnifyFixtureSchema,
    seed: seedEmnify,
    renderError: renderEmnifyError,
    verifiers: { EmnifyBearer: verifyBearer },
    handlers: {
      emnifyAuthenticate: createAuthenticateHandler(jwt, keyring, settings),
      emnifyListApplicationTokens: listApplicationTokens,
      emnifyCreateApplicationToken: createApplicationToken,
      emnifyUpdateApplicationToken: updateApplicationToken,
      emnifyListEndpoints: createListEndpoints(),
    },
    credentialHints: (fixtures) => [
      ...firstEntries(fixtures, 'users', ['username', 'password_sha1'], 1).map((u) => hint(`username ${u['username']} password (SHA-1)`, u['password_sha1']!, true)),
      ...firstEntries(fixtures, 'application_tokens', ['token'], 1).map((t) => hint('application_token', t['token']!, true)),
    ],
    describeState: describeEmnify(keyring),
    sweep: sweepEmnify,
    faultProblems: emnifyFaultProblems,
    endCredential: createEndEmnifyCredential(jwt, keyring),
  };
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
function readEmnifySettings(values: Readonly<Record<string, string | undefined>>): EmnifyProviderOptions {
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

/** emnify as the registry knows it. */
export const emnify: ProviderModule<EmnifyProviderOptions> = {
  name: 'emnify',
  title: 'emnify',
  options: [
    { name: 'jwt-secret', value: 'SECRET', help: "pin emnify's HS384 JWT key (at least 48 bytes); default: a random key kept in the state" },
    { name: 'emnify-user-jwt-ttl', value: 'SECONDS', help: 'lifetime of emnify auth_tokens from username/password or refresh_token (default 14400)' },
    { name: 'emnify-app-jwt-ttl', value: 'SECONDS', help: 'lifetime of emnify auth_tokens from an application_token (default 604800, as recorded)' },
  ],
  readSettings: readEmnifySettings,
  create: (settings) => createEmnifyProvider(settings),
  states: emnifyStates,
  flow: emnifyFlow,
};
