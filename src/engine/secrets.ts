// Secret handling in one place: generation from crypto, hashing, constant-time comparison, masking.

import * as crypto from 'node:crypto';
import { randomBytes, randomFillSync, timingSafeEqual } from 'node:crypto';

type Encoding = 'hex' | 'base64';

/**
 * One-shot SHA-256 (crypto.hash, Node ≥ 20.12: about 4 × cheaper than a Hash object on a hot path), with the
 * streaming API as the fallback for older Node 20 releases.
 */
const sha256: (value: string, encoding: Encoding) => string =
  typeof crypto.hash === 'function'
    ? (value, encoding) => crypto.hash('sha256', value, encoding)
    : (value, encoding) => crypto.createHash('sha256').update(value, 'utf8').digest(encoding);

/**
 * The only secret comparison in authmock: hash both sides (so the lengths are equal whatever was sent), then
 * timingSafeEqual over the two digests.
 */
export function safeEqual(a: string, b: string): boolean {
  return timingSafeEqual(Buffer.from(sha256(a, 'base64'), 'latin1'), Buffer.from(sha256(b, 'base64'), 'latin1'));
}

/**
 * Constant-time equality of two stored digests (hex or base64 of one hash function, so of one length), without
 * hashing them again: what the lookup-by-hash then compare pattern needs on every authenticated request. Digests of
 * unequal length (never the case for two outputs of one function) fall back to `safeEqual`.
 */
export function sameDigest(a: string, b: string): boolean {
  // UTF-16 code units, two bytes each: every string has exactly one encoding, so equal bytes mean equal strings.
  const bytes = a.length * 2;
  if (a.length !== b.length || bytes * 2 > DIGEST_SCRATCH.length) return safeEqual(a, b);
  DIGEST_SCRATCH.write(a, 0, bytes, 'utf16le');
  DIGEST_SCRATCH.write(b, bytes, bytes, 'utf16le');
  // Hex SHA-256 (64 characters) is the usual case: its two halves are kept as views rather than made per call.
  if (bytes === HEX_SHA256_BYTES) return timingSafeEqual(HEX_SHA256_A, HEX_SHA256_B);
  return timingSafeEqual(DIGEST_SCRATCH.subarray(0, bytes), DIGEST_SCRATCH.subarray(bytes, 2 * bytes));
}

const DIGEST_SCRATCH = Buffer.alloc(512);
const HEX_SHA256_BYTES = 128;
const HEX_SHA256_A = DIGEST_SCRATCH.subarray(0, HEX_SHA256_BYTES);
const HEX_SHA256_B = DIGEST_SCRATCH.subarray(HEX_SHA256_BYTES, 2 * HEX_SHA256_BYTES);

/** Hex SHA-256 of `salt + value`, the form in which secrets are kept in the store. */
export function hashSecret(value: string, salt = ''): string {
  return sha256(salt + value, 'hex');
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Random bytes from crypto, drawn a few KiB at a time (one randomInt call per character cost more than the rest). */
const pool = Buffer.alloc(4096);
let poolAt = pool.length;

function randomByte(): number {
  if (poolAt === pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  return pool[poolAt++]!;
}

/**
 * `count` fresh random bytes from the pool, copied out (the pool is refilled, never reused). One randomFillSync call
 * costs about 4 µs on the development VM whatever its size, so a call per 16-byte salt or JWT id was most of it.
 */
function randomChunk(count: number): Buffer {
  if (count > pool.length) return randomBytes(count);
  if (poolAt + count > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const out = Buffer.from(pool.subarray(poolAt, poolAt + count));
  poolAt += count;
  return out;
}

/**
 * `length` characters drawn uniformly from `alphabet` (at most 256 characters) with crypto's random bytes: a byte
 * at or above the largest multiple of the alphabet's size is thrown away, so `byte % size` has no bias.
 */
export function randomString(length: number, alphabet: string = ALNUM): string {
  const size = alphabet.length;
  if (size < 1 || size > 256) throw new RangeError('the alphabet must have 1 to 256 characters');
  const limit = 256 - (256 % size);
  let out = '';
  while (out.length < length) {
    const byte = randomByte();
    if (byte < limit) out += alphabet[byte % size];
  }
  return out;
}

export const randomAlphanumeric = (length: number): string => randomString(length, ALNUM);
export const randomBase36 = (length: number): string => randomString(length, BASE36);
export const randomBase64Url = (bytes: number): string => randomChunk(bytes).toString('base64url');
export const randomHex = (bytes: number): string => randomChunk(bytes).toString('hex');

/** Show enough of a secret to recognise it, never enough to use it. */
export function maskSecret(value: string): string {
  if (value.length <= 8) return '*'.repeat(value.length);
  return `${value.slice(0, 4)}…${value.slice(-2)}`;
}
