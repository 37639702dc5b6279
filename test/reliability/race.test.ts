// Races: parallel redemptions of an invite code never overspend it, parallel sign-ins leave one live DeviceHQ
// session, parallel emnify refreshes all succeed, and nothing succeeds once a revoke or close has been answered.
// RACE_REPEATS (default 10; the test:race script sets 100) repetitions of each race. Never a 5xx.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type StartedMock } from '../helpers/harness.js';
import { DEVICEHQ, EMNIFY, call } from './support.js';

const REPEATS = Number(process.env.RACE_REPEATS ?? 10);
const PARALLEL_REDEMPTIONS = 200;

describe('races', () => {
  let mock: StartedMock;
  const statuses: number[] = [];
  const send = async (...args: Parameters<typeof call>): ReturnType<typeof call> => {
    const res = await call(...args);
    statuses.push(res.status);
    return res;
  };

  beforeAll(async () => {
    mock = await startMock();
  });
  afterAll(async () => {
    await mock?.close();
  });

  it(`${REPEATS} × ${PARALLEL_REDEMPTIONS} parallel redemptions of an invite code with N left: exactly N succeed`, async () => {
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      const left = 1 + ((repeat * 7) % 25); // 1..25, a different N each time
      const tag = repeat.toString(36).padStart(3, '0');
      const guidHalf = `rc${tag}`;
      const secretHalf = `sx${tag}`;
      const seeded = await send(mock.url, 'POST', '/__admin/fixtures', {
        json: { rfcx: { registration_tokens: [{ code: `${guidHalf}${secretHalf}`, allowed_redemptions: left }] } },
      });
      expect(seeded.status).toBe(200);
      const auth = { 'x-auth-user': 'register', 'x-auth-token': `${guidHalf}${secretHalf}` };
      const results = await Promise.all(
        Array.from({ length: PARALLEL_REDEMPTIONS }, (_, i) =>
          send(mock.url, 'POST', '/rfcx/v2/guardians/register', { headers: auth, json: { guid: `g${tag}${i.toString(36).padStart(8, '0')}` } }),
        ),
      );
      const ok = results.filter((r) => r.status === 200);
      expect(ok.length, `repeat ${repeat}: ${left} redemptions left`).toBe(left);
      expect(results.filter((r) => r.status !== 200).every((r) => r.status === 401 && r.text === 'Unauthorized')).toBe(true);
      // Each success registered its own guardian, whose token works on its own path.
      const first = ok[0]!.json as { guid: string; token: string };
      const ping = await send(mock.url, 'POST', `/rfcx/v2/guardians/${first.guid}/pings`, {
        headers: { 'x-auth-user': `guardian/${first.guid}`, 'x-auth-token': first.token },
        json: {},
      });
      expect(ping.status).toBe(200);
    }
  }, 60_000 + REPEATS * 3_000);

  it(`${REPEATS} × 50 parallel DeviceHQ sign-ins for one account: exactly one live token`, async () => {
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      const opened = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          i % 2 === 0
            ? send(mock.url, 'POST', '/devicehq/api/v2/session', { headers: { 'x-api-key': DEVICEHQ.key } })
            : send(mock.url, 'PUT', `/devicehq/api/v2/session?api_key=${DEVICEHQ.key}`),
        ),
      );
      expect(opened.every((r) => r.status === 200)).toBe(true);
      const tokens = opened.map((r) => (r.json as { meta: { token: string } }).meta.token);
      expect(new Set(tokens).size).toBe(50);
      const used = await Promise.all(tokens.map((token) => send(mock.url, 'GET', '/devicehq/api/v2/test', { headers: { 'x-auth-token': token } })));
      expect(used.filter((r) => r.status === 200).length, `repeat ${repeat}`).toBe(1);
    }
  }, 60_000 + REPEATS * 2_000);

  it(`${REPEATS} × 20 parallel emnify refreshes: all succeed and every new auth_token works`, async () => {
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      const login = await send(mock.url, 'POST', '/emnify/api/v1/authenticate', { json: { username: EMNIFY.username, password: EMNIFY.password } });
      expect(login.status).toBe(200);
      const { refresh_token } = login.json as { refresh_token: string };
      const refreshed = await Promise.all(
        Array.from({ length: 20 }, () => send(mock.url, 'POST', '/emnify/api/v1/authenticate', { json: { refresh_token } })),
      );
      expect(refreshed.map((r) => r.status)).toEqual(Array(20).fill(200));
      const used = await Promise.all(
        refreshed.map((r) =>
          send(mock.url, 'GET', '/emnify/api/v1/endpoint?per_page=1', { headers: { authorization: `Bearer ${(r.json as { auth_token: string }).auth_token}` } }),
        ),
      );
      expect(used.every((r) => r.status === 200)).toBe(true);
    }
  }, 60_000 + REPEATS * 2_000);

  /**
   * `use` runs continuously from `workers` loops; `cut` runs once after a short delay. Every use *sent after* the
   * cut's answer arrived must fail; uses already in flight may go either way.
   */
  async function raceCut(use: () => Promise<number>, cut: () => Promise<number>, expectedCut: number): Promise<{ before: number; after: number }> {
    let cutAnswered = false;
    let stop = false;
    const violations: string[] = [];
    let before = 0;
    let after = 0;
    const worker = async (): Promise<void> => {
      for (let i = 0; i < 400 && !stop; i++) {
        const sentAfterCut = cutAnswered;
        const status = await use();
        if (sentAfterCut) {
          after++;
          if (status >= 200 && status < 300) violations.push(`use sent after the cut answered got ${status}`);
        } else if (status >= 200 && status < 300) {
          before++;
        }
      }
    };
    const workers = Array.from({ length: 8 }, () => worker());
    await new Promise((r) => setTimeout(r, 15));
    expect(await cut()).toBe(expectedCut);
    cutAnswered = true;
    await new Promise((r) => setTimeout(r, 30));
    stop = true;
    await Promise.all(workers);
    expect(violations).toEqual([]);
    return { before, after };
  }

  it(`${REPEATS} × emnify revoke racing use: after the revoke's 204, the application token never authenticates`, async () => {
    let sawBoth = 0;
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      const login = await send(mock.url, 'POST', '/emnify/api/v1/authenticate', { json: { username: EMNIFY.username, password: EMNIFY.password } });
      const bearer = { authorization: `Bearer ${(login.json as { auth_token: string }).auth_token}` };
      const created = await send(mock.url, 'POST', '/emnify/api/v1/application_token', { headers: bearer, json: { description: `race ${repeat}` } });
      expect(created.status).toBe(200);
      const appToken = (created.json as { application_token: string }).application_token;
      const list = await send(mock.url, 'GET', '/emnify/api/v1/application_token', { headers: bearer });
      const id = Math.max(...(list.json as Array<{ id: number }>).map((t) => t.id));
      const { before, after } = await raceCut(
        async () => (await send(mock.url, 'POST', '/emnify/api/v1/authenticate', { json: { application_token: appToken } })).status,
        async () => (await send(mock.url, 'PATCH', `/emnify/api/v1/application_token/${id}`, { headers: bearer, json: { status: { id: 1 } } })).status,
        204,
      );
      if (before > 0 && after > 0) sawBoth++;
    }
    expect(sawBoth, 'the race really overlapped use and revoke').toBeGreaterThan(0);
  }, 60_000 + REPEATS * 2_000);

  it(`${REPEATS} × DeviceHQ close racing use: after the close's 200, the session token never works`, async () => {
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      const opened = await send(mock.url, 'POST', '/devicehq/api/v2/session', { headers: { 'x-api-key': DEVICEHQ.key } });
      const token = (opened.json as { meta: { token: string } }).meta.token;
      await raceCut(
        async () => (await send(mock.url, 'GET', '/devicehq/api/v2/devices?limit=1', { headers: { 'x-auth-token': token } })).status,
        async () => (await send(mock.url, 'DELETE', '/devicehq/api/v2/session', { headers: { 'x-auth-token': token } })).status,
        200,
      );
    }
  }, 60_000 + REPEATS * 2_000);

  it('never answered a 5xx during the races', () => {
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
  });
});
