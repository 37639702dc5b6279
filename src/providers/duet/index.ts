// The Duet provider: two static header tokens (application + account), Rails 422 errors and a bare 401.

import type { Provider, ProviderModule } from '../provider.js';
import { endDuetCredential, verifyAccount, verifyApplication } from './credentials.js';
import { describeDuet, duetCredentialHints, duetFixtureSchema, seedDuet } from './fixtures.js';
import { duetFlow } from './flow.js';
import { createDuetHandlers } from './handlers.js';
import { duetStates } from './states.js';
import { duetFaultProblems, renderDuetError } from './wire.js';

export type { DuetAccountPrincipal, DuetApplicationPrincipal } from './credentials.js';

/** Devise's password_length (the Duet pages say at least 8), and how many devices' informational headers are kept. */
const DUET_LIMITS = { minLength: 8, maxLength: 128, maxDevices: 1000 } as const;

export function createDuetProvider(): Provider {
  const handlers = createDuetHandlers(DUET_LIMITS);
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
export const duet: ProviderModule = {
  name: 'duet',
  title: 'Duet',
  options: [],
  readSettings: () => ({}),
  create: () => createDuetProvider(),
  states: duetStates,
  flow: duetFlow,
};
