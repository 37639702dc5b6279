// The Duet provider: two static header tokens (application + account), Rails 422 errors and a bare 401.

import type { Provider, ProviderModule } from '../provider.js';
import { endDuetCredential, verifyAccount, verifyApplication } from './credentials.js';
import { describeDuet, duetCredentialHints, duetFixtureSchema, seedDuet } from './fixtures.js';
import { duetFlow } from './flow.js';
import { createDuetHandlers } from './handlers.js';
import { duetStates } from './states.js';
import { duetFaultProblems, renderDuetError } from './wire.js';

export type { DuetAccountPrincipal, DuetApplicationPrincipal } from './credentials.js';

export interface DuetOptions {
  /** Devise password_length minimum (the Duet pages say 8). */
  minPasswordLength?: number;
  maxPasswordLength?: number;
  /** How many devices' informational headers are kept (least recently seen dropped first). */
  maxDevices?: number;
}

export function createDuetProvider(options: DuetOptions = {}): Provider {
  const handlers = createDuetHandlers({
    minLength: options.minPasswordLength ?? 8,
    maxLength: options.maxPasswordLength ?? 128,
    maxDevices: options.maxDevices ?? 1000,
  });
  return {
    name: 'duet',
    basePath: '/duet',
    fixtureSchema: duetFixtureSchema,
    seed: seedDuet,
    renderError: renderDuetError,
    verifiers: { DuetApplicationToken: verifyApplication, DuetAccountToken: verifyAccount },
    handlers,
    credentialHints: duetCredentialHints,
    describeState: (tx) => describeDuet(tx),
    faultProblems: duetFaultProblems,
    endCredential: endDuetCredential,
  };
}

/** Duet as the registry knows it. */
export const duet: ProviderModule<DuetOptions> = {
  name: 'duet',
  title: 'Duet',
  options: [],
  readSettings: () => ({}),
  create: (settings) => createDuetProvider(settings),
  states: duetStates,
  flow: duetFlow,
};
