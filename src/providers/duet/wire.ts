// Duet's wire format: a bare `401 Unauthorized` for every credential failure, Rails' 422 `errors` object per field
// otherwise, and the fault problems `/__admin/faults` answers with.

import { MockError } from '../../engine/errors.js';
import { unescapeSegment } from '../../engine/document/json-pointer.js';
import type { MockResponse } from '../../engine/types.js';
import type { FaultProblems } from '../provider.js';

export const JSON_TYPE = 'application/json; charset=utf-8';
export const TEXT_TYPE = 'text/plain; charset=utf-8';

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
  return match ? unescapeSegment(match[1]!) : 'account';
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

/** Every credential failure is the same `401 Unauthorized`: Duet documents no other. */
export const duetFaultProblems: FaultProblems = {
  'auth.missing': (detail) => new MockError('auth.missing', detail || 'X-Account-Token header missing'),
  'auth.invalid': (detail) => new MockError('auth.invalid', detail || 'X-Account-Token belongs to no account'),
  'auth.expired': (detail) => new MockError('auth.invalid', detail || 'X-Account-Token refused'),
  'auth.revoked': (detail) => new MockError('auth.revoked', detail || 'X-Account-Token replaced after a password change'),
};
