// Fuzzing from the document: per operation, requests built from its own schemas (valid and mutated) never get a
// 5xx, an undocumented status or a response.invalid problem, and secured operations never answer 2xx without valid
// credentials. Then a model test per flow (fc.commands): the server must agree with a small model after every step.
//
// FUZZ_RUNS (default 50; the test:fuzz script sets 1000) cases per operation; FUZZ_SEED replays a run (printed).

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/engine/document/load-document.js';
import { buildOperationIndex } from '../../src/engine/document/operation-index.js';
import { DEFAULT_DOCUMENT } from '../../src/paths.js';
import { findResponse } from '../../src/engine/validate/response.js';
import type { Operation, SecuritySchemeSpec } from '../../src/engine/types.js';
import { DEFAULT_START, startMock, type StartedMock } from '../helpers/harness.js';
import { requestArbitrary, type CredentialSource, type GeneratedRequest, type Hints } from './arbitraries.js';
import { DEVICEHQ, DUET, EMNIFY, JWT_SECRET, RFCX, call } from './support.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 50);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now());
/** Time cap per operation (the run stops early, without failing, when it is reached). */
const MS_PER_OP = Number(process.env.FUZZ_MS_PER_OP ?? (RUNS > 100 ? 90_000 : 5_000));
const MODEL_RUNS = Number(process.env.MODEL_RUNS ?? 12);
const MODEL_MS = Number(process.env.MODEL_MS ?? 8_000);
console.log(`fuzz: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} per operation, MODEL_RUNS=${MODEL_RUNS} (replay: FUZZ_SEED=${SEED} npx vitest run test/reliability/fuzz.test.ts)`);

const BASE_PATHS = new Map([
  ['duet', '/duet'],
  ['devicehq', '/devicehq'],
  ['rfcx', '/rfcx'],
  ['emnify', '/emnify'],
]);
const operations: Operation[] = buildOperationIndex(await loadDocument(DEFAULT_DOCUMENT), BASE_PATHS);

/** The fixtures' real values, tried beside the schema's random ones so that success paths are fuzzed too. */
const HINTS: Hints = {
  api_key: [DEVICEHQ.key, DEVICEHQ.otherKey],
  login: [DUET.login],
  password: [DUET.password, EMNIFY.password, RFCX.user.password],
  username: [EMNIFY.username, 'other@domain.com'],
  email: [RFCX.user.email],
  application_token: [EMNIFY.appToken],
  guid: [RFCX.guardian.guid, RFCX.other.guid],
  role: ['guardian', 'updater'],
  id: [1, 2, 3, 4],
  limit: [1, 100],
  skip: [0, 3, 99],
  page: [1, 2],
  per_page: [1, 1000],
};

interface Live {
  duetAccount?: string;
  session?: string;
  rfcxUser?: string;
  invite?: { user: string; token: string };
  emnifyAuth?: string;
}

