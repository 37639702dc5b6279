// DeviceHQ fixtures: their JSON Schema, seeding (API keys hashed on the way in) and the admin state view.

import { toIso } from '../../world/clock.js';
import type { ReadTx, WriteTx } from '../../world/store.js';
import type { CredentialHint, ProviderEnv } from '../provider.js';
import { MockError } from '../../engine/errors.js';
import { firstEntries, hint } from '../hints.js';
import { hashApiKey, putAccount, ACCOUNTS, ACCOUNT_SESSIONS, API_KEYS, SESSIONS, type DevicehqAccount, type DevicehqDevice, type DevicehqSession } from './records.js';

const ISO_DATE_TIME = '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$';

export const devicehqFixtureSchema = {
  title: 'DeviceHQ fixtures',
  type: 'object',
  additionalProperties: false,
  properties: {
    accounts: {
      description: 'Accounts with their API key (clear text here, hashed when seeded) and devices. Seeding an id again replaces it.',
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'api_key'],
        properties: {
          id: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,64}$' },
          name: { type: 'string', minLength: 1, maxLength: 255 },
          api_key: { type: 'string', minLength: 1, maxLength: 255 },
          devices: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['id', 'name', 'serial', 'status', 'created_at'],
              properties: {
                id: { type: 'string', minLength: 1, maxLength: 64 },
                name: { type: 'string', maxLength: 255 },
                serial: { type: 'string', maxLength: 255 },
                status: { type: 'string', maxLength: 64 },
                created_at: { type: 'string', pattern: ISO_DATE_TIME },
              },
            },
          },
        },
      },
    },
  },
} as const;

interface DevicehqFixtures {
  accounts?: Array<{ id: string; name: string; api_key: string; devices?: DevicehqDevice[] }>;
}

/** Refuse before writing anything: a key may open only one account. */
function checkKeys(tx: ReadTx, accounts: NonNullable<DevicehqFixtures['accounts']>): void {
  const claimed = new Map<string, string>();
  for (const account of accounts) {
    const hash = hashApiKey(account.api_key);
    const owner = claimed.get(hash) ?? tx.get<string>(API_KEYS, hash);
    if (owner !== undefined && owner !== account.id) {
      throw new MockError('validation.failed', `DeviceHQ account ${account.id}: its api_key already belongs to account ${owner}`);
    }
    claimed.set(hash, account.id);
  }
}

export function seedDevicehq(tx: WriteTx, fixtures: unknown, _env: ProviderEnv): number {
  const { accounts = [] } = (fixtures ?? {}) as DevicehqFixtures;
  checkKeys(tx, accounts);
  let added = 0;
  for (const account of accounts) {
    const devices = (account.devices ?? []).map((d) => ({ id: d.id, name: d.name, serial: d.serial, status: d.status, created_at: d.created_at }));
    putAccount(tx, { id: account.id, name: account.name, apiKey: account.api_key, devices });
    added += 1 + devices.length;
  }
  return added;
}

export function describeDevicehq(tx: ReadTx, env: ProviderEnv, sessionTtlMs: number): unknown {
  const now = env.clock.now();
  return {
    session_idle_timeout_ms: sessionTtlMs,
    live_sessions: [...tx.values<DevicehqSession>(SESSIONS)].filter((s) => now <= s.expiresAt).length,
    accounts: [...tx.values<DevicehqAccount>(ACCOUNTS)].map((account) => {
      const hash = tx.get<string>(ACCOUNT_SESSIONS, account.id);
      const session = hash === undefined ? undefined : tx.get<DevicehqSession>(SESSIONS, hash);
      return {
        id: account.id,
        name: account.name,
        api_key: account.apiKeyHint,
        devices: account.devices.length,
        session: session
          ? {
              token: session.tokenHint,
              created_at: toIso(session.createdAt),
              expires: toIso(session.expiresAt),
              expired: now > session.expiresAt,
            }
          : null,
      };
    }),
  };
}

/** The first accounts' API keys, for the start-up banner. */
export const devicehqCredentialHints = (fixtures: unknown): CredentialHint[] =>
  firstEntries(fixtures, 'accounts', ['id', 'api_key']).map((a) => hint(`X-API-KEY (${a['id']})`, a['api_key']!, true));
