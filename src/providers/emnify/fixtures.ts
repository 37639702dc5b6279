// emnify fixtures: the JSON Schema of the `emnify:` section, seeding (application tokens hashed), state view and sweep.

import { toIso } from '../../world/clock.js';
import type { ReadTx, WriteTx } from '../../world/store.js';
import type { CredentialHint, ProviderEnv } from '../provider.js';
import { firstEntries, hint } from '../hints.js';
import {
  APP_TOKEN_ACTIVATED,
  APP_TOKEN_REVOKED,
  EMNIFY,
  JWT_SETTINGS,
  NEXT_APP_TOKEN_ID,
  appTokenHash,
  isAppTokenExpired,
  toEmnifyTime,
  type AppTokenRecord,
  type EndpointRecord,
  type JwtSettingsRecord,
  type LoginFailureRecord,
  type OrganisationRecord,
  type UserRecord,
} from './records.js';
import { parseExpiry, parseTimestamp } from './inputs.js';
import { fingerprintOf, MIN_KEY_BYTES, toKeyBytes, type Keyring } from './signing-key.js';

const str = (extra: Record<string, unknown> = {}) => ({ type: 'string', ...extra });
const obj = (required: string[], properties: Record<string, unknown>) => ({ type: 'object', additionalProperties: false, required, properties });
const id = { type: 'integer', minimum: 1, maximum: 2 ** 31 - 1 };
const nullable = (schema: unknown) => ({ anyOf: [schema, { type: 'null' }] });
const idName = obj(['id'], { id: { type: 'integer', minimum: 0 }, name: str() });
/** RFC 3339 (`2025-06-01T09:30:00Z`) or emnify's own form (`2021-11-18T08:25:53.000+0000`); served in emnify's form. */
const when = str({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:?\\d{2})$' });
const seconds = { type: 'integer', minimum: 1, maximum: 10 * 365 * 24 * 3600 };

export const emnifyFixtureSchema: Record<string, unknown> = obj([], {
  jwt: obj([], {
    // Pins the HS384 signing key (otherwise made at random on the first login and kept in the state).
    secret: str({ minLength: MIN_KEY_BYTES, maxLength: 1024 }),
    auth_token_ttl_seconds: seconds,
    application_auth_token_ttl_seconds: seconds,
  }),
  organisations: { type: 'array', items: obj(['id', 'name'], { id, name: str({ minLength: 1 }) }) },
  users: {
    type: 'array',
    items: obj(['id', 'username', 'organisation_id', 'password_sha1'], {
      id,
      username: str({ minLength: 1, maxLength: 200 }),
      name: str({ maxLength: 200 }),
      organisation_id: id,
      // What the client sends as `password`: the SHA-1 hex of the real password.
      password_sha1: str({ pattern: '^[0-9a-f]{40}$' }),
    }),
  },
  application_tokens: {
    type: 'array',
    items: obj(['id', 'token', 'creator_id'], {
      id,
      token: str({ minLength: 16, maxLength: 512 }),
      description: nullable(str({ maxLength: 500 })),
      creator_id: id,
      created: when,
      status: { enum: ['activated', 'revoked'] },
      expiry_date: nullable(str()),
      ip: nullable(str()),
    }),
  },
  endpoints: {
    type: 'array',
    items: obj(['id', 'organisation_id', 'name', 'status', 'service_profile', 'tariff_profile'], {
      id,
      organisation_id: id,
      name: str(),
      tags: nullable(str()),
      created: when,
      last_updated: when,
      status: obj(['id'], { id: { type: 'integer', minimum: 0 }, description: str() }),
      service_profile: idName,
      tariff_profile: idName,
      sim: nullable(obj(['id'], { id, iccid: str(), imsi: str(), msisdn: str(), status: obj(['id'], { id: { type: 'integer' }, description: str() }) })),
      imei: nullable(str()),
      imei_lock: { type: 'boolean' },
      ip_address: nullable(str()),
      ip_address_space: obj(['id'], { id: { type: 'integer' } }),
    }),
  },
});

interface Section {
  jwt?: { secret?: string; auth_token_ttl_seconds?: number; application_auth_token_ttl_seconds?: number };
  organisations?: OrganisationRecord[];
  users?: Array<{ id: number; username: string; name?: string; organisation_id: number; password_sha1: string }>;
  application_tokens?: Array<{
    id: number;
    token: string;
    description?: string | null;
    creator_id: number;
    created?: string;
    status?: 'activated' | 'revoked';
    expiry_date?: string | null;
    ip?: string | null;
  }>;
  endpoints?: Array<Record<string, unknown> & { id: number; organisation_id: number }>;
}

function timestamp(text: string, what: string): number {
  const ms = parseTimestamp(text);
  if (ms === null) throw new Error(`emnify ${what} is not a date-time such as 2021-11-18T08:25:53.000+0000`);
  return ms;
}

export function seedEmnify(tx: WriteTx, fixtures: unknown, env: ProviderEnv): number {
  const section = (fixtures ?? {}) as Section;
  const now = env.clock.now();
  let added = 0;
  if (section.jwt) {
    const { secret, auth_token_ttl_seconds: authTtl, application_auth_token_ttl_seconds: appTtl } = section.jwt;
    const next: JwtSettingsRecord = { ...tx.get<JwtSettingsRecord>(EMNIFY.settings, JWT_SETTINGS) };
    if (secret !== undefined) next.signing_key = Buffer.from(toKeyBytes(secret, 'emnify jwt.secret')).toString('base64url');
    if (authTtl !== undefined) next.auth_token_ttl_seconds = authTtl;
    if (appTtl !== undefined) next.application_auth_token_ttl_seconds = appTtl;
    tx.set(EMNIFY.settings, JWT_SETTINGS, next);
  }
  for (const org of section.organisations ?? []) {
    tx.set<OrganisationRecord>(EMNIFY.organisations, String(org.id), { id: org.id, name: org.name });
    added++;
  }
  for (const u of section.users ?? []) {
    const user: UserRecord = { id: u.id, username: u.username, name: u.name ?? u.username, orgId: u.organisation_id, passwordSha1: u.password_sha1 };
    tx.set(EMNIFY.users, String(u.id), user);
    tx.set(EMNIFY.usernames, u.username.toLowerCase(), u.id);
    added++;
  }
  let next = tx.get<number>(EMNIFY.meta, NEXT_APP_TOKEN_ID) ?? 1;
  for (const t of section.application_tokens ?? []) {
    const creator = tx.get<UserRecord>(EMNIFY.users, String(t.creator_id));
    if (!creator) throw new Error(`emnify application token ${t.id}: creator_id ${t.creator_id} is not a user`);
    const expiresAt = t.expiry_date ? parseExpiry(t.expiry_date) : null;
    if (t.expiry_date && expiresAt === null) throw new Error(`emnify application token ${t.id}: expiry_date is malformed`);
    const record: AppTokenRecord = {
      id: t.id,
      orgId: creator.orgId,
      hash: appTokenHash(t.token),
      description: t.description ?? null,
      created: t.created ? timestamp(t.created, `application token ${t.id}: created`) : now,
      status: t.status === 'revoked' ? APP_TOKEN_REVOKED : APP_TOKEN_ACTIVATED,
      expiresAt,
      ip: t.ip ?? null,
      creator: { id: creator.id, name: creator.name, username: creator.username },
    };
    tx.set(EMNIFY.appTokens, String(t.id), record);
    tx.set(EMNIFY.appTokenHashes, record.hash, t.id);
    next = Math.max(next, t.id + 1);
    added++;
  }
  tx.set(EMNIFY.meta, NEXT_APP_TOKEN_ID, next);
  for (const e of section.endpoints ?? []) {
    const { organisation_id: orgId, ...endpoint } = e;
    // Served as emnify writes times, whatever form the fixture used.
    for (const field of ['created', 'last_updated'] as const) {
      const value = endpoint[field];
      if (typeof value === 'string') endpoint[field] = toEmnifyTime(timestamp(value, `endpoint ${e.id}: ${field}`));
    }
    tx.set<EndpointRecord>(EMNIFY.endpoints, String(e.id), { orgId, endpoint });
    added++;
  }
  return added;
}

/** GET /__admin/state: the key is shown by its fingerprint and source only, never its value. */
export const describeEmnify = (keyring: Keyring) => (tx: ReadTx, env: ProviderEnv): unknown => {
  const now = env.clock.now();
  const jwt = keyring.readTx(tx);
  return {
    jwt: {
      algorithm: 'HS384',
      signing_key: jwt.key ? { source: jwt.keySource, fingerprint: fingerprintOf(jwt.key) } : { source: 'none', fingerprint: null },
      auth_token_ttl_seconds: jwt.authTokenTtlSeconds,
      application_auth_token_ttl_seconds: jwt.applicationAuthTokenTtlSeconds,
    },
    organisations: [...tx.values<OrganisationRecord>(EMNIFY.organisations)],
    users: [...tx.values<UserRecord>(EMNIFY.users)].map((u) => ({ id: u.id, username: u.username, organisation_id: u.orgId })),
    locked_users: [...tx.entries<LoginFailureRecord>(EMNIFY.loginFailures)]
      .filter(([, f]) => f.lockedUntil !== null && f.lockedUntil > now)
      .map(([userId, f]) => ({ user_id: Number(userId), locked_until: toIso(f.lockedUntil ?? now) })),
    application_tokens: [...tx.values<AppTokenRecord>(EMNIFY.appTokens)].map((t) => ({
      id: t.id,
      organisation_id: t.orgId,
      description: t.description,
      status: t.status === APP_TOKEN_REVOKED ? 'revoked' : isAppTokenExpired(t, now) ? 'expired' : 'activated',
      expiry_date: t.expiresAt === null ? null : toIso(t.expiresAt),
    })),
    endpoints: tx.size(EMNIFY.endpoints),
    // JWTs are stateless: nothing to list; they live until their own exp.
  };
};

/** Forget lock records whose lock has run out (failure counts in progress are kept). */
export function sweepEmnify(tx: WriteTx, now: number): void {
  const stale: string[] = [];
  for (const [key, f] of tx.entries<LoginFailureRecord>(EMNIFY.loginFailures)) if (f.lockedUntil !== null && f.lockedUntil <= now) stale.push(key);
  for (const key of stale) tx.delete(EMNIFY.loginFailures, key);
}

/** The first user and application token, for the start-up banner. */
export const emnifyCredentialHints = (fixtures: unknown): CredentialHint[] => [
  ...firstEntries(fixtures, 'users', ['username', 'password_sha1'], 1).map((u) => hint(`username ${u['username']} password (SHA-1)`, u['password_sha1']!, true)),
  ...firstEntries(fixtures, 'application_tokens', ['token'], 1).map((t) => hint('application_token', t['token']!, true)),
];
