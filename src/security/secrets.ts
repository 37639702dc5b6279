// Secret handling in one place: generation from crypto, hashing, constant-time comparison, masking.

import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

const sha256 = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** The only secret comparison in authmock: hash both sides (equal lengths), then timingSafeEqual. */
export function safeEqual(a: string, b: string): boolean {
  return timingSafeEqual(sha256(a), sha256(b));
}

/** Hex SHA-256 of `salt + value`, the form in which secrets are kept in the store. */
export function hashSecret(value: string, salt = ''): string {
  return createHash('sha256').update(salt + value, 'utf8').digest('hex');
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';

/** `length` characters drawn uniformly from `alphabet` with crypto.randomInt. */
export function randomString(length: number, alphabet: string = ALNUM): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export const randomAlphanumeric = (length: number): string => randomString(length, ALNUM);
export const randomBase36 = (length: number): string => randomString(length, BASE36);
export const randomBase64Url = (bytes: number): string => randomBytes(bytes).toString('base64url');
export const randomHex = (bytes: number): string => randomBytes(bytes).toString('hex');

/** Show enough of a secret to recognise it, never enough to use it. */
export function maskSecret(value: string): string {
  if (value.length <= 8) return '*'.repeat(value.length);
  return `${value.slice(0, 4)}…${value.slice(-2)}`;
}
