// The DeviceHQ provider: an account API key exchanged for one sliding 5-minute session, JSON:API errors.

import type { Provider, ProviderModule } from '../provider.js';
import { createCredentialFrom, createVerifySession, endDevicehqCredential, requireContentLength, verifyApiKey } from './credentials.js';
import { describeDevicehq, devicehqCredentialHints, devicehqFixtureSchema, seedDevicehq } from './fixtures.js';
import { devicehqFlow } from './flow.js';
import { createDevicehqHandlers } from './handlers.js';
import { sweepSessions } from './records.js';
import { devicehqStates } from './states.js';
import { devicehqFaultProblems, renderDevicehqError } from './wire.js';

export { rotateDevicehqApiKey } from './records.js';

/** DeviceHQ's idle time: a session expires 5 minutes after its last request. */
export const SESSION_TTL_MS = 300_000;
/** `limit` of GET /devices when none is given, and its maximum. */
const LIST_LIMITS = { defaultLimit: 25, maxLimit: 100 } as const;

export function createDevicehqProvider(): Provider {
  const verifySession = createVerifySession(SESSION_TTL_MS);
  // POST /session without Content-Length is refused with 411, as DeviceHQ's page warns (so the page's third curl
  // example, `curl -X POST` without `-d`, is refused).
  const lengthCheck = requireContentLength;

  return {
    name: 'devicehq',
    basePath: '/devicehq',
    fixtureSchema: devicehqFixtureSchema,
    seed: seedDevicehq,
    renderError: renderDevicehqError,
    credentialFrom: createCredentialFrom(lengthCheck),
    verifiers: {
      DeviceHQApiKey: verifyApiKey,
      DeviceHQApiKeyQuery: verifyApiKey,
      DeviceHQSessionToken: verifySession,
      DeviceHQSessionTokenQuery: verifySession,
    },
    handlers: createDevicehqHandlers({
      sessionTtlMs: SESSION_TTL_MS,
      lengthCheck,
      ...LIST_LIMITS,
    }),
    credentialHints: devicehqCredentialHints,
    describeState: (tx, env) => describeDevicehq(tx, env, SESSION_TTL_MS),
    sweep: (tx, now) => void sweepSessions(tx, now),
    faultProblems: devicehqFaultProblems,
    endCredential: endDevicehqCredential,
  };
}

/** DeviceHQ as the registry knows it. */
export const devicehq: ProviderModule = {
  name: 'devicehq',
  title: 'DeviceHQ',
  options: [],
  readSettings: () => ({}),
  create: () => createDevicehqProvider(),
  states: devicehqStates,
  flow: devicehqFlow,
};
