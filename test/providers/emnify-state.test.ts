// emnify state without HTTP: seeding hashes application tokens, the admin view, and the sweep of run-out locks.

import { describe, expect, it } from 'vitest';
import { createFixedClock } from '../../src/clock.js';
import { createEmnifyProvider } from '../../src/providers/emnify/index.js';
import { createMemoryStore } from '../../src/state/memory-store.js';

const clock = createFixedClock(Date.parse('2026-01-01T00:00:00Z'));
const section = {
  organisations: [{ id: 1, name: 'Org' }],
  users: [{ id: 2, username: 'u@x.example', organisation_id: 1, password_sha1: 'f'.repeat(40) }],
  application_tokens: [{ id: 7, token: 'secret-application-token-value', creator_id: 2, expiry_date: '2025-12-31' }],
};

describe('emnify seed, describeState and sweep', () => {
  it('keeps application tokens hashed and shows expiry in the state', async () => {
    const provider = createEmnifyProvider();
    const store = createMemoryStore();
    expect(await store.write((tx) => provider.seed(tx, section, { clock }))).toBe(3);
    expect(JSON.stringify(await store.snapshot())).not.toContain('secret-application-token-value');
    const state = (await store.read((tx) => provider.describeState(tx, { clock }))) as Record<string, unknown>;
    expect(state['application_tokens']).toEqual([
      { id: 7, organisation_id: 1, description: null, status: 'expired', expiry_date: '2025-12-31T23:59:59.999Z' },
    ]);
    expect(JSON.stringify(state)).not.toContain('f'.repeat(40));
  });

  it('new application token ids continue after the fixtures', async () => {
    const store = createMemoryStore();
    await store.write((tx) => createEmnifyProvider().seed(tx, section, { clock }));
    expect(await store.read((tx) => tx.get<number>('emnify.meta', 'next_application_token_id'))).toBe(8);
  });

  it('refuses a fixture application token whose creator is not a user', async () => {
    const store = createMemoryStore();
    await expect(
      store.write((tx) => createEmnifyProvider().seed(tx, { application_tokens: [{ id: 1, token: 'x'.repeat(20), creator_id: 99 }] }, { clock })),
    ).rejects.toThrow(/creator_id 99/);
  });

  it('sweeps locks that have run out, keeps live ones', async () => {
    const provider = createEmnifyProvider();
    const store = createMemoryStore();
    await store.write((tx) => {
      tx.set('emnify.login_failures', '1', { count: 3, lockedUntil: clock.now() + 1000 });
      tx.set('emnify.login_failures', '2', { count: 3, lockedUntil: clock.now() - 1 });
      tx.set('emnify.login_failures', '3', { count: 1, lockedUntil: null });
    });
    await store.write((tx) => provider.sweep?.(tx, clock.now()));
    expect(await store.read((tx) => [...tx.entries('emnify.login_failures')].map(([k]) => k))).toEqual(['1', '3']);
  });

  it('refuses a JWT secret shorter than 32 bytes', () => {
    expect(() => createEmnifyProvider({ jwtSecret: 'too-short' })).toThrow(RangeError);
  });
});
