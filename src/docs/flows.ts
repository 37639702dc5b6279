// The four providers' authentication flows as data, drawn as sequence diagrams on /docs (sources: each provider's
// authentication page and BEHAVIOUR.md, which names the code and traffic behind each fact).

export type FlowStep =
  /** A request (solid arrow) or an answer (`reply`, dashed arrow) between two participants, in one or more lines. */
  | { from: number; to: number; lines: ReadonlyArray<string>; reply?: boolean }
  /** A note across the lifelines: a rule of the flow (expiry, what fails and how). */
  | { note: ReadonlyArray<string> };

export interface Flow {
  /** The provider's name as mounted (`/duet`, ...). */
  provider: string;
  title: string;
  participants: ReadonlyArray<string>;
  steps: ReadonlyArray<FlowStep>;
}

const APP = 0;
const API = 1;

export const FLOWS: ReadonlyArray<Flow> = [
  {
    provider: 'duet',
    title: 'Duet: create an account, sign in, call with the account token',
    participants: ['App', 'Duet API (/duet/1)'],
    steps: [
      { from: APP, to: API, lines: ['POST /1/account   (multipart/form-data, X-Application-Token)', 'account[first_name], account[email], account[password], account[phone], account[image]'] },
      { from: API, to: APP, reply: true, lines: ['200 the account object   ·   422 {"errors":{"email":["can\'t be blank"]}}'] },
      { from: APP, to: API, lines: ['POST /1/account/sign_in   (X-Application-Token)', 'account[login] (e-mail or phone), account[password]'] },
      { from: API, to: APP, reply: true, lines: ['200 {"account":{"authentication_token":"<60 alphanumerics>"}}   ·   401 (empty body)'] },
      { from: APP, to: API, lines: ['GET /1/account   (X-Application-Token, X-Account-Token: <authentication_token>)'] },
      { from: API, to: APP, reply: true, lines: ['200 the account object'] },
      { note: ['Account tokens do not expire; no sign-out. A missing or wrong token of either kind: 401, no WWW-Authenticate.'] },
    ],
  },
  {
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
  },
  {
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
  },
  {
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
  },
];
