// emnify's authentication flow as data, drawn as a sequence diagram on /docs (sources: provider-docs/BEHAVIOUR.md).

import type { Flow } from '../provider.js';

const APP = 0;
const API = 1;

export const emnifyFlow: Flow = {
  provider: 'emnify',
  title: 'emnify: SHA-1 password or application token for a JWT, refreshed with the refresh token',
  participants: ['App', 'emnify API (/emnify/api/v1)'],
  steps: [
    { from: APP, to: API, lines: ['POST /api/v1/authenticate   {"username","password":"<SHA-1 hex>"}'] },
    { from: API, to: APP, reply: true, lines: ['200 {"auth_token":"<JWT, HS384, 240 min>","refresh_token"}'] },
    { from: APP, to: API, lines: ['GET /api/v1/endpoint?page=&per_page=   (Authorization: Bearer <auth_token>)'] },
    { from: API, to: APP, reply: true, lines: ['200 [endpoints]   X-Total-Pages, X-Current-Page, X-Count-Per-Page, X-Total-Count'] },
    { note: ['After 240 minutes: 401 {"error_code":1103,"error_token":"TokenExpired",...}'] },
    { from: APP, to: API, lines: ['POST /api/v1/authenticate   {"refresh_token"}'] },
    { from: API, to: APP, reply: true, lines: ['200 {"auth_token"}   (the refresh token is not rotated)'] },
    { from: APP, to: API, lines: ['POST /api/v1/authenticate   {"application_token"}'] },
    { from: API, to: APP, reply: true, lines: ['200 {"auth_token":"<JWT, 7 days>"}   ·   401 once the application token is revoked'] },
  ],
};
