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

export interface DevicehqOptions {
  /** Idle time after which a session expires (DeviceHQ: 5 minutes after the last request). */
  sessionTtlMs?: number;
  /** `limit` of GET /devices when none is given, and its maximum. */
  defaultLimit?: number;
  maxLimit?: number;
  /**
   * Refuse a POST /session without Content-Length with 411, as DeviceHQ's page warns (default true). Note that
   * `curl -X POST` without `-d` sends no Content-Length, so the page's third curl example is refused when true.
   */
  requireContentLength?: boolean;
}

export const DEFAULT_SESSION_TTL_MS = 300_000;

export function createDevicehqProvider(options: DevicehqOptions = {}): Provider {
  const sessionTtlMs = options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS;
  const lengthCheck = options.requireContentLength === false ? () => undefined : requireContentLength;

  const verifySession = createVerifySession(sessionTtlMs);

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
      sessionTtlMs,
      lengthCheck,
      defaultLimit: options.defaultLimit ?? 25,
      maxLimit: options.maxLimit ?? 100,
    }),
    credentialHints: devicehqCredentialHints,
    describeState: (tx, env) => describeDevicehq(tx, env, sessionTtlMs),
    sweep: (tx, now) => void sweepSessions(tx, now),
    faultProblems: devicehqFaultProblems,
    endCredential: endDevicehqCredential,
  };
}

/** DeviceHQ as the registry knows it. */
export const devicehq: ProviderModule<DevicehqOptions> = {
  name: 'devicehq',
  title: 'DeviceHQ',
  options: [],
  readSettings: () => ({}),
  create: (settings) => createDevicehqProvider(settings),
  states: devicehqStates,
  flow: devicehqFlow,
};
