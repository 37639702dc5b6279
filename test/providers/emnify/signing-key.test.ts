// emnify's signing keys on their own: one per world, made on its first token and kept in the store; options over fixtures over defaults.

import { describe, expect, it } from 'vitest';
import { createKeyring, fingerprintOf, toKeyBytes } from '../../../src/providers/emnify/signing-key.js';
import { createMemoryStore } from '../../../src/world/memory-store.js';

const SECRET = 'authmock-emnify-unit-secret-0123456789abcdef-0123456789';
const KEY_BYTES = new TextEncoder().encode(SECRET);

describe('emnify signing keys', () => {
  it('a world without a key gets one on its first token, kept in the store, and the same one after', async () => {
    const keyring = createKeyring();
    const store = createMemoryStore();
    expect((await keyring.read(store)).key).toBeUndefined();
    const [a, b] = await Promise.all([keyring.ensure(store), keyring.ensure(store)]);
    expect(a.key.bytes.equals(b.key.bytes)).toBe(true);
    expect(a.key.bytes.length).toBe(48);
    expect(fingerprintOf((await keyring.read(store)).key!)).toBe(fingerprintOf(a.key));
    expect(fingerprintOf(a.key)).toMatch(/^[0-9a-f]{16}$/);
    // Another keyring (a restarted mock) over the same contents finds the same key.
    const restarted = createKeyring();
    expect((await restarted.read(createMemoryStore({ initial: await store.snapshot() }))).key!.bytes.equals(a.key.bytes)).toBe(true);
  });

  it('a pinned key wins over the stored one; options win over the fixtures, which win over the defaults', async () => {
    const store = createMemoryStore();
    await store.write((tx) => tx.set('emnify.settings', 'jwt', { signing_key: Buffer.alloc(48, 1).toString('base64url'), auth_token_ttl_seconds: 600 }));
    const fromState = await createKeyring().read(store);
    expect(fromState).toMatchObject({ keySource: 'state', authTokenTtlSeconds: 600, applicationAuthTokenTtlSeconds: 604_800 });
    const fromOptions = await createKeyring({ pinned: KEY_BYTES, authTokenTtlSeconds: 60, applicationAuthTokenTtlSeconds: 14_400 }).read(store);
    expect(fromOptions).toMatchObject({ keySource: 'option', authTokenTtlSeconds: 60, applicationAuthTokenTtlSeconds: 14_400 });
    expect(fromOptions.key!.bytes.equals(Buffer.from(KEY_BYTES))).toBe(true);
  });

  it('refuses a key shorter than 48 bytes (RFC 7518: an HS384 key is at least 384 bits)', () => {
    expect(() => toKeyBytes('x'.repeat(47), 'the key')).toThrow(/at least 48 bytes/);
    expect(toKeyBytes('x'.repeat(48), 'the key')).toHaveLength(48);
  });
});
