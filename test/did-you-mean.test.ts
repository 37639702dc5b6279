// "Did you mean" as a table: the edit distance, and the known name offered for a mistyped one (or none).

import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from '../src/did-you-mean.js';

describe('editDistance', () => {
  it.each<[string, { given: [string, string]; want: number }]>([
    ['equal strings', { given: ['port', 'port'], want: 0 }],
    ['both empty', { given: ['', ''], want: 0 }],
    ['from nothing: every letter inserted', { given: ['', 'abc'], want: 3 }],
    ['one substitution', { given: ['port', 'part'], want: 1 }],
    ['one insertion', { given: ['prt', 'port'], want: 1 }],
    ['one deletion', { given: ['portt', 'port'], want: 1 }],
    ['an adjacent swap counts once', { given: ['prot', 'port'], want: 1 }],
    ['case counts (closestName ignores it, not this)', { given: ['Port', 'port'], want: 1 }],
    ['unrelated words', { given: ['abc', 'xyz'], want: 3 }],
  ])('%s', (_name, { given, want }) => {
    expect(editDistance(...given)).toBe(want);
  });
});

describe('closestName', () => {
  const OPTIONS = ['port', 'fixtures', 'tls-cert', 'log-level', 'admin-token', 'watch', 'state'];
  it.each<[string, { given: string; want: string | undefined }]>([
    ['a swapped pair', { given: 'prot', want: 'port' }],
    ['case-insensitive and a swapped pair', { given: 'WATHC', want: 'watch' }],
    ['a missing letter', { given: 'fixture', want: 'fixtures' }],
    ['camelCase for kebab-case: dashes and case ignored', { given: 'adminToken', want: 'admin-token' }],
    ['underscores ignored', { given: 'log_level', want: 'log-level' }],
    ['a prefix of two letters or more is near', { given: 'adm', want: 'admin-token' }],
    ['one letter is no prefix', { given: 'w', want: undefined }],
    ['nothing near', { given: 'zzzzqqq', want: undefined }],
    ['too many edits for a short word', { given: 'pxyz', want: undefined }],
    ['an exact name is itself', { given: 'state', want: 'state' }],
  ])('%s', (_name, { given, want }) => {
    expect(closestName(given, OPTIONS)).toBe(want);
  });

  it('offers nothing when nothing is known', () => {
    expect(closestName('port', [])).toBeUndefined();
  });
});
