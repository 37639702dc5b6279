// RFCx operations by operationId: legacy user login/logout/me, guardian registration, check-ins, software, pings.

import { toIso } from '../../clock.js';
import { MockError } from '../../errors.js';
import { hashSecret, randomBase36, randomString, sameDigest } from '../../security/secrets.js';
import type { Handler, HandlerContext, MockResponse } from '../../types.js';
import {
  RFCX,
  USER_TOKEN_EXTENDED_MINUTES,
  USER_TOKEN_MINUTES,
  sealSecret,
  userTokenKey,
  type GuardianRecord,
  type SoftwareRecord,
  type UserRecord,
  type UserTokenRecord,
} from './records.js';
import type { RfcxPrincipal } from './verify.js';

const MINUTE = 60_000;
const GUARDIAN_GUID = /^[0-9a-z]{12}$/;
const TOKEN = /^[0-9a-z]{40}$/;

const iso = toIso;

function field(body: unknown, name: string): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  return Object.hasOwn(body, name) ? (body as Record<string, unknown>)[name] : undefined;
}

/** The verified caller (the token scheme's principal carries the whole identity). */
function principalOf(ctx: HandlerContext): RfcxPrincipal {
  const p = ctx.auth.principals.get('RfcxAuthToken') ?? ctx.auth.principals.get('RfcxAuthTokenQuery');
  if (!p) throw new MockError('auth.missing', 'this route needs RFCx credentials');
  return p as RfcxPrincipal;
}

/** `extended_expiration` may arrive as 1, "1", true or "true" (JSON or form). */
const isExtended = (value: unknown): boolean => value === 1 || value === true || value === '1' || value === 'true';

const badLogin = (): MockError =>
  new MockError('auth.invalid', 'invalid email or password', { meta: { rfcxBody: 'json' } });

const publicUser = (user: UserRecord) => ({ guid: user.guid, email: user.email, firstname: user.firstname, lastname: user.lastname });

/** Same salted hash for a password as for tokens; `safeEqual` compares. */
export const passwordMatches = (password: string, user: UserRecord): boolean => sameDigest(hashSecret(password, user.salt), user.hash);

const login: Handler = async (ctx) => {
  const email = field(ctx.req.body, 'email');
  const password = field(ctx.req.body, 'password');
  if (typeof email !== 'string' || typeof password !== 'string') throw badLogin();
  const now = ctx.world.clock.now();
  const minutes = isExtended(field(ctx.req.body, 'extended_expiration')) ? USER_TOKEN_EXTENDED_MINUTES : USER_TOKEN_MINUTES;
  const token = randomBase36(40);
  const user = await ctx.world.store.write((tx) => {
    const guid = tx.get<string>(RFCX.userEmails, email.trim().toLowerCase());
    const found = guid === undefined ? undefined : tx.get<UserRecord>(RFCX.users, guid);
    if (!found || !passwordMatches(password, found)) return undefined;
    const record: UserTokenRecord = { ...sealSecret(token), userGuid: found.guid, createdAt: now, expiresAt: now + minutes * MINUTE, allowedPaths: null };
    tx.set(RFCX.userTokens, userTokenKey(token), record);
    return found;
  });
  if (!user) throw badLogin();
  return { status: 200, body: [{ ...publicUser(user), tokens: [{ token, token_expires_at: iso(now + minutes * MINUTE) }] }] };
};

const logout: Handler = async (ctx) => {
  const { guid } = principalOf(ctx);
  const removed = await ctx.world.store.write((tx) => {
    const keys: string[] = [];
    for (const [key, record] of tx.entries<UserTokenRecord>(RFCX.userTokens)) if (record.userGuid === guid) keys.push(key);
    for (const key of keys) tx.delete(RFCX.userTokens, key);
    return keys.length;
  });
  return { status: 200, body: { tokens_removed: removed } };
};

const me: Handler = async (ctx) => {
  const principal = principalOf(ctx);
  const userGuid = principal.userGuid;
  if (userGuid === null) throw new MockError('auth.forbidden', 'this temporary token does not act for a user');
  const user = await ctx.world.store.read((tx) => tx.get<UserRecord>(RFCX.users, userGuid));
  if (!user) throw new MockError('auth.forbidden', 'the user behind this token no longer exists');
  return { status: 200, body: publicUser(user) };
};

