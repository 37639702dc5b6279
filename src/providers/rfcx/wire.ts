// RFCx's wire format: a bare `401 Unauthorized` for every credential failure, JSON for 403 and the rest, and the
// fault problems `/__admin/faults` answers with.

import { MockError } from '../../engine/errors.js';
import type { MockResponse } from '../../engine/types.js';
import type { FaultProblems } from '../provider.js';

const FORBIDDEN_BODY = { message: 'Not authorized to access this resource', error: { status: 403 } };

/** RFCx on the wire: every credential failure is a bare `401 Unauthorized` (no content type); 403 and others are JSON. */
export function renderRfcxError(error: MockError): MockResponse {
  const headers = { ...error.headers };
  if (error.status === 401 && error.meta['rfcxBody'] !== 'json') return { status: 401, headers, body: 'Unauthorized', contentType: null };
  if (error.code === 'auth.forbidden') return { status: 403, headers, body: FORBIDDEN_BODY };
  return { status: error.status, headers, body: { message: error.message, error: { status: error.status } } };
}

/** Every token failure is the bare `401 Unauthorized` (a logged-out token is simply unknown); the wrong type a 403. */
export const rfcxFaultProblems: FaultProblems = {
  'auth.missing': (detail) => new MockError('auth.missing', detail || 'no x-auth-token header, auth_token body field or query parameter'),
  'auth.invalid': (detail, op) =>
    op.operationId === 'rfcxUserLogin'
      ? new MockError('auth.invalid', detail || 'invalid email or password', { meta: { rfcxBody: 'json' } })
      : new MockError('auth.invalid', detail || 'unknown user or wrong token'),
  'auth.expired': (detail) => new MockError('auth.expired', detail || 'the user token has expired (it is now removed)'),
  'auth.revoked': (detail) => new MockError('auth.revoked', detail || 'unknown user or wrong token (logged out)'),
  'auth.forbidden': (detail) => new MockError('auth.forbidden', detail || 'this credential type may not use this route'),
};
