// String formats: remembered checks answer as ajv-formats does, and validators saved to the cache find them again.

import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { createAjvSet } from '../../../src/engine/validate/ajv.js';
import { FORMATS, rememberValid, rememberValidDateTime } from '../../../src/engine/validate/formats.js';
import { openValidatorCache } from '../../../src/engine/validate/precompiled.js';

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

describe('remembered date-time seconds', () => {
  it('checks a millisecond clock in full once a second, and still refuses what the full check refuses', () => {
    const full = fullFormats['date-time']!.validate;
    let calls = 0;
    const check = rememberValidDateTime((s) => {
      calls++;
      return full(s);
    });
    const start = Date.UTC(2026, 10, 23, 23, 59, 58, 0);
    for (let ms = 0; ms < 2_000; ms += 1) expect(check(new Date(start + ms).toISOString())).toBe(true);
    expect(calls).toBe(2);
    // Same second, tails the full check refuses or that are not a UTC fraction: checked in full, and refused.
    for (const bad of ['2026-11-23T23:59:58.Z', '2026-11-23T23:59:58.5Zx', '2026-11-23T23:59:58.5', '2026-11-23T23:59:58.5+25:00']) {
      expect(check(bad)).toBe(false);
      expect(full(bad)).toBe(false);
    }
    // A leap second is valid in UTC only at 23:59:60, whatever the fraction.
    expect(check('2016-12-31T23:59:60.25Z')).toBe(true);
    expect(check('2016-12-31T23:59:60.75Z')).toBe(true);
    expect(check('2016-12-31T23:58:60.75Z')).toBe(false);
    expect(check('2025-02-29T00:00:00.001Z')).toBe(false);
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
