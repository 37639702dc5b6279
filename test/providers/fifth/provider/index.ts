// The fifth provider, made up for the tests: one folder, one registry line, its document and its fixtures.

import { ProviderOptionError, type Provider, type ProviderModule } from '../../../../src/providers/provider.js';
import { endFifthCredential, verifyToken } from './credentials.js';
import { describeFifth, fifthCredentialHints, fifthFixtureSchema, seedFifth } from './fixtures.js';
import { fifthFlow } from './flow.js';
import { createFifthHandlers } from './handlers.js';
import { fifthStates } from './states.js';
import { fifthFaultProblems, renderFifthError } from './wire.js';

export interface FifthSettings {
  /** `--fifth-realm`: what GET /fifth/me names as the realm. */
  realm: string;
}

export function createFifthProvider(settings: FifthSettings): Provider {
  return {
    name: 'fifth',
    basePath: '/fifth',
    fixtureSchema: fifthFixtureSchema,
    seed: seedFifth,
    renderError: renderFifthError,
    verifiers: { FifthToken: verifyToken },
    handlers: createFifthHandlers(settings.realm),
    credentialHints: fifthCredentialHints,
    describeState: describeFifth,
    faultProblems: fifthFaultProblems,
    endCredential: endFifthCredential,
  };
}

export const fifth: ProviderModule<FifthSettings> = {
  name: 'fifth',
  title: 'Fifth',
  options: [{ name: 'fifth-realm', value: 'NAME', help: 'the realm GET /fifth/me answers (default test)' }],
  readSettings(values) {
    const realm = values['fifth-realm'];
    if (realm === undefined) return { realm: 'test' };
    if (!/^[a-z]+$/.test(realm)) throw new ProviderOptionError(`--fifth-realm '${realm}' must be lower-case letters`);
    return { realm };
  },
  create: (settings) => createFifthProvider(settings),
  states: fifthStates,
  flow: fifthFlow,
};
