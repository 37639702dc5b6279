// emnify's JWTs as recorded: header exactly {"alg":"HS384"}, keys from the world's store, times from the mock clock.

import { createHmac, webcrypto } from 'node:crypto';
import { jwtVerify } from 'jose';
import { randomHex } from '../../engine/secrets.js';
import type { SigningKey } from './signing-key.js';
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
  /** Synchronous: HS384 with node:crypto (see `issue` below). */
  issue(use: TokenUse, claims: EmnifyClaims, nowMs: number, ttlSeconds: number, worldId: string, key: SigningKey): string;
  /** `key` undefined: the world has no signing key yet, so it never issued a token and none is valid. */
  verify(use: TokenUse, token: string, nowMs: number, worldId: string, key: SigningKey | undefined): Promise<VerifyOutcome>;
}

export interface JwtOptions {
  /** Recorded: `spc-frontend001@spc-frontend` (a node of emnify's front end); authmock's own node by default. */
  issuer: string;
  /** Recorded: `/api/v1/authentication`. */
  audience: string;
  /** Successful verifications remembered per instance (default 10,000), so each token is checked cryptographically once. */
  verifiedCacheSize?: number;
}

/** The claims' values as recorded in the official Python SDK's cassettes (`tests/fixtures/cassettes/*.yaml`). */
export const RECORDED_AUDIENCE = '/api/v1/authentication';
export const DEFAULT_ISSUER = 'authmock001@spc-frontend';

export const ALGORITHM = 'HS384';
/** The protected header of every emnify token, as recorded: `{"alg":"HS384"}`, no `typ` (`eyJhbGciOiJIUzM4NCJ9`). */
const HEADER = Buffer.from(JSON.stringify({ alg: ALGORITHM })).toString('base64url');
/** Claim binding a token to the world (app or sandbox) that issued it, so sandboxes never accept each other's tokens. */
const WORLD_CLAIM = 'authmock.world';
/** Imported HMAC keys kept per instance; a world's key rarely changes, so a small bound suffices. */
const MAX_IMPORTED_KEYS = 256;

const fail = (reason: VerifyFailure['reason'], detail: string): VerifyFailure => ({ ok: false, reason, detail });

/** emnify's server writes JSON with `/` escaped (`"aud":"\/api\/v1\/authentication"`), as recorded. */
const toRecordedJson = (value: unknown): string => JSON.stringify(value).replaceAll('/', '\\/');

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
  const imported = new Map<string, Promise<webcrypto.CryptoKey>>();
  // Imported once per key (jose would import a raw Uint8Array on every call).
  const cryptoKeyOf = (key: SigningKey): Promise<webcrypto.CryptoKey> => {
    let found = imported.get(key.id);
    if (!found) {
      if (imported.size >= MAX_IMPORTED_KEYS) imported.delete(imported.keys().next().value!);
      found = webcrypto.subtle.importKey('raw', key.bytes, { name: 'HMAC', hash: 'SHA-384' }, false, ['sign', 'verify']);
      imported.set(key.id, found);
    }
    return found;
  };

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
    issue(use, claims, nowMs, ttlSeconds, worldId, key) {
      const iat = Math.floor(nowMs / 1000);
      // The recorded claims first, in the recorded order (aud, esc.app, esc.org, esc.orgName, iss, exp, iat), then what
      // authmock adds to tell tokens apart. Signed here with node:crypto because jose 6 signs through WebCrypto, which
      // hops to the thread pool (bench/README.md); jose verifies every token.
      const payload: Record<string, unknown> = { aud: options.audience };
      if (claims['esc.app'] !== undefined) payload['esc.app'] = claims['esc.app'];
      Object.assign(payload, {
        'esc.org': claims['esc.org'],
        'esc.orgName': claims['esc.orgName'],
        iss: options.issuer,
        exp: iat + ttlSeconds,
        iat,
        sub: claims.sub,
        'esc.user': claims['esc.user'],
        jti: randomHex(16),
        token_use: use,
        [WORLD_CLAIM]: worldId,
      });
      const input = `${HEADER}.${Buffer.from(toRecordedJson(payload)).toString('base64url')}`;
      return `${input}.${createHmac('sha384', key.bytes).update(input).digest('base64url')}`;
    },

    async verify(use, token, nowMs, worldId, key) {
      const dots = token.split('.');
      if (dots.length !== 3) return fail('malformed', 'token contains an invalid number of segments');
      if (!key) return fail('invalid', `${use} token rejected: this world has not issued any token yet (no signing key)`);
      const cached = verified.get(token);
      // Same token, use, world and key: the signature and the fixed claims hold; only the times are checked again.
      if (cached && cached.use === use && cached.worldId === worldId && cached.keyId === key.id) return checkTimes(token, cached, use, nowMs);
      // Only the header authmock writes: anything else (a `typ`, `kid`, `crit`, another algorithm) is not its token.
      if (dots[0] !== HEADER) return fail('invalid', `${use} token rejected: the header is not {"alg":"HS384"}`);
      let payload: Record<string, unknown>;
      try {
        ({ payload } = await jwtVerify(token, await cryptoKeyOf(key), {
          algorithms: [ALGORITHM],
          issuer: options.issuer,
          audience: options.audience,
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
      verified.set(token, { use, worldId, keyId: key.id, payload, iat, exp, nbf: typeof nbf === 'number' ? nbf : undefined });
      return { ok: true, token: { claims, jti: String(payload['jti']), exp } };
    },
  };
}
