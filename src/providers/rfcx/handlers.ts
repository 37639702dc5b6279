// RFCx operations by operationId: legacy user login/logout, guardian registration (find-or-create), check-ins, software, pings.

import { toIso } from '../../world/clock.js';
import { MockError } from '../../engine/errors.js';
import { hashSecret, randomBase36, sameDigest } from '../../engine/secrets.js';
import type { Handler, HandlerContext, MockResponse } from '../../engine/types.js';
import {
  DEFAULT_GUARDIAN_SETTINGS,
  GUARDIAN_SETTINGS_KEY,
  RFCX,
  defaultGuardianName,
  USER_TOKEN_EXTENDED_MINUTES,
  USER_TOKEN_MINUTES,
  sealSecret,
  userTokenKey,
  type GuardianRecord,
  type GuardianSettings,
  type SoftwareRecord,
  type UserRecord,
  type UserTokenRecord,
} from './records.js';
import type { RfcxPrincipal } from './token-checks.js';

const MINUTE = 60_000;
const GUARDIAN_GUID = /^[0-9a-z]{12}$/;
const TOKEN = /^[0-9a-z]{40}$/;
const MAX_TEXT = 200;

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

/**
 * Legacy RFCx login (`noncore/v1/users/users.js` before `ed88c0ade`): `parseInt(req.body.extended_expiration) === 1`
 * extends the token. `parseInt` reads the value's string form, so 1, "1", " 1", "1.5" and "1abc" extend; true, 0,
 * "true", absent or anything else gives the normal lifetime, and nothing here is ever a 400.
 */
export function isExtended(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  try {
    return Number.parseInt(String(value)) === 1; // what JS's parseInt(value) does: ToString, then parse
  } catch {
    return false; // an object without a string form (a null-prototype body object): not 1
  }
}

const badLogin = (): MockError =>
  new MockError('auth.invalid', 'invalid email or password', { meta: { rfcxBody: 'json' } });

/** The user as RFCx's `views/v1/models/users.js` shows it, in its order. */
const loginUser = (user: UserRecord) => ({
  guid: user.guid,
  // `?? null` / `=== true`: a user kept in a state file written before these fields existed has none of them.
  type: user.type ?? null,
  username: user.username ?? null,
  firstname: user.firstname,
  lastname: user.lastname,
  email: user.email,
  is_email_validated: user.isEmailValidated === true,
  last_login_at: user.lastLoginAt == null ? null : iso(user.lastLoginAt),
});

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
    // RFCx sets last_login_at before it answers, so the answer shows this login.
    const loggedIn: UserRecord = { ...found, lastLoginAt: now };
    tx.set(RFCX.users, found.guid, loggedIn);
    return loggedIn;
  });
  if (!user) throw badLogin();
  return { status: 200, body: [{ ...loginUser(user), tokens: [{ token, token_expires_at: iso(now + minutes * MINUTE) }] }] };
};

/**
 * Logout removes the tokens of the user whose guid the credentials carry (`usersService.getUserByGuid(auth_token_info.guid)`):
 * any type the path rules let through is accepted, and a guid that is no user's is RFCx's 404.
 */
const logout: Handler = async (ctx) => {
  const { guid } = principalOf(ctx);
  const removed = await ctx.world.store.write((tx) => {
    if (!tx.has(RFCX.users, guid)) return undefined;
    const keys: string[] = [];
    for (const [key, record] of tx.entries<UserTokenRecord>(RFCX.userTokens)) if (record.userGuid === guid) keys.push(key);
    for (const key of keys) tx.delete(RFCX.userTokens, key);
    return keys.length;
  });
  if (removed === undefined) throw new MockError('state.not_found', 'User with given guid not found.');
  return { status: 200, body: { tokens_removed: removed } };
};

const invalidBody = (detail: string, pointer: string): MockError => new MockError('request.body_invalid', detail, { pointer });

function optionalText(body: unknown, name: string, max: number): string | undefined {
  const value = field(body, name);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || value.length > max) throw invalidBody(`${name} must be a string of at most ${max} characters`, `/body/${name}`);
  return value;
}

