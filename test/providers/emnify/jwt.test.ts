// The emnify JWT service on its own: tokens look as recorded ({"alg":"HS384"}, aud/iss), and jose verifies them.

import { SignJWT, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { createJwtService, type EmnifyClaims } from '../../../src/providers/emnify/jwt.js';
import { createKeyring, toKeyBytes } from '../../../src/providers/emnify/signing-key.js';
import { createMemoryStore } from '../../../src/world/memory-store.js';

const SECRET = 'authmock-emnify-unit-secret-0123456789abcdef-0123456789';
const KEY_BYTES = new TextEncoder().encode(SECRET);
const OPTIONS = { issuer: 'authmock001@spc-frontend', audience: '/api/v1/authentication' };
const CLAIMS: EmnifyClaims = { sub: 'user@domain.com', 'esc.org': 1234, 'esc.orgName': 'Demo Org', 'esc.user': 5678 };
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

const pinned = async (secret: string | Uint8Array = SECRET) => (await createKeyring({ pinned: toKeyBytes(secret, 'test') }).read(createMemoryStore())).key!;
const payloadOf = (token: string): Record<string, unknown> => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));

describe('emnify JWT issue', () => {
  it.each([
    ['auth', 14_400],
    ['refresh', 2_592_000],
  ] as const)('a %s token has the recorded header {"alg":"HS384"} and the recorded claims first', async (use, ttl) => {
    // Recorded in emnify-sdk-python tests/fixtures/cassettes/*.yaml: eyJhbGciOiJIUzM4NCJ9 and
    // {"aud":"\/api\/v1\/authentication","esc.app":…,"esc.org":…,"esc.orgName":…,"iss":"…@spc-frontend","exp":…,"iat":…}.
    const token = await createJwtService(OPTIONS).issue(use, CLAIMS, NOW, ttl, 'main', await pinned());
    expect(token.split('.')[0]).toBe('eyJhbGciOiJIUzM4NCJ9');
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS384' });
    const payload = payloadOf(token);
    expect(Object.keys(payload)).toEqual(['aud', 'esc.org', 'esc.orgName', 'iss', 'exp', 'iat', 'sub', 'esc.user', 'jti', 'token_use', 'authmock.world']);
    expect(payload).toMatchObject({ ...CLAIMS, aud: OPTIONS.audience, iss: OPTIONS.issuer, token_use: use, 'authmock.world': 'main', iat: NOW / 1000, exp: NOW / 1000 + ttl });
    expect(payload['jti']).toMatch(/^[0-9a-f]{32}$/);
    expect(Buffer.from(token.split('.')[1]!, 'base64url').toString()).toContain('"aud":"\\/api\\/v1\\/authentication"');
  });

  it('an application-token login carries esc.app right after aud, as recorded', async () => {
    const token = await createJwtService(OPTIONS).issue('auth', { ...CLAIMS, 'esc.app': 7 }, NOW, 604_800, 'main', await pinned());
    expect(Object.keys(payloadOf(token)).slice(0, 5)).toEqual(['aud', 'esc.app', 'esc.org', 'esc.orgName', 'iss']);
  });

  it('jose verifies an issued token with the key (HS384), issuer and audience; the service verifies it too', async () => {
    const service = createJwtService(OPTIONS);
    const key = await pinned();
    const token = await service.issue('auth', { ...CLAIMS, 'esc.app': 7 }, NOW, 60, 'main', key);
    const { payload, protectedHeader } = await jwtVerify(token, KEY_BYTES, {
      algorithms: ['HS384'],
      issuer: OPTIONS.issuer,
      audience: OPTIONS.audience,
      currentDate: new Date(NOW),
    });
    expect(protectedHeader).toEqual({ alg: 'HS384' });
    expect(payload['esc.app']).toBe(7);
    const outcome = await service.verify('auth', token, NOW + 59_000, 'main', key);
    expect(outcome).toMatchObject({ ok: true, token: { claims: { ...CLAIMS, 'esc.app': 7 }, exp: NOW / 1000 + 60 } });
    expect(await service.verify('auth', token, NOW + 60_000, 'main', key)).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('every token has its own jti, and a token of one use, world or key is refused as another', async () => {
    const service = createJwtService(OPTIONS);
    const key = await pinned();
    const tokens = await Promise.all(Array.from({ length: 200 }, () => service.issue('auth', CLAIMS, NOW, 60, 'main', key)));
    expect(new Set(tokens.map((t) => payloadOf(t)['jti'])).size).toBe(200);
    const refresh = await service.issue('refresh', CLAIMS, NOW, 60, 'main', key);
    expect(await service.verify('auth', refresh, NOW, 'main', key)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await service.verify('auth', tokens[0]!, NOW, 'sandbox-1', key)).toMatchObject({ ok: false, reason: 'invalid' });
    const otherKey = await pinned('another-secret-of-at-least-48-bytes-long-0123456789!!');
    expect(await service.verify('auth', tokens[0]!, NOW, 'main', otherKey)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await service.verify('auth', tokens[0]!, NOW, 'main', undefined)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('a token verified once is refused once its world has another key (a reset made a new one)', async () => {
    const service = createJwtService(OPTIONS);
    const key = await pinned();
    const token = await service.issue('auth', CLAIMS, NOW, 60, 'main', key);
    expect(await service.verify('auth', token, NOW, 'main', key)).toMatchObject({ ok: true });
    const next = await pinned('the-key-after-a-reset-is-another-one-0123456789abcdef');
    expect(await service.verify('auth', token, NOW, 'main', next)).toMatchObject({ ok: false, reason: 'invalid' });
  });
});

describe('emnify JWT verify, beside jose', () => {
  const base = { ...CLAIMS, aud: OPTIONS.audience, iss: OPTIONS.issuer, iat: NOW / 1000, exp: NOW / 1000 + 60, jti: 'j-1', token_use: 'auth', 'authmock.world': 'main' };
  /** A token jose signs with the world's key: what the service makes of it must be what jose's jwtVerify makes of it. */
  const signed = (payload: Record<string, unknown>, alg = 'HS384'): Promise<string> =>
    new SignJWT(payload).setProtectedHeader({ alg }).sign(alg === 'HS384' ? KEY_BYTES : new Uint8Array(64).fill(7));

  it.each<[string, { given: Record<string, unknown>; alg?: string; want: 'ok' | 'invalid' | 'expired' }]>([
    ['the claims authmock writes', { given: base, want: 'ok' }],
    ['an audience list holding the audience', { given: { ...base, aud: ['other', OPTIONS.audience] }, want: 'ok' }],
    ['another issuer', { given: { ...base, iss: 'someone-else' }, want: 'invalid' }],
    ['another audience', { given: { ...base, aud: '/api/v2/other' }, want: 'invalid' }],
    ['"nbf" still ahead', { given: { ...base, nbf: NOW / 1000 + 1 }, want: 'invalid' }],
    ['no "exp"', { given: { ...base, exp: undefined }, want: 'invalid' }],
    ['"exp" reached this second', { given: { ...base, exp: NOW / 1000 }, want: 'expired' }],
    ['no "jti"', { given: { ...base, jti: undefined }, want: 'invalid' }],
    ['another algorithm', { given: base, alg: 'HS512', want: 'invalid' }],
  ])('%s', async (_name, { given, alg, want }) => {
    const payload = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
    const token = await signed(payload, alg);
    const outcome = await createJwtService(OPTIONS).verify('auth', token, NOW, 'main', await pinned());
    expect(outcome.ok ? 'ok' : outcome.reason).toBe(want);
    const byJose = await jwtVerify(token, KEY_BYTES, { algorithms: ['HS384'], issuer: OPTIONS.issuer, audience: OPTIONS.audience, currentDate: new Date(NOW), requiredClaims: ['exp', 'iat', 'sub', 'jti'] }).then(
      () => 'ok',
      (error: { code?: string }) => (error.code === 'ERR_JWT_EXPIRED' ? 'expired' : 'invalid'),
    );
    expect(byJose).toBe(want);
  });

  it.each<[string, { given: (token: string) => string }]>([
    ['a changed payload under the same signature', { given: (t) => { const [h, , sig] = t.split('.'); return `${h}.${Buffer.from(JSON.stringify({ ...base, 'esc.org': 1 })).toString('base64url')}.${sig}`; } }],
    ['a character added to the signature', { given: (t) => `${t}x` }],
    ['the signature\'s last character changed', { given: (t) => t.slice(0, -1) + (t.endsWith('A') ? 'B' : 'A') }],
    ['no signature', { given: (t) => t.slice(0, t.lastIndexOf('.') + 1) }],
  ])('refuses %s, as jose does', async (_name, { given }) => {
    const token = given(await signed(base));
    expect(await createJwtService(OPTIONS).verify('auth', token, NOW, 'main', await pinned())).toMatchObject({ ok: false, reason: 'invalid' });
    await expect(jwtVerify(token, KEY_BYTES, { algorithms: ['HS384'] })).rejects.toThrow();
  });
});
