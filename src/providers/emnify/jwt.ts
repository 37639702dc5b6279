// emnify's JWTs: HS256 only, one key per provider instance, times from the mock clock; auth and refresh never interchangeable.

import { createHmac, randomBytes, webcrypto } from 'node:crypto';
import { jwtVerify } from 'jose';
import { randomHex } from '../../security/secrets.js';
import { createVerifiedCache, type VerifiedEntry } from './verified-cache.js';

export type TokenUse = 'auth' | 'refresh';

/** The emnify claims authmock puts in every token (`esc.*` are flat, dotted claim names as emnify uses them). */
export interface EmnifyClaims {
  sub: string;
  'esc.org': number;
  'esc.orgName': string;
  'esc.user': number;
  /** Application token id, for tokens obtained with an application token. */
  'esc.app'?: number;
}

export interface VerifiedToken {
  claims: EmnifyClaims;
  jti: string;
  exp: number;
}

export type VerifyFailure = { ok: false; reason: 'malformed' | 'invalid' | 'expired'; detail: string };
export type VerifyOutcome = { ok: true; token: VerifiedToken } | VerifyFailure;

export interface JwtService {
  /** Synchronous: HS256 with node:crypto (see `issue` below). */
  issue(use: TokenUse, claims: EmnifyClaims, nowMs: number, ttlSeconds: number, worldId: string): string;
  verify(use: TokenUse, token: string, nowMs: number, worldId: string): Promise<VerifyOutcome>;
}

export interface JwtOptions {
  /** HS256 key: at least 32 bytes (a string is taken as UTF-8). Default: 32 random bytes per provider instance. */
  secret?: string | Uint8Array;
  issuer: string;
  audience: string;
  /** Successful verifications remembered per instance (default 10,000), so each token is checked cryptographically once. */
  verifiedCacheSize?: number;
}

const ALGORITHM = 'HS256';
const TYP: Readonly<Record<TokenUse, string>> = { auth: 'JWT', refresh: 'refresh+jwt' };
/** The protected header of each kind of token, encoded once: `{"alg":"HS256","typ":…}` as jose writes it. */
const HEADERS: Readonly<Record<TokenUse, string>> = {
  auth: Buffer.from(JSON.stringify({ alg: ALGORITHM, typ: TYP.auth })).toString('base64url'),
  refresh: Buffer.from(JSON.stringify({ alg: ALGORITHM, typ: TYP.refresh })).toString('base64url'),
};
/** Claim binding a token to the world (app or sandbox) that issued it, so sandboxes never accept each other's tokens. */
const WORLD_CLAIM = 'authmock.world';

const fail = (reason: VerifyFailure['reason'], detail: string): VerifyFailure => ({ ok: false, reason, detail });

function toKeyBytes(secret: string | Uint8Array | undefined): Uint8Array {
  if (secret === undefined) return new Uint8Array(randomBytes(32));
  const bytes = typeof secret === 'string' ? new Uint8Array(Buffer.from(secret, 'utf8')) : secret;
  if (bytes.length < 32) throw new RangeError('the emnify JWT secret must be at least 32 bytes');
  return bytes;
}

function readClaims(payload: Readonly<Record<string, unknown>>): EmnifyClaims | undefined {
  const { sub } = payload;
  const org = payload['esc.org'];
  const orgName = payload['esc.orgName'];
  const user = payload['esc.user'];
  const app = payload['esc.app'];
  if (typeof sub !== 'string' || !Number.isInteger(org) || typeof orgName !== 'string' || !Number.isInteger(user)) return undefined;
  if (app !== undefined && !Number.isInteger(app)) return undefined;
  const claims: EmnifyClaims = { sub, 'esc.org': org as number, 'esc.orgName': orgName, 'esc.user': user as number };
  if (app !== undefined) claims['esc.app'] = app as number;
  return claims;
}