/**
 * `POST /v2/guardians/register` (`noncore/v2/guardians/guardians.js` + `guardians-service.js`): `guid` lower-cased,
 * optional `token`, `pin_code`, `shortname`; a find-or-create, so an existing guid answers 200 with a new token (its
 * check-in history stays). No user-type check: whatever credential the path rules let through may register.
 */
const registerGuardian: Handler = async (ctx) => {
  const body = ctx.req.body;
  const rawGuid = field(body, 'guid');
  const guid = typeof rawGuid === 'string' ? rawGuid.toLowerCase() : undefined;
  if (guid === undefined || !GUARDIAN_GUID.test(guid)) throw invalidBody('guid must be 12 base-36 characters', '/body/guid');
  const given = field(body, 'token');
  if (given !== undefined && (typeof given !== 'string' || !TOKEN.test(given))) {
    throw invalidBody('token must be 40 lower-case base-36 characters', '/body/token');
  }
  const pinCode = optionalText(body, 'pin_code', 32) ?? randomBase36(4);
  const name = optionalText(body, 'shortname', MAX_TEXT) ?? defaultGuardianName(guid);
  const token = given ?? randomBase36(40);
  const now = ctx.world.clock.now();
  const { settings } = await ctx.world.store.write((tx) => {
    const existing = tx.get<GuardianRecord>(RFCX.guardians, guid);
    const record: GuardianRecord = {
      ...sealSecret(token),
      guid,
      name,
      pinCode,
      createdAt: existing?.createdAt ?? now,
      checkins: existing?.checkins ?? 0,
      lastCheckinAt: existing?.lastCheckinAt ?? null,
      lastPingAt: existing?.lastPingAt ?? null,
    };
    tx.set(RFCX.guardians, guid, record);
    return { settings: tx.get<GuardianSettings>(RFCX.settings, GUARDIAN_SETTINGS_KEY) ?? DEFAULT_GUARDIAN_SETTINGS };
  });
  return {
    status: 200,
    body: {
      name,
      guid,
      token,
      pin_code: pinCode,
      api_mqtt_host: settings.apiMqttHost,
      api_sms_address: settings.apiSmsAddress,
      keystore_passphrase: settings.keystorePassphrase,
    },
  };
};

/**
 * Update the guardian the path names (RFCx's handlers look it up by `req.params.guardian_id`, whoever is calling);
 * a guardian that does not exist is a 404.
 */
async function touchGuardian(ctx: HandlerContext, change: (g: GuardianRecord, now: number) => GuardianRecord): Promise<{ now: number; guid: string }> {
  const guid = ctx.req.params['guid'] ?? '';
  const now = ctx.world.clock.now();
  const found = await ctx.world.store.write((tx) => {
    const guardian = tx.get<GuardianRecord>(RFCX.guardians, guid);
    if (guardian) tx.set(RFCX.guardians, guid, change(guardian, now));
    return guardian !== undefined;
  });
  if (!found) throw new MockError('state.not_found', 'Guardian with given guid not found.');
  return { now, guid };
}

const checkin: Handler = async (ctx) => {
  const { now } = await touchGuardian(ctx, (g, at) => ({ ...g, checkins: g.checkins + 1, lastCheckinAt: at }));
  return { status: 200, body: { checkin_id: randomBase36(24), received_at: iso(now) } };
};

const software: Handler = async (ctx): Promise<MockResponse> => {
  const role = ctx.req.params['role'] ?? '';
  const entries = await ctx.world.store.read((tx) => tx.get<SoftwareRecord[]>(RFCX.software, role.toLowerCase()));
  return { status: 200, body: (entries ?? []).map((e) => ({ role: e.role, version: e.version, sha1: e.sha1, url: e.url })) };
};

const ping: Handler = async (ctx) => {
  const { guid } = await touchGuardian(ctx, (g, at) => ({ ...g, lastPingAt: at }));
  return { status: 200, body: { received: true, guid } };
};

export const rfcxHandlers: Readonly<Record<string, Handler>> = {
  rfcxUserLogin: login,
  rfcxUserLogout: logout,
  rfcxRegisterGuardian: registerGuardian,
  rfcxGuardianCheckin: checkin,
  rfcxGuardianSoftware: software,
  rfcxGuardianPing: ping,
};
