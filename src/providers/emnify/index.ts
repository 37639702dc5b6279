// The emnify provider: credentials exchanged for HS384 JWTs (mock clock, key in the state), application tokens, endpoints; emnify's wire format.

import type { Provider, ProviderModule } from '../provider.js';
import { createEndEmnifyCredential, createVerifyBearer } from './credentials.js';
import { describeEmnify, emnifyCredentialHints, emnifyFixtureSchema, seedEmnify, sweepEmnify } from './fixtures.js';
import { emnifyFlow } from './flow.js';
import { createEmnifyHandlers } from './handlers.js';
import { DEFAULT_ISSUER, RECORDED_AUDIENCE, createJwtService } from './jwt.js';
import { EMNIFY_OPTIONS, readEmnifySettings, type EmnifySettings } from './settings.js';
import { createKeyring, toKeyBytes } from './signing-key.js';
import { emnifyStates } from './states.js';
import { emnifyFaultProblems, renderEmnifyError } from './wire.js';

export type { VerifiedToken as EmnifyPrincipal } from './jwt.js';
export type { EmnifySettings } from './settings.js';

export function createEmnifyProvider(settings: EmnifySettings = {}): Provider {
  const keyring = createKeyring({
    ...(settings.jwtSecret === undefined ? {} : { pinned: toKeyBytes(settings.jwtSecret, 'the emnify JWT secret') }),
    ...(settings.authTokenTtlSeconds === undefined ? {} : { authTokenTtlSeconds: settings.authTokenTtlSeconds }),
    ...(settings.applicationAuthTokenTtlSeconds === undefined ? {} : { applicationAuthTokenTtlSeconds: settings.applicationAuthTokenTtlSeconds }),
  });
  const jwt = createJwtService({ issuer: DEFAULT_ISSUER, audience: RECORDED_AUDIENCE });
  return {
    name: 'emnify',
    basePath: '/emnify',
    fixtureSchema: emnifyFixtureSchema,
    seed: seedEmnify,
    renderError: renderEmnifyError,
    verifiers: { EmnifyBearer: createVerifyBearer(jwt, keyring) },
    handlers: createEmnifyHandlers(jwt, keyring),
    credentialHints: emnifyCredentialHints,
    describeState: describeEmnify(keyring),
    sweep: sweepEmnify,
    faultProblems: emnifyFaultProblems,
    endCredential: createEndEmnifyCredential(jwt, keyring),
  };
}

/** emnify as the registry knows it. */
export const emnify: ProviderModule<EmnifySettings> = {
  name: 'emnify',
  title: 'emnify',
  options: EMNIFY_OPTIONS,
  readSettings: readEmnifySettings,
  create: (settings) => createEmnifyProvider(settings),
  states: emnifyStates,
  flow: emnifyFlow,
};