export function createJwtService(options: JwtOptions): JwtService {
  const bytes = toKeyBytes(options.secret);
  let key: Promise<webcrypto.CryptoKey> | undefined;
  // Imported once (jose would import a raw Uint8Array on every call).
  const getKey = (): Promise<webcrypto.CryptoKey> =>
    (key ??= webcrypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']));

  const verified = createVerifiedCache(options.verifiedCacheSize);

  /** jose's time checks (nbf, then exp, no tolerance), then the "iat" one, in the order a full verification makes them. */
  const checkTimes = (token: string, entry: VerifiedEntry, use: TokenUse, nowMs: number): VerifyOutcome => {
    const now = Math.floor(nowMs / 1000);
    if (entry.nbf !== undefined && entry.nbf > now) return fail('invalid', `${use} token rejected (ERR_JWT_CLAIM_VALIDATION_FAILED)`);
    if (entry.exp <= now) {
      verified.delete(token);
      return fail('expired', `the ${use} token has expired`);
    }
    if (entry.iat > now) return fail('invalid', '"iat" is in the future');
    // readClaims builds fresh objects, so no caller can change what the cache holds.
    return { ok: true, token: { claims: readClaims(entry.payload)!, jti: String(entry.payload['jti']), exp: entry.exp } };
  };

  return {
    issue(use, claims, nowMs, ttlSeconds, worldId) {
      const iat = Math.floor(nowMs / 1000);
      // The payload jose's SignJWT builds for these setters, key for key in the same order; the signature is the same
      // HS256 over the same bytes. Signed here with node:crypto because jose 6 signs through WebCrypto, which hops to
      // the thread pool: two of those per sign-in were most of its cost (bench/README.md). jose verifies every token.
      const payload = {
        ...claims,
        token_use: use,
        [WORLD_CLAIM]: worldId,
        iss: options.issuer,
        aud: options.audience,
        sub: claims.sub,
        iat,
        exp: iat + ttlSeconds,
        jti: randomHex(16),
      };
      const input = `${HEADERS[use]}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
      return `${input}.${createHmac('sha256', bytes).update(input).digest('base64url')}`;
    },

    async verify(use, token, nowMs, worldId) {
      if (token.split('.').length !== 3) return fail('malformed', 'token contains an invalid number of segments');
      const cached = verified.get(token);
      // Same token, same use and world: the signature and the fixed claims hold; only the times are checked again.
      if (cached && cached.use === use && cached.worldId === worldId) return checkTimes(token, cached, use, nowMs);
      let payload: Record<string, unknown>;
      try {
        ({ payload } = await jwtVerify(token, await getKey(), {
          algorithms: [ALGORITHM],
          issuer: options.issuer,
          audience: options.audience,
          typ: TYP[use],
          currentDate: new Date(nowMs),
          requiredClaims: ['exp', 'iat', 'sub', 'jti'],
        }));
      } catch (error) {
        // Told apart by jose's stable error code, never by message; anything unexpected is simply an invalid token.
        const code = (error as { code?: unknown }).code;
        if (code === 'ERR_JWT_EXPIRED') return fail('expired', `the ${use} token has expired`);
        return fail('invalid', `${use} token rejected (${typeof code === 'string' ? code : 'unparseable'})`);
      }
      if (payload['token_use'] !== use) return fail('invalid', `not an ${use} token`);
      const iat = payload['iat'];
      if (typeof iat !== 'number' || iat > Math.floor(nowMs / 1000)) return fail('invalid', '"iat" is in the future');
      if (payload[WORLD_CLAIM] !== worldId) return fail('invalid', 'the token was issued by another authmock world (sandbox)');
      const claims = readClaims(payload);
      if (!claims) return fail('invalid', 'the token lacks the emnify claims');
      const nbf = payload['nbf'];
      const exp = payload['exp'] as number;
      verified.set(token, { use, worldId, payload, iat, exp, nbf: typeof nbf === 'number' ? nbf : undefined });
      return { ok: true, token: { claims, jti: String(payload['jti']), exp } };
    },
  };
}
