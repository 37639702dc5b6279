// Duet fixtures: their JSON Schema, seeding (secrets hashed on the way in) and the admin state view.

import { toIso } from '../../clock.js';
import { MockError } from '../../errors.js';
import { hashSecret, maskSecret, randomHex, safeEqual } from '../../security/secrets.js';
import type { ReadTx, WriteTx } from '../../state/store.js';
import type { ProviderEnv } from '../../types.js';
import {
  addApplication,
  findAccountByLogin,
  hashAccountToken,
  insertAccount,
  normaliseLogin,
  ACCOUNTS,
  ACCOUNT_TOKENS,
  APPLICATIONS,
  type DuetAccount,
  type DuetApplication,
} from './accounts.js';
import { listDevices } from './devices.js';

export const duetFixtureSchema = {
  title: 'Duet fixtures',
  type: 'object',
  additionalProperties: false,
  properties: {
    applications: {
      description: 'Application tokens, one per client application (and version).',
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'token'],
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 100 },
          token: { type: 'string', minLength: 1, maxLength: 255 },
        },
      },
    },
    accounts: {
      description: 'Accounts (login + clear-text password, hashed when seeded). Seeding a login again replaces its password.',
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['login', 'password'],
        properties: {
          login: { type: 'string', minLength: 1, maxLength: 255 },
          password: { type: 'string', minLength: 1, maxLength: 128 },
          name: { type: 'string', maxLength: 255 },
          authentication_token: {
            description: 'A fixed account token (otherwise one is generated).',
            type: 'string',
            pattern: '^[A-Za-z0-9]{60}$',
          },
        },
      },
    },
  },
} as const;

interface DuetFixtures {
  applications?: Array<{ name: string; token: string }>;
  accounts?: Array<{ login: string; password: string; name?: string; authentication_token?: string }>;
}

type AccountFixture = NonNullable<DuetFixtures['accounts']>[number];

/** Refuse before writing anything: a fixed authentication_token may belong to one account only. */
function checkTokens(tx: ReadTx, accounts: ReadonlyArray<AccountFixture>): void {
  const claimed = new Map<string, string>();
  for (const input of accounts) {
    if (input.authentication_token === undefined) continue;
    const hash = hashAccountToken(input.authentication_token);
    const login = normaliseLogin(input.login);
    const ownerId = tx.get<number>(ACCOUNT_TOKENS, hash);
    const owner = claimed.get(hash) ?? (ownerId === undefined ? undefined : tx.get<DuetAccount>(ACCOUNTS, String(ownerId))?.login);
    if (owner !== undefined && owner !== login) {
      throw new MockError('validation.failed', `Duet fixture account ${login}: its authentication_token already belongs to ${owner}`);
    }
    claimed.set(hash, login);
  }
}

function upsertAccount(tx: WriteTx, input: AccountFixture, now: number): void {
  const token = input.authentication_token;
  const existing = findAccountByLogin(tx, input.login);
  if (!existing) {
    insertAccount(tx, { login: input.login, password: input.password, name: input.name, authenticationToken: token }, now);
    return;
  }
  const passwordSalt = randomHex(16);
  const next: DuetAccount = {
    ...existing,
    name: input.name ?? existing.name,
    passwordSalt,
    passwordHash: hashSecret(input.password, passwordSalt),
  };
  if (token !== undefined && !safeEqual(token, existing.authenticationToken)) {
    tx.delete(ACCOUNT_TOKENS, existing.tokenHash);
    next.authenticationToken = token;
    next.tokenHash = hashAccountToken(token);
    tx.set(ACCOUNT_TOKENS, next.tokenHash, next.id);
  }
  tx.set(ACCOUNTS, String(next.id), next);
}

export function seedDuet(tx: WriteTx, fixtures: unknown, env: ProviderEnv): number {
  const { applications = [], accounts = [] } = (fixtures ?? {}) as DuetFixtures;
  checkTokens(tx, accounts);
  for (const app of applications) addApplication(tx, app.name, app.token);
  const now = env.clock.now();
  for (const account of accounts) upsertAccount(tx, account, now);
  return applications.length + accounts.length;
}

export function describeDuet(tx: ReadTx): unknown {
  return {
    applications: [...tx.values<DuetApplication>(APPLICATIONS)].map((app) => ({ name: app.name, token: app.tokenHint })),
    accounts: [...tx.values<DuetAccount>(ACCOUNTS)].map((account) => ({
      id: account.id,
      login: account.login,
      name: account.name,
      created_at: toIso(account.createdAt),
      authentication_token: maskSecret(account.authenticationToken),
      expires: null,
    })),
    devices: listDevices(tx),
  };
}
