// Hostile inputs: every case is refused with a 4xx in the provider's own wire format, carries an X-Mock-Problem
// code, echoes nothing non-ASCII into the response head, and leaves the state digest exactly as it was.

import { createHmac, randomBytes } from 'node:crypto';
import { SignJWT, exportSPKI, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type StartedMock } from '../helpers/harness.js';
import {
  DEVICEHQ,
  DUET,
  EMNIFY,
  JWT_AUDIENCE,
  JWT_ISSUER,
  JWT_SECRET,
  RFCX,
  call,
  exchange,
  expectAsciiHeaders,
  expectProviderFormat,
  header,
  type Provider,
  type RawRequest,
} from './support.js';

interface Ctx {
  mock: StartedMock;
  /** A valid emnify auth_token and refresh_token of user@domain.com. */
  auth: string;
  refresh: string;
  /** A live DeviceHQ session token of the demo account. */
  session: string;
  /** The Duet demo account's authentication token. */
  duetAccount: string;
  /** Crafted JWTs, by name. */
  jwt: Record<string, string>;
}

interface Case {
  provider: Provider;
  req: (c: Ctx) => RawRequest;
  /** Exact status when the issue prescribes one; otherwise any 4xx. */
  status?: number;
  /** Exact X-Mock-Problem code, when it matters. */
  code?: string;
  /** Runs before the digest is taken (e.g. seed a fresh invite code). */
  setup?: (c: Ctx) => Promise<void>;
}

const MIB = 1024 * 1024;
/** A request with a body (JSON content type unless the headers say otherwise). */
const post = (path: string, body: string, headers: Record<string, string | string[] | Buffer> = {}, method = 'POST'): RawRequest => ({
  method,
  path,
  headers: { 'content-type': 'application/json', ...headers },
  body,
});
const postJson = (path: string, value: unknown, headers: Record<string, string | string[] | Buffer> = {}, method = 'POST'): RawRequest =>
  post(path, JSON.stringify(value), headers, method);
const get = (path: string, headers: Record<string, string | string[] | Buffer> = {}): RawRequest => ({ method: 'GET', path, headers });
const form = (path: string, body: string, headers: Record<string, string | string[] | Buffer> = {}): RawRequest => ({
  method: 'POST',
  path,
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  body,
});

const DUET_APP = { 'x-application-token': DUET.app };
const SIGN_IN = '/duet/1/account/sign_in';
const SESSION = '/devicehq/api/v2/session';
const DHQ_TEST = '/devicehq/api/v2/test';
const DHQ_DEVICES = '/devicehq/api/v2/devices';
const LOGIN = '/rfcx/v1/users/login';
/** A read any credential the path rules allow may make (RFCx has no "who am I" route): a guardian's software list. */
const SOFTWARE = `/rfcx/v1/guardians/${RFCX.guardian.guid}/software/guardian`;
const REGISTER = '/rfcx/v2/guardians/register';
const checkinOf = (guid: string): string => `/rfcx/v1/guardians/${guid}/checkins`;
const AUTHENTICATE = '/emnify/api/v1/authenticate';
const APP_TOKENS = '/emnify/api/v1/application_token';
const ENDPOINTS = '/emnify/api/v1/endpoint';
const guardianAuth = { 'x-auth-user': `guardian/${RFCX.guardian.guid}`, 'x-auth-token': RFCX.guardian.token };
const userAuth = { 'x-auth-user': `user/${RFCX.user.guid}`, 'x-auth-token': RFCX.user.token };
const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });
const userLogin = { username: EMNIFY.username, password: EMNIFY.password };
const deepArray = (n: number): string => `${'['.repeat(n)}${']'.repeat(n)}`;
const deepObject = (n: number): string => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
const big = (n: number): string => 'A'.repeat(n);
const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

let inviteCounter = 0;
/** Seed a fresh invite code (2 redemptions) through /__admin/fixtures and remember it for the case's request. */
const freshInvite = { user: '', token: '' };
async function seedInvite(c: Ctx): Promise<void> {
  inviteCounter += 1;
  const guidHalf = `hz${String(inviteCounter).padStart(2, '0')}`;
  const secretHalf = `k${String(inviteCounter).padStart(3, '0')}`;
  const res = await call(c.mock.url, 'POST', '/__admin/fixtures', {
    json: { rfcx: { registration_tokens: [{ code: `${guidHalf}${secretHalf}`, allowed_redemptions: 2 }] } },
  });
  expect(res.status).toBe(200);
  freshInvite.user = 'register';
  freshInvite.token = `${guidHalf}${secretHalf}`;
}
const inviteAuth = (): Record<string, string> => ({ 'x-auth-user': freshInvite.user, 'x-auth-token': freshInvite.token });