describe('fuzzing from the document', () => {
  let mock: StartedMock;
  const live: Live = {};
  let inviteSerial = 0;

  beforeAll(async () => {
    mock = await startMock({ providerSettings: { emnify: { jwtSecret: JWT_SECRET } } });
  });
  afterAll(() => mock?.close());

  const reset = async (): Promise<void> => {
    expect((await call(mock.url, 'POST', '/__admin/reset')).status).toBe(200);
    mock.clock.set(DEFAULT_START);
    for (const key of Object.keys(live) as Array<keyof Live>) delete live[key];
  };

  /** Make sure the valid credentials `op` needs exist (sign in again when a previous case closed, changed or used them up). */
  async function prepare(op: Operation): Promise<void> {
    const base = mock.url;
    for (let attempt = 0; attempt < 2; attempt++) {
      let ok = true;
      if (op.provider === 'duet' && !live.duetAccount) {
        const res = await call(base, 'POST', '/duet/1/account/sign_in', { headers: { 'x-application-token': DUET.app }, json: { account: { login: DUET.login, password: DUET.password } } });
        if (res.status === 200) live.duetAccount = (res.json as { account: { authentication_token: string } }).account.authentication_token;
        else ok = false;
      }
      if (op.provider === 'devicehq' && !live.session) {
        const res = await call(base, 'POST', '/devicehq/api/v2/session', { headers: { 'x-api-key': DEVICEHQ.key } });
        if (res.status === 200) live.session = (res.json as { meta: { token: string } }).meta.token;
        else ok = false;
      }
      if (op.provider === 'rfcx' && !live.rfcxUser) {
        const res = await call(base, 'POST', '/rfcx/v1/users/login', { json: { email: RFCX.user.email, password: RFCX.user.password } });
        if (res.status === 200) live.rfcxUser = (res.json as Array<{ tokens: Array<{ token: string }> }>)[0]!.tokens[0]!.token;
        else ok = false;
      }
      if (op.operationId === 'rfcxRegisterGuardian') {
        inviteSerial += 1;
        const guidHalf = `fz${inviteSerial.toString(36).padStart(4, '0')}`;
        const secretHalf = `s${inviteSerial.toString(36).padStart(5, '0')}`;
        const res = await call(base, 'POST', '/__admin/fixtures', { json: { rfcx: { registration_tokens: [{ code: `${guidHalf}${secretHalf}` }] } } });
        if (res.status === 200) live.invite = { user: 'register', token: `${guidHalf}${secretHalf}` };
        else ok = false;
      }
      if (op.provider === 'emnify' && !live.emnifyAuth) {
        const res = await call(base, 'POST', '/emnify/api/v1/authenticate', { json: { application_token: EMNIFY.appToken } });
        if (res.status === 200) live.emnifyAuth = (res.json as { auth_token: string }).auth_token;
        else ok = false;
      }
      if (ok) return;
      await reset();
    }
    throw new Error(`could not obtain valid credentials for ${op.operationId}`);
  }

  /** The valid credential for one scheme of `op`, from `live` (RFCx: the identity that route accepts). */
  const source: CredentialSource = (scheme: SecuritySchemeSpec, op: Operation) => {
    const place = (value: string): { headers?: Record<string, string>; query?: Record<string, string> } =>
      scheme.in === 'query' ? { query: { [scheme.paramName]: value } } : { headers: { [scheme.paramName]: value } };
    switch (scheme.name) {
      case 'DuetApplicationToken':
        return place(DUET.app);
      case 'DuetAccountToken':
        return place(live.duetAccount ?? '');
      case 'DeviceHQApiKey':
      case 'DeviceHQApiKeyQuery':
        return place(DEVICEHQ.key);
      case 'DeviceHQSessionToken':
      case 'DeviceHQSessionTokenQuery':
        return place(live.session ?? '');
      case 'EmnifyBearer':
        return { headers: { authorization: `Bearer ${live.emnifyAuth ?? ''}` } };
      default: {
        const identity = scheme.paramName.includes('user');
        if (op.operationId === 'rfcxRegisterGuardian') return place(identity ? live.invite!.user : live.invite!.token);
        if (op.path.includes('{guid}')) {
          return { ...place(identity ? `guardian/${RFCX.guardian.guid}` : RFCX.guardian.token), pathParams: { guid: RFCX.guardian.guid } };
        }
        return place(identity ? `user/${RFCX.user.guid}` : (live.rfcxUser ?? ''));
      }
    }
  };

  const forget = (op: Operation): void => {
    if (op.provider === 'duet') delete live.duetAccount;
    if (op.provider === 'devicehq') delete live.session;
    if (op.provider === 'rfcx') delete live.rfcxUser;
    if (op.provider === 'emnify') delete live.emnifyAuth;
  };

  async function send(req: GeneratedRequest): Promise<{ status: number; headers: Headers; text: string }> {
    const res = await fetch(`${mock.url}${req.path}`, { method: req.method, headers: req.headers, body: req.body, redirect: 'manual' });
    return { status: res.status, headers: res.headers, text: await res.text() };
  }

  it('indexes every provider operation of the document', () => {
    expect(operations.length).toBeGreaterThanOrEqual(20);
    expect(operations.every((op) => op.provider !== null)).toBe(true);
  });

  for (const op of operations) {
    const anonymousAllowed = op.security.length === 0 || op.security.some((alternative) => alternative.length === 0);
    it(
      `${op.operationId} (${op.method} ${op.path}): no 5xx, documented statuses, no 2xx without credentials`,
      async () => {
        await reset();
        let ran = 0;
        /** Undocumented statuses, gathered over the whole run so that one report lists them all. */
        const undocumented = new Map<string, string>();
        const statuses = new Map<number, number>();
        await fc.assert(
          fc.asyncProperty(requestArbitrary(op, HINTS), async (build) => {
            ran++;
            await prepare(op);
            const req = build(source);
            const res = await send(req);
            const problem = res.headers.get('x-mock-problem');
            const where = `${req.method} ${req.path.slice(0, 200)} [${req.credentials}${req.valid ? '' : ', mutated'}] → ${res.status} ${res.text.slice(0, 300)} | ${problem ?? ''}`;
            expect(res.status, where).toBeLessThan(500);
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            const parsed = problem ? (JSON.parse(problem) as { code: string; more?: Array<{ code: string; detail: string }> }) : undefined;
            // A mutated path parameter can make the path another route (an empty segment): not this operation's answer.
            const otherRoute = parsed?.code.startsWith('route.') === true;
            if (!otherRoute && !findResponse(op.responses, res.status)) {
              undocumented.set(`${res.status} ${parsed?.code ?? '(no problem code)'}`, where);
            } else {
              const drift = (parsed?.more ?? []).filter((p) => p.code === 'response.invalid');
              expect(parsed?.code === 'response.invalid' || drift.length > 0, `response drifted from the document: ${where}`).toBe(false);
            }
            if (!anonymousAllowed && req.credentials !== 'valid') {
              expect(res.status >= 200 && res.status < 300, `2xx without valid credentials: ${where}`).toBe(false);
            }
            if (req.credentials === 'valid' && (res.status === 401 || res.status === 403)) forget(op);
            if (op.operationId === 'devicehqCloseSession' && res.status === 200) delete live.session;
            // A changed password, email or phone would stop the demo account signing in: start again from the fixtures.
            if ((op.operationId === 'duetChangePassword' || op.operationId === 'duetUpdateAccount') && res.status === 200) await reset();
            if (op.operationId === 'rfcxUserLogout' && res.status === 200) delete live.rfcxUser;
          }),
          { seed: SEED, numRuns: RUNS, interruptAfterTimeLimit: MS_PER_OP, markInterruptAsFailure: false, endOnFailure: true },
        );
        const histogram = [...statuses.entries()].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ');
        console.log(`fuzz ${op.operationId}: ${ran} cases: ${histogram}`);
        const report = [...undocumented.entries()].map(([key, example]) => `${op.operationId} answers ${key}, e.g. ${example}`);
        expect(report, `statuses ${op.operationId} answers but the document does not declare`).toEqual([]);
        expect(ran).toBeGreaterThan(0);
      },
      MS_PER_OP * 3 + 30_000,
    );
  }

  // ── Model tests ────────────────────────────────────────────────────────────────────────────────────
  describe('stateful models (fc.commands)', () => {
    const iso = (ms: number): string => new Date(ms).toISOString();

    // DeviceHQ: one session per account, sliding 5-minute idle expiry, close.
    interface DhqModel {
      now: number;
      live: { token: string; expiresAt: number } | null;
      dead: string[];
    }
    type DhqCmd = fc.AsyncCommand<DhqModel, StartedMock>;
    const TTL = 300_000;
    const dhqUse = async (m: DhqModel, r: StartedMock, path: string): Promise<void> => {
      const session = m.live!;
      const res = await call(r.url, 'GET', path, { headers: { 'x-auth-token': session.token } });
      if (m.now <= session.expiresAt) {
        expect(res.status, `${path} at ${m.now - (session.expiresAt - TTL)} ms idle`).toBe(200);
        session.expiresAt = m.now + TTL;
      } else {
        expect(res.status, `${path} after ${m.now - session.expiresAt} ms past expiry`).toBe(401);
        m.dead.push(session.token);
        m.live = null;
      }
    };
    const dhqCommands: Array<fc.Arbitrary<DhqCmd>> = [
      fc.constant<DhqCmd>({
        check: () => true,
        async run(m, r) {
          const res = await call(r.url, 'POST', '/devicehq/api/v2/session', { headers: { 'x-api-key': DEVICEHQ.key } });
          expect(res.status).toBe(200);
          const meta = (res.json as { meta: { token: string; expires: string } }).meta;
          expect(meta.expires).toBe(iso(m.now + TTL));
          if (m.live) m.dead.push(m.live.token);
          m.live = { token: meta.token, expiresAt: m.now + TTL };
        },
        toString: () => 'signIn',
      }),
      fc.constant<DhqCmd>({ check: (m) => m.live !== null, run: (m, r) => dhqUse(m, r, '/devicehq/api/v2/test'), toString: () => 'useTest' }),
      fc.constant<DhqCmd>({ check: (m) => m.live !== null, run: (m, r) => dhqUse(m, r, '/devicehq/api/v2/devices?limit=2'), toString: () => 'useDevices' }),
      fc.nat().map<DhqCmd>((i) => ({
        check: (m) => m.dead.length > 0,
        async run(m, r) {
          const token = m.dead[i % m.dead.length]!;
          expect((await call(r.url, 'GET', '/devicehq/api/v2/test', { headers: { 'x-auth-token': token } })).status).toBe(401);
        },
        toString: () => `useDead(${i})`,
      })),
      fc.constant<DhqCmd>({
        check: (m) => m.live !== null,
        async run(m, r) {
          const session = m.live!;
          const res = await call(r.url, 'DELETE', `/devicehq/api/v2/session?token=${session.token}`);
          expect(res.status).toBe(m.now <= session.expiresAt ? 200 : 401);
          m.dead.push(session.token);
          m.live = null;
        },
        toString: () => 'close',
      }),
      fc.oneof(fc.constantFrom(1, 1_000, 60_000, 299_999, 300_000, 300_001), fc.integer({ min: 0, max: 400_000 })).map<DhqCmd>((ms) => ({
        check: () => true,
        async run(m, r) {
          r.clock.advance(ms);
          m.now += ms;
        },
        toString: () => `advance(${ms})`,
      })),
    ];

    it('DeviceHQ: sign in, use, expire, close', async () => {
      await fc.assert(
        fc.asyncProperty(fc.commands(dhqCommands, { maxCommands: 25 }), async (cmds) => {
          await reset();
          await fc.asyncModelRun(() => ({ model: { now: DEFAULT_START, live: null, dead: [] }, real: mock }), cmds);
        }),
        { seed: SEED, numRuns: MODEL_RUNS, interruptAfterTimeLimit: MODEL_MS, markInterruptAsFailure: false },
      );
    }, MODEL_MS * 3 + 30_000);

    // emnify: password login with lockout, refresh, JWT expiry, application tokens created, revoked, used.
    interface EmnifyModel {
      now: number;
      auths: Array<{ token: string; exp: number }>;
      refreshes: Array<{ token: string; exp: number }>;
      apps: Array<{ id: number; token: string; revoked: boolean }>;
      nextId: number;
      failures: number;
      lockedUntil: number | null;
    }
    type EmnifyCmd = fc.AsyncCommand<EmnifyModel, StartedMock>;
    const AUTH_TTL = 240 * 60;
    const REFRESH_TTL = 30 * 24 * 3600;
    const nowS = (m: EmnifyModel): number => Math.floor(m.now / 1000);
    const liveAuth = (m: EmnifyModel): string | undefined => m.auths.find((a) => nowS(m) < a.exp)?.token;
    const locked = (m: EmnifyModel): boolean => m.lockedUntil !== null && m.now < m.lockedUntil;
    const emnifyCommands: Array<fc.Arbitrary<EmnifyCmd>> = [
      fc.boolean().map<EmnifyCmd>((correct) => ({
        check: () => true,
        async run(m, r) {
          const password = correct ? EMNIFY.password : 'da39a3ee5e6b4b0d3255bfef95601890afd80709';
          const res = await call(r.url, 'POST', '/emnify/api/v1/authenticate', { json: { username: EMNIFY.username, password } });
          if (locked(m)) {
            expect(res.status).toBe(429);
            expect(Number(res.headers.get('retry-after'))).toBe(Math.ceil((m.lockedUntil! - m.now) / 1000));
            return;
          }
          if (m.lockedUntil !== null) {
            m.lockedUntil = null;
            m.failures = 0;
          }
          if (!correct) {
            expect(res.status).toBe(401);
            m.failures += 1;
            if (m.failures >= 3) m.lockedUntil = m.now + 300_000;
            return;
          }
          expect(res.status).toBe(200);
          const body = res.json as { auth_token: string; refresh_token: string };
          m.auths.push({ token: body.auth_token, exp: nowS(m) + AUTH_TTL });
          m.refreshes.push({ token: body.refresh_token, exp: nowS(m) + REFRESH_TTL });
          m.failures = 0;
        },
        toString: () => `passwordLogin(${correct})`,
      })),
      fc.nat().map<EmnifyCmd>((i) => ({
        check: (m) => m.auths.length > 0,
        async run(m, r) {
          const auth = m.auths[i % m.auths.length]!;
          const res = await call(r.url, 'GET', '/emnify/api/v1/endpoint', { headers: { authorization: `Bearer ${auth.token}` } });
          expect(res.status, `auth token exp ${auth.exp}, now ${nowS(m)}`).toBe(nowS(m) < auth.exp ? 200 : 401);
          if (res.status === 401) expect((res.json as { error_code: number }).error_code).toBe(1103);
        },
        toString: () => `useAuth(${i})`,
      })),
      fc.nat().map<EmnifyCmd>((i) => ({
        check: (m) => m.refreshes.length > 0,
        async run(m, r) {
          const refresh = m.refreshes[i % m.refreshes.length]!;
          const res = await call(r.url, 'POST', '/emnify/api/v1/authenticate', { json: { refresh_token: refresh.token } });
          if (nowS(m) < refresh.exp) {
            expect(res.status).toBe(200);
            const body = res.json as Record<string, string>;
            expect(Object.keys(body)).toEqual(['auth_token']);
            m.auths.push({ token: body['auth_token']!, exp: nowS(m) + AUTH_TTL });
          } else {
            expect(res.status).toBe(401);
          }
        },
        toString: () => `refresh(${i})`,
      })),
      fc.constant<EmnifyCmd>({
        check: (m) => liveAuth(m) !== undefined,
        async run(m, r) {
          const res = await call(r.url, 'POST', '/emnify/api/v1/application_token', { headers: { authorization: `Bearer ${liveAuth(m)!}` }, json: { description: `model ${m.nextId}` } });
          expect(res.status).toBe(200);
          m.apps.push({ id: m.nextId, token: (res.json as { application_token: string }).application_token, revoked: false });
          m.nextId += 1;
        },
        toString: () => 'createAppToken',
      }),
      fc.nat().map<EmnifyCmd>((i) => ({
        check: (m) => m.apps.length > 0 && liveAuth(m) !== undefined,
        async run(m, r) {
          const app = m.apps[i % m.apps.length]!;
          const res = await call(r.url, 'PATCH', `/emnify/api/v1/application_token/${app.id}`, { headers: { authorization: `Bearer ${liveAuth(m)!}` }, json: { status: { id: 1 } } });
          expect(res.status).toBe(204);
          app.revoked = true;
        },
        toString: () => `revoke(${i})`,
      })),
      fc.nat().map<EmnifyCmd>((i) => ({
        check: (m) => m.apps.length > 0,
        async run(m, r) {
          const app = m.apps[i % m.apps.length]!;
          const res = await call(r.url, 'POST', '/emnify/api/v1/authenticate', { json: { application_token: app.token } });
          expect(res.status, `application token ${app.id} revoked=${app.revoked}`).toBe(app.revoked ? 401 : 200);
          if (res.status === 200) m.auths.push({ token: (res.json as { auth_token: string }).auth_token, exp: nowS(m) + AUTH_TTL });
        },
        toString: () => `appLogin(${i})`,
      })),
      fc.constant<EmnifyCmd>({
        check: (m) => liveAuth(m) !== undefined,
        async run(m, r) {
          const res = await call(r.url, 'GET', '/emnify/api/v1/application_token', { headers: { authorization: `Bearer ${liveAuth(m)!}` } });
          expect(res.status).toBe(200);
          const listed = res.json as Array<{ id: number; status: { id: number } }>;
          for (const app of m.apps) expect(listed.find((t) => t.id === app.id)?.status.id, `token ${app.id}`).toBe(app.revoked ? 1 : 0);
        },
        toString: () => 'list',
      }),
      fc.constantFrom(1_000, 60_000, 299_000, 300_000, 239 * 60_000, 240 * 60_000, 86_400_000, 31 * 86_400_000).map<EmnifyCmd>((ms) => ({
        check: () => true,
        async run(m, r) {
          r.clock.advance(ms);
          m.now += ms;
        },
        toString: () => `advance(${ms})`,
      })),
    ];

    it('emnify: password login with lockout, use, expire, refresh, application tokens created, revoked and used', async () => {
      await fc.assert(
        fc.asyncProperty(fc.commands(emnifyCommands, { maxCommands: 25 }), async (cmds) => {
          await reset();
          const model: EmnifyModel = {
            now: DEFAULT_START,
            auths: [],
            refreshes: [],
            apps: [{ id: 1, token: EMNIFY.appToken, revoked: false }],
            nextId: 4,
            failures: 0,
            lockedUntil: null,
          };
          await fc.asyncModelRun(() => ({ model, real: mock }), cmds);
        }),
        { seed: SEED, numRuns: MODEL_RUNS, interruptAfterTimeLimit: MODEL_MS, markInterruptAsFailure: false },
      );
    }, MODEL_MS * 3 + 30_000);

    // Duet: sign in, use the account token, change the password (the old password dies, the token stays), sign in again.
    // Sources: 1/post/account/sign_in.markdown (200 or 401), 1/post/account/change_password.markdown (200 or 422).
    interface DuetModel {
      password: string;
      token: string | null;
      oldPasswords: string[];
    }
    type DuetCmd = fc.AsyncCommand<DuetModel, StartedMock>;
    const APP = { 'x-application-token': DUET.app };
    const duetCommands: Array<fc.Arbitrary<DuetCmd>> = [
      fc.boolean().map<DuetCmd>((correct) => ({
        check: () => true,
        async run(m, r) {
          const password = correct ? m.password : `${m.password}-wrong`;
          const res = await call(r.url, 'POST', '/duet/1/account/sign_in', { headers: APP, form: { 'account[login]': DUET.login, 'account[password]': password } });
          expect(res.status).toBe(correct ? 200 : 401);
          if (!correct) return;
          const token = (res.json as { account: { authentication_token: string } }).account.authentication_token;
          if (m.token !== null) expect(token, 'sign-in returns the same token, password changes included').toBe(m.token);
          m.token = token;
        },
        toString: () => `signIn(${correct})`,
      })),
      fc.constant<DuetCmd>({
        check: (m) => m.token !== null,
        async run(m, r) {
          expect((await call(r.url, 'GET', '/duet/1/account', { headers: { ...APP, 'x-account-token': m.token! } })).status).toBe(200);
        },
        toString: () => 'use',
      }),
      fc.nat().map<DuetCmd>((i) => ({
        check: (m) => m.oldPasswords.length > 0,
        async run(m, r) {
          const old = m.oldPasswords[i % m.oldPasswords.length]!;
          const res = await call(r.url, 'POST', '/duet/1/account/sign_in', { headers: APP, json: { account: { login: DUET.login, password: old } } });
          expect(res.status).toBe(old === m.password ? 200 : 401);
        },
        toString: () => `signInWithOldPassword(${i})`,
      })),
      fc.tuple(fc.constantFrom('new-password-1', 'new-password-2', 'short', 'another-long-one'), fc.boolean()).map<DuetCmd>(([next, confirmed]) => ({
        check: (m) => m.token !== null,
        async run(m, r) {
          const res = await call(r.url, 'POST', '/duet/1/account/change_password', {
            headers: { ...APP, 'x-account-token': m.token! },
            json: { account: { password: next, password_confirmation: confirmed ? next : `${next}!` } },
          });
          const accepted = confirmed && next.length >= 8;
          expect(res.status).toBe(accepted ? 200 : 422);
          if (!accepted) return;
          m.oldPasswords.push(m.password);
          m.password = next;
        },
        toString: () => `changePassword(${next}, ${confirmed})`,
      })),
    ];

    it('Duet: sign in, use, change password (the old password dies), sign in again', async () => {
      await fc.assert(
        fc.asyncProperty(fc.commands(duetCommands, { maxCommands: 20 }), async (cmds) => {
          await reset();
          await fc.asyncModelRun(() => ({ model: { password: DUET.password, token: null, oldPasswords: [] }, real: mock }), cmds);
        }),
        { seed: SEED, numRuns: MODEL_RUNS, interruptAfterTimeLimit: MODEL_MS, markInterruptAsFailure: false },
      );
    }, MODEL_MS * 3 + 30_000);

    // RFCx: user login (1440 / 5760 minutes), use, logout (all the user's tokens), the temporary token (no use limit),
    // invite redemptions, re-registration (a find-or-create that replaces the guardian's token).
    interface RfcxModel {
      now: number;
      tokens: Array<{ token: string; expiresAt: number; removed: boolean }>;
      invitesLeft: number;
      registered: Array<{ guid: string; token: string }>;
      serial: number;
      /** The fixture's own user token (expires 2099) until a logout removes it. */
      fixtureToken: boolean;
    }
    type RfcxCmd = fc.AsyncCommand<RfcxModel, StartedMock>;
    const userHeaders = (token: string): Record<string, string> => ({ 'x-auth-user': `user/${RFCX.user.guid}`, 'x-auth-token': token });
    /** RFCx has no "who am I": a user token is used on a guardian's software list, which no route type check guards. */
    const USE = `/rfcx/v1/guardians/${RFCX.guardian.guid}/software/guardian`;
    const liveTokens = (m: RfcxModel): RfcxModel['tokens'] => m.tokens.filter((t) => !t.removed && m.now < t.expiresAt);
    const rfcxCommands: Array<fc.Arbitrary<RfcxCmd>> = [
      fc.boolean().map<RfcxCmd>((extended) => ({
        check: () => true,
        async run(m, r) {
          const res = await call(r.url, 'POST', '/rfcx/v1/users/login', { json: { email: RFCX.user.email, password: RFCX.user.password, ...(extended ? { extended_expiration: 1 } : {}) } });
          expect(res.status).toBe(200);
          const token = (res.json as Array<{ tokens: Array<{ token: string; token_expires_at: string }> }>)[0]!.tokens[0]!;
          const expiresAt = m.now + (extended ? 5760 : 1440) * 60_000;
          expect(token.token_expires_at).toBe(iso(expiresAt));
          m.tokens.push({ token: token.token, expiresAt, removed: false });
        },
        toString: () => `login(${extended})`,
      })),
      fc.nat().map<RfcxCmd>((i) => ({
        check: (m) => m.tokens.length > 0,
        async run(m, r) {
          const t = m.tokens[i % m.tokens.length]!;
          const res = await call(r.url, 'GET', USE, { headers: userHeaders(t.token) });
          const valid = !t.removed && m.now < t.expiresAt;
          expect(res.status, `token expires ${t.expiresAt}, now ${m.now}, removed ${t.removed}`).toBe(valid ? 200 : 401);
          if (!valid) t.removed = true;
        },
        toString: () => `use(${i})`,
      })),
      fc.nat().map<RfcxCmd>((i) => ({
        check: (m) => liveTokens(m).length > 0,
        async run(m, r) {
          const live = liveTokens(m);
          const t = live[i % live.length]!;
          const res = await call(r.url, 'POST', '/rfcx/v1/users/logout', { headers: userHeaders(t.token) });
          expect(res.status).toBe(200);
          // The fixture's own user token counts too; expired tokens not yet swept may also be counted.
          const removed = (res.json as { tokens_removed: number }).tokens_removed;
          const pending = m.tokens.filter((x) => !x.removed && m.now >= x.expiresAt).length;
          const fixture = m.fixtureToken ? 1 : 0;
          expect(removed).toBeGreaterThanOrEqual(live.length + fixture);
          expect(removed).toBeLessThanOrEqual(live.length + fixture + pending);
          for (const x of m.tokens) x.removed = true;
          m.fixtureToken = false;
        },
        toString: () => `logout(${i})`,
      })),
      fc.constant<RfcxCmd>({
        check: () => true,
        async run(_m, r) {
          // The fixture temporary token has no use limit (none in RFCx's code) and expires in 2099.
          const res = await call(r.url, 'GET', USE, { headers: { 'x-auth-user': `token/${RFCX.temp.guid}`, 'x-auth-token': RFCX.temp.token } });
          expect(res.status).toBe(200);
        },
        toString: () => 'useTemporary',
      }),
      fc.constant<RfcxCmd>({
        check: () => true,
        async run(m, r) {
          m.serial += 1;
          const guid = `mdl${m.serial.toString(36).padStart(9, '0')}`;
          const res = await call(r.url, 'POST', '/rfcx/v2/guardians/register', { headers: { 'x-auth-user': RFCX.invite.user, 'x-auth-token': RFCX.invite.token }, json: { guid } });
          expect(res.status).toBe(m.invitesLeft > 0 ? 200 : 401);
          if (res.status !== 200) return;
          m.invitesLeft -= 1;
          m.registered.push({ guid, token: (res.json as { token: string }).token });
        },
        toString: () => 'register',
      }),
      fc.nat().map<RfcxCmd>((i) => ({
        check: (m) => m.registered.length > 0,
        async run(m, r) {
          const g = m.registered[i % m.registered.length]!;
          const res = await call(r.url, 'POST', '/rfcx/v2/guardians/register', { headers: { 'x-auth-user': RFCX.invite.user, 'x-auth-token': RFCX.invite.token }, json: { guid: g.guid } });
          expect(res.status).toBe(m.invitesLeft > 0 ? 200 : 401);
          if (res.status !== 200) return;
          m.invitesLeft -= 1;
          g.token = (res.json as { token: string }).token;
        },
        toString: () => `reregister(${i})`,
      })),
      fc.nat().map<RfcxCmd>((i) => ({
        check: (m) => m.registered.length > 0,
        async run(m, r) {
          const g = m.registered[i % m.registered.length]!;
          const res = await call(r.url, 'POST', `/rfcx/v2/guardians/${g.guid}/pings`, { headers: { 'x-auth-user': `guardian/${g.guid}`, 'x-auth-token': g.token }, json: {} });
          expect(res.status).toBe(200);
        },
        toString: () => `ping(${i})`,
      })),
      fc.constantFrom(60_000, 1439 * 60_000, 1440 * 60_000, 5760 * 60_000, 86_400_000).map<RfcxCmd>((ms) => ({
        check: () => true,
        async run(m, r) {
          r.clock.advance(ms);
          m.now += ms;
        },
        toString: () => `advance(${ms})`,
      })),
    ];

    it('RFCx: login, use, expire, logout, temporary-token uses, invite redemptions, re-registration', async () => {
      await fc.assert(
        fc.asyncProperty(fc.commands(rfcxCommands, { maxCommands: 25 }), async (cmds) => {
          await reset();
          const model: RfcxModel = { now: DEFAULT_START, tokens: [], invitesLeft: 2, registered: [], serial: 0, fixtureToken: true };
          await fc.asyncModelRun(() => ({ model, real: mock }), cmds);
        }),
        { seed: SEED, numRuns: MODEL_RUNS, interruptAfterTimeLimit: MODEL_MS, markInterruptAsFailure: false },
      );
    }, MODEL_MS * 3 + 30_000);
  });
});
