// The secret helpers: tokens drawn without bias from crypto's bytes, hashing, and the one constant-time comparison.
import { describe, expect, it } from 'vitest';
import { hashSecret, sameDigest, randomAlphanumeric, randomBase36, randomBase64Url, randomHex, randomString, safeEqual } from '../../src/engine/secrets.js';

describe('randomString', () => {
  it('draws only from the alphabet, at the length asked', () => {
    expect(randomAlphanumeric(14)).toMatch(/^[A-Za-z0-9]{14}$/);
    expect(randomBase36(40)).toMatch(/^[0-9a-z]{40}$/);
    expect(randomString(4, '0123456789')).toMatch(/^\d{4}$/);
    expect(randomString(0)).toBe('');
  });

  it('uses every character about equally often (no modulo bias toward the first ones)', () => {
    // 62 characters: a plain byte % 62 would give the first 8 characters 5/4 of the others' share.
    const counts = new Map<string, number>();
    const text = randomAlphanumeric(62 * 2000);
    for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(62);
    const values = [...counts.values()];
    // Expected 2000 each; a biased draw puts the first 8 near 2,400. 6 standard deviations either side: 1,735-2,265.
    expect(Math.min(...values)).toBeGreaterThan(1735);
    expect(Math.max(...values)).toBeLessThan(2265);
  });

  it('does not repeat itself across many tokens', () => {
    const tokens = new Set(Array.from({ length: 5000 }, () => randomAlphanumeric(14)));
    expect(tokens.size).toBe(5000);
  });

  it('refuses an alphabet a byte cannot index', () => {
    expect(() => randomString(3, '')).toThrow(RangeError);
    expect(() => randomString(3, 'x'.repeat(257))).toThrow(RangeError);
  });
});

describe('randomHex and randomBase64Url (bytes from the same pool)', () => {
  it('give the number of bytes asked, never the same bytes twice, across pool refills', () => {
    // 16 bytes at a time: 1,000 draws cross the 4 KiB pool several times; a reused or half-copied pool repeats.
    const salts = Array.from({ length: 1000 }, () => randomHex(16));
    for (const salt of salts) expect(salt).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(salts).size).toBe(1000);
    expect(Buffer.from(randomBase64Url(33), 'base64url')).toHaveLength(33);
  });

  it('serve a request larger than the pool', () => {
    expect(randomHex(5000)).toMatch(/^[0-9a-f]{10000}$/);
  });
});

describe('hashSecret and safeEqual', () => {
  it('hashes to lower-case hex SHA-256 of salt + value', () => {
    // SHA-256("abc")
    expect(hashSecret('c', 'ab')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('tells equal from unequal strings of any lengths', () => {
    expect(safeEqual('s3cret', 's3cret')).toBe(true);
    expect(safeEqual('s3cret', 's3creT')).toBe(false);
    expect(safeEqual('s3cret', 's3cret-and-more')).toBe(false);
    expect(safeEqual('', '')).toBe(true);
    expect(safeEqual('é', 'e')).toBe(false);
  });

  it('sameDigest tells equal digests from unequal ones, including strings that share their low bytes', () => {
    const digest = hashSecret('token', 'salt:');
    expect(sameDigest(digest, hashSecret('token', 'salt:'))).toBe(true);
    expect(sameDigest(digest, hashSecret('tokeN', 'salt:'))).toBe(false);
    expect(sameDigest(digest, `${digest.slice(0, 63)}${digest[63] === '0' ? '1' : '0'}`)).toBe(false);
    expect(sameDigest(digest, digest.slice(0, 32))).toBe(false);
    // U+0161 and U+0061 have the same low byte: a Latin-1 copy of both would compare equal.
    expect(sameDigest('\u0161', 'a')).toBe(false);
    // Longer than the scratch buffer: still correct (by way of safeEqual).
    expect(sameDigest('x'.repeat(300), 'x'.repeat(300))).toBe(true);
    expect(sameDigest('x'.repeat(300), `${'x'.repeat(299)}y`)).toBe(false);
  });
});
