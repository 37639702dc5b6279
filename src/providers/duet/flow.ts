// Duet's authentication flow as data, drawn as a sequence diagram on /docs (sources: provider-docs/BEHAVIOUR.md).

import type { Flow } from '../provider.js';

const APP = 0;
const API = 1;

export const duetFlow: Flow = {
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
};
