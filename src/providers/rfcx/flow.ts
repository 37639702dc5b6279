// RFCx's authentication flow as data, drawn as a sequence diagram on /docs (sources: provider-docs/BEHAVIOUR.md).

import type { Flow } from '../provider.js';

const APP = 0;
const API = 1;

export const rfcxFlow: Flow = {
  provider: 'rfcx',
  title: 'RFCx: a guardian registers with an invite code, then checks in; a user logs in',
  participants: ['Guardian / app', 'RFCx API (/rfcx)'],
  steps: [
    { from: APP, to: API, lines: ['POST /v2/guardians/register   {"guid":"<12 hex>"}', 'x-auth-user: register   x-auth-token: <the whole invite code, e.g. ab12cd34>'] },
    { from: API, to: APP, reply: true, lines: ['200 {name, guid, token, pin_code, ...}   (one redemption of the code; past its limit: 401)'] },
    { from: APP, to: API, lines: ['POST /v1/guardians/{guid}/checkins', 'x-auth-user: guardian/<guid>   x-auth-token: <token>'] },
    { from: API, to: APP, reply: true, lines: ['200   ·   401 Unauthorized (plain text)   ·   403 on another guardian\'s path'] },
    { from: APP, to: API, lines: ['POST /v1/users/login   {"email","password","extended_expiration":1}'] },
    { from: API, to: APP, reply: true, lines: ['200 [{guid, ..., tokens:[{token, token_expires_at}]}]   (1440 min; 5760 with extended_expiration=1)'] },
    { note: ['A user then sends x-auth-user: user/<guid> with x-auth-token: <token>; the reason for a 401 is never sent.'] },
  ],
};
