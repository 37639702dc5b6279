// RFCx state without HTTP: seeding hashes every secret, the admin view, and the sweep of expired tokens.

import { describe, expect, it } from 'vitest';
import { createFixedClock } from '../../../src/world/clock.js';
import { createRfcxProvider } from '../../../src/providers/rfcx/index.js';
import { createMemoryStore } from '../../../src/world/memory-store.js';

const clock = createFixedClock(Date.parse('2026-01-01T00:00:00Z'));
const section = {
  guardians: [{ guid: 'df72c626229f', token: '5ffd69500c83b9d948f5d0852538b5b983453182' }],
  users: [
    {
      guid: 'u1',
      email: 'Demo@RFCx.example',
      password: 'rfcx-demo-password',
      tokens: [{ token: 'a'.repeat(40), lifetime_minutes: 1 }, { token: 'b'.repeat(40), expires_at: null }],
    },
  ],
  registration_tokens: [{ code: 'AB12CD34' }],
  temporary_tokens: [{ guid: '0f8e7d6c-5b4a-4938-8271-605f4e3d2c1b', token: 'c'.repeat(40) }],
};

describe('rfcx seed, describeState and sweep', () => {
  it('seeds every item, keeps no secret in clear, and counts what it added', async () => {
    const provider = createRfcxProvider();
    const store = createMemoryStore();
    expect(await store.write((tx) => provider.seed(tx, section, { clock }))).toBe(6);
    const snapshot = JSON.stringify(await store.snapshot());
    for (const secret of ['5ffd69500c83b9d948f5d0852538b5b983453182', 'rfcx-demo-password', 'a'.repeat(40), 'c'.repeat(40), 'cd34', 'CD34']) {
      expect(snapshot).not.toContain(secret);
    }
    const state = (await store.read((tx) => provider.describeState(tx, { clock }))) as Record<string, Array<Record<string, unknown>>>;
    expect(state['registration_tokens']).toEqual([{ guid: 'ab12', redemptions_left: 1, allowed_paths: ['/v2/guardians/register'], expires_at: null }]);
    expect(state['temporary_tokens']?.[0]?.['expires_at']).toBe('2026-01-01T00:15:00.000Z');
    expect(state['user_tokens']?.map((t) => t['expires_at'])).toEqual(['2026-01-01T00:01:00.000Z', null]);
  });

  it('sweeps expired user and temporary tokens, and nothing else', async () => {
    const provider = createRfcxProvider();
    const store = createMemoryStore();
    await store.write((tx) => provider.seed(tx, section, { clock }));
    await store.write((tx) => provider.sweep?.(tx, clock.now() + 60_000 - 1));
    expect((await store.read((tx) => [tx.size('rfcx.user_tokens'), tx.size('rfcx.temporary_tokens')]))).toEqual([2, 1]);
    await store.write((tx) => provider.sweep?.(tx, clock.now() + 15 * 60_000));
    expect((await store.read((tx) => [tx.size('rfcx.user_tokens'), tx.size('rfcx.temporary_tokens'), tx.size('rfcx.guardians')]))).toEqual([1, 0, 1]);
  });
});
