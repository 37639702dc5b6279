// DeviceHQ credentials: where they may travel (API key: header, query or body; token: header or query, only one of
// them), the verifiers of an API key and of a session token, and ending a session from /__admin/credentials.

import { MockError } from '../../engine/errors.js';
import type { CredentialResolver, MockRequest, Verifier, World } from '../../engine/types.js';
import { bodyField } from '../body-field.js';
import type { CredentialEnd } from '../provider.js';
import { checkSession, closeSession, expireSession, findAccountByKeyHash, findSession, hashApiKey, SESSIONS, type DevicehqSession } from './records.js';
import { unknownKey } from './wire.js';

export interface KeyPrincipal {
  accountId: string;
  keyHash: string;
}

export interface SessionPrincipal {
  accountId: string;
  tokenHash: string;
}

export type KeyPlace = 'header' | 'query' | 'body';

interface Found {
  place: KeyPlace;
  label: string;
  value: unknown;
}

/** One place's value: undefined when absent or empty, a MockError when repeated. */
function fromPlace(place: KeyPlace, label: string, raw: unknown, status: number): Found | undefined | MockError {
  if (Array.isArray(raw)) {
    if (raw.length > 1) {
      return new MockError('auth.conflict', `${label} was sent ${raw.length} times; send it once`, { status, pointer: pointerOf(place, label) });
    }
    raw = raw[0];
  }
  if (raw === undefined || raw === null || raw === '') return undefined;
  return { place, label, value: raw };
}

function pointerOf(place: KeyPlace, label: string): string {
  const name = label.split(' ')[0]!.toLowerCase();
  return place === 'header' ? `/headers/${name}` : place === 'query' ? `/query/${name}` : `/body/${name}`;
}

/**
 * All the places that carry the credential; a MockError if any is repeated or more than one is used (even with the
 * same value). `status`: the API key routes document a 400 for this, the token routes only a 401.
 */
function collect(candidates: ReadonlyArray<[KeyPlace, string, unknown]>, what: string, status: number): Found | undefined | MockError {
  const found: Found[] = [];
  for (const [place, label, raw] of candidates) {
    const one = fromPlace(place, label, raw, status);
    if (one instanceof MockError) return one;
    if (one) found.push(one);
  }
  if (found.length > 1) {
    return new MockError('auth.conflict', `${what} given in more than one place (${found.map((f) => f.label).join(' and ')}); send it in one`, {
      status,
      pointer: pointerOf(found[1]!.place, found[1]!.label),
    });
  }
  return found[0];
}

export function findApiKey(req: MockRequest): Found | undefined | MockError {
  return collect(
    [
      ['header', 'X-API-KEY header', req.headers['x-api-key']],
      ['query', 'api_key query parameter', req.query['api_key']],
      ['body', 'api_key body field', bodyField(req.body, 'api_key')],
    ],
    'API key',
    400,
  );
}

export function findSessionToken(req: MockRequest): Found | undefined | MockError {
  return collect(
    [
      ['header', 'X-AUTH-TOKEN header', req.headers['x-auth-token']],
      ['query', 'token query parameter', req.query['token']],
    ],
    'session token',
    401,
  );
}

/** DeviceHQ refuses a POST without Content-Length ("Content-Length: 0" when there is no body). */
export function requireContentLength(req: MockRequest): MockError | undefined {
  if (req.method !== 'POST' || req.contentLength !== undefined) return undefined;
  return new MockError('request.length_required', 'Content-Length header is required for POST requests (send Content-Length: 0 without a body)', {
    pointer: '/headers/content-length',
  });
}

function resolver(find: (req: MockRequest) => Found | undefined | MockError, place: KeyPlace, first?: (req: MockRequest) => MockError | undefined): CredentialResolver {
  return (req) => {
    const early = first?.(req);
    if (early) return early;
    const found = find(req);
    if (found instanceof MockError || found === undefined) return found;
    return found.place === place && typeof found.value === 'string' ? found.value : undefined;
  };
}

/** `lengthCheck`: refuse a POST without Content-Length before anything else (even before the key is checked). */
export function createCredentialFrom(lengthCheck: (req: MockRequest) => MockError | undefined): Readonly<Record<string, CredentialResolver>> {
  return {
    DeviceHQApiKey: resolver(findApiKey, 'header', lengthCheck),
    DeviceHQApiKeyQuery: resolver(findApiKey, 'query', lengthCheck),
    DeviceHQSessionToken: resolver(findSessionToken, 'header'),
    DeviceHQSessionTokenQuery: resolver(findSessionToken, 'query'),
  };
}

export const verifyApiKey: Verifier = async ({ credential, world }) => {
  const keyHash = hashApiKey(credential);
  const account = await world.store.read((tx) => findAccountByKeyHash(tx, keyHash));
  if (!account) return { ok: false, error: unknownKey() };
  return { ok: true, principal: { accountId: account.id, keyHash } satisfies KeyPrincipal };
};

/** Reads the session; writes only to delete an expired one on sight. The expiry slides in the handler, once served. */
export function createVerifySession(sessionTtlMs: number): Verifier {
  return async ({ credential, world }) => {
    const now = world.clock.now();
    const checked = await world.store.read((tx) => checkSession(tx, credential, now));
    const result = checked === 'expired' ? await world.store.write((tx) => expireSession(tx, credential, now, sessionTtlMs)) : checked;
    if (result instanceof MockError) return { ok: false, error: result };
    return { ok: true, principal: { accountId: result.accountId, tokenHash: result.tokenHash } satisfies SessionPrincipal };
  };
}

/** expire: the session's idle time is over now (the next use answers 401 expired); revoke: the session is closed. */
export async function endDevicehqCredential(world: World, credential: string, how: CredentialEnd): Promise<boolean> {
  const now = world.clock.now();
  return world.store.write((tx) => {
    const session = findSession(tx, credential);
    if (!session || now > session.expiresAt) return false;
    if (how === 'revoke') return closeSession(tx, session.tokenHash);
    tx.set<DevicehqSession>(SESSIONS, session.tokenHash, { ...session, expiresAt: now - 1 });
    return true;
  });
}
