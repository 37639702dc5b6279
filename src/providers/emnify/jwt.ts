// emnify's JWTs as recorded: header exactly {"alg":"HS384"}, keys from the world's store, times from the mock clock.

import { createHmac, timingSafeEqual } from 'node:crypto';
import { randomHex } from '../../engine/secrets.js';
import type { SigningKey } from './signing-key.js';

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
  /** Signed HS384, the payload's bytes written as emnify writes them. */
  issue(use: TokenUse, claims: EmnifyClaims, nowMs: number, ttlSeconds: number, worldId: string, key: SigningKey): Promise<string>;
  /** `key` undefined: the world has no signing key yet, so it never issued a token and none is valid. */
  verify(use: TokenUse, token: string, nowMs: number, worldId: string, key: SigningKey | undefined): Promise<VerifyOutcome>;
}

export interface JwtOptions {
  /** Recorded: `spc-frontend001@spc-frontend` (a node of emnify's front end); authmock's own node by default. */
  issuer: string;
  /** Recorded: `/api/v1/authentication`. */
  audience: string;
}

/** The claims' values as recorded in the official Python SDK's cassettes (`tests/fixtures/cassettes/*.yaml`). */
export const RECORDED_AUDIENCE = '/api/v1/authentication';
export const DEFAULT_ISSUER = 'authmock001@spc-frontend';

export const ALGORITHM = 'HS384';
/** The protected header of every emnify token, as recorded: `{"alg":"HS384"}`, no `typ` (`eyJhbGciOiJIUzM4NCJ9`). */
const HEADER = { alg: ALGORITHM };
const ENCODED_HEADER = Buffer.from(JSON.stringify(HEADER)).toString('base64url');
/** Claim binding a token to the world (app or sandbox) that issued it, so sandboxes never accept each other's tokens. */
const WORLD_CLAIM = 'authmock.world';

/**
 * HS384 (HMAC SHA-384, RFC 7518 §3.2) with node:crypto: saves 40-70 µs of CPU per token against jose, whose WebCrypto
 * calls hop to the thread pool; that alone is about Koa's whole request, so the bearer and login paths would miss the
 * 1.25 × Koa target (bench/README.md). Tests check every token against jose's jwtVerify.
 */
const signHs384 = (input: string, key: SigningKey): Buffer => createHmac('sha384', key.bytes).update(input).digest();

/**
 * The token's signature is HS384 of its first two segments under `key`, compared in constant time as text: decoding
 * first would accept extra or altered trailing characters that base64url decoding drops.
 */
function hasHs384Signature(token: string, key: SigningKey): boolean {
  const lastDot = token.lastIndexOf('.');
  const given = Buffer.from(token.slice(lastDot + 1));
  const expected = Buffer.from(signHs384(token.slice(0, lastDot), key).toString('base64url'));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** `base64url(JSON)` → the object, or undefined when it is not a JSON object. */
function readPayload(segment: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

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
  return {
    async issue(use, claims, nowMs, ttlSeconds, worldId, key) {
      const iat = Math.floor(nowMs / 1000);
      // The recorded claims first, in the recorded order (aud, esc.app, esc.org, esc.orgName, iss, exp, iat), then what
      // authmock adds to tell tokens apart.
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
      // A JWS over the payload's own bytes, `/` escaped as emnify writes it.
      const input = `${ENCODED_HEADER}.${Buffer.from(toRecordedJson(payload)).toString('base64url')}`;
      return `${input}.${signHs384(input, key).toString('base64url')}`;
    },

    async verify(use, token, nowMs, worldId, key) {
      const dots = token.split('.');
      if (dots.length !== 3) return fail('malformed', 'token contains an invalid number of segments');
      if (!key) return fail('invalid', `${use} token rejected: this world has not issued any token yet (no signing key)`);
      // Only the header authmock writes: anything else (a `typ`, `kid`, `crit`, another algorithm) is not its token.
      if (dots[0] !== ENCODED_HEADER) return fail('invalid', `${use} token rejected: the header is not {"alg":"HS384"}`);
      if (!hasHs384Signature(token, key)) return fail('invalid', `${use} token rejected: the signature does not match this world's key`);
      const payload = readPayload(dots[1]!);
      if (!payload) return fail('invalid', `${use} token rejected: the payload is not a JSON object`);
      // The registered claims as jose's jwtVerify checks them (no clock tolerance), then emnify's own.
      const now = Math.floor(nowMs / 1000);
      const { exp, nbf, iat, iss, aud, sub, jti } = payload;
      if (typeof exp !== 'number' || typeof iat !== 'number' || typeof sub !== 'string' || jti === undefined) {
        return fail('invalid', `${use} token rejected: exp, iat, sub and jti are required`);
      }
      if (iss !== options.issuer) return fail('invalid', `${use} token rejected: unexpected "iss"`);
      if (aud !== options.audience && !(Array.isArray(aud) && aud.includes(options.audience))) return fail('invalid', `${use} token rejected: unexpected "aud"`);
      if (nbf !== undefined && (typeof nbf !== 'number' || nbf > now)) return fail('invalid', `${use} token rejected: not valid yet ("nbf")`);
      if (exp <= now) return fail('expired', `the ${use} token has expired`);
      if (payload['token_use'] !== use) return fail('invalid', `not an ${use} token`);
      if (iat > now) return fail('invalid', '"iat" is in the future');
      if (payload[WORLD_CLAIM] !== worldId) return fail('invalid', 'the token was issued by another authmock world (sandbox)');
      const claims = readClaims(payload);
      if (!claims) return fail('invalid', 'the token lacks the emnify claims');
      return { ok: true, token: { claims, jti: String(jti), exp } };
    },
  };
}
