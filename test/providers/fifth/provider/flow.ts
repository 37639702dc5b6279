// The fifth provider's flow, as drawn on /docs.

import type { Flow } from '../../../../src/providers/provider.js';

export const fifthFlow: Flow = {
  provider: 'fifth',
  title: 'fifth: a name and password for a token',
  participants: ['App', 'fifth API (/fifth)'],
  steps: [
    { from: 0, to: 1, lines: ['POST /sign-in   {"name","password"}'] },
    { from: 1, to: 0, reply: true, lines: ['200 {"token"}   ·   401 {"fault":{"kind":"denied"}}'] },
  ],
};
