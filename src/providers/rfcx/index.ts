// The RFCx provider: `type/guid` identity + token from headers, query or body, checked once per request; RFCx's wire format.

import { MockError } from '../../engine/errors.js';
import type { MockRequest, MockResponse, Verifier, VerifyResult } from '../../engine/types.js';
import type { Provider, ProviderModule } from '../provider.js';
import { findIdentity, findToken, identityOf, type RfcxIdentity } from './credentials.js';
import { describeRfcx, rfcxFixtureSchema, seedRfcx, sweepRfcx } from './fixtures.js';
import { rfcxHandlers } from './handlers.js';
import { createPathMatcher, rfcxPath } from './paths.js';
import { checkCredentials } from './verify.js';
import { endRfcxCredential, rfcxFaultProblems } from './end-credential.js';
import { firstEntries, hint } from '../hints.js';
import { rfcxFlow } from './flow.js';
import { rfcxStates } from './states.js';

export type { RfcxPrincipal } from './verify.js';

export interface RfcxProviderOptions {
  /** Mount point (default `/rfcx`). */
  basePath?: string;
}

const FORBIDDEN_BODY = { message: 'Not authorized to access this resource', error: { status: 403 } };

/** RFCx on the wire: every credential failure is a bare `401 Unauthorized` (no content type); 403 and others are JSON. */
export function renderRfcxError(error: MockError): MockResponse {
  const headers = { ...error.headers };
  if (error.status === 401 && error.meta['rfcxBody'] !== 'json') return { status: 401, headers, body: 'Unauthorized', contentType: null };
  if (error.code === 'auth.forbidden') return { status: 403, headers, body: FORBIDDEN_BODY };
  return { status: error.status, headers, body: { message: error.message, error: { status: error.status } } };
}

export function createRfcxProvider(options: RfcxProviderOptions = {}): Provider {
  const basePath = options.basePath ?? '/rfcx';
  const matches = createPathMatcher();
  // One check per request, whichever scheme asks first (redemptions and uses must never count twice), and one
  // parse of the identity that both verifiers read: kept in the request's locals (a WeakMap per request cost more).
  const CHECKED = Symbol('rfcx.checked');
  const IDENTITY = Symbol('rfcx.identity');
  const identityOnce = (req: MockRequest): RfcxIdentity | MockError => {
    const locals = (req.locals ??= new Map());
    let identity = locals.get(IDENTITY) as RfcxIdentity | MockError | undefined;
    if (identity === undefined) locals.set(IDENTITY, (identity = identityOf(req)));
    return identity;
  };

  const verifyIdentity: Verifier = ({ req }) => {
    const identity = identityOnce(req);
    return identity instanceof MockError ? { ok: false, error: identity } : { ok: true, principal: identity };
  };

  const verifyToken: Verifier = ({ req, world }) => {
    const locals = (req.locals ??= new Map());
    let result = locals.get(CHECKED) as Promise<VerifyResult> | undefined;
    if (!result) {
      result = (async (): Promise<VerifyResult> => {
        const identity = identityOnce(req);
        if (identity instanceof MockError) return { ok: false, error: identity };
        const token = findToken(req);
        if (token instanceof MockError) return { ok: false, error: token };
        if (token === undefined) return { ok: false, error: new MockError('auth.missing', 'no x-auth-token header, auth_token body field or query parameter') };
        const path = rfcxPath(req.path, basePath);
        const { outcome, commit } = await checkCredentials(world, { identity, token, path, now: world.clock.now(), matches });
        if (outcome instanceof MockError) return { ok: false, error: outcome };
        return commit ? { ok: true, principal: outcome, commit } : { ok: true, principal: outcome };
      })();
      locals.set(CHECKED, result);
    }
    return result;
  };

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
    credentialHints: (fixtures) => [
      ...firstEntries(fixtures, 'guardians', ['guid', 'token'], 1).map((g) => hint(`x-auth-user guardian/${g['guid']} x-auth-token`, g['token']!, true)),
      ...firstEntries(fixtures, 'users', ['email', 'password'], 1).map((u) => hint(`login ${u['email']}`, u['password']!, true)),
      ...firstEntries(fixtures, 'registration_tokens', ['code'], 1).map((r) => hint('invite code (x-auth-user register, x-auth-token the whole code)', r['code']!, true)),
    ],
    describeState: describeRfcx,
    sweep: sweepRfcx,
    faultProblems: rfcxFaultProblems,
    endCredential: endRfcxCredential,
  };
}

/** RFCx as the registry knows it. */
export const rfcx: ProviderModule<RfcxProviderOptions> = {
  name: 'rfcx',
  title: 'RFCx',
  options: [],
  readSettings: () => ({}),
  create: (settings) => createRfcxProvider(settings),
  states: rfcxStates,
  flow: rfcxFlow,
};
