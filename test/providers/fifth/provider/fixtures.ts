// The fifth provider's fixtures: schema, seeding, what /__admin/state shows, and the banner's hints.

import { firstEntries, hint } from '../../../../src/providers/hints.js';
import type { CredentialHint } from '../../../../src/providers/provider.js';
import type { ReadTx, WriteTx } from '../../../../src/world/store.js';
import { putUser, TOKENS, USERS, type FifthToken } from './records.js';

export const fifthFixtureSchema: Record<string, unknown> = {
  type: 'object',
  additionalProperties: false,
  properties: {
    users: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'password'],
        properties: { name: { type: 'string', minLength: 1 }, password: { type: 'string', minLength: 1 } },
      },
    },
  },
};

export function seedFifth(tx: WriteTx, fixtures: unknown): number {
  const { users = [] } = (fixtures ?? {}) as { users?: Array<{ name: string; password: string }> };
  for (const user of users) putUser(tx, user.name, user.password);
  return users.length;
}

export const describeFifth = (tx: ReadTx): unknown => ({
  users: tx.size(USERS),
  live_tokens: [...tx.values<FifthToken>(TOKENS)].map((t) => ({ name: t.name, token: t.tokenHint })),
});

export const fifthCredentialHints = (fixtures: unknown): CredentialHint[] =>
  firstEntries(fixtures, 'users', ['name', 'password'], 1).map((u) => hint(`sign in ${u['name']}`, u['password']!, true));
