// The fifth provider's Pact provider states.

import { basePath, call, expectStatus, seed, text } from '../../../../src/contracts/state-kit.js';
import type { ProviderStates } from '../../../../src/providers/provider.js';

export const fifthStates: ProviderStates = {
  'a fifth user {name} signed in': {
    provider: 'fifth',
    summary: 'A user of the fifth provider with a live token.',
    params: { name: 'the user (required)', password: 'the password (default `secret-password`)' },
    example: { name: 'grace' },
    returns: { token: 'the live X-Fifth-Token' },
    async setup(params, ctx) {
      const name = text(params, 'name');
      const password = text(params, 'password', 'secret-password');
      await seed(ctx, { fifth: { users: [{ name, password }] } });
      const reply = await call(ctx, 'POST', `${basePath(ctx, 'fifth')}/sign-in`, { json: { name, password } });
      return { token: String(expectStatus(reply, 200, 'signing in')['token']) };
    },
  },
};
