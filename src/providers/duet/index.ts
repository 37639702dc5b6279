// The Duet provider: two static header tokens (application + account), Rails 422 errors and a bare 401.

import { MockError } from '../../engine/errors.js';
import type { MockResponse, Verifier } from '../../engine/types.js';
import type { Provider, ProviderModule } from '../provider.js';
import { findAccountByToken, findApplication } from './accounts.js';
import { describeDuet, duetFixtureSchema, seedDuet } from './fixtures.js';
import { createDuetHandlers, JSON_TYPE, TEXT_TYPE } from './handlers.js';
import { firstEntries, hint } from '../hints.js';
import { duetFaultProblems, endDuetCredential } from './end-credential.js';
import { duetFlow } from './flow.js';
import { duetStates } from './states.js';

export interface DuetOptions {
  /** Devise password_length minimum (the Duet pages say 8). */
  minPasswordLength?: number;
  maxPasswordLength?: number;
  /** How many devices' informational headers are kept (least recently seen dropped first). */
  maxDevices?: number;
}

export interface DuetApplicationPrincipal {
  name: string;
}

export interface DuetAccountPrincipal {
  accountId: number;
}

/** Engine errors about the body's shape: Rails would answer them as blank fields. */
const BODY_SHAPE_ERRORS: ReadonlySet<string> = new Set(['request.body_invalid', 'request.body_missing']);

const isFieldErrors = (value: unknown): value is Record<string, string[]> =>
  typeof value === 'object' &&
  value !== null &&
  Object.keys(value).length > 0 &&
  Object.values(value).every((v) => Array.isArray(v) && v.length > 0 && v.every((m) => typeof m === 'string' && m !== ''));

/** `/body/account/login` → `login`; anything above the account's fields → `account`. */
function fieldOf(pointer: string | undefined): string {
  const match = /^\/body\/account\/([^/]+)/.exec(pointer ?? '');
  return match ? match[1]!.replace(/~1/g, '/').replace(/~0/g, '~') : 'account';
}

export function renderDuetError(error: MockError): MockResponse {
  // Every credential failure: 401 with the plain text, no WWW-Authenticate, never a reason (that is in X-Mock-Problem).
  if (error.status === 401) return { status: 401, body: '401 Unauthorized', contentType: TEXT_TYPE };
  const errors = error.meta['errors'];
  if (error.code === 'validation.failed' && isFieldErrors(errors)) {
    return { status: error.status, body: { errors }, contentType: JSON_TYPE };
  }
  if (BODY_SHAPE_ERRORS.has(error.code)) {
    return { status: 422, body: { errors: { [fieldOf(error.pointer)]: ["can't be blank"] } }, contentType: JSON_TYPE };
  }
  return { status: error.status, body: { errors: { base: [error.message] } }, contentType: JSON_TYPE };
}

const verifyApplication: Verifier = async ({ credential, world }) => {
  const found = await world.store.read((tx) => {
    const app = findApplication(tx, credential);
    return { app, swapped: !app && findAccountByToken(tx, credential) !== undefined };
  });
  if (found.app) return { ok: true, principal: { name: found.app.name } satisfies DuetApplicationPrincipal };
  const detail = found.swapped
    ? 'X-Application-Token holds an account token: the two headers look swapped'
    : 'X-Application-Token is not a known application token';
  return { ok: false, error: new MockError('auth.invalid', detail, { pointer: '/headers/x-application-token' }) };
};

const verifyAccount: Verifier = async ({ credential, world }) => {
  const found = await world.store.read((tx) => {
    const account = findAccountByToken(tx, credential);
    return { account, swapped: !account && findApplication(tx, credential) !== undefined };
  });
  if (found.account) return { ok: true, principal: { accountId: found.account.id } satisfies DuetAccountPrincipal };
  const detail = found.swapped
    ? 'X-Account-Token holds an application token: the two headers look swapped'
    : 'X-Account-Token belongs to no account (unknown, or replaced after a password change)';
  return { ok: false, error: new MockError('auth.invalid', detail, { pointer: '/headers/x-account-token' }) };
};

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
    credentialHints: (fixtures) => [
      ...firstEntries(fixtures, 'applications', ['name', 'token']).map((a) => hint(`X-Application-Token (${a['name']})`, a['token']!, true)),
      ...[...firstEntries(fixtures, 'accounts', ['email', 'password'], 1), ...firstEntries(fixtures, 'accounts', ['login', 'password'], 1)]
        .slice(0, 1)
        .map((a) => hint(`sign in ${a['email'] ?? a['login']}`, a['password']!, true)),
    ],
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