const cases: Array<[string, Case]> = [
  // ── Truncated JSON, top-level arrays and scalars ─────────────────────────────────────────────────────
  ['emnify: truncated JSON', { provider: 'emnify', status: 400, code: 'request.body_malformed', req: () => post(AUTHENTICATE, '{"username":"user@domain.com","pass') }],
  ['devicehq: truncated JSON', { provider: 'devicehq', status: 400, req: () => post(SESSION, '{"api_key":"5sHs') }],
  ['duet: truncated JSON', { provider: 'duet', req: () => post(SIGN_IN, '{"account":{"login":', DUET_APP) }],
  ['rfcx: truncated JSON', { provider: 'rfcx', status: 400, req: () => post(LOGIN, '{"email":"demo@rfcx.example","password":"rf') }],
  ['admin: truncated JSON', { provider: 'problem', status: 400, req: () => post('/__admin/fixtures', '{"devicehq":{"accounts":[') }],
  ['emnify: top-level array', { provider: 'emnify', status: 400, req: () => postJson(AUTHENTICATE, [userLogin]) }],
  ['emnify: top-level string', { provider: 'emnify', status: 400, req: () => postJson(AUTHENTICATE, 'user@domain.com') }],
  ['emnify: top-level null', { provider: 'emnify', status: 400, req: () => post(AUTHENTICATE, 'null') }],
  ['emnify: top-level number', { provider: 'emnify', status: 400, req: () => post(AUTHENTICATE, '42') }],
  ['devicehq: top-level array', { provider: 'devicehq', req: () => postJson(SESSION, [{ api_key: DEVICEHQ.key }]) }],
  ['duet: top-level array', { provider: 'duet', req: () => postJson(SIGN_IN, [{ account: { login: DUET.login, password: DUET.password } }], DUET_APP) }],
  ['rfcx: top-level true', { provider: 'rfcx', req: () => post(LOGIN, 'true') }],
  ['admin: top-level array of fixtures', { provider: 'problem', req: () => postJson('/__admin/fixtures', [{ devicehq: {} }]) }],

  // ── __proto__ and constructor.prototype ─────────────────────────────────────────────────────────────
  ['emnify: __proto__ wrapping the login', { provider: 'emnify', status: 400, req: () => post(AUTHENTICATE, `{"__proto__":${JSON.stringify(userLogin)}}`) }],
  ['devicehq: __proto__ with an api_key', { provider: 'devicehq', status: 400, req: () => post(SESSION, `{"__proto__":{"api_key":"${DEVICEHQ.key}"}}`) }],
  ['duet: nested __proto__ in JSON', { provider: 'duet', req: () => post(SIGN_IN, `{"account":{"__proto__":{"login":"${DUET.login}","password":"${DUET.password}"}}}`, DUET_APP) }],
  ['duet: __proto__ form field', { provider: 'duet', req: () => form(SIGN_IN, `account[__proto__][login]=${DUET.login}&account[password]=x`, DUET_APP) }],
  ['rfcx: __proto__ form field on register', { provider: 'rfcx', setup: seedInvite, req: () => form(REGISTER, '__proto__[guid]=abcdefabcdef&guid=abcdefabcdef', inviteAuth()) }],
  ['admin: __proto__ fixtures', { provider: 'problem', req: () => post('/__admin/fixtures', '{"__proto__":{"devicehq":{"accounts":[]}}}') }],
  ['emnify: constructor.prototype beside the login', { provider: 'emnify', req: () => postJson(AUTHENTICATE, { ...userLogin, constructor: { prototype: { admin: true } } }) }],
  ['admin: constructor.prototype fixtures', { provider: 'problem', req: () => postJson('/__admin/fixtures', { constructor: { prototype: { polluted: true } } }) }],
  ['devicehq: constructor.prototype with a wrong key', { provider: 'devicehq', req: () => postJson(SESSION, { api_key: 'wrong-key', constructor: { prototype: { polluted: true } } }) }],
  ['rfcx: constructor form field on login', { provider: 'rfcx', req: () => form(LOGIN, 'constructor[prototype][polluted]=1&email=x&password=y') }],

  // ── Content encodings and types ─────────────────────────────────────────────────────────────────────
  ['emnify: fake Content-Encoding gzip', { provider: 'emnify', status: 415, code: 'request.content_encoding', req: () => postJson(AUTHENTICATE, userLogin, { 'content-encoding': 'gzip' }) }],
  ['devicehq: fake Content-Encoding gzip', { provider: 'devicehq', status: 415, req: () => postJson(SESSION, { api_key: DEVICEHQ.key }, { 'content-encoding': 'gzip' }) }],
  ['duet: Content-Encoding br', { provider: 'duet', status: 415, req: () => form(SIGN_IN, 'account[login]=a&account[password]=b', { ...DUET_APP, 'content-encoding': 'br' }) }],
  ['emnify: text/plain body', { provider: 'emnify', status: 415, req: () => postJson(AUTHENTICATE, userLogin, { 'content-type': 'text/plain' }) }],
  ['emnify: body without content type', { provider: 'emnify', status: 415, req: () => ({ method: 'POST', path: AUTHENTICATE, body: JSON.stringify(userLogin) }) }],
  ['emnify: form body where only JSON is declared', { provider: 'emnify', status: 415, req: () => form(AUTHENTICATE, `username=${EMNIFY.username}&password=${EMNIFY.password}`) }],
  ['devicehq: application/xml', { provider: 'devicehq', status: 415, req: () => post(SESSION, `<api_key>${DEVICEHQ.key}</api_key>`, { 'content-type': 'application/xml' }) }],
  ['duet: multipart without a boundary', { provider: 'duet', req: () => post(SIGN_IN, 'x', { ...DUET_APP, 'content-type': 'multipart/form-data' }) }],
  ['duet: multipart part without a name', { provider: 'duet', status: 400, code: 'request.body_malformed', req: () => post('/duet/1/account', '--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--', { ...DUET_APP, 'content-type': 'multipart/form-data; boundary=b' }) }],
  ['duet: multipart boundary of 200 characters', { provider: 'duet', status: 400, code: 'request.body_malformed', req: () => post('/duet/1/account', 'x', { ...DUET_APP, 'content-type': `multipart/form-data; boundary=${'b'.repeat(200)}` }) }],
  ['rfcx: JSON content type with a form body', { provider: 'rfcx', status: 400, req: () => post(LOGIN, `email=${RFCX.user.email}&password=${RFCX.user.password}`) }],
  ['admin: text/plain clock', { provider: 'problem', status: 415, req: () => post('/__admin/clock', '{"advance":"PT5M"}', { 'content-type': 'text/plain' }) }],
  ['devicehq: POST session without Content-Length', { provider: 'devicehq', status: 411, req: () => ({ method: 'POST', path: SESSION, headers: { 'x-api-key': DEVICEHQ.key } }) }],

  // ── Oversize bodies (413) and the depth cap ─────────────────────────────────────────────────────────
  ['emnify: body over 1 MiB', { provider: 'emnify', status: 413, req: () => postJson(AUTHENTICATE, { application_token: big(MIB) }) }],
  ['devicehq: body over 1 MiB', { provider: 'devicehq', status: 413, req: () => postJson(SESSION, { api_key: big(MIB + 10) }) }],
  ['duet: form over 1 MiB', { provider: 'duet', status: 413, req: () => form(SIGN_IN, `account[login]=${big(MIB)}&account[password]=x`, DUET_APP) }],
  ['duet: multipart image over 1 MiB', { provider: 'duet', status: 413, req: () => post('/duet/1/account/image', `--b\r\nContent-Disposition: form-data; name="account[image]"; filename="big.png"\r\n\r\n${big(MIB)}\r\n--b--`, { ...DUET_APP, 'content-type': 'multipart/form-data; boundary=b' }) }],
  ['rfcx: check-in over 1 MiB', { provider: 'rfcx', status: 413, req: () => postJson(checkinOf(RFCX.guardian.guid), { x: big(MIB) }, guardianAuth) }],
  [
    'emnify: chunked body over 1 MiB (no Content-Length)',
    {
      provider: 'emnify',
      status: 413,
      req: () => {
        const payload = Buffer.from(JSON.stringify({ application_token: big(MIB + 100) }));
        const chunked = Buffer.concat([Buffer.from(`${payload.length.toString(16)}\r\n`), payload, Buffer.from('\r\n0\r\n\r\n')]);
        return { method: 'POST', path: AUTHENTICATE, headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, body: chunked, noContentLength: true };
      },
    },
  ],
  ['emnify: arrays nested 40 deep', { provider: 'emnify', status: 400, code: 'request.body_too_deep', req: () => post(AUTHENTICATE, deepArray(40)) }],
  ['devicehq: objects nested 40 deep', { provider: 'devicehq', status: 400, code: 'request.body_too_deep', req: () => post(SESSION, deepObject(40)) }],
  ['duet: form field nested 40 deep', { provider: 'duet', code: 'request.body_too_deep', req: () => form(SIGN_IN, `account${'[a]'.repeat(40)}=1`, DUET_APP) }],
  ['admin: fixtures nested 1000 deep', { provider: 'problem', status: 400, code: 'request.body_too_deep', req: () => post('/__admin/fixtures', deepArray(1000)) }],

  // ── Numbers out of range ────────────────────────────────────────────────────────────────────────────
  ['devicehq: limit=101', { provider: 'devicehq', status: 400, req: (c) => get(`${DHQ_DEVICES}?limit=101`, { 'x-auth-token': c.session }) }],
  ['devicehq: limit=-1', { provider: 'devicehq', status: 400, req: (c) => get(`${DHQ_DEVICES}?limit=-1`, { 'x-auth-token': c.session }) }],
  ['devicehq: limit=1e999', { provider: 'devicehq', status: 400, req: (c) => get(`${DHQ_DEVICES}?limit=1e999`, { 'x-auth-token': c.session }) }],
  ['devicehq: skip=-5', { provider: 'devicehq', status: 400, req: (c) => get(`${DHQ_DEVICES}?skip=-5`, { 'x-auth-token': c.session }) }],
  ['emnify: per_page=1001', { provider: 'emnify', req: (c) => get(`${ENDPOINTS}?per_page=1001`, bearer(c.auth)) }],
  ['emnify: page=0', { provider: 'emnify', req: (c) => get(`${ENDPOINTS}?page=0`, bearer(c.auth)) }],
  ['emnify: page=1.5', { provider: 'emnify', req: (c) => get(`${ENDPOINTS}?page=1.5`, bearer(c.auth)) }],
  ['emnify: PATCH application_token/0', { provider: 'emnify', req: (c) => postJson(`${APP_TOKENS}/0`, { status: { id: 1 } }, bearer(c.auth), 'PATCH') }],
  ['emnify: PATCH application_token/1e30', { provider: 'emnify', req: (c) => postJson(`${APP_TOKENS}/99999999999999999999999999999`, { status: { id: 1 } }, bearer(c.auth), 'PATCH') }],
  ['emnify: status id 1e400 (Infinity)', { provider: 'emnify', req: (c) => post(`${APP_TOKENS}/1`, '{"status":{"id":1e400}}', bearer(c.auth), 'PATCH') }],
  ['emnify: status id -1', { provider: 'emnify', req: (c) => postJson(`${APP_TOKENS}/1`, { status: { id: -1 } }, bearer(c.auth), 'PATCH') }],
  ['emnify: expiry_date year 99999', { provider: 'emnify', req: (c) => postJson(APP_TOKENS, { description: 'x', expiry_date: '99999-01-01' }, bearer(c.auth)) }],

  // ── Duplicated query parameters and headers ─────────────────────────────────────────────────────────
  ['devicehq: ?api_key=a&api_key=b', { provider: 'devicehq', status: 400, req: () => ({ method: 'POST', path: `${SESSION}?api_key=a&api_key=b`, headers: { 'content-length': '0' } }) }],
  ['devicehq: the valid key twice in the query', { provider: 'devicehq', status: 400, req: () => ({ method: 'POST', path: `${SESSION}?api_key=${DEVICEHQ.key}&api_key=${DEVICEHQ.key}`, headers: { 'content-length': '0' } }) }],
  ['devicehq: two X-API-KEY headers', { provider: 'devicehq', status: 400, req: () => ({ method: 'POST', path: SESSION, headers: { 'x-api-key': [DEVICEHQ.key, DEVICEHQ.otherKey], 'content-length': '0' } }) }],
  ['devicehq: two X-AUTH-TOKEN headers', { provider: 'devicehq', status: 401, req: (c) => get(DHQ_TEST, { 'x-auth-token': [c.session, c.session] }) }],
  ['devicehq: ?token=t&token=t', { provider: 'devicehq', status: 401, req: (c) => get(`${DHQ_TEST}?token=${c.session}&token=${c.session}`) }],
  ['emnify: two Authorization headers', { provider: 'emnify', req: (c) => get(APP_TOKENS, { authorization: [`Bearer ${c.auth}`, `Bearer ${c.auth}`] }) }],
  ['duet: two X-Application-Token headers', { provider: 'duet', req: () => get('/duet/1', { 'x-application-token': [DUET.app, 'duet-android-app-token'] }) }],
  ['rfcx: two x-auth-token headers', { provider: 'rfcx', status: 401, req: () => get(SOFTWARE, { 'x-auth-user': userAuth['x-auth-user'], 'x-auth-token': [RFCX.user.token, RFCX.user.token] }) }],
  ['rfcx: two x-auth-user headers', { provider: 'rfcx', status: 401, req: () => get(SOFTWARE, { 'x-auth-user': [userAuth['x-auth-user'], userAuth['x-auth-user']], 'x-auth-token': RFCX.user.token }) }],
  ['emnify: ?page=1&page=2', { provider: 'emnify', req: (c) => get(`${ENDPOINTS}?page=1&page=2`, bearer(c.auth)) }],

  // ── Credentials in two places at once ───────────────────────────────────────────────────────────────
  ['devicehq: key in header and query', { provider: 'devicehq', status: 400, code: 'auth.conflict', req: () => ({ method: 'POST', path: `${SESSION}?api_key=${DEVICEHQ.key}`, headers: { 'x-api-key': DEVICEHQ.key, 'content-length': '0' } }) }],
  ['devicehq: key in header and body', { provider: 'devicehq', status: 400, req: () => postJson(SESSION, { api_key: DEVICEHQ.key }, { 'x-api-key': DEVICEHQ.key }) }],
  ['devicehq: key in query and body', { provider: 'devicehq', status: 400, req: () => postJson(`${SESSION}?api_key=${DEVICEHQ.key}`, { api_key: DEVICEHQ.key }) }],
  ['devicehq: token in header and query', { provider: 'devicehq', status: 401, req: (c) => get(`${DHQ_TEST}?token=${c.session}`, { 'x-auth-token': c.session }) }],
  ['emnify: password and application token together', { provider: 'emnify', req: () => postJson(AUTHENTICATE, { ...userLogin, application_token: EMNIFY.appToken }) }],
  ['emnify: application and refresh token together', { provider: 'emnify', req: (c) => postJson(AUTHENTICATE, { application_token: EMNIFY.appToken, refresh_token: c.refresh }) }],

  // ── Bearer casing and spacing that are not a bearer token ───────────────────────────────────────────
  ['emnify: "Bearer" with nothing after it', { provider: 'emnify', status: 401, req: () => get(APP_TOKENS, { authorization: 'Bearer' }) }],
  ['emnify: "Bearer" + two spaces', { provider: 'emnify', status: 401, req: (c) => get(APP_TOKENS, { authorization: `Bearer  ${c.auth}` }) }],
  ['emnify: "Bearer" + tab', { provider: 'emnify', status: 401, req: (c) => get(APP_TOKENS, { authorization: `Bearer\t${c.auth}` }) }],
  ['emnify: "Bearer<token>" without a space', { provider: 'emnify', status: 401, req: (c) => get(APP_TOKENS, { authorization: `Bearer${c.auth}` }) }],
  ['emnify: "Basic" scheme', { provider: 'emnify', status: 401, req: () => get(APP_TOKENS, { authorization: 'Basic dXNlcjpwYXNz' }) }],
  ['emnify: "Token" scheme with a valid JWT', { provider: 'emnify', status: 401, req: (c) => get(APP_TOKENS, { authorization: `Token ${c.auth}` }) }],
  ['emnify: quoted token', { provider: 'emnify', status: 401, req: (c) => get(APP_TOKENS, { authorization: `Bearer "${c.auth}"` }) }],
  ['emnify: two tokens in one header', { provider: 'emnify', status: 401, req: (c) => get(APP_TOKENS, { authorization: `Bearer ${c.auth}, Bearer ${c.auth}` }) }],
  ['emnify: "Bearer None" on a secured route', { provider: 'emnify', status: 401, req: () => get(APP_TOKENS, { authorization: 'Bearer None' }) }],
  ['emnify: "Bearer None" on /authenticate with a bad body', { provider: 'emnify', status: 400, req: () => postJson(AUTHENTICATE, { username: EMNIFY.username }, { authorization: 'Bearer None' }) }],

  // ── Header values with bytes outside Latin-1 (sent as UTF-8), never echoed back ─────────────────────
  ['duet: UTF-8 application token', { provider: 'duet', status: 401, req: () => get('/duet/1', { 'x-application-token': utf8('duet-iphone-app-tökén-令牌') }) }],
  ['devicehq: UTF-8 session token', { provider: 'devicehq', status: 401, req: () => get(DHQ_TEST, { 'x-auth-token': utf8('令牌令牌令牌令牌') }) }],
  ['devicehq: emoji API key', { provider: 'devicehq', status: 401, req: () => ({ method: 'POST', path: SESSION, headers: { 'x-api-key': utf8('🔑🔑🔑🔑'), 'content-length': '0' } }) }],
  ['rfcx: UTF-8 guid in x-auth-user', { provider: 'rfcx', status: 401, req: () => get(SOFTWARE, { 'x-auth-user': utf8('user/ü令'), 'x-auth-token': RFCX.user.token }) }],
  ['emnify: UTF-8 bearer', { provider: 'emnify', status: 401, req: () => get(APP_TOKENS, { authorization: utf8('Bearer ✓.✓.✓') }) }],
  ['unknown sandbox named in UTF-8', { provider: 'problem', status: 404, req: () => get('/duet/1', { 'x-mock-sandbox': utf8('sändbox-令'), ...DUET_APP }) }],

  // ── constructor / __proto__ / toString as tokens, keys and guids ────────────────────────────────────
  ['duet: application token "constructor"', { provider: 'duet', status: 401, req: () => get('/duet/1', { 'x-application-token': 'constructor' }) }],
  ['duet: application token "__proto__"', { provider: 'duet', status: 401, req: () => get('/duet/1', { 'x-application-token': '__proto__' }) }],
  ['duet: account token "toString"', { provider: 'duet', status: 401, req: () => get('/duet/1/account', { ...DUET_APP, 'x-account-token': 'toString' }) }],
  ['duet: sign-in login "__proto__"', { provider: 'duet', status: 401, req: () => postJson(SIGN_IN, { account: { login: '__proto__', password: 'hasOwnProperty' } }, DUET_APP) }],
  ['devicehq: API key "constructor"', { provider: 'devicehq', status: 401, req: () => ({ method: 'POST', path: SESSION, headers: { 'x-api-key': 'constructor', 'content-length': '0' } }) }],
  ['devicehq: API key "__proto__"', { provider: 'devicehq', status: 401, req: () => ({ method: 'POST', path: `${SESSION}?api_key=__proto__`, headers: { 'content-length': '0' } }) }],
  ['devicehq: session token "toString"', { provider: 'devicehq', status: 401, req: () => get(DHQ_TEST, { 'x-auth-token': 'toString' }) }],
  ['rfcx: guardian/constructor', { provider: 'rfcx', status: 401, req: () => postJson(checkinOf('constructor'), {}, { 'x-auth-user': 'guardian/constructor', 'x-auth-token': RFCX.guardian.token }) }],
  ['rfcx: user/__proto__', { provider: 'rfcx', status: 401, req: () => get(SOFTWARE, { 'x-auth-user': 'user/__proto__', 'x-auth-token': RFCX.user.token }) }],
  ['rfcx: register/toString', { provider: 'rfcx', status: 401, req: () => postJson(REGISTER, { guid: 'abcdefabcdef' }, { 'x-auth-user': 'register/toString', 'x-auth-token': 'toString' }) }],
  ['rfcx: login email "constructor"', { provider: 'rfcx', req: () => postJson(LOGIN, { email: 'constructor', password: 'toString' }) }],
  ['emnify: application token "constructor"', { provider: 'emnify', status: 401, req: () => postJson(AUTHENTICATE, { application_token: 'constructor' }) }],
  ['emnify: application token "__proto__"', { provider: 'emnify', status: 401, req: () => postJson(AUTHENTICATE, { application_token: '__proto__' }) }],
  ['emnify: username "toString"', { provider: 'emnify', status: 401, req: () => postJson(AUTHENTICATE, { username: 'toString', password: EMNIFY.password }) }],
  ['emnify: PATCH application_token/constructor', { provider: 'emnify', req: (c) => postJson(`${APP_TOKENS}/constructor`, { status: { id: 1 } }, bearer(c.auth), 'PATCH') }],
  ['emnify: PATCH application_token/__proto__', { provider: 'emnify', req: (c) => postJson(`${APP_TOKENS}/__proto__`, { status: { id: 1 } }, bearer(c.auth), 'PATCH') }],
  ['admin: DELETE sandbox __proto__', { provider: 'problem', status: 404, req: () => ({ method: 'DELETE', path: '/__admin/sandboxes/__proto__' }) }],
  ['sandbox path /_sandbox/toString', { provider: 'problem', status: 404, req: () => get('/_sandbox/toString/duet/1', DUET_APP) }],
  ['X-Mock-Sandbox: constructor', { provider: 'problem', status: 404, req: () => get('/duet/1', { ...DUET_APP, 'x-mock-sandbox': 'constructor' }) }],

  // ── Lone surrogates, NUL bytes, ~900 KB strings ─────────────────────────────────────────────────────
  ['emnify: lone high surrogate username', { provider: 'emnify', status: 401, req: () => post(AUTHENTICATE, `{"username":"\\ud800","password":"${EMNIFY.password}"}`) }],
  ['duet: lone low surrogate login', { provider: 'duet', status: 401, req: () => post(SIGN_IN, '{"account":{"login":"\\udfff","password":"x"}}', DUET_APP) }],
  ['rfcx: lone surrogate password', { provider: 'rfcx', status: 401, req: () => post(LOGIN, `{"email":"${RFCX.user.email}","password":"\\ud800"}`) }],
  ['devicehq: lone surrogate api_key', { provider: 'devicehq', status: 401, req: () => post(SESSION, '{"api_key":"\\ud83d"}') }],
  ['duet: NUL in the login', { provider: 'duet', status: 401, req: () => postJson(SIGN_IN, { account: { login: `${DUET.login}\u0000`, password: DUET.password } }, DUET_APP) }],
  ['devicehq: NUL after a valid key', { provider: 'devicehq', status: 401, req: () => postJson(SESSION, { api_key: `${DEVICEHQ.key}\u0000` }) }],
  ['emnify: NUL after a valid application token', { provider: 'emnify', status: 401, req: () => postJson(AUTHENTICATE, { application_token: `${EMNIFY.appToken}\u0000` }) }],
  ['rfcx: %00 in a guardian path', { provider: 'rfcx', status: 401, req: () => postJson(`/rfcx/v1/guardians/${RFCX.guardian.guid}%00/checkins`, {}, guardianAuth) }],
  ['emnify: ~900 KB application token', { provider: 'emnify', status: 401, req: () => postJson(AUTHENTICATE, { application_token: big(900_000) }) }],
  ['duet: ~900 KB password', { provider: 'duet', status: 401, req: () => postJson(SIGN_IN, { account: { login: DUET.login, password: big(900_000) } }, DUET_APP) }],
  ['rfcx: ~900 KB email', { provider: 'rfcx', req: () => postJson(LOGIN, { email: big(900_000), password: 'x' }) }],
  ['emnify: ~900 KB description with a bad CIDR', { provider: 'emnify', req: (c) => postJson(APP_TOKENS, { description: big(900_000), ip: '300.1.1.1/40' }, bearer(c.auth)) }],

  // ── Traversal in guids and paths ────────────────────────────────────────────────────────────────────
  ['rfcx: %2e%2e as the guardian guid', { provider: 'rfcx', status: 401, req: () => postJson(checkinOf('%2e%2e'), {}, guardianAuth) }],
  ['rfcx: own guid %2F.. %2F another guid', { provider: 'rfcx', status: 401, req: () => postJson(checkinOf(`${RFCX.guardian.guid}%2F..%2F${RFCX.other.guid}`), {}, guardianAuth) }],
  ['rfcx: ..%2F another guid on pings', { provider: 'rfcx', status: 401, req: () => postJson(`/rfcx/v2/guardians/..%2F${RFCX.other.guid}/pings`, {}, guardianAuth) }],
  ['rfcx: x-auth-user guardian/..%2f<guid>', { provider: 'rfcx', status: 401, req: () => postJson(checkinOf(RFCX.guardian.guid), {}, { ...guardianAuth, 'x-auth-user': `guardian/..%2f${RFCX.guardian.guid}` }) }],
  ['rfcx: x-auth-user guardian/../<guid>', { provider: 'rfcx', status: 401, req: () => postJson(checkinOf(RFCX.guardian.guid), {}, { ...guardianAuth, 'x-auth-user': `guardian/../${RFCX.guardian.guid}` }) }],
  ['duet path %2e%2e up to /__admin/reset', { provider: 'problem', status: 404, req: () => ({ method: 'POST', path: '/duet/1/%2e%2e/%2e%2e/__admin/reset', headers: { 'content-length': '0' } }) }],
  ['devicehq path %2e%2e%2f up to /__admin/state', { provider: 'problem', status: 404, req: () => get('/devicehq/api/v2/%2e%2e%2f%2e%2e%2f%2e%2e%2f__admin/state') }],
  ['emnify: PATCH application_token/1%2F..%2F3', { provider: 'emnify', req: (c) => postJson(`${APP_TOKENS}/1%2F..%2F3`, { status: { id: 1 } }, bearer(c.auth), 'PATCH') }],
  ['sandbox path ..%2F..%2F__admin', { provider: 'problem', status: 404, req: () => ({ method: 'POST', path: '/_sandbox/..%2F..%2F__admin/reset', headers: { 'content-length': '0' } }) }],
  ['rfcx: a path below check-ins', { provider: 'problem', status: 404, req: () => postJson(`${checkinOf(RFCX.guardian.guid)}/..%2f..%2f${RFCX.other.guid}%2fcheckins`, {}, guardianAuth) }],
  ['emnify: malformed percent-encoding in a path parameter', { provider: 'emnify', req: (c) => postJson(`${APP_TOKENS}/%E0%A4%A`, { status: { id: 1 } }, bearer(c.auth), 'PATCH') }],
  ['duet: malformed percent-encoding in the path', { provider: 'problem', status: 404, req: () => get('/duet/%E0%A4%A', DUET_APP) }],
  ['rfcx: another guardian, well-formed path', { provider: 'rfcx', status: 401, req: () => postJson(checkinOf(RFCX.other.guid), {}, guardianAuth) }],

  // ── Malformed x-auth-user ───────────────────────────────────────────────────────────────────────────
  ['rfcx: x-auth-user "user"', { provider: 'rfcx', status: 401, req: () => get(SOFTWARE, { 'x-auth-user': 'user', 'x-auth-token': RFCX.user.token }) }],
  ['rfcx: x-auth-user "user/"', { provider: 'rfcx', status: 401, req: () => get(SOFTWARE, { 'x-auth-user': 'user/', 'x-auth-token': RFCX.user.token }) }],
  ['rfcx: x-auth-user "/guid"', { provider: 'rfcx', status: 401, req: () => get(SOFTWARE, { 'x-auth-user': `/${RFCX.user.guid}`, 'x-auth-token': RFCX.user.token }) }],
  ['rfcx: x-auth-user "user//guid"', { provider: 'rfcx', status: 401, req: () => get(SOFTWARE, { 'x-auth-user': `user//${RFCX.user.guid}`, 'x-auth-token': RFCX.user.token }) }],
  ['rfcx: x-auth-user "register" with a user token', { provider: 'rfcx', status: 401, req: () => get(SOFTWARE, { 'x-auth-user': 'register', 'x-auth-token': RFCX.user.token }) }],
  ['rfcx: x-auth-user "admin/guid"', { provider: 'rfcx', status: 401, req: () => get(SOFTWARE, { 'x-auth-user': `admin/${RFCX.user.guid}`, 'x-auth-token': RFCX.user.token }) }],
  ['rfcx: empty x-auth-user', { provider: 'rfcx', status: 401, req: () => get(SOFTWARE, { 'x-auth-user': '', 'x-auth-token': RFCX.user.token }) }],

  // ── Wrong token for the route (uses and redemptions must not be spent) ──────────────────────────────
  ['rfcx: temporary token on logout (not its path)', { provider: 'rfcx', req: () => ({ method: 'POST', path: '/rfcx/v1/users/logout', headers: { 'x-auth-user': `token/${RFCX.temp.guid}`, 'x-auth-token': RFCX.temp.token, 'content-length': '0' } }) }],
  ['rfcx: user token on the path of a guardian that does not exist', { provider: 'rfcx', status: 404, req: () => postJson(checkinOf('zzzzzzzzzzzz'), {}, userAuth) }],
  ['rfcx: guardian token on logout', { provider: 'rfcx', status: 401, req: () => ({ method: 'POST', path: '/rfcx/v1/users/logout', headers: { ...guardianAuth, 'content-length': '0' } }) }],
  ['rfcx: guardian token on its own check-ins with a trailing slash', { provider: 'rfcx', status: 401, req: () => postJson(`${checkinOf(RFCX.guardian.guid)}/`, {}, guardianAuth) }],
  ['rfcx: the old split invite form, register/<first half> + <second half>', { provider: 'rfcx', status: 401, req: () => postJson(REGISTER, { guid: 'abcdefabcdef' }, { 'x-auth-user': 'register/ab12', 'x-auth-token': 'cd34' }) }],
  ['rfcx: invite code on a guardian path', { provider: 'rfcx', req: () => postJson(checkinOf(RFCX.guardian.guid), {}, { 'x-auth-user': RFCX.invite.user, 'x-auth-token': RFCX.invite.token }) }],
  ['rfcx: valid invite, an 11-character guid in the body', { provider: 'rfcx', status: 400, setup: seedInvite, req: () => postJson(REGISTER, { guid: 'ABCDEF12345' }, inviteAuth()) }],
  ['rfcx: valid invite, traversal guid in the body', { provider: 'rfcx', status: 400, setup: seedInvite, req: () => postJson(REGISTER, { guid: '../../__admin' }, inviteAuth()) }],
  // Not here: a valid invite with an already registered guid. RFCx's registration is a find-or-create, so that is a
  // 200 that issues a new token (asserted in test/providers/rfcx-tokens.test.ts).
  ['rfcx: valid invite, a body token that is not base-36', { provider: 'rfcx', status: 400, setup: seedInvite, req: () => postJson(REGISTER, { guid: 'abcdefabcdef', token: 'NOT-A-TOKEN' }, inviteAuth()) }],

  // ── SHA-1 of the wrong length or case ───────────────────────────────────────────────────────────────
  ['emnify: SHA-1 of 39 characters', { provider: 'emnify', status: 400, req: () => postJson(AUTHENTICATE, { username: EMNIFY.username, password: EMNIFY.password.slice(1) }) }],
  ['emnify: SHA-1 of 41 characters', { provider: 'emnify', status: 400, req: () => postJson(AUTHENTICATE, { username: EMNIFY.username, password: `${EMNIFY.password}0` }) }],
  ['emnify: the right SHA-1 in upper case', { provider: 'emnify', status: 400, req: () => postJson(AUTHENTICATE, { username: EMNIFY.username, password: EMNIFY.password.toUpperCase() }) }],
  ['emnify: SHA-1 with a non-hex letter', { provider: 'emnify', status: 400, req: () => postJson(AUTHENTICATE, { username: EMNIFY.username, password: `${EMNIFY.password.slice(0, 39)}g` }) }],
  ['emnify: SHA-1 as a number', { provider: 'emnify', status: 400, req: () => post(AUTHENTICATE, `{"username":"${EMNIFY.username}","password":2}`) }],
  ['emnify: the clear-text password', { provider: 'emnify', status: 400, req: () => postJson(AUTHENTICATE, { username: EMNIFY.username, password: 'password' }) }],

  // ── JWT attacks (GET /emnify/api/v1/application_token) ──────────────────────────────────────────────
  ...(
    [
      ['alg:none', 'none'],
      ['HS384 signed with the wrong key', 'wrongKey'],
      ['RS256 signed with an RSA key', 'rs256'],
      ['HS/RS confusion: HS384 with the RSA public key as secret', 'hsWithPublicKey'],
      ['HS512 with the right key (algorithm not pinned?)', 'hs512'],
      ['HS256 with the right key (algorithm not pinned?)', 'hs256'],
      ['a flipped byte in the middle of the signature', 'flipped'],
      ['payloads swapped between two valid tokens', 'swapped'],
      ['exp in the past (signed)', 'expired'],
      ['nbf in the future', 'nbfFuture'],
      ['iat in the future', 'iatFuture'],
      ['exp as a string', 'expString'],
      ['2 segments', 'twoSegments'],
      ['4 segments', 'fourSegments'],
      ['an empty signature', 'emptySignature'],
      ['a refresh token as the auth token', 'refresh'],
      ['another issuer', 'wrongIssuer'],
      ['another audience', 'wrongAudience'],
      ['another world (sandbox)', 'otherWorld'],
      ['no token_use claim', 'noUse'],
      ['typ refresh+jwt on an auth payload', 'refreshTyp'],
    ] as const
  ).map(([name, key]): [string, Case] => [
    `emnify JWT: ${name}`,
    { provider: 'emnify', status: 401, req: (c) => get(APP_TOKENS, bearer(c.jwt[key]!)) },
  ]),
  ['emnify JWT: an auth token as the refresh token', { provider: 'emnify', status: 401, req: (c) => postJson(AUTHENTICATE, { refresh_token: c.auth }) }],
  ['emnify JWT: a crafted refresh token with the wrong key', { provider: 'emnify', status: 401, req: (c) => postJson(AUTHENTICATE, { refresh_token: c.jwt['refreshWrongKey']! }) }],

  // ── Routes the mock owns ────────────────────────────────────────────────────────────────────────────
  ['unknown route', { provider: 'problem', status: 404, code: 'route.not_found', req: () => get('/nope') }],
  ['method not allowed', { provider: 'problem', status: 405, code: 'route.method_not_allowed', req: () => ({ method: 'DELETE', path: '/duet/1' }) }],
  ['admin: clock advance "soon"', { provider: 'problem', req: () => postJson('/__admin/clock', { advance: 'soon' }) }],
  ['admin: clock set to month 13', { provider: 'problem', req: () => postJson('/__admin/clock', { set: '2030-13-01T00:00:00Z' }) }],
  ['admin: fixtures for an unknown provider', { provider: 'problem', req: () => postJson('/__admin/fixtures', { stripe: { keys: [] } }) }],
  ['admin: fixtures with a key already owned', { provider: 'problem', req: () => postJson('/__admin/fixtures', { devicehq: { accounts: [{ id: 'thief', name: 'Thief', api_key: DEVICEHQ.key }] } }) }],
  ['admin: fault for an unknown operation', { provider: 'problem', req: () => postJson('/__admin/faults', { operation_id: 'constructor', status: 500 }) }],
];

