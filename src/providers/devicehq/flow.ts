// DeviceHQ's authentication flow as data, drawn as a sequence diagram on /docs (sources: provider-docs/BEHAVIOUR.md).

import type { Flow } from '../provider.js';

const APP = 0;
const API = 1;

export const devicehqFlow: Flow = {
  provider: 'devicehq',
  title: 'DeviceHQ: API key for a session token, which slides for 5 minutes',
  participants: ['App', 'DeviceHQ API (/devicehq/api/v2)'],
  steps: [
    { from: APP, to: API, lines: ['POST /api/v2/session   (X-API-KEY: <key>, or ?api_key=, or {"api_key"}; Content-Length: 0)'] },
    { from: API, to: APP, reply: true, lines: ['200 {"meta":{"token","expires","jsonapi":{"version":"1.0"}}}   (closes the previous session)'] },
    { from: APP, to: API, lines: ['GET /api/v2/devices?limit=&skip=   (X-AUTH-TOKEN: <token>)'] },
    { from: API, to: APP, reply: true, lines: ['200 {"data":[...],"meta":{"total":N}}   (expiry moves to now + 5 min)'] },
    { note: ['5 minutes without a request, or a newer session for the account:', '401 {"errors":[{"detail":"..."}]} (JSON:API)'] },
    { from: APP, to: API, lines: ['DELETE /api/v2/session   (X-AUTH-TOKEN)'] },
    { from: API, to: APP, reply: true, lines: ['200 {"meta":{"message":"Session closed"}}'] },
  ],
};
