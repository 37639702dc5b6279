// The emnify provider: credentials exchanged for HS256 JWTs (mock clock), application tokens, endpoints; emnify's wire format.

import type { Provider, Verifier } from '../../types.js';
import { createApplicationToken, listApplicationTokens, updateApplicationToken } from './application-tokens.js';
import { createAuthenticateHandler, type EmnifySettings } from './authenticate.js';
import { createListEndpoints } from './endpoints.js';
import { describeEmnify, emnifyFixtureSchema, seedEmnify, sweepEmnify } from './fixtures.js';
import { createJwtService } from './jwt.js';
import { emnifyAuthError, malformedBearer, renderEmnifyError } from './wire.js';
import { firstEntries, hint } from '../hints.js';

export type { VerifiedToken as EmnifyPrincipal } from './jwt.js';

export interface EmnifyProviderOptions {
  /** Mount point (default `/emnify`). */
  basePath?: string;
  /** HS256 key (≥ 32 bytes). Default: 32 random bytes per instance, so tokens do not survive a restart. */
  jwtSecret?: string | Uint8Array;
  issuer?: string;
  audience?: string;
  /** Lifetime of auth tokens from a password or refresh-token login (default 240 minutes, as documented). */
  authTokenTtlSeconds?: number;
  /**
   * Lifetime of auth tokens from an application-token login (default 240 minutes, as documented; recorded
   * traffic showed 7 days = 604800 s for these, set that here to mimic it).
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

export function createEmnifyProvider(options: EmnifyProviderOptions = {}): Provider {
  const settings: EmnifySettings = {
    authTokenTtlSeconds: positive(options.authTokenTtlSeconds, 240 * 60, 'authTokenTtlSeconds'),
    applicationAuthTokenTtlSeconds: positive(options.applicationAuthTokenTtlSeconds, 240 * 60, 'applicationAuthTokenTtlSeconds'),
    refreshTokenTtlSeconds: positive(options.refreshTokenTtlSeconds, 30 * 24 * 3600, 'refreshTokenTtlSeconds'),
    maxFailedLogins: positive(options.maxFailedLogins, 3, 'maxFailedLogins'),
    lockoutSeconds: positive(options.lockoutSeconds, 300, 'lockoutSeconds'),
  };
  const jwt = createJwtService({
    secret: options.jwtSecret,
    issuer: options.issuer ?? 'authmock-emnify',
    audience: options.audience ?? 'authmock-emnify-api',
  });

  /** The engine hands over what follows `Bearer `; only an auth token authmock issued (and still valid) passes. */
  const verifyBearer: Verifier = async ({ credential, world }) => {
    const outcome = await jwt.verify('auth', credential, world.clock.now(), world.id);
    if (outcome.ok) return { ok: true, principal: outcome.token };
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
      emnifyAuthenticate: createAuthenticateHandler(jwt, settings),
      emnifyListApplicationTokens: listApplicationTokens,
      emnifyCreateApplicationToken: createApplicationToken,
      emnifyUpdateApplicationToken: updateApplicationToken,
      emnifyListEndpoints: createListEndpoints(),
    },
    credentialHints: (fixtures) => [
      ...firstEntries(fixtures, 'users', ['username', 'password_sha1'], 1).map((u) => hint(`username ${u['username']} password (SHA-1)`, u['password_sha1']!, true)),
      ...firstEntries(fixtures, 'application_tokens', ['token'], 1).map((t) => hint('application_token', t['token']!, true)),
    ],
    describeState: describeEmnify,
    sweep: sweepEmnify,
  };
}
