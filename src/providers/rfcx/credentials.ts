// RFCx's credentials: where it finds `auth_user` / `auth_token` (headers, query, body, each in RFCx's own order), how it
// reads `type/guid`, the two verifiers, and ending a user token from /__admin/credentials.

import { MockError } from '../../engine/errors.js';
import type { MockRequest, Verifier, VerifyResult, World } from '../../engine/types.js';
import { bodyField } from '../body-field.js';
import type { CredentialEnd } from '../provider.js';
import { rfcxPath, type PathMatcher } from './paths.js';
import { isExpired, RFCX, secretMatches, userTokenKey, USER_TYPES, type RfcxUserType, type UserTokenRecord } from './records.js';
import { checkCredentials } from './token-checks.js';

export interface RfcxIdentity {
  type: RfcxUserType;
  /** The guid after the `/`; null for `register`, whose code travels whole in the token. */
  guid: string | null;
}

type Found = string | undefined | MockError;

const MAX_CREDENTIAL = 512;
const GUID = /^[0-9a-z-]{1,64}$/;

/** One value from one place: absent, a string, or a MockError for anything odd (RFCx answers 401 to it). */
function single(value: unknown, where: string, pointer: string): Found {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) {
    if (value.length === 1) return single(value[0], where, pointer);
    return new MockError('auth.invalid', `${where} was sent ${value.length} times`, { pointer });
  }
  if (typeof value !== 'string') return new MockError('auth.invalid', `${where} must be a string`, { pointer });
  if (value.length > MAX_CREDENTIAL) return new MockError('auth.malformed', `${where} is longer than ${MAX_CREDENTIAL} characters`, { pointer });
  return value;
}

/** The identity: header, then query, then body; the first place that has one wins, even an empty one (as RFCx does). */
export function findIdentity(req: MockRequest): Found {
  const header = single(req.headers['x-auth-user'], 'header x-auth-user', '/headers/x-auth-user');
  if (header !== undefined) return header;
  const query = single(req.query['auth_user'], 'query auth_user', '/query/auth_user');
  if (query !== undefined) return query;
  return single(bodyField(req.body, 'auth_user'), 'body auth_user', '/body/auth_user');
}

/** The token: header, then body, then query; an empty value counts as absent (passport-accesstoken's `||`). */
export function findToken(req: MockRequest): Found {
  const header = single(req.headers['x-auth-token'], 'header x-auth-token', '/headers/x-auth-token');
  if (header !== undefined && header !== '') return header;
  const body = single(bodyField(req.body, 'auth_token'), 'body auth_token', '/body/auth_token');
  if (body !== undefined && body !== '') return body;
  const query = single(req.query['auth_token'], 'query auth_token', '/query/auth_token');
  return query === '' ? undefined : query;
}

/**
 * `type/guid` read as RFCx's passport-token strategy reads it (`middleware/passport-token/index.js`): a value with a
 * `/` after its first character is split on `/`, part one (lower-cased) is the type and part two (lower-cased) the
 * guid, any further parts are ignored; a value without one is the type itself, as sent. `register` needs no guid:
 * the server takes the whole invite code from the token (`auth-with-registration-token.js`), so a guid is ignored.
 */
export function parseIdentity(raw: string): RfcxIdentity | MockError {
  const pointer = '/auth_user';
  const slash = raw.indexOf('/');
  const parts = slash > 0 ? raw.split('/') : undefined;
  const type = parts ? parts[0]!.toLowerCase() : raw;
  if (!(USER_TYPES as readonly string[]).includes(type)) {
    return new MockError('auth.invalid', `unknown user type (expected one of ${USER_TYPES.join(', ')}, or register alone)`, { pointer });
  }
  if (type === 'register') return { type, guid: null };
  const guid = parts?.[1]?.toLowerCase() ?? '';
  if (guid === '') return new MockError('auth.malformed', `auth_user must be ${type}/<guid>`, { pointer });
  if (!GUID.test(guid)) return new MockError('auth.malformed', 'the guid in auth_user may only hold 0-9, a-z and -', { pointer });
  return { type: type as RfcxUserType, guid };
}

/** Resolve and parse the identity in one go (what both verifiers use, so they can never disagree). */
export function identityOf(req: MockRequest): RfcxIdentity | MockError {
  const raw = findIdentity(req);
  if (raw instanceof MockError) return raw;
  if (raw === undefined) return new MockError('auth.missing', 'no x-auth-user header, auth_user query parameter or body field');
  return parseIdentity(raw);
}

/** `RfcxAuthUser`: the identity alone (the token's verifier checks the two together). */
export const verifyIdentity: Verifier = ({ req }) => {
  const identity = identityOf(req);
  return identity instanceof MockError ? { ok: false, error: identity } : { ok: true, principal: identity };
};

/** `RfcxAuthToken`: the token with the identity, against the store (what a route of `basePath` may use it for). */
export function createVerifyToken(basePath: string, matches: PathMatcher): Verifier {
  return async ({ req, world }): Promise<VerifyResult> => {
    const identity = identityOf(req);
    if (identity instanceof MockError) return { ok: false, error: identity };
    const token = findToken(req);
    if (token instanceof MockError) return { ok: false, error: token };
    if (token === undefined) return { ok: false, error: new MockError('auth.missing', 'no x-auth-token header, auth_token body field or query parameter') };
    const path = rfcxPath(req.path, basePath);
    const { outcome, commit } = await checkCredentials(world, { identity, token, path, now: world.clock.now(), matches });
    if (outcome instanceof MockError) return { ok: false, error: outcome };
    return commit ? { ok: true, principal: outcome, commit } : { ok: true, principal: outcome };
  };
}

/** expire: the user token's `token_expires_at` is now; revoke: the user logs out (all of its user tokens removed). */
export async function endRfcxCredential(world: World, credential: string, how: CredentialEnd): Promise<boolean> {
  const now = world.clock.now();
  const key = userTokenKey(credential);
  return world.store.write((tx) => {
    const record = tx.get<UserTokenRecord>(RFCX.userTokens, key);
    if (!record || !secretMatches(credential, record) || isExpired(record.expiresAt, now)) return false;
    if (how === 'expire') {
      tx.set<UserTokenRecord>(RFCX.userTokens, key, { ...record, expiresAt: now });
      return true;
    }
    const keys = [...tx.entries<UserTokenRecord>(RFCX.userTokens)].filter(([, r]) => r.userGuid === record.userGuid).map(([k]) => k);
    for (const k of keys) tx.delete(RFCX.userTokens, k);
    return true;
  });
}
