// MockError: a stable code from one table gives the status and title; options override what a provider needs.

import { describe, expect, it } from 'vitest';
import { isMockError, MockError, problemTable, type MockErrorOptions, type ProblemCode } from '../../src/engine/errors.js';

describe('MockError', () => {
  it.each<[string, { given: { code: ProblemCode; options?: MockErrorOptions }; want: { status: number; title: string; pointer?: string; headers: Record<string, string> } }]>([
    ['the table’s status and title', { given: { code: 'auth.missing' }, want: { status: 401, title: 'Credentials missing', headers: {} } }],
    ['a 406 for an unacceptable Accept', { given: { code: 'request.not_acceptable' }, want: { status: 406, title: 'No documented media type is acceptable', headers: {} } }],
    ['a provider’s own status', { given: { code: 'request.body_invalid', options: { status: 422 } }, want: { status: 422, title: 'Request body does not match the document', headers: {} } }],
    [
      'a pointer and headers for the wire',
      { given: { code: 'auth.rate_limited', options: { pointer: '/body/password', headers: { 'retry-after': '60' } } }, want: { status: 429, title: 'Too many failed attempts', pointer: '/body/password', headers: { 'retry-after': '60' } } },
    ],
  ])('%s', (_name, { given, want }) => {
    const error = new MockError(given.code, 'detail', given.options);
    expect({ status: error.status, title: error.title, headers: error.headers, ...(error.pointer ? { pointer: error.pointer } : {}) }).toEqual(want);
    expect([error.code, error.message]).toEqual([given.code, 'detail']);
  });

  it('gives every code a 4xx or 5xx status and a title', () => {
    for (const [code, { status, title }] of Object.entries(problemTable)) {
      expect([code, status >= 400 && status < 600, title.length > 0]).toEqual([code, true, true]);
    }
  });

  it.each<[string, { given: unknown; want: boolean }]>([
    ['a MockError', { given: new MockError('internal', 'x'), want: true }],
    ['a plain Error with the same fields', { given: Object.assign(new Error('x'), { code: 'internal', status: 500 }), want: false }],
    ['a string', { given: 'internal', want: false }],
  ])('isMockError tells %s', (_name, { given, want }) => {
    expect(isMockError(given)).toBe(want);
  });
});