describe('hostile inputs', () => {
  const ctx = {} as Ctx;

  beforeAll(async () => {
    ctx.mock = await startMock({ providerSettings: { emnify: { jwtSecret: JWT_SECRET } } });
    const base = ctx.mock.url;
    const login = await call(base, 'POST', AUTHENTICATE, { json: userLogin });
    expect(login.status).toBe(200);
    ({ auth_token: ctx.auth, refresh_token: ctx.refresh } = login.json as { auth_token: string; refresh_token: string });
    const session = await call(base, 'POST', SESSION, { headers: { 'x-api-key': DEVICEHQ.key } });
    expect(session.status).toBe(200);
    ctx.session = (session.json as { meta: { token: string } }).meta.token;
    const duet = await call(base, 'POST', SIGN_IN, { headers: DUET_APP, json: { account: { login: DUET.login, password: DUET.password } } });
    expect(duet.status).toBe(200);
    ctx.duetAccount = (duet.json as { account: { authentication_token: string } }).account.authentication_token;
    ctx.jwt = await craftTokens(ctx);
  });
  afterAll(() => ctx.mock?.close());

  it('the crafted "valid" JWT is accepted (so each attack below fails for its own reason)', async () => {
    const res = await exchange(ctx.mock.url, get(APP_TOKENS, bearer(ctx.jwt['valid']!)));
    expect(res.status).toBe(200);
  });

  it(`has at least 70 cases (${cases.length})`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(70);
  });

  it.each(cases)('%s', async (_name, spec) => {
    await spec.setup?.(ctx);
    const before = await ctx.mock.world.store.digest();
    const req = spec.req(ctx);
    const res = await exchange(ctx.mock.url, req);
    const problem = expectProviderFormat(spec.provider, res);
    if (spec.status !== undefined) expect(res.status).toBe(spec.status);
    if (spec.code !== undefined) expect(problem.code).toBe(spec.code);
    expectAsciiHeaders(res);
    expect(await ctx.mock.world.store.digest(), 'state digest after a refused request').toBe(before);
  });

  it('left Object.prototype alone after every __proto__ / constructor payload', () => {
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['admin']).toBeUndefined();
    expect(({} as Record<string, unknown>)['api_key']).toBeUndefined();
  });

  it('still serves the fixtures credentials afterwards (nothing was broken by the hostile traffic)', async () => {
    const base = ctx.mock.url;
    expect((await call(base, 'GET', APP_TOKENS, { headers: bearer(ctx.auth) })).status).toBe(200);
    expect((await call(base, 'GET', DHQ_TEST, { headers: { 'x-auth-token': ctx.session } })).status).toBe(200);
    expect((await call(base, 'GET', '/duet/1/account', { headers: { ...DUET_APP, 'x-account-token': ctx.duetAccount } })).status).toBe(200);
    expect((await call(base, 'GET', SOFTWARE, { headers: userAuth })).status).toBe(200);
  });

  it('an injected fault (forced 503) on an invite redemption spends nothing', async () => {
    await seedInvite(ctx);
    const fault = await call(ctx.mock.url, 'POST', '/__admin/faults', { json: { operation_id: 'rfcxRegisterGuardian', status: 503, times: 1 } });
    expect(fault.status).toBeLessThan(300);
    const before = await ctx.mock.world.store.digest();
    const res = await exchange(ctx.mock.url, postJson(REGISTER, { guid: 'faultedguid1' }, inviteAuth()));
    expect(res.status).toBe(503);
    expect(await ctx.mock.world.store.digest(), 'state digest after a fault-injected 503').toBe(before);
  });

  it('refuses CR/LF inside a header value at the parser: 400, and nothing is injected', async () => {
    const res = await exchange(ctx.mock.url, {
      method: 'GET',
      path: '/duet/1',
      headers: { 'x-application-token': Buffer.from('x\rSet-Cookie: injected=1', 'latin1') },
    });
    expect(res.status).toBe(400);
    expect(header(res, 'set-cookie')).toBeUndefined();
    expectAsciiHeaders(res);
  });

  it('never reflects non-ASCII request bytes into a response header (CORS preflight echoes Access-Control-Request-Headers)', async () => {
    const preflight = await exchange(ctx.mock.url, {
      method: 'OPTIONS',
      path: '/duet/1',
      headers: { origin: 'http://localhost', 'access-control-request-method': 'GET', 'access-control-request-headers': utf8('x-ok, x-évil-令') },
    });
    expect(preflight.status).toBe(204);
    expectAsciiHeaders(preflight);
  });

  it('refuses raw non-ASCII bytes in the request target at the parser (nothing reaches a Location header)', async () => {
    const redirect = await exchange(ctx.mock.url, { method: 'GET', path: `/docs?q=${Buffer.from('é', 'utf8').toString('latin1')}` });
    expect(redirect.status).toBe(400);
    expectAsciiHeaders(redirect);
  });
});

