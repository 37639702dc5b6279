// GET/POST /api/v1/application_token and PATCH /api/v1/application_token/{id}: the caller's organisation's tokens.

import { randomBase64Url } from '../../engine/secrets.js';
import type { Handler, HandlerContext } from '../../engine/types.js';
import { parseCidr, parseExpiry } from './inputs.js';
import { callerOf } from './credentials.js';
import {
  APP_TOKEN_ACTIVATED,
  APP_TOKEN_REVOKED,
  EMNIFY,
  NEXT_APP_TOKEN_ID,
  appTokenHash,
  toEmnifyTime,
  type AppTokenRecord,
  type UserRecord,
} from './records.js';
import { notFound, validationError } from './wire.js';

const STATUS_TEXT = { [APP_TOKEN_ACTIVATED]: 'Activated', [APP_TOKEN_REVOKED]: 'Revoked' } as const;

/** Times as emnify writes them (`2021-11-18T08:25:53.000+0000`). */
const time = (ms: number | null): string | null => (ms === null ? null : toEmnifyTime(ms));

export const toWire = (t: AppTokenRecord) => ({
  id: t.id,
  description: t.description,
  created: toEmnifyTime(t.created),
  status: { id: t.status, description: STATUS_TEXT[t.status] },
  expiry_date: time(t.expiresAt),
  ip: t.ip,
  creator: { ...t.creator },
});

export const listApplicationTokens: Handler = async (ctx) => {
  const org = callerOf(ctx).claims['esc.org'];
  const tokens = await ctx.world.store.read((tx) => [...tx.values<AppTokenRecord>(EMNIFY.appTokens)].filter((t) => t.orgId === org));
  tokens.sort((a, b) => a.id - b.id);
  return { status: 200, body: tokens.map(toWire) };
};

function objectBody(ctx: HandlerContext): Record<string, unknown> {
  const body = ctx.req.body ?? {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw validationError('the body must be a JSON object', '/body');
  return body as Record<string, unknown>;
}

interface NewTokenInput {
  description: string | null;
  expiresAt: number | null;
  ip: string | null;
}

function readNewToken(body: Record<string, unknown>, now: number): NewTokenInput {
  const { description = null, expiry_date: expiry = null, ip = null } = body;
  if (description !== null && typeof description !== 'string') throw validationError('description must be a string', '/body/description');
  let expiresAt: number | null = null;
  if (expiry !== null) {
    expiresAt = typeof expiry === 'string' ? parseExpiry(expiry) : null;
    if (expiresAt === null) throw validationError('expiry_date must be YYYY-MM-DD or an RFC 3339 date-time', '/body/expiry_date');
    // A date in the past would create a token that can never be used: refused (a guess; the real API is not documented).
    if (expiresAt <= now) throw validationError('expiry_date must be in the future', '/body/expiry_date');
  }
  if (ip !== null && (typeof ip !== 'string' || parseCidr(ip) === null)) {
    throw validationError('ip must be an IPv4 or IPv6 range in CIDR notation, e.g. 203.0.113.0/24', '/body/ip');
  }
  return { description, expiresAt, ip: ip as string | null };
}

export const createApplicationToken: Handler = async (ctx) => {
  const caller = callerOf(ctx).claims;
  const now = ctx.world.clock.now();
  const input = readNewToken(objectBody(ctx), now);
  const token = randomBase64Url(33);
  const hash = appTokenHash(token);
  await ctx.world.store.write((tx) => {
    const user = tx.get<UserRecord>(EMNIFY.users, String(caller['esc.user']));
    let id = tx.get<number>(EMNIFY.meta, NEXT_APP_TOKEN_ID) ?? 1;
    while (tx.has(EMNIFY.appTokens, String(id))) id++;
    const record: AppTokenRecord = {
      id,
      orgId: caller['esc.org'],
      hash,
      ...input,
      created: now,
      status: APP_TOKEN_ACTIVATED,
      creator: { id: caller['esc.user'], name: user?.name ?? '', username: user?.username ?? '' },
    };
    tx.set(EMNIFY.appTokens, String(id), record);
    tx.set(EMNIFY.appTokenHashes, hash, id);
    tx.set(EMNIFY.meta, NEXT_APP_TOKEN_ID, id + 1);
  });
  return { status: 200, body: { application_token: token } };
};

/**
 * Revoke with `{"status":{"id":1}}` (idempotent, 204), optionally with a new `description`.
 * `{"status":{"id":0}}` on an active token only updates the description;
 * on a revoked one it is refused with 422: a revoked token cannot be re-activated (emnify's portal offers no way back).
 */
export const updateApplicationToken: Handler = async (ctx) => {
  const org = callerOf(ctx).claims['esc.org'];
  const rawId = ctx.req.params['id'] ?? '';
  const body = objectBody(ctx);
  const status = body['status'];
  const description = body['description'];
  if (description !== undefined && typeof description !== 'string') throw validationError('description must be a string', '/body/description');
  const statusId = typeof status === 'object' && status !== null && !Array.isArray(status) ? (status as Record<string, unknown>)['id'] : undefined;
  if (statusId !== APP_TOKEN_ACTIVATED && statusId !== APP_TOKEN_REVOKED) throw validationError('status.id must be 0 (Activated) or 1 (Revoked)', '/body/status/id');
  const outcome = await ctx.world.store.write((tx) => {
    const record = /^[1-9]\d{0,15}$/.test(rawId) ? tx.get<AppTokenRecord>(EMNIFY.appTokens, rawId) : undefined;
    if (!record || record.orgId !== org) return 'not_found' as const;
    if (statusId === APP_TOKEN_ACTIVATED && record.status === APP_TOKEN_REVOKED) return 'cannot_reactivate' as const;
    const next: AppTokenRecord = { ...record, status: statusId, description: description ?? record.description };
    if (next.status !== record.status || next.description !== record.description) tx.set(EMNIFY.appTokens, rawId, next);
    return 'ok' as const;
  });
  if (outcome === 'not_found') throw notFound(`no application token ${rawId} in your organisation`);
  if (outcome === 'cannot_reactivate') throw validationError('a revoked application token cannot be re-activated', '/body/status/id');
  return { status: 204 };
};
