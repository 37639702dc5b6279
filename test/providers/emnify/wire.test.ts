// emnify's wire format, without a socket: `{error_code, error_token, message}`, or `{message}` for a malformed bearer.

import { describe, expect, it } from 'vitest';
import { MockError } from '../../../src/engine/errors.js';
import type { Operation } from '../../../src/engine/types.js';
import { emnifyAuthError, emnifyFaultProblems, endedBearerError, malformedBearer, renderEmnifyError, validationError } from '../../../src/providers/emnify/wire.js';

const AUTHENTICATE = { operationId: 'emnifyAuthenticate' } as Operation;
const LIST = { operationId: 'emnifyListEndpoints' } as Operation;

describe('renderEmnifyError', () => {
  it.each([
    ['wrong credentials: 1101, the public message only', { given: emnifyAuthError('auth.invalid', 1101, 'no such user'), want: { status: 401, body: { error_code: 1101, error_token: 'InvalidCredentials', message: 'Invalid credentials' } } }],
    ['an expired JWT: 1103', { given: emnifyAuthError('auth.expired', 1103, 'expired 5 s ago'), want: { status: 401, body: { error_code: 1103, error_token: 'TokenExpired', message: 'Token expired' } } }],
    ['a bearer in the wrong shape: only a message', { given: malformedBearer(), want: { status: 401, body: { message: 'token contains an invalid number of segments' } } }],
    ['a JWT ended by /__admin/credentials/revoke: 1102', { given: endedBearerError('revoke'), want: { status: 401, body: { error_code: 1102, error_token: 'InvalidToken', message: 'Invalid token' } } }],
    ['an engine auth failure: its emnify code', { given: new MockError('auth.missing', 'no bearer'), want: { status: 401, body: { error_code: 1102, error_token: 'InvalidToken', message: 'Invalid token' } } }],
    ['a bad field: 422 with the reason', { given: validationError('per_page must be an integer from 1 to 1000', '/query/per_page'), want: { status: 422, body: { error_code: 422, error_token: 'ValidationError', message: 'per_page must be an integer from 1 to 1000' } } }],
  ])('%s', (_, { given, want }) => {
    expect(renderEmnifyError(given)).toEqual({ ...want, headers: {} });
  });
});

describe('emnifyFaultProblems', () => {
  it.each([
    ['an expired credential on /authenticate is 1101', { given: { problem: 'auth.expired', op: AUTHENTICATE }, want: 1101 }],
    ['an expired bearer elsewhere is 1103', { given: { problem: 'auth.expired', op: LIST }, want: 1103 }],
    ['a revoked bearer is 1102', { given: { problem: 'auth.revoked', op: LIST }, want: 1102 }],
    ['too many logins is 1105', { given: { problem: 'auth.rate_limited', op: AUTHENTICATE }, want: 1105 }],
  ])('%s', (_, { given, want }) => {
    const error = emnifyFaultProblems[given.problem]!('', given.op)!;
    expect((renderEmnifyError(error).body as { error_code: number }).error_code).toBe(want);
  });

  it('a rate limit says when to try again', () => {
    expect(renderEmnifyError(emnifyFaultProblems['auth.rate_limited']!('', AUTHENTICATE)!).headers).toEqual({ 'Retry-After': '300' });
  });
});
