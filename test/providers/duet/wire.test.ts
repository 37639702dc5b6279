// Duet's wire format, without a socket: a bare 401 for every credential failure, Rails' 422 errors object otherwise.

import { describe, expect, it } from 'vitest';
import { MockError } from '../../../src/engine/errors.js';
import { duetFaultProblems, renderDuetError } from '../../../src/providers/duet/wire.js';

const TEXT = 'text/plain; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

describe('renderDuetError', () => {
  it.each([
    ['an unknown token: the plain 401, no reason', { given: new MockError('auth.invalid', 'X-Account-Token belongs to no account'), want: { status: 401, body: '401 Unauthorized', contentType: TEXT } }],
    ['a missing token: the same 401', { given: new MockError('auth.missing', 'X-Application-Token header missing'), want: { status: 401, body: '401 Unauthorized', contentType: TEXT } }],
    ['field errors as Rails sends them', {
      given: new MockError('validation.failed', 'invalid fields: email', { meta: { errors: { email: ['has already been taken'] } } }),
      want: { status: 422, body: { errors: { email: ['has already been taken'] } }, contentType: JSON_TYPE },
    }],
    ['a body of the wrong shape: its field is blank', {
      given: new MockError('request.body_invalid', 'login must be a string', { pointer: '/body/account/login' }),
      want: { status: 422, body: { errors: { login: ["can't be blank"] } }, contentType: JSON_TYPE },
    }],
    ['no body at all: the account is blank', { given: new MockError('request.body_missing', 'no body'), want: { status: 422, body: { errors: { account: ["can't be blank"] } }, contentType: JSON_TYPE } }],
    ['anything else: its message under base', { given: new MockError('request.content_type', 'send JSON or a form'), want: { status: 415, body: { errors: { base: ['send JSON or a form'] } }, contentType: JSON_TYPE } }],
  ])('%s', (_, { given, want }) => {
    expect(renderDuetError(given)).toEqual(want);
  });
});

describe('duetFaultProblems', () => {
  it.each([
    ['auth.missing', { given: 'auth.missing', want: 'auth.missing' }],
    ['auth.invalid', { given: 'auth.invalid', want: 'auth.invalid' }],
    ['auth.expired: Duet tokens never expire, so it is refused as unknown', { given: 'auth.expired', want: 'auth.invalid' }],
    ['auth.revoked', { given: 'auth.revoked', want: 'auth.revoked' }],
  ])('%s answers the bare 401', (_, { given, want }) => {
    const error = duetFaultProblems[given]!('', undefined as never)!;
    expect(error.code).toBe(want);
    expect(renderDuetError(error)).toMatchObject({ status: 401, body: '401 Unauthorized' });
  });
});
