// Schema patterns as RegExps: ECMAScript with `u`, else as the authors meant it, else matching anything.

import { describe, expect, it } from 'vitest';
import { compilePattern } from '../../../src/engine/validate/pattern.js';

describe('compilePattern', () => {
  it.each<[string, { given: { pattern: string; flags: string; text: string }; want: boolean }]>([
    ['a plain pattern matches', { given: { pattern: '^[a-f0-9]{8}$', flags: 'u', text: 'deadbeef' }, want: true }],
    ['a plain pattern refuses', { given: { pattern: '^[a-f0-9]{8}$', flags: 'u', text: 'deadbeeg' }, want: false }],
    ['the u flag kept where valid (astral characters are one)', { given: { pattern: '^.$', flags: 'u', text: '😀' }, want: true }],
    ['an identity escape the u flag refuses still matches', { given: { pattern: '^[a-z\\:]+$', flags: 'u', text: 'ns:name' }, want: true }],
    ['an identity escape the u flag refuses still refuses', { given: { pattern: '^[a-z\\:]+$', flags: 'u', text: 'ns name' }, want: false }],
    ['a pattern no RegExp accepts matches anything', { given: { pattern: '([a-z', flags: 'u', text: 'anything at all' }, want: true }],
  ])('%s', (_name, { given, want }) => {
    expect(compilePattern(given.pattern, given.flags).test(given.text)).toBe(want);
  });
});
