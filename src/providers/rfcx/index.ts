// The RFCx provider: `type/guid` identity + token from headers, query or body; RFCx's wire format.

import type { Provider, ProviderModule } from '../provider.js';
import { createVerifyToken, endRfcxCredential, findIdentity, findToken, verifyIdentity } from './credentials.js';
import { describeRfcx, rfcxCredentialHints, rfcxFixtureSchema, seedRfcx, sweepRfcx } from './fixtures.js';
import { rfcxFlow } from './flow.js';
import { rfcxHandlers } from './handlers.js';
import { createPathMatcher } from './paths.js';
import { rfcxStates } from './states.js';
import { renderRfcxError, rfcxFaultProblems } from './wire.js';

export type { RfcxPrincipal } from './token-checks.js';

export function createRfcxProvider(): Provider {
  const basePath = '/rfcx';
  const verifyToken = createVerifyToken(basePath, createPathMatcher());

  return {
    name: 'rfcx',
    basePath,
    fixtureSchema: rfcxFixtureSchema,
    seed: seedRfcx,
    renderError: renderRfcxError,
    // The first alternative of every secured route finds the credentials wherever RFCx would.
    credentialFrom: { RfcxAuthUser: findIdentity, RfcxAuthToken: findToken },
    verifiers: {
      RfcxAuthUser: verifyIdentity,
      RfcxAuthToken: verifyToken,
      RfcxAuthUserQuery: verifyIdentity,
      RfcxAuthTokenQuery: verifyToken,
    },
    handlers: rfcxHandlers,
    credentialHints: rfcxCredentialHints,
    describeState: describeRfcx,
    sweep: sweepRfcx,
    faultProblems: rfcxFaultProblems,
    endCredential: endRfcxCredential,
  };
}

/** RFCx as the registry knows it. */
export const rfcx: ProviderModule = {
  name: 'rfcx',
  title: 'RFCx',
  options: [],
  readSettings: () => ({}),
  create: () => createRfcxProvider(),
  states: rfcxStates,
  flow: rfcxFlow,
};