const invalidBody = (detail: string, pointer: string): MockError => new MockError('request.body_invalid', detail, { pointer });

const registerGuardian: Handler = async (ctx) => {
  const guid = field(ctx.req.body, 'guid');
  const given = field(ctx.req.body, 'token');
  const name = field(ctx.req.body, 'name');
  if (typeof guid !== 'string' || !GUARDIAN_GUID.test(guid)) throw invalidBody('guid must be 12 lower-case base-36 characters', '/body/guid');
  if (given !== undefined && (typeof given !== 'string' || !TOKEN.test(given))) {
    throw invalidBody('token must be 40 lower-case base-36 characters', '/body/token');
  }
  if (name !== undefined && typeof name !== 'string') throw invalidBody('name must be a string', '/body/name');
  const token = given ?? randomBase36(40);
  const now = ctx.world.clock.now();
  const record: GuardianRecord = {
    ...sealSecret(token),
    guid,
    name: name && name.trim() !== '' ? name : `RFCx Guardian ${guid.slice(0, 4).toUpperCase()}`,
    pinCode: randomString(4, '0123456789'),
    createdAt: now,
    checkins: 0,
    lastCheckinAt: null,
    lastPingAt: null,
  };
  const created = await ctx.world.store.write((tx) => {
    if (tx.has(RFCX.guardians, guid)) return false;
    tx.set(RFCX.guardians, guid, record);
    return true;
  });
  if (!created) throw new MockError('state.conflict', 'a guardian with this guid is already registered', { status: 400, pointer: '/body/guid' });
  return { status: 200, body: { name: record.name, guid, token, pin_code: record.pinCode } };
};

/**
 * A copy of a guardian record with its bookkeeping changed, every field written out: a spread of a stored record
 * takes V8's slow clone path, and pings come every few seconds per guardian.
 */
function guardianWith(g: GuardianRecord, change: Partial<Pick<GuardianRecord, 'checkins' | 'lastCheckinAt' | 'lastPingAt'>>): GuardianRecord {
  return {
    salt: g.salt,
    hash: g.hash,
    guid: g.guid,
    name: g.name,
    pinCode: g.pinCode,
    createdAt: g.createdAt,
    checkins: change.checkins ?? g.checkins,
    lastCheckinAt: change.lastCheckinAt !== undefined ? change.lastCheckinAt : g.lastCheckinAt,
    lastPingAt: change.lastPingAt !== undefined ? change.lastPingAt : g.lastPingAt,
  };
}

/** Update the calling guardian's record (check-in or ping bookkeeping, shown in /__admin/state). */
async function touchGuardian(ctx: HandlerContext, change: (g: GuardianRecord, now: number) => GuardianRecord): Promise<number> {
  const { guid } = principalOf(ctx);
  const now = ctx.world.clock.now();
  await ctx.world.store.write((tx) => {
    const guardian = tx.get<GuardianRecord>(RFCX.guardians, guid);
    if (guardian) tx.set(RFCX.guardians, guid, change(guardian, now));
  });
  return now;
}

const checkin: Handler = async (ctx) => {
  const now = await touchGuardian(ctx, (g, at) => guardianWith(g, { checkins: g.checkins + 1, lastCheckinAt: at }));
  return { status: 200, body: { checkin_id: randomBase36(24), received_at: iso(now) } };
};

const software: Handler = async (ctx): Promise<MockResponse> => {
  const role = ctx.req.params['role'] ?? '';
  const entries = await ctx.world.store.read((tx) => tx.get<SoftwareRecord[]>(RFCX.software, role.toLowerCase()));
  return { status: 200, body: (entries ?? []).map((e) => ({ role: e.role, version: e.version, sha1: e.sha1, url: e.url })) };
};

const ping: Handler = async (ctx) => {
  await touchGuardian(ctx, (g, at) => guardianWith(g, { lastPingAt: at }));
  return { status: 200, body: { received: true, guid: principalOf(ctx).guid } };
};

export const rfcxHandlers: Readonly<Record<string, Handler>> = {
  rfcxUserLogin: login,
  rfcxUserLogout: logout,
  rfcxGetMe: me,
  rfcxRegisterGuardian: registerGuardian,
  rfcxGuardianCheckin: checkin,
  rfcxGuardianSoftware: software,
  rfcxGuardianPing: ping,
};
