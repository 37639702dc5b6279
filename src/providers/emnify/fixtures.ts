// emnify fixtures: the JSON Schema of the `emnify:` section, seeding (application tokens hashed), state view and sweep.

import { toIso } from '../../clock.js';
import type { ReadTx, WriteTx } from '../../state/store.js';
import type { ProviderEnv } from '../../types.js';
import {
  APP_TOKEN_ACTIVATED,
  APP_TOKEN_REVOKED,
  EMNIFY,
  NEXT_APP_TOKEN_ID,
  appTokenHash,
  isAppTokenExpired,
  type AppTokenRecord,
  type EndpointRecord,
  type LoginFailureRecord,
  type OrganisationRecord,
  type UserRecord,
} from './records.js';
import { parseExpiry } from './inputs.js';

const str = (extra: Record<string, unknown> = {}) => ({ type: 'string', ...extra });
const obj = (required: string[], properties: Record<string, unknown>) => ({ type: 'object', additionalProperties: false, required, properties });
const id = { type: 'integer', minimum: 1, maximum: 2 ** 31 - 1 };
const nullable = (schema: unknown) => ({ anyOf: [schema, { type: 'null' }] });
const idName = obj(['id'], { id: { type: 'integer', minimum: 0 }, name: str() });
const when = str({ format: 'date-time' });

export const emnifyFixtureSchema: Record<string, unknown> = obj([], {
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

export function seedEmnify(tx: WriteTx, fixtures: unknown, env: ProviderEnv): number {
  const section = (fixtures ?? {}) as Section;
  const now = env.clock.now();
  let added = 0;
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
      created: t.created ? Date.parse(t.created) : now,
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
    tx.set<EndpointRecord>(EMNIFY.endpoints, String(e.id), { orgId, endpoint });
    added++;
  }
  return added;
}

export function describeEmnify(tx: ReadTx, env: ProviderEnv): unknown {
  const now = env.clock.now();
  return {
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
}

/** Forget lock records whose lock has run out (failure counts in progress are kept). */
export function sweepEmnify(tx: WriteTx, now: number): void {
  const stale: string[] = [];
  for (const [key, f] of tx.entries<LoginFailureRecord>(EMNIFY.loginFailures)) if (f.lockedUntil !== null && f.lockedUntil <= now) stale.push(key);
  for (const key of stale) tx.delete(EMNIFY.loginFailures, key);
}
