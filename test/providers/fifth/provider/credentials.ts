// The fifth provider's credentials: the token's verifier, and ending a token from /__admin/credentials.

import { MockError } from '../../../../src/engine/errors.js';
import type { Verifier, World } from '../../../../src/engine/types.js';
import type { CredentialEnd } from '../../../../src/providers/provider.js';
import { dropToken, findToken } from './records.js';

export interface FifthPrincipal {
  name: string;
}

export const verifyToken: Verifier = async ({ credential, world }) => {
  const found = await world.store.read((tx) => findToken(tx, credential));
  if (!found) return { ok: false, error: new MockError('auth.invalid', 'X-Fifth-Token is not a live token') };
  return { ok: true, principal: { name: found.name } satisfies FifthPrincipal };
};

/** Both ends remove the token: it has no lifetime to run out. */
export const endFifthCredential = (world: World, credential: string, _how: CredentialEnd): Promise<boolean> =>
  world.store.write((tx) => dropToken(tx, credential));
