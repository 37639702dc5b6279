// The emnify JWT service on its own: tokens signed with node:crypto are exactly what jose would sign, and jose verifies them.

import { SignJWT, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { createJwtService, type EmnifyClaims } from '../../src/providers/emnify/jwt.js';

const SECRET = 'authmock-emnify-unit-secret-0123456789abcdef';
const KEY = new TextEncoder().encode(SECRET);
const OPTIONS = { secret: SECRET, issuer: 'authmock-emnify', audience: 'authmock-emnify-api' };
const CLAIMS: EmnifyClaims = { sub: 'user@domain.com', 'esc.org': 1234, 'esc.orgName': 'Demo Org', 'esc.user': 5678 };
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

const payloadOf = (token: string): Record<string, unknown> => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));

describe('emnify JWT issue', () => {
  it.each([
    ['auth', 'JWT', 14_400],
    ['refresh', 'refresh+jwt', 2_592_000],
  ] as const)('a %s token is the token jose SignJWT makes from the same header and claims, byte for byte', async (use, typ, ttl) => {
    const service = createJwtService(OPTIONS);
    const token = service.issue(use, CLAIMS, NOW, ttl, 'main');
    const payload = payloadOf(token);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ });
    expect(Object.keys(payload)).toEqual(['sub', 'esc.org', 'esc.orgName', 'esc.user', 'token_use', 'authmock.world', 'iss', 'aud', 'iat', 'exp', 'jti']);
    expect(payload).toMatchObject({ ...CLAIMS, token_use: use, 'authmock.world': 'main', iat: NOW / 1000, exp: NOW / 1000 + ttl });
    expect(payload['jti']).toMatch(/^[0-9a-f]{32}$/);
    // jose, given the same header and payload (same key order), signs the same bytes.
    const jose = await new SignJWT(payload).setProtectedHeader({ alg: 'HS256', typ }).sign(KEY);
    expect(token).toBe(jose);
  });

  it('jose verifies an issued token with the key, issuer, audience and type; the service verifies it too', async () => {
    const service = createJwtService(OPTIONS);
    const token = service.issue('auth', { ...CLAIMS, 'esc.app': 7 }, NOW, 60, 'main');
    const { payload } = await jwtVerify(token, KEY, { issuer: OPTIONS.issuer, audience: OPTIONS.audience, typ: 'JWT', currentDate: new Date(NOW) });
    expect(payload['esc.app']).toBe(7);
    const outcome = await service.verify('auth', token, NOW + 59_000, 'main');
    expect(outcome).toMatchObject({ ok: true, token: { claims: { ...CLAIMS, 'esc.app': 7 }, exp: NOW / 1000 + 60 } });
    expect(await service.verify('auth', token, NOW + 60_000, 'main')).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('every token has its own jti, and a token of one use or world is refused as another', async () => {
    const service = createJwtService(OPTIONS);
    const tokens = Array.from({ length: 200 }, () => service.issue('auth', CLAIMS, NOW, 60, 'main'));
    expect(new Set(tokens.map((t) => payloadOf(t)['jti'])).size).toBe(200);
    const refresh = service.issue('refresh', CLAIMS, NOW, 60, 'main');
    expect(await service.verify('auth', refresh, NOW, 'main')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await service.verify('auth', tokens[0]!, NOW, 'sandbox-1')).toMatchObject({ ok: false, reason: 'invalid' });
    const other = createJwtService({ ...OPTIONS, secret: 'another-secret-of-at-least-32-bytes-long!!' });
    expect(await other.verify('auth', tokens[0]!, NOW, 'main')).toMatchObject({ ok: false, reason: 'invalid' });
  });
});
