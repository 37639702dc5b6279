// The paths measured, their credentials (signed in through authmock's real API) and the probe before a path is measured.


const DEMO = {
  devicehqKey: '5sHszZNuTfmgs58VGA',
  emnify: { username: 'user@domain.com', password: '2fd4e1c67a2d28fced849ee1bb76e7391b93eb12' },
  rfcx: { user: 'guardian/df72c626229f', token: '5ffd69500c83b9d948f5d0852538b5b983453182', guid: 'df72c626229f' },
  duet: { app: 'duet-iphone-app-token', login: 'demo@duet.example', password: 'duet-demo-password' },
};

/** Placeholders of the right shape for servers that do not check credentials (bare Koa, Prism). */
const PLACEHOLDER_CREDENTIALS = {
  devicehq: 'AbCdEfGhIjKlMn',
  emnifyJwt: `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${Buffer.from(JSON.stringify({ sub: DEMO.emnify.username, exp: 4102444800 })).toString('base64url')}.${'A'.repeat(43)}`,
  duetAccount: 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0U1v2W3x4Y5z6A7b8C9d0',
};

async function call(url, method, path, { headers = {}, body } = {}) {
  const res = await fetch(url + path, { method, headers, body, signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text, problem: res.headers.get('x-mock-problem') };
}

/** Sign in once through authmock's real API. */
async function signIn(url) {
  const devicehq = await call(url, 'POST', '/devicehq/api/v2/session', { headers: { 'x-api-key': DEMO.devicehqKey, 'content-length': '0' } });
  const emnify = await call(url, 'POST', '/emnify/api/v1/authenticate', {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO.emnify),
  });
  const duet = await call(url, 'POST', '/duet/1/account/sign_in', {
    headers: { 'x-application-token': DEMO.duet.app, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ 'account[login]': DEMO.duet.login, 'account[password]': DEMO.duet.password }).toString(),
  });
  const credentials = {
    devicehq: devicehq.json?.meta?.token,
    emnifyJwt: emnify.json?.auth_token,
    duetAccount: duet.json?.account?.authentication_token,
  };
  const missing = Object.entries(credentials).filter(([, v]) => typeof v !== 'string').map(([k]) => k);
  if (missing.length > 0) {
    const detail = { devicehq: devicehq.status, emnify: emnify.status, duet: duet.status };
    throw new Error(`sign-in failed for ${missing.join(', ')} (statuses ${JSON.stringify(detail)})`);
  }
  return credentials;
}

/** The benchmarked paths: four authenticated hot paths, then the two sign-ins (DeviceHQ's replaces the session: last). */
const PATHS = [
  {
    id: 'devicehq-test',
    label: 'DeviceHQ GET /api/v2/test',
    hot: true,
    request: (c) => ({ method: 'GET', path: '/devicehq/api/v2/test', headers: { 'x-auth-token': c.devicehq } }),
  },
  {
    id: 'emnify-endpoint',
    label: 'emnify GET /api/v1/endpoint',
    hot: true,
    request: (c) => ({ method: 'GET', path: '/emnify/api/v1/endpoint', headers: { authorization: `Bearer ${c.emnifyJwt}` } }),
  },
  {
    id: 'rfcx-pings',
    label: 'RFCx POST /v2/guardians/{guid}/pings',
    hot: true,
    request: () => ({
      method: 'POST',
      path: `/rfcx/v2/guardians/${DEMO.rfcx.guid}/pings`,
      headers: { 'x-auth-user': DEMO.rfcx.user, 'x-auth-token': DEMO.rfcx.token, 'content-type': 'application/json' },
      body: '{"battery":87}',
    }),
  },
  {
    id: 'duet-account',
    label: 'Duet GET /1/account',
    hot: true,
    request: (c) => ({ method: 'GET', path: '/duet/1/account', headers: { 'x-application-token': DEMO.duet.app, 'x-account-token': c.duetAccount } }),
  },
  {
    id: 'emnify-authenticate',
    label: 'emnify POST /api/v1/authenticate',
    hot: false,
    request: () => ({ method: 'POST', path: '/emnify/api/v1/authenticate', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO.emnify) }),
  },
  {
    id: 'devicehq-session',
    label: 'DeviceHQ POST /api/v2/session',
    hot: false,
    request: () => ({ method: 'POST', path: '/devicehq/api/v2/session', headers: { 'x-api-key': DEMO.devicehqKey, 'content-length': '0' } }),
  },
];

/** One request before the load: it must be a 2xx, or the path is not measured on that server. */
async function probe(url, request) {
  try {
    const r = await call(url, request.method, request.path, { headers: request.headers, body: request.body });
    return r.status >= 200 && r.status < 300 ? null : `answered ${r.status}${r.problem ? ` ${r.problem}` : ''}`;
  } catch (error) {
    return `no answer (${error.message})`;
  }
}

export { DEMO, PLACEHOLDER_CREDENTIALS, call, signIn, PATHS, probe };
