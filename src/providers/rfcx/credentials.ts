// Where RFCx finds `auth_user` / `auth_token` (headers, query, body, each in RFCx's own order) and how it reads `type/guid`.

import { MockError } from '../../errors.js';
import type { MockRequest } from '../../types.js';
import { USER_TYPES, type RfcxUserType } from './records.js';

export interface RfcxIdentity {
  type: RfcxUserType;
  guid: string;
}

type Found = string | undefined | MockError;

const MAX_CREDENTIAL = 512;
const GUID = /^[0-9a-z-]{1,64}$/;

function bodyField(body: unknown, name: string): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  return Object.hasOwn(body, name) ? (body as Record<string, unknown>)[name] : undefined;
}

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

interface Source {
  value: unknown;
  where: string;
  pointer: string;
}

const identitySources = (req: MockRequest): Source[] => [
  { value: req.headers['x-auth-user'], where: 'header x-auth-user', pointer: '/headers/x-auth-user' },
  { value: req.query['auth_user'], where: 'query auth_user', pointer: '/query/auth_user' },
  { value: bodyField(req.body, 'auth_user'), where: 'body auth_user', pointer: '/body/auth_user' },
];

const tokenSources = (req: MockRequest): Source[] => [
  { value: req.headers['x-auth-token'], where: 'header x-auth-token', pointer: '/headers/x-auth-token' },
  { value: bodyField(req.body, 'auth_token'), where: 'body auth_token', pointer: '/body/auth_token' },
  { value: req.query['auth_token'], where: 'query auth_token', pointer: '/query/auth_token' },
];

/** The identity: header, then query, then body; the first place that has one wins, even an empty one (as RFCx does). */
export function findIdentity(req: MockRequest): Found {
  for (const source of identitySources(req)) {
    const found = single(source.value, source.where, source.pointer);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The token: header, then body, then query; an empty value counts as absent (passport-accesstoken's `||`). */
export function findToken(req: MockRequest): Found {
  for (const source of tokenSources(req)) {
    const found = single(source.value, source.where, source.pointer);
    if (found !== undefined && found !== '') return found;
  }
  return undefined;
}

/** `type/guid`: exactly two non-empty parts, lower-cased, a known type and a guid of [0-9a-z-] only. */
export function parseIdentity(raw: string): RfcxIdentity | MockError {
  const pointer = '/auth_user';
  const parts = raw.split('/');
  if (parts.length !== 2 || !parts[0] || !parts[1]) {
    return new MockError('auth.malformed', 'auth_user must be exactly <type>/<guid>', { pointer });
  }
  const type = parts[0].toLowerCase();
  const guid = parts[1].toLowerCase();
  if (!(USER_TYPES as readonly string[]).includes(type)) {
    return new MockError('auth.invalid', `unknown user type (expected one of ${USER_TYPES.join(', ')})`, { pointer });
  }
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
