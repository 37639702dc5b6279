// emnify's own options of `authmock serve`, read without a command line: only what was given, bad values refused.

import { describe, expect, it } from 'vitest';
import { readEmnifySettings } from '../../../src/providers/emnify/settings.js';

const SECRET = 'a-jwt-secret-of-at-least-forty-eight-bytes-0123456789';

describe('readEmnifySettings', () => {
  it.each([
    ['nothing given: nothing set (the fixtures or the defaults decide)', { given: {}, want: {} }],
    ['the secret', { given: { 'jwt-secret': SECRET }, want: { jwtSecret: SECRET } }],
    ['both lifetimes', { given: { 'emnify-user-jwt-ttl': '600', 'emnify-app-jwt-ttl': '14400' }, want: { authTokenTtlSeconds: 600, applicationAuthTokenTtlSeconds: 14_400 } }],
  ])('%s', (_, { given, want }) => {
    expect(readEmnifySettings(given)).toEqual(want);
  });

  it.each([
    ['a secret shorter than 48 bytes', { given: { 'jwt-secret': 'short' }, want: '--jwt-secret must be at least 48 bytes (HS384)' }],
    ['a lifetime of 0', { given: { 'emnify-user-jwt-ttl': '0' }, want: "--emnify-user-jwt-ttl '0' must be a whole number from 1 to 315360000" }],
    ['a lifetime with a unit', { given: { 'emnify-app-jwt-ttl': '7d' }, want: "--emnify-app-jwt-ttl '7d' must be a whole number from 1 to 315360000" }],
    ['a lifetime over ten years', { given: { 'emnify-app-jwt-ttl': '315360001' }, want: "--emnify-app-jwt-ttl '315360001' must be a whole number from 1 to 315360000" }],
  ])('refuses %s, as a provider option error', (_, { given, want }) => {
    expect(() => readEmnifySettings(given)).toThrow(expect.objectContaining({ code: 'provider.option', message: want }));
  });
});
