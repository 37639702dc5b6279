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
  // UTF-16 code units: every string has exactly one encoding, so equal bytes mean equal strings.
  const left = Buffer.from(a, 'utf16le');
  const right = Buffer.from(b, 'utf16le');
  return left.length === right.length ? timingSafeEqual(left, right) : safeEqual(a, b);
}

/** Hex SHA-256 of `salt + value`, the form in which secrets are kept in the store. */
export function hashSecret(value: string, salt = ''): string {
  return sha256(salt + value, 'hex');
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';

const pool = Buffer.alloc(4096);
let poolAt = pool.length;

/**
 * `count` fresh random bytes from crypto, copied out of a 4 KiB pool that is refilled, never reused. Saves about
 * 5 µs per token (one randomFillSync per 4 KiB instead of one per call: bench/micro.mjs on the 2-vCPU VM), near
 * a tenth of the CPU of a hot-path request that makes a token or a salt.
 */
function drawRandomBytes(count: number): Buffer {
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
    for (const byte of drawRandomBytes(length - out.length)) if (byte < limit) out += alphabet[byte % size];
  }
  return out;
}

export const randomAlphanumeric = (length: number): string => randomString(length, ALNUM);
export const randomBase36 = (length: number): string => randomString(length, BASE36);
export const randomBase64Url = (bytes: number): string => drawRandomBytes(bytes).toString('base64url');
export const randomHex = (bytes: number): string => drawRandomBytes(bytes).toString('hex');

/** Show enough of a secret to recognise it, never enough to use it. */
export function maskSecret(value: string): string {
  if (value.length <= 8) return '*'.repeat(value.length);
  return `${value.slice(0, 4)}…${value.slice(-2)}`;
}
