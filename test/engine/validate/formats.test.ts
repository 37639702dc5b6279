// String formats: a compiled validator refuses what ajv-formats' full checks refuse, and accepts OpenAPI's precision formats.

import { describe, expect, it } from 'vitest';
import { createAjvSet } from '../../../src/engine/validate/ajv.js';

const ajv = createAjvSet('3.1.0');
const dateTime = ajv.strict.compile({ type: 'string', format: 'date-time' });
const email = ajv.strict.compile({ type: 'string', format: 'email' });

describe('date-time', () => {
  it.each([
    ['a UTC time', { given: '2025-01-10T08:00:00Z', want: true }],
    ['a fraction and an offset on a leap day', { given: '2024-02-29T23:59:59.999+01:00', want: true }],
    ['a leap second at 23:59:60 UTC', { given: '2016-12-31T23:59:60.25Z', want: true }],
    ['a space instead of T (RFC 3339 allows it)', { given: '2025-01-10 08:00:00Z', want: true }],
    ['29 February of a common year', { given: '2025-02-29T00:00:00Z', want: false }],
    ['month 13', { given: '2025-13-01T00:00:00Z', want: false }],
    ['no offset', { given: '2025-01-10T08:00:00', want: false }],
    ['a fraction with no digits', { given: '2026-11-23T23:59:58.Z', want: false }],
    ['an offset of 25 hours', { given: '2026-11-23T23:59:58.5+25:00', want: false }],
    ['a second 60 that is not a leap second', { given: '2016-12-31T23:58:60.75Z', want: false }],
    ['an empty string', { given: '', want: false }],
  ])('%s', (_name, { given, want }) => {
    expect(dateTime(given)).toBe(want);
    expect(dateTime(given)).toBe(want); // and the same the second time
  });
});

describe('other formats', () => {
  it.each([
    ['an address', { given: 'user@domain.com', want: true }],
    ['no at sign', { given: 'no at sign', want: false }],
  ])('email: %s', (_name, { given, want }) => {
    expect(email(given)).toBe(want);
  });

  it.each(['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password'])('OpenAPI format %s only describes, so any value passes', (format) => {
    expect(ajv.strict.compile({ type: 'string', format })('anything')).toBe(true);
  });
});
