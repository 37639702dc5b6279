// emnify state without HTTP: seeding hashes application tokens, the admin view, and the sweep of run-out locks.

import { describe, expect, it } from 'vitest';
import { createFixedClock } from '../../../src/world/clock.js';
import { createEmnifyProvider } from '../../../src/providers/emnify/index.js';
import { createMemoryStore } from '../../../src/world/memory-store.js';

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

  it('refuses a JWT secret shorter than 48 bytes (HS384)', () => {
    expect(() => createEmnifyProvider({ jwtSecret: 'x'.repeat(47) })).toThrow(RangeError);
    expect(() => createEmnifyProvider({ jwtSecret: 'x'.repeat(48) })).not.toThrow();
  });

  it("keeps endpoint dates in emnify's recorded form, from RFC 3339 or that form, and refuses a date that is neither", async () => {
    const store = createMemoryStore();
    const endpoint = { organisation_id: 1, name: 'e', status: { id: 0 }, service_profile: { id: 1 }, tariff_profile: { id: 1 } };
    await store.write((tx) =>
      createEmnifyProvider().seed(
        tx,
        { ...section, endpoints: [{ ...endpoint, id: 5, created: '2021-11-18T09:25:53+01:00', last_updated: '2021-12-29T08:51:00.000+0000' }] },
        { clock },
      ),
    );
    const stored = await store.read((tx) => tx.get<{ endpoint: Record<string, unknown> }>('emnify.endpoints', '5'));
    expect(stored?.endpoint).toMatchObject({ created: '2021-11-18T08:25:53.000+0000', last_updated: '2021-12-29T08:51:00.000+0000' });
    await expect(
      store.write((tx) => createEmnifyProvider().seed(tx, { endpoints: [{ ...endpoint, id: 6, created: '2021-02-30T00:00:00Z' }] }, { clock })),
    ).rejects.toThrow(/endpoint 6: created/);
  });

  it('seeds the jwt settings into the state; a secret is kept as its key bytes (base64url)', async () => {
    const store = createMemoryStore();
    const secret = 'a-fixture-secret-that-is-at-least-48-bytes-long-0123';
    await store.write((tx) => createEmnifyProvider().seed(tx, { jwt: { secret, application_auth_token_ttl_seconds: 14_400 } }, { clock }));
    expect(await store.read((tx) => tx.get('emnify.settings', 'jwt'))).toEqual({
      signing_key: Buffer.from(secret).toString('base64url'),
      application_auth_token_ttl_seconds: 14_400,
    });
  });
});
