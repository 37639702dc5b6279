// emnify's records as tables: emnify's time format, application-token expiry and hashing, how the admin API ended a JWT.

import { describe, expect, it } from 'vitest';
import { appTokenHash, endedBy, ENDED_TOKENS, isAppTokenExpired, toEmnifyTime, type AppTokenRecord } from '../../../src/providers/emnify/records.js';
import { createTestWorld } from '../../helpers/document.js';

describe('toEmnifyTime', () => {
  it.each<[string, { given: string; want: string }]>([
    ['milliseconds and +0000, as the SDK cassettes record', { given: '2021-11-18T08:25:53Z', want: '2021-11-18T08:25:53.000+0000' }],
    ['milliseconds kept', { given: '2026-01-01T00:00:00.123Z', want: '2026-01-01T00:00:00.123+0000' }],
    ['the epoch', { given: '1970-01-01T00:00:00Z', want: '1970-01-01T00:00:00.000+0000' }],
  ])('%s', (_name, { given, want }) => {
    expect(toEmnifyTime(Date.parse(given))).toBe(want);
  });
});

describe('isAppTokenExpired', () => {
  const token = (expiresAt: number | null) => ({ expiresAt }) as AppTokenRecord;
  it.each<[string, { given: { expiresAt: number | null; now: number }; want: boolean }]>([
    ['no expiry: never', { given: { expiresAt: null, now: 8.64e15 }, want: false }],
    ['before its last instant', { given: { expiresAt: 1000, now: 999 }, want: false }],
    ['at its last instant it still works', { given: { expiresAt: 1000, now: 1000 }, want: false }],
    ['one millisecond after', { given: { expiresAt: 1000, now: 1001 }, want: true }],
  ])('%s', (_name, { given, want }) => {
    expect(isAppTokenExpired(token(given.expiresAt), given.now)).toBe(want);
  });
});

describe('appTokenHash', () => {
  it('is the same for the same token, differs for another, and never contains the token', () => {
    const token = 'kNTktNTA1My00YzdhLTg0NjEtZGVtby1hcHAtdG9rZW4';
    expect(appTokenHash(token)).toBe(appTokenHash(token));
    expect(appTokenHash(token)).not.toBe(appTokenHash(`${token}x`));
    expect(appTokenHash(token)).not.toContain(token);
  });
});

describe('endedBy', () => {
  it.each<[string, { given: Record<string, 'expire' | 'revoke'>; jti: string; want: string | undefined }]>([
    ['a JWT the admin API expired', { given: { j1: 'expire' }, jti: 'j1', want: 'expire' }],
    ['a JWT the admin API revoked', { given: { j1: 'revoke' }, jti: 'j1', want: 'revoke' }],
    ['any other JWT: not ended', { given: { j1: 'revoke' }, jti: 'j2', want: undefined }],
  ])('%s', async (_name, { given, jti, want }) => {
    const world = createTestWorld();
    await world.store.write((tx) => {
      for (const [id, end] of Object.entries(given)) tx.set(ENDED_TOKENS, id, end);
    });
    expect(await endedBy(world, jti)).toBe(want);
  });
});
