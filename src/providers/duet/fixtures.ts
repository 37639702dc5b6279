// Duet fixtures: their JSON Schema, seeding (secrets hashed on the way in), settings and the admin state view.

import { toIso } from '../../world/clock.js';
import { MockError } from '../../engine/errors.js';
import { hashSecret, maskSecret, randomHex } from '../../engine/secrets.js';
import type { ReadTx, WriteTx } from '../../world/store.js';
import type { CredentialHint, ProviderEnv } from '../provider.js';
import { firstEntries, hint } from '../hints.js';
import {
  addApplication,
  findAccountByLogin,
  hashAccountToken,
  insertAccount,
  normaliseEmail,
  saveAccount,
  ACCOUNTS,
  ACCOUNT_TOKENS,
  APPLICATIONS,
  SETTINGS,
  type DuetAccount,
  type DuetApplication,
  type Profile,
  type SignInWrapper,
} from './records.js';
import { listDevices } from './devices.js';

const text = (maxLength: number, description?: string): Record<string, unknown> => ({ type: 'string', minLength: 1, maxLength, ...(description ? { description } : {}) });

export const duetFixtureSchema = {
  title: 'Duet fixtures',
  type: 'object',
  additionalProperties: false,
  properties: {
    settings: {
      description: 'How this mock answers where the Duet sources disagree.',
      type: 'object',
      additionalProperties: false,
      properties: {
        sign_in_wrapper: {
          description:
            "Sign-in's answer: `account` = `{\"account\":{\"authentication_token\":...}}` (the sign-in page, default); " +
            '`none` = `{"authentication_token":...}` (the `_config.yml` example of the same docs).',
          enum: ['account', 'none'],
        },
      },
    },
    applications: {
      description: 'Application tokens, one per client application (and version).',
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'token'],
        properties: { name: text(100), token: text(255) },
      },
    },
    accounts: {
      description:
        'Accounts (clear-text password, hashed when seeded). Sign-in takes the email or the phone. Seeding an email or ' +
        'phone again replaces that account\'s password and the fields given.',
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['password'],
        anyOf: [{ required: ['email'] }, { required: ['phone'] }, { required: ['login'] }],
        properties: {
          email: { ...text(255), pattern: '^[^@\\s]+@[^@\\s]+$' },
          phone: { ...text(32), pattern: '^\\+?[0-9 ().-]{7,}$' },
          login: text(255, 'Older form: an email (with `@`) or a phone number.'),
          password: text(128),
          first_name: text(255),
          last_name: text(255),
          name: text(255, 'Older form of `first_name`.'),
          gender: { enum: ['m', 'f'] },
          born_on: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' },
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

interface AccountFixture {
  email?: string;
  phone?: string;
  login?: string;
  password: string;
  first_name?: string;
  last_name?: string;
  name?: string;
  gender?: string;
  born_on?: string;
  authentication_token?: string;
}

interface DuetFixtures {
  settings?: { sign_in_wrapper?: SignInWrapper };
  applications?: Array<{ name: string; token: string }>;
  accounts?: AccountFixture[];
}

/** The fixture's email and phone, the older `login` read as one or the other. */
function loginsOf(input: AccountFixture): { email: string | null; phone: string | null } {
  const email = input.email ?? (input.login?.includes('@') ? input.login : undefined);
  const phone = input.phone ?? (input.login !== undefined && !input.login.includes('@') ? input.login : undefined);
  return { email: email === undefined ? null : normaliseEmail(email), phone: phone?.trim() ?? null };
}

const labelOf = (input: AccountFixture): string => input.email ?? input.phone ?? input.login ?? '(no login)';

function existingOf(tx: ReadTx, input: AccountFixture): DuetAccount | undefined {
  const { email, phone } = loginsOf(input);
  return (email === null ? undefined : findAccountByLogin(tx, email)) ?? (phone === null ? undefined : findAccountByLogin(tx, phone));
}

/** Refuse before writing anything: a fixed authentication_token may belong to one account only. */
function checkTokens(tx: ReadTx, accounts: ReadonlyArray<AccountFixture>): void {
  const claimed = new Map<string, string>();
  for (const input of accounts) {
    if (input.authentication_token === undefined) continue;
    const hash = hashAccountToken(input.authentication_token);
    const label = labelOf(input);
    const ownerId = tx.get<number>(ACCOUNT_TOKENS, hash);
    const owner = ownerId === undefined || ownerId === existingOf(tx, input)?.id ? undefined : tx.get<DuetAccount>(ACCOUNTS, String(ownerId));
    const ownerLabel = claimed.get(hash) ?? (owner ? (owner.email ?? owner.phone ?? `account ${owner.id}`) : undefined);
    if (ownerLabel !== undefined && ownerLabel !== label) {
      throw new MockError('validation.failed', `Duet fixture account ${label}: its authentication_token already belongs to ${ownerLabel}`);
    }
    claimed.set(hash, label);
  }
}

function upsertAccount(tx: WriteTx, input: AccountFixture, now: number): void {
  const { email, phone } = loginsOf(input);
  const given: Partial<Profile> = {};
  if (email !== null) given.email = email;
  if (phone !== null) given.phone = phone;
  const first = input.first_name ?? input.name;
  if (first !== undefined) given.firstName = first;
  if (input.last_name !== undefined) given.lastName = input.last_name;
  if (input.gender !== undefined) given.gender = input.gender;
  if (input.born_on !== undefined) given.bornOn = input.born_on;
  const existing = existingOf(tx, input);
  if (!existing) {
    const profile: Profile = { email: null, phone: null, firstName: null, lastName: null, gender: null, bornOn: null, ...given };
    insertAccount(tx, profile, input.password, now, input.authentication_token);
    return;
  }
  const passwordSalt = randomHex(16);
  const next: DuetAccount = { ...existing, ...given, passwordSalt, passwordHash: hashSecret(input.password, passwordSalt) };
  if (input.authentication_token !== undefined) {
    next.authenticationToken = input.authentication_token;
    next.tokenHash = hashAccountToken(input.authentication_token);
  }
  saveAccount(tx, next, existing);
}

export function seedDuet(tx: WriteTx, fixtures: unknown, env: ProviderEnv): number {
  const { settings, applications = [], accounts = [] } = (fixtures ?? {}) as DuetFixtures;
  checkTokens(tx, accounts);
  if (settings?.sign_in_wrapper !== undefined) tx.set(SETTINGS, 'sign_in_wrapper', settings.sign_in_wrapper);
  for (const app of applications) addApplication(tx, app.name, app.token);
  const now = env.clock.now();
  for (const account of accounts) upsertAccount(tx, account, now);
  return applications.length + accounts.length;
}

export function describeDuet(tx: ReadTx): unknown {
  return {
    settings: { sign_in_wrapper: tx.get<SignInWrapper>(SETTINGS, 'sign_in_wrapper') ?? 'account' },
    applications: [...tx.values<DuetApplication>(APPLICATIONS)].map((app) => ({ name: app.name, token: app.tokenHint })),
    accounts: [...tx.values<DuetAccount>(ACCOUNTS)].map((account) => ({
      id: account.id,
      email: account.email,
      phone: account.phone,
      first_name: account.firstName,
      last_name: account.lastName,
      image: account.image ? { filename: account.image.filename, content_type: account.image.contentType, size: account.image.size } : null,
      privacy: account.privacy,
      created_at: toIso(account.createdAt),
      authentication_token: maskSecret(account.authenticationToken),
      expires: null,
    })),
    devices: listDevices(tx),
  };
}

/** The first applications' tokens and one account's sign-in, for the start-up banner. */
export const duetCredentialHints = (fixtures: unknown): CredentialHint[] => [
  ...firstEntries(fixtures, 'applications', ['name', 'token']).map((a) => hint(`X-Application-Token (${a['name']})`, a['token']!, true)),
  ...[...firstEntries(fixtures, 'accounts', ['email', 'password'], 1), ...firstEntries(fixtures, 'accounts', ['login', 'password'], 1)]
    .slice(0, 1)
    .map((a) => hint(`sign in ${a['email'] ?? a['login']}`, a['password']!, true)),
];
