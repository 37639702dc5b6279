// DeviceHQ's wire format: JSON:API `errors[]` for every failure, and the fault problems `/__admin/faults` answers with.

import { MockError } from '../../engine/errors.js';
import type { MockResponse, Operation } from '../../engine/types.js';
import type { FaultProblems } from '../provider.js';

export const JSON_API = 'application/vnd.api+json';

export function renderDevicehqError(error: MockError): MockResponse {
  return {
    status: error.status,
    body: { errors: [{ status: String(error.status), title: error.title, detail: error.message }] },
    contentType: JSON_API,
  };
}

export const unknownKey = (): MockError =>
  new MockError('auth.invalid', 'Invalid API key: it was never issued or has been replaced by a newer key');

/** A closed or replaced session answers 401 as an unknown token does (DeviceHQ sends no reason a client can tell apart). */
const CLOSED = 'session token is unknown, closed, or replaced by a newer session of the account';

/** Only a session can expire or be closed; the API-key routes answer an unknown key. */
const usesSession = (op: Operation): boolean => op.security.some((alternative) => alternative.some((s) => s.name.startsWith('DeviceHQSessionToken')));

export const devicehqFaultProblems: FaultProblems = {
  'auth.missing': (detail) => new MockError('auth.missing', detail || 'no X-AUTH-TOKEN header or token query parameter'),
  'auth.invalid': (detail) => new MockError('auth.invalid', detail || CLOSED),
  'auth.expired': (detail, op) => (usesSession(op) ? new MockError('auth.expired', detail || 'session expired (idle for more than 5 minutes)') : undefined),
  'auth.revoked': (detail, op) => (usesSession(op) ? new MockError('auth.revoked', detail || CLOSED) : undefined),
};
