// The DeviceHQ provider: an account API key exchanged for one sliding 5-minute session, JSON:API errors.

import { MockError } from '../../engine/errors.js';
import type { MockResponse, Verifier } from '../../engine/types.js';
import type { Provider, ProviderModule } from '../provider.js';
import { findAccountByKeyHash, hashApiKey } from './accounts.js';
import { createCredentialFrom, requireContentLength } from './credentials.js';
import { describeDevicehq, devicehqFixtureSchema, seedDevicehq } from './fixtures.js';
import { createDevicehqHandlers, unknownKey, JSON_API, type KeyPrincipal, type SessionPrincipal } from './handlers.js';
import { devicehqFaultProblems, endDevicehqCredential } from './end-credential.js';
import { checkSession, expireSession, sweepSessions } from './sessions.js';
import { firstEntries, hint } from '../hints.js';

export { rotateDevicehqApiKey } from './accounts.js';
import { devicehqFlow } from './flow.js';
import { devicehqStates } from './states.js';

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

export function renderDevicehqError(error: MockError): MockResponse {
  return {
    status: error.status,
    body: { errors: [{ status: String(error.status), title: error.title, detail: error.message }] },
    contentType: JSON_API,
  };
}

const verifyApiKey: Verifier = async ({ credential, world }) => {
  const keyHash = hashApiKey(credential);
  const account = await world.store.read((tx) => findAccountByKeyHash(tx, keyHash));
  if (!account) return { ok: false, error: unknownKey() };
  return { ok: true, principal: { accountId: account.id, keyHash } satisfies KeyPrincipal };
};

export function createDevicehqProvider(options: DevicehqOptions = {}): Provider {
  const sessionTtlMs = options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS;
  const lengthCheck = options.requireContentLength === false ? () => undefined : requireContentLength;

  // A read on the hot path; a write only to delete an expired session on sight. The expiry slides in the handler.
  const verifySession: Verifier = async ({ credential, world }) => {
    const now = world.clock.now();
    const checked = await world.store.read((tx) => checkSession(tx, credential, now));
    const result = checked === 'expired' ? await world.store.write((tx) => expireSession(tx, credential, now, sessionTtlMs)) : checked;
    if (result instanceof MockError) return { ok: false, error: result };
    return { ok: true, principal: { accountId: result.accountId, tokenHash: result.tokenHash } satisfies SessionPrincipal };
  };

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
    credentialHints: (fixtures) =>
      firstEntries(fixtures, 'accounts', ['id', 'api_key']).map((a) => hint(`X-API-KEY (${a['id']})`, a['api_key']!, true)),
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
