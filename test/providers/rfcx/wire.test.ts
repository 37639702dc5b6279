// RFCx's wire format, without a socket: a bare `401 Unauthorized` for credential failures, JSON for 403 and the rest.

import { describe, expect, it } from 'vitest';
import { MockError } from '../../../src/engine/errors.js';
import type { Operation } from '../../../src/engine/types.js';
import { renderRfcxError, rfcxFaultProblems } from '../../../src/providers/rfcx/wire.js';

describe('renderRfcxError', () => {
  it.each([
    ['an unknown token: plain text, no content type', { given: new MockError('auth.invalid', 'unknown guardian or wrong token'), want: { status: 401, headers: {}, body: 'Unauthorized', contentType: null } }],
    ['a used-up invite code: the same', { given: new MockError('auth.exhausted', 'already redeemed'), want: { status: 401, headers: {}, body: 'Unauthorized', contentType: null } }],
    ['a refused login: JSON', {
      given: new MockError('auth.invalid', 'invalid email or password', { meta: { rfcxBody: 'json' } }),
      want: { status: 401, headers: {}, body: { message: 'invalid email or password', error: { status: 401 } } },
    }],
    ['the wrong credential type: 403 JSON', {
      given: new MockError('auth.forbidden', 'users only'),
      want: { status: 403, headers: {}, body: { message: 'Not authorized to access this resource', error: { status: 403 } } },
    }],
    ['a bad body', { given: new MockError('request.body_invalid', 'guid must be 12 hex'), want: { status: 400, headers: {}, body: { message: 'guid must be 12 hex', error: { status: 400 } } } }],
  ])('%s', (_, { given, want }) => {
    expect(renderRfcxError(given)).toEqual(want);
  });
});

describe('rfcxFaultProblems', () => {
  it.each([
    ['a refused login answers JSON', { given: 'rfcxUserLogin', want: { message: 'invalid email or password', error: { status: 401 } } }],
    ['any other route answers the bare 401', { given: 'rfcxGuardianCheckin', want: 'Unauthorized' }],
  ])('%s', (_, { given, want }) => {
    const error = rfcxFaultProblems['auth.invalid']!('', { operationId: given } as Operation)!;
    expect(renderRfcxError(error).body).toEqual(want);
  });
});
