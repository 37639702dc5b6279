// String formats: remembered checks answer as ajv-formats does, and validators saved to the cache find them again.

import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { createAjvSet } from '../../src/validation/ajv.js';
import { FORMATS, rememberValid } from '../../src/validation/formats.js';
import { openValidatorCache } from '../../src/validation/precompiled.js';

const require = createRequire(import.meta.url);
const { fullFormats } = require('ajv-formats/dist/formats') as { fullFormats: Record<string, { validate: (s: string) => boolean }> };

const DATE_TIMES: Array<[string, boolean]> = [
  ['2025-01-10T08:00:00Z', true],
  ['2024-02-29T23:59:59.999+01:00', true],
  ['2025-02-29T00:00:00Z', false], // not a leap year
  ['2025-13-01T00:00:00Z', false],
  ['2025-01-10 08:00:00Z', true], // RFC 3339 allows a space
  ['2025-01-10T08:00:00', false], // no offset
  ['', false],
  ['not a date', false],
];

describe('remembered format checks', () => {
  it.each(DATE_TIMES)('date-time %j is %s, first time and again', (value, valid) => {
    const check = (FORMATS['date-time'] as { validate: (s: string) => boolean }).validate;
    expect(check(value)).toBe(fullFormats['date-time']!.validate(value));
    expect(check(value)).toBe(valid);
    expect(check(value)).toBe(valid);
  });

  it('runs the real check once per valid string, every time for an invalid one, and stays right past its bound', () => {
    const seen: string[] = [];
    const check = rememberValid((s) => {
      seen.push(s);
      return s.startsWith('ok');
    });
    expect([check('ok-1'), check('ok-1'), check('bad'), check('bad')]).toEqual([true, true, false, false]);
    expect(seen).toEqual(['ok-1', 'bad', 'bad']);
    for (let i = 0; i < 10_050; i++) expect(check(`ok-${i}`)).toBe(true);
    expect(check('bad')).toBe(false);
    // Long strings are never kept: each check of one runs the real check.
    const long = `ok${'x'.repeat(300)}`;
    const before = seen.length;
    check(long);
    check(long);
    expect(seen.length - before).toBe(2);
  });
});

describe('validators from the cache file', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('check formats as the freshly compiled validator does, loaded in the next start', async () => {
    dir = await mkdtemp(join(tmpdir(), 'authmock-formats-'));
    const schema = { type: 'object', properties: { at: { type: 'string', format: 'date-time' }, mail: { type: 'string', format: 'email' } } };
    const first = createAjvSet('3.1.0', await openValidatorCache(dir, 'formats-test-document'));
    const compiled = first.response.compile(schema);
    await first.save();
    expect((await readdir(dir)).some((f) => f.startsWith('validators-') && f.endsWith('.cjs'))).toBe(true);

    const cache = await openValidatorCache(dir, 'formats-test-document');
    const key = cache.keyOf('3.1:response', schema)!;
    const loaded = cache.get(key);
    expect(loaded).toBeTypeOf('function');
    for (const [value, valid] of DATE_TIMES) {
      expect(loaded!({ at: value })).toBe(valid);
      expect(compiled({ at: value })).toBe(valid);
    }
    expect(loaded!({ mail: 'user@domain.com' })).toBe(true);
    expect(loaded!({ mail: 'no at sign' })).toBe(false);
  });
});
