// The control API's own limits: clock moves a Date can hold, faults that cannot lock the admin API, bounded sandboxes.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, DEFAULT_START, type StartedMock } from '../helpers/harness.js';
import { problemOf } from '../helpers/listen.js';

let mock: StartedMock;
const LIMITS = { sandboxBytes: 40_000, totalBytes: 100_000 };
beforeAll(async () => {
  mock = await startMock({ sandboxLimits: LIMITS });
});
afterAll(() => mock.close());

const post = (path: string, body: unknown): Promise<Response> =>
  fetch(`${mock.url}/__admin${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const get = (path: string): Promise<Response> => fetch(`${mock.url}/__admin${path}`);

describe('the clock', () => {
  it.each([
    ['an advance past year 275,760', { advance: 'P99999999999D' }, '/body/advance'],
    ['an advance back before year -271,821', { advance: '-P99999999999D' }, '/body/advance'],
    ['a set to year 9999 and an advance of 273,785 years', { set: '9999-12-31T00:00:00Z', advance: 'P99999999D' }, '/body/advance'],
  ])('refuses %s with a 400 and keeps answering', async (_name, change, pointer) => {
    const before = await (await get('/clock')).json();
    const res = await post('/clock', change);
    expect(res.status).toBe(400);
    expect(problemOf(res)).toMatchObject({ code: 'validation.failed', detail: expect.stringMatching(/outside the dates JavaScript can hold/), pointer });
    expect(await (await get('/clock')).json()).toEqual(before);
    expect((await get('/state')).status).toBe(200);
    expect((await fetch(`${mock.url}/devicehq/api/v2/session?api_key=5sHszZNuTfmgs58VGA`, { method: 'POST', headers: { 'content-length': '0' } })).status).toBe(200);
  });

  it.each([
    ['5m', 'PT5M'],
    ['90s', 'PT90S'],
    ['2h', 'PT2H'],
    ['1d', 'P1D'],
    ['-5 minutes', '-PT5M'],
  ])("answers {\"advance\":\"%s\"} with the ISO form to write (%s)", async (given, iso) => {
    const res = await post('/clock', { advance: given });
    expect(res.status).toBe(400);
    expect(problemOf(res)?.detail).toContain(`write '${iso}'`);
  });

  it('goes back to real time with {"real":true}, and reset leaves the clock where it is', async () => {
    await post('/clock', { advance: 'PT10M' });
    const moved = (await (await get('/clock')).json()) as { now: string };
    expect((await post('/reset', {})).status).toBe(200);
    expect(((await (await get('/clock')).json()) as { now: string }).now).toBe(moved.now);
    const real = await post('/clock', { real: true });
    expect(real.status).toBe(200);
    expect(await real.json()).toMatchObject({ offset_ms: 0, frozen: false });
    mock.clock.freeze(true);
    mock.clock.set(DEFAULT_START);
  });
});

describe('faults', () => {
  it.each(['adminClearFaults', 'adminReset', 'adminAddFault', 'adminHealth'])('refuses a fault on the admin operation %s', async (operationId) => {
    const res = await post('/faults', { operation_id: operationId, status: 503 });
    expect(res.status).toBe(400);
    expect(problemOf(res)?.detail).toMatch(/admin API; faults apply to provider operations only/);
    expect(((await (await get('/faults')).json()) as { faults: unknown[] }).faults).toEqual([]);
  });

  it.each([101, 204, 304, 399, 600])('refuses status %i (a fault answers 400 to 599)', async (status) => {
    const res = await post('/faults', { operation_id: 'devicehqTest', status });
    expect(res.status).toBe(400);
    expect(problemOf(res)?.detail).toMatch(/\/status must be (>= 400|<= 599)/);
  });

  it.each([60_001, 1e12])('refuses latency_ms %d (at most 60 s)', async (latency) => {
    const res = await post('/faults', { operation_id: 'devicehqTest', latency_ms: latency });
    expect(res.status).toBe(400);
    expect(problemOf(res)?.detail).toMatch(/\/latency_ms must be <= 60000/);
  });

  it('still takes a provider fault at the bounds', async () => {
    const res = await post('/faults', { operation_id: 'devicehqTest', status: 599, latency_ms: 0, times: 1 });
    expect(res.status).toBe(201);
    expect((await fetch(`${mock.url}/__admin/faults`, { method: 'DELETE' })).status).toBe(200);
  });
});

describe('sandbox memory', () => {
  const bigFixtures = (n: number): unknown => ({
    devicehq: { accounts: Array.from({ length: n }, (_, i) => ({ email: `user${i}@example.com`, password: `password-${i}-xxxxxxxx`, api_key: `key${String(i).padStart(18, '0')}` })) },
  });

  it('refuses a sandbox whose fixtures pass the per-sandbox limit with a 413 naming it', async () => {
    const res = await post('/sandboxes', { fixtures: bigFixtures(1000) });
    expect(res.status).toBe(413);
    expect(problemOf(res)?.detail).toMatch(new RegExp(`limit per sandbox is ${LIMITS.sandboxBytes} bytes`));
    expect(((await (await get('/sandboxes')).json()) as { sandboxes: unknown[] }).sandboxes).toEqual([]);
  });

  it('refuses new sandboxes once all of them hold the budget, with a 429 naming it, and takes one again after a delete', async () => {
    const ids: string[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < 50 && !refused; i++) {
      const res = await post('/sandboxes', {});
      if (res.status === 201) ids.push(((await res.json()) as { id: string }).id);
      else refused = res;
    }
    expect(ids.length).toBeGreaterThan(0);
    expect(refused?.status).toBe(429);
    expect(problemOf(refused!)?.detail).toMatch(new RegExp(`all sandboxes together may hold ${LIMITS.totalBytes} bytes`));
    expect((await fetch(`${mock.url}/__admin/sandboxes/${ids[0]}`, { method: 'DELETE' })).status).toBe(204);
    expect((await post('/sandboxes', {})).status).toBe(201);
  });
});
