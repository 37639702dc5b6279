// RFCx fixtures: the JSON Schema of the `rfcx:` section, seeding (secrets hashed), the admin state view and the sweep.

import { toIso } from '../../world/clock.js';
import type { ReadTx, WriteTx } from '../../world/store.js';
import type { CredentialHint, ProviderEnv } from '../provider.js';
import { firstEntries, hint } from '../hints.js';
import {
  DEFAULT_GUARDIAN_SETTINGS,
  DEFAULT_REGISTER_PATHS,
  GUARDIAN_SETTINGS_KEY,
  RFCX,
  TEMP_TOKEN_MINUTES,
  defaultGuardianName,
  USER_TOKEN_MINUTES,
  isExpired,
  sealSecret,
  userTokenKey,
  type GuardianRecord,
  type GuardianSettings,
  type RegisterTokenRecord,
  type SoftwareRecord,
  type TempTokenRecord,
  type UserRecord,
  type UserTokenRecord,
} from './records.js';

const str = (extra: Record<string, unknown> = {}) => ({ type: 'string', ...extra });
const obj = (required: string[], properties: Record<string, unknown>) => ({ type: 'object', additionalProperties: false, required, properties });
const list = (items: unknown) => ({ type: 'array', items });
const paths = { type: 'array', maxItems: 100, items: str({ minLength: 1, maxLength: 512 }) };
const when = str({ format: 'date-time' });
const minutes = { type: 'integer', minimum: 1 };
const secret = str({ minLength: 1, maxLength: 512 });
const uuid = str({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$' });

export const rfcxFixtureSchema: Record<string, unknown> = obj([], {
  guardians: list(obj(['guid', 'token'], {
    guid: str({ pattern: '^[0-9a-z]{12}$' }),
    token: secret,
    name: str({ minLength: 1, maxLength: 200 }),
    pin_code: str({ minLength: 1, maxLength: 32 }),
  })),
  users: list(obj(['guid', 'email', 'password'], {
    guid: str({ pattern: '^[0-9a-z-]{1,64}$' }),
    email: str({ format: 'email' }),
    password: secret,
    firstname: str({ maxLength: 200 }),
    lastname: str({ maxLength: 200 }),
    // The legacy user model's fields that login shows (null when absent, as in RFCx).
    type: str({ minLength: 1, maxLength: 64 }),
    username: str({ minLength: 1, maxLength: 200 }),
    is_email_validated: { type: 'boolean' },
    tokens: list(obj(['token'], {
      token: str({ pattern: '^[0-9a-z]{40}$' }),
      // Either an absolute expiry or a lifetime from seeding time (default 1440 minutes); null = never.
      expires_at: { anyOf: [when, { type: 'null' }] },
      lifetime_minutes: minutes,
      allowed_paths: paths,
    })),
  })),
  // Invite code, sent whole: `x-auth-user: register` + `x-auth-token: ab12cd34`; the server splits it (first half
  // the invite's guid, second half its secret, case-insensitive).
  registration_tokens: list(obj(['code'], {
    code: str({ pattern: '^(?:[0-9A-Za-z]{2}){2,32}$' }),
    allowed_redemptions: { type: 'integer', minimum: 1 },
    total_redemptions: { type: 'integer', minimum: 0 },
    allowed_paths: { ...paths, minItems: 1 },
    expires_at: { anyOf: [when, { type: 'null' }] },
  })),
  temporary_tokens: list(obj(['guid', 'token'], {
    guid: uuid,
    token: secret,
    expires_at: when,
    lifetime_minutes: minutes,
    // No use limit unless set here (RFCx's code has none; its wiki describes one).
    remaining_uses: { anyOf: [{ type: 'integer', minimum: 0 }, { type: 'null' }] },
    allowed_paths: paths,
    // Informational only, shown in /__admin/state.
    user_guid: str({ pattern: '^[0-9a-z-]{1,64}$' }),
  })),
  software: list(obj(['role', 'version', 'sha1', 'url'], {
    role: str({ pattern: '^[a-z0-9-]{1,32}$' }),
    version: str({ minLength: 1, maxLength: 64 }),
    sha1: str({ pattern: '^[0-9a-f]{40}$' }),
    url: str({ format: 'uri' }),
  })),
  // What POST /v2/guardians/register tells a guardian besides its credentials (RFCx reads them from its environment).
  guardian_settings: obj([], {
    api_mqtt_host: str({ minLength: 1, maxLength: 253 }),
    api_sms_address: str({ minLength: 1, maxLength: 64 }),
    keystore_passphrase: str({ minLength: 1, maxLength: 512 }),
  }),
});

interface Section {
  guardians?: Array<{ guid: string; token: string; name?: string; pin_code?: string }>;
  users?: Array<{
    guid: string;
    email: string;
    password: string;
    firstname?: string;
    lastname?: string;
    type?: string;
    username?: string;
    is_email_validated?: boolean;
    tokens?: Array<{ token: string; expires_at?: string | null; lifetime_minutes?: number; allowed_paths?: string[] }>;
  }>;
  registration_tokens?: Array<{ code: string; allowed_redemptions?: number; total_redemptions?: number; allowed_paths?: string[]; expires_at?: string | null }>;
  temporary_tokens?: Array<{
    guid: string;
    token: string;
    expires_at?: string;
    lifetime_minutes?: number;
    remaining_uses?: number | null;
    allowed_paths?: string[];
    user_guid?: string;
  }>;
  software?: SoftwareRecord[];
  guardian_settings?: { api_mqtt_host?: string; api_sms_address?: string; keystore_passphrase?: string };
}

const expiry = (now: number, at: string | null | undefined, lifetime: number | undefined, fallback: number): number | null =>
  at === null ? null : at !== undefined ? Date.parse(at) : now + (lifetime ?? fallback) * 60_000;

export function seedRfcx(tx: WriteTx, fixtures: unknown, env: ProviderEnv): number {
  const section = (fixtures ?? {}) as Section;
  const now = env.clock.now();
  let added = 0;
  for (const g of section.guardians ?? []) {
    const record: GuardianRecord = {
      ...sealSecret(g.token),
      guid: g.guid,
      name: g.name ?? defaultGuardianName(g.guid),
      pinCode: g.pin_code ?? '0000',
      createdAt: now,
      checkins: 0,
      lastCheckinAt: null,
      lastPingAt: null,
    };
    tx.set(RFCX.guardians, g.guid, record);
    added++;
  }
  for (const u of section.users ?? []) {
    const user: UserRecord = {
      ...sealSecret(u.password),
      guid: u.guid,
      email: u.email,
      firstname: u.firstname ?? '',
      lastname: u.lastname ?? '',
      type: u.type ?? null,
      username: u.username ?? null,
      isEmailValidated: u.is_email_validated ?? false,
      lastLoginAt: null,
    };
    tx.set(RFCX.users, u.guid, user);
    tx.set(RFCX.userEmails, u.email.toLowerCase(), u.guid);
    added++;
    for (const t of u.tokens ?? []) {
      const record: UserTokenRecord = {
        ...sealSecret(t.token),
        userGuid: u.guid,
        createdAt: now,
        expiresAt: expiry(now, t.expires_at, t.lifetime_minutes, USER_TOKEN_MINUTES),
        allowedPaths: t.allowed_paths ?? null,
      };
      tx.set(RFCX.userTokens, userTokenKey(t.token), record);
      added++;
    }
  }
  for (const r of section.registration_tokens ?? []) {
    const half = r.code.length / 2;
    const record: RegisterTokenRecord = {
      ...sealSecret(r.code.slice(half).toLowerCase()),
      guid: r.code.slice(0, half).toLowerCase(),
      allowedRedemptions: r.allowed_redemptions ?? 1,
      totalRedemptions: r.total_redemptions ?? 0,
      allowedPaths: r.allowed_paths ?? [...DEFAULT_REGISTER_PATHS],
      expiresAt: r.expires_at ? Date.parse(r.expires_at) : null,
    };
    tx.set(RFCX.registerTokens, record.guid, record);
    added++;
  }
  for (const t of section.temporary_tokens ?? []) {
    const record: TempTokenRecord = {
      ...sealSecret(t.token),
      guid: t.guid,
      expiresAt: expiry(now, t.expires_at, t.lifetime_minutes, TEMP_TOKEN_MINUTES) ?? now + TEMP_TOKEN_MINUTES * 60_000,
      remainingUses: t.remaining_uses ?? null,
      allowedPaths: t.allowed_paths ?? null,
      userGuid: t.user_guid ?? null,
    };
    tx.set(RFCX.tempTokens, t.guid, record);
    added++;
  }
  const byRole = new Map<string, SoftwareRecord[]>();
  for (const s of section.software ?? []) {
    const role = s.role.toLowerCase();
    byRole.set(role, [...(byRole.get(role) ?? tx.get<SoftwareRecord[]>(RFCX.software, role) ?? []), { ...s, role }]);
    added++;
  }
  for (const [role, entries] of byRole) tx.set(RFCX.software, role, entries);
  const given = section.guardian_settings;
  if (given) {
    const current = tx.get<GuardianSettings>(RFCX.settings, GUARDIAN_SETTINGS_KEY) ?? DEFAULT_GUARDIAN_SETTINGS;
    const settings: GuardianSettings = {
      apiMqttHost: given.api_mqtt_host ?? current.apiMqttHost,
      apiSmsAddress: given.api_sms_address ?? current.apiSmsAddress,
      keystorePassphrase: given.keystore_passphrase ?? current.keystorePassphrase,
    };
    tx.set(RFCX.settings, GUARDIAN_SETTINGS_KEY, settings);
    added++;
  }
  return added;
}

const isoOrNull = (ms: number | null): string | null => (ms === null ? null : toIso(ms));

/** What /__admin/state shows: who can authenticate and until when (tokens are only kept hashed, so none are shown). */
export function describeRfcx(tx: ReadTx, env: ProviderEnv): unknown {
  const now = env.clock.now();
  return {
    guardians: [...tx.values<GuardianRecord>(RFCX.guardians)].map((g) => ({
      guid: g.guid,
      name: g.name,
      checkins: g.checkins,
      last_checkin_at: isoOrNull(g.lastCheckinAt),
      last_ping_at: isoOrNull(g.lastPingAt),
    })),
    users: [...tx.values<UserRecord>(RFCX.users)].map((u) => ({ guid: u.guid, email: u.email })),
    user_tokens: [...tx.values<UserTokenRecord>(RFCX.userTokens)]
      .filter((t) => !isExpired(t.expiresAt, now))
      .map((t) => ({ user_guid: t.userGuid, expires_at: isoOrNull(t.expiresAt), allowed_paths: t.allowedPaths })),
    registration_tokens: [...tx.values<RegisterTokenRecord>(RFCX.registerTokens)].map((r) => ({
      guid: r.guid,
      redemptions_left: Math.max(0, r.allowedRedemptions - r.totalRedemptions),
      allowed_paths: r.allowedPaths,
      expires_at: isoOrNull(r.expiresAt),
    })),
    temporary_tokens: [...tx.values<TempTokenRecord>(RFCX.tempTokens)]
      .filter((t) => !isExpired(t.expiresAt, now))
      .map((t) => ({ guid: t.guid, user_guid: t.userGuid, expires_at: isoOrNull(t.expiresAt), remaining_uses: t.remainingUses, allowed_paths: t.allowedPaths })),
  };
}

/** Drop expired user and temporary tokens (used-up temporary tokens go when they expire). */
export function sweepRfcx(tx: WriteTx, now: number): void {
  const expiredUser: string[] = [];
  for (const [key, t] of tx.entries<UserTokenRecord>(RFCX.userTokens)) if (isExpired(t.expiresAt, now)) expiredUser.push(key);
  for (const key of expiredUser) tx.delete(RFCX.userTokens, key);
  const expiredTemp: string[] = [];
  for (const [key, t] of tx.entries<TempTokenRecord>(RFCX.tempTokens)) if (isExpired(t.expiresAt, now)) expiredTemp.push(key);
  for (const key of expiredTemp) tx.delete(RFCX.tempTokens, key);
}

/** The first guardian, user and invite code, for the start-up banner. */
export const rfcxCredentialHints = (fixtures: unknown): CredentialHint[] => [
  ...firstEntries(fixtures, 'guardians', ['guid', 'token'], 1).map((g) => hint(`x-auth-user guardian/${g['guid']} x-auth-token`, g['token']!, true)),
  ...firstEntries(fixtures, 'users', ['email', 'password'], 1).map((u) => hint(`login ${u['email']}`, u['password']!, true)),
  ...firstEntries(fixtures, 'registration_tokens', ['code'], 1).map((r) => hint('invite code (x-auth-user register, x-auth-token the whole code)', r['code']!, true)),
];
