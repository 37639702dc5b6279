// RFCx's records as tables: secrets sealed with a salt of their own and checked, token expiry, the default guardian name.

import { describe, expect, it } from 'vitest';
import { defaultGuardianName, isExpired, sealSecret, secretMatches, userTokenKey } from '../../../src/providers/rfcx/records.js';

describe('sealSecret and secretMatches', () => {
  const sealed = sealSecret('guardian-token-123');
  it.each<[string, { given: string; want: boolean }]>([
    ['the same secret', { given: 'guardian-token-123', want: true }],
    ['another case', { given: 'GUARDIAN-TOKEN-123', want: false }],
    ['a prefix', { given: 'guardian-token-12', want: false }],
    ['one character more', { given: 'guardian-token-1234', want: false }],
    ['empty', { given: '', want: false }],
  ])('%s', (_name, { given, want }) => {
    expect(secretMatches(given, sealed)).toBe(want);
  });

  it('gives the same secret another salt and hash each time, never the secret itself', () => {
    const again = sealSecret('guardian-token-123');
    expect(again.salt).not.toBe(sealed.salt);
    expect(again.hash).not.toBe(sealed.hash);
    expect(sealed.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(sealed)).not.toContain('guardian-token-123');
    expect(secretMatches('guardian-token-123', again)).toBe(true);
  });

  it('refuses a sealed secret whose salt was changed', () => {
    expect(secretMatches('guardian-token-123', { ...sealed, salt: sealSecret('x').salt })).toBe(false);
  });
});

describe('userTokenKey', () => {
  it('is one key per token, the same every time, not the token', () => {
    expect(userTokenKey('t1')).toBe(userTokenKey('t1'));
    expect(userTokenKey('t1')).not.toBe(userTokenKey('t2'));
    expect(userTokenKey('t1')).not.toContain('t1');
  });
});

describe('isExpired', () => {
  it.each<[string, { given: { expiresAt: number | null; now: number }; want: boolean }]>([
    ['never expires', { given: { expiresAt: null, now: 8.64e15 }, want: false }],
    ['before', { given: { expiresAt: 1000, now: 999 }, want: false }],
    ['at the instant it ends: expired', { given: { expiresAt: 1000, now: 1000 }, want: true }],
    ['after', { given: { expiresAt: 1000, now: 5000 }, want: true }],
  ])('%s', (_name, { given, want }) => {
    expect(isExpired(given.expiresAt, given.now)).toBe(want);
  });
});

describe('defaultGuardianName', () => {
  it.each<[string, { given: string; want: string }]>([
    ["the guid's first 6 characters, upper case", { given: 'abc123def456', want: 'RFCx Guardian (ABC123)' }],
    ['a short guid whole', { given: 'ab1', want: 'RFCx Guardian (AB1)' }],
  ])('%s', (_name, { given, want }) => {
    expect(defaultGuardianName(given)).toBe(want);
  });
});