/** Every crafted token the JWT cases use, signed with jose (or by hand where jose refuses to). */
async function craftTokens(c: Ctx): Promise<Record<string, string>> {
  const key = new TextEncoder().encode(JWT_SECRET);
  const nowS = Math.floor(c.mock.clock.now() / 1000);
  const claims = {
    sub: EMNIFY.username,
    'esc.org': 1234,
    'esc.orgName': 'Demo Org',
    'esc.user': 5678,
    token_use: 'auth',
    'authmock.world': c.mock.world.id,
  };
  const sign = async (
    payload: Record<string, unknown>,
    options: { alg?: string; typ?: string; key?: Parameters<SignJWT['sign']>[0]; iss?: string; aud?: string; iat?: number; exp?: number | null; nbf?: number } = {},
  ): Promise<string> => {
    const jwt = new SignJWT(payload)
      .setProtectedHeader(options.typ === undefined ? { alg: options.alg ?? 'HS384' } : { alg: options.alg ?? 'HS384', typ: options.typ })
      .setIssuer(options.iss ?? JWT_ISSUER)
      .setAudience(options.aud ?? JWT_AUDIENCE)
      .setSubject(EMNIFY.username)
      .setIssuedAt(options.iat ?? nowS)
      .setJti(randomBytes(8).toString('hex'));
    if (options.exp !== null) jwt.setExpirationTime(options.exp ?? nowS + 3600);
    if (options.nbf !== undefined) jwt.setNotBefore(options.nbf);
    return jwt.sign(options.key ?? key);
  };
  const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  /** HS384 by hand with any secret bytes (jose refuses a PEM-looking HMAC secret in some versions). */
  const hmac = (header: unknown, payload: unknown, secret: string | Buffer): string => {
    const input = `${b64(header)}.${b64(payload)}`;
    return `${input}.${createHmac('sha384', secret).update(input).digest('base64url')}`;
  };
  const valid = await sign(claims);
  const [h, p, s] = valid.split('.') as [string, string, string];
  const other = await sign({ ...claims, 'esc.org': 4321, 'esc.orgName': 'Other Org', 'esc.user': 8765, sub: 'other@domain.com' });
  const flippedSig = Buffer.from(s, 'base64url');
  flippedSig[Math.floor(flippedSig.length / 2)]! ^= 0x01;
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const pem = await exportSPKI(publicKey);
  const fullPayload = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
  return {
    valid,
    none: `${b64({ alg: 'none' })}.${p}.`,
    wrongKey: await sign(claims, { key: new TextEncoder().encode('not-the-key-not-the-key-not-the-key-not-the-key-00') }),
    rs256: await sign(claims, { alg: 'RS256', key: privateKey }),
    hsWithPublicKey: hmac({ alg: 'HS384' }, fullPayload, pem),
    hs512: await sign(claims, { alg: 'HS512' }),
    hs256: await sign(claims, { alg: 'HS256' }),
    flipped: `${h}.${p}.${flippedSig.toString('base64url')}`,
    swapped: `${h}.${other.split('.')[1]}.${s}`,
    expired: await sign(claims, { iat: nowS - 7200, exp: nowS - 3600 }),
    nbfFuture: await sign(claims, { nbf: nowS + 3600 }),
    iatFuture: await sign(claims, { iat: nowS + 3600, exp: nowS + 7200 }),
    expString: hmac({ alg: 'HS384' }, { ...fullPayload, exp: String(nowS + 3600) }, JWT_SECRET),
    twoSegments: `${h}.${p}`,
    fourSegments: `${h}.${p}.${s}.${s}`,
    emptySignature: `${h}.${p}.`,
    refresh: c.refresh,
    wrongIssuer: await sign(claims, { iss: 'https://cdn.emnify.net/api/v1' }),
    wrongAudience: await sign(claims, { aud: 'someone-else' }),
    otherWorld: await sign({ ...claims, 'authmock.world': 'sandbox-that-does-not-exist' }),
    noUse: await sign({ ...claims, token_use: undefined }),
    refreshTyp: await sign(claims, { typ: 'refresh+jwt' }),
    refreshWrongKey: await sign({ ...claims, token_use: 'refresh' }, { typ: 'refresh+jwt', key: new TextEncoder().encode('not-the-key-not-the-key-not-the-key-0000') }),
  };
}
