// The fifth provider's operations by operationId: sign in, and who am I.

import { MockError } from '../../../../src/engine/errors.js';
import type { Handler } from '../../../../src/engine/types.js';
import type { FifthPrincipal } from './credentials.js';
import { issueToken, passwordMatches } from './records.js';

export function createFifthHandlers(realm: string): Readonly<Record<string, Handler>> {
  return {
    async fifthSignIn(ctx) {
      const { name, password } = ctx.req.body as { name: string; password: string };
      const token = await ctx.world.store.write((tx) => (passwordMatches(tx, name, password) ? issueToken(tx, name) : undefined));
      if (token === undefined) throw new MockError('auth.invalid', `wrong name or password for '${name}'`);
      return { status: 200, body: { token } };
    },
    fifthMe(ctx) {
      const principal = ctx.auth.principals.get('FifthToken') as FifthPrincipal;
      return { status: 200, body: { name: principal.name, realm } };
    },
  };
}
