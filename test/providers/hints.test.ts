// firstEntries and hint as tables: the seeded credentials the start-up banner shows, read from a fixtures section.

import { describe, expect, it } from 'vitest';
import { firstEntries, hint } from '../../src/providers/hints.js';

describe('firstEntries', () => {
  it.each<[string, { given: { section: unknown; list: string; fields: string[]; limit?: number }; want: Array<Record<string, string>> }]>([
    [
      'the first two by default, only the fields named',
      {
        given: { section: { users: [{ email: 'a@x', password: 'p1', extra: 1 }, { email: 'b@x', password: 'p2' }, { email: 'c@x', password: 'p3' }] }, list: 'users', fields: ['email', 'password'] },
        want: [{ email: 'a@x', password: 'p1' }, { email: 'b@x', password: 'p2' }],
      },
    ],
    ['a larger limit', { given: { section: { keys: [{ k: '1' }, { k: '2' }, { k: '3' }] }, list: 'keys', fields: ['k'], limit: 3 }, want: [{ k: '1' }, { k: '2' }, { k: '3' }] }],
    [
      'entries missing a field, or with a non-string one, are skipped before the limit counts',
      { given: { section: { keys: [{ k: 1 }, { j: 'x' }, null, 'k', { k: 'a' }, { k: 'b' }] }, list: 'keys', fields: ['k'] }, want: [{ k: 'a' }, { k: 'b' }] },
    ],
    ['no such list', { given: { section: { other: [] }, list: 'keys', fields: ['k'] }, want: [] }],
    ['the list is not an array', { given: { section: { keys: { k: 'a' } }, list: 'keys', fields: ['k'] }, want: [] }],
    ['no section at all', { given: { section: undefined, list: 'keys', fields: ['k'] }, want: [] }],
    ['a limit of 0', { given: { section: { keys: [{ k: 'a' }] }, list: 'keys', fields: ['k'], limit: 0 }, want: [] }],
  ])('%s', (_name, { given, want }) => {
    expect(firstEntries(given.section, given.list, given.fields, given.limit)).toEqual(want);
  });
});

describe('hint', () => {
  it('is a banner line: its label, its value, and whether the value is secret', () => {
    expect(hint('API key', 'k-1', true)).toEqual({ label: 'API key', value: 'k-1', secret: true });
    expect(hint('email', 'a@x', false)).toEqual({ label: 'email', value: 'a@x', secret: false });
  });
});
