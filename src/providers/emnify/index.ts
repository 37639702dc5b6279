// The emnify provider: credentials exchanged for HS384 JWTs (mock clock, key in the state), application tokens, endpoints; emnify's wire format.

import type { Provider, ProviderModule } from '../provider.js';
import type { EmnifySettings } from './authenticate.js';
import { createEndEmnifyCredential, createVerifyBearer } from './credentials.js';
import { describeEmnify, emnifyCredentialHints, emnifyFixtureSchema, seedEmnify, sweepEmnify } from './fixtures.js';
import { emnifyFlow } from './flow.js';
import { createEmnifyHandlers } from './handlers.js';
import { DEFAULT_ISSUER, RECORDED_AUDIENCE, createJwtService } from './jwt.js';
import { EMNIFY_OPTIONS, optionalPositive, positive, readEmnifySettings, type EmnifyProviderOptions } from './settings.js';
import { createKeyring, toKeyBytes } from './signing-key.js';
import { emnifyStates } from './states.js';
import { emnifyFaultProblems, renderEmnifyError } from './wire.js';

export type { VerifiedToken as EmnifyPrincipal } from './jwt.js';
export type { EmnifyProviderOptions } from './settings.js';

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
  return {
    name: 'emnify',
    basePath: options.basePath ?? '/emnify',
    fixtureSchema: emnifyFixtureSchema,
    seed: seedEmnify,
    renderError: renderEmnifyError,
    verifiers: { EmnifyBearer: createVerifyBearer(jwt, keyring) },
    handlers: createEmnifyHandlers(jwt, keyring, settings),
    credentialHints: emnifyCredentialHints,
    describeState: describeEmnify(keyring),
    sweep: sweepEmnify,
    faultProblems: emnifyFaultProblems,
    endCredential: createEndEmnifyCredential(jwt, keyring),
  };
}

/** emnify as the registry knows it. */
export const emnify: ProviderModule<EmnifyProviderOptions> = {
  name: 'emnify',
  title: 'emnify',
  options: EMNIFY_OPTIONS,
  readSettings: readEmnifySettings,
  create: (settings) => createEmnifyProvider(settings),
  states: emnifyStates,
  flow: emnifyFlow,
};
