// The fifth provider's wire format: `{"fault":{"kind":"..."}}` for every failure, and its fault problems.

import { MockError } from '../../../../src/engine/errors.js';
import type { MockResponse } from '../../../../src/engine/types.js';
import type { FaultProblems } from '../../../../src/providers/provider.js';

/** What the fifth provider calls each failure: `denied` for every credential problem, `refused` for the rest. */
export function renderFifthError(error: MockError): MockResponse {
  return { status: error.status, body: { fault: { kind: error.status === 401 ? 'denied' : 'refused' } } };
}

export const fifthFaultProblems: FaultProblems = {
  'auth.missing': (detail) => new MockError('auth.missing', detail || 'no X-Fifth-Token header'),
  'auth.invalid': (detail) => new MockError('auth.invalid', detail || 'unknown token'),
  'auth.revoked': (detail) => new MockError('auth.revoked', detail || 'the token was revoked'),
};
