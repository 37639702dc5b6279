// RFCx's credentials without a socket: reading `type/guid`, and the orders in which it looks for the identity and the token.

import { describe, expect, it } from 'vitest';
import { MockError } from '../../../src/engine/errors.js';
import { findIdentity, findToken, parseIdentity } from '../../../src/providers/rfcx/credentials.js';
import type { MockRequest } from '../../../src/engine/types.js';

const request = (parts: Partial<MockRequest>): MockRequest => ({
  method: 'POST',
  path: '/rfcx/v1/users/logout',
  params: {},
  query: Object.create(null) as Record<string, string>,
  headers: {},
  body: undefined,
  mediaType: undefined,
  contentLength: undefined,
  remoteAddress: '127.0.0.1',
  ...parts,
});

// As rfcx-api's middleware/passport-token/index.js reads auth_user: split on '/' when one follows the first character
// (type and guid lower-cased, further parts ignored); otherwise the whole value, as sent, is the type.
describe('parseIdentity', () => {
  it.each([
    ['guardian/df72c626229f', { type: 'guardian', guid: 'df72c626229f' }],
    ['USER/6F1E2D3C-4B5A', { type: 'user', guid: '6f1e2d3c-4b5a' }],
    ['guardian/df72c626229f/extra', { type: 'guardian', guid: 'df72c626229f' }],
    ['register', { type: 'register', guid: null }],
    ['Register/AB12', { type: 'register', guid: null }],
    ['token/0f8e7d6c-5b4a-4938-8271-605f4e3d2c1b', { type: 'token', guid: '0f8e7d6c-5b4a-4938-8271-605f4e3d2c1b' }],
  ])('%s → %j', (raw, want) => {
    expect(parseIdentity(raw)).toEqual(want);
  });

  it.each([
    ['user', 'auth.malformed'],
    ['user/', 'auth.malformed'],
    ['guardian', 'auth.malformed'],
    ['REGISTER', 'auth.invalid'], // no '/': the type as sent, not lower-cased
    ['/guid', 'auth.invalid'],
    ['/register', 'auth.invalid'],
    ['admin/guid', 'auth.invalid'],
    ['', 'auth.invalid'],
    ['user/..', 'auth.malformed'],
    ['user/a.b', 'auth.malformed'],
    ['user/a_b', 'auth.malformed'],
    ['user/%2e', 'auth.malformed'],
    [`user/${'a'.repeat(65)}`, 'auth.malformed'],
  ])('refuses %j (%s)', (raw, code) => {
    expect(parseIdentity(raw)).toEqual(expect.objectContaining({ code }));
  });
});

describe('lookup orders', () => {
  const body = { auth_user: 'user/from-body', auth_token: 'body-token' };
  const query = Object.assign(Object.create(null) as Record<string, string>, { auth_user: 'user/from-query', auth_token: 'query-token' });
  const headers = { 'x-auth-user': 'user/from-header', 'x-auth-token': 'header-token' };

  it('identity: header, then query, then body', () => {
    expect(findIdentity(request({ headers, query, body }))).toBe('user/from-header');
    expect(findIdentity(request({ query, body }))).toBe('user/from-query');
    expect(findIdentity(request({ body }))).toBe('user/from-body');
  });

  it('token: header, then body, then query', () => {
    expect(findToken(request({ headers, query, body }))).toBe('header-token');
    expect(findToken(request({ query, body }))).toBe('body-token');
    expect(findToken(request({ query }))).toBe('query-token');
  });

  it('an empty token falls through to the next place; an empty identity does not (as in RFCx)', () => {
    expect(findToken(request({ headers: { 'x-auth-token': '' }, body }))).toBe('body-token');
    expect(findIdentity(request({ headers: { 'x-auth-user': '' }, body }))).toBe('');
  });

  it.each([
    ['repeated values', request({ headers: { 'x-auth-token': ['a', 'b'] } })],
    ['a number', request({ body: { auth_token: 7 } })],
    ['an object', request({ body: { auth_token: { $ne: '' } } })],
    ['a 1 MB string', request({ body: { auth_token: 'x'.repeat(1 << 20) } })],
  ])('%s → a MockError, never a value', (_name, req) => {
    expect(findToken(req)).toBeInstanceOf(MockError);
  });

  it('never reads inherited properties of the body', () => {
    expect(findToken(request({ body: Object.create({ auth_token: 'inherited' }) as object }))).toBeUndefined();
  });
});
