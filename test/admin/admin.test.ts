// The control API over HTTP: health, clock, reset, state, request log, faults, sandboxes and the admin token.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, DEFAULT_START, type StartedMock } from '../helpers/harness.js';
import { problemOf } from '../helpers/listen.js';

let mock: StartedMock;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock.close());

const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const admin = (path: string, init?: RequestInit): Promise<Response> => fetch(`${mock.url}/__admin${path}`, init);
const createSession = (prefix = ''): Promise<Response> =>
  fetch(`${mock.url}${prefix}/devicehq/api/v2/session`, { method: 'POST', headers: { 'x-api-key': '5sHszZNuTfmgs58VGA', 'content-length': '0' } });

describe('health and clock', () => {
  it('reports health', async () => {
    const res = await admin('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('moves the clock by an ISO 8601 duration, sets it, and refuses nonsense with a problem', async () => {
    const before = (await (await admin('/clock')).json()) as { now: string; frozen: boolean };
    expect(before).toMatchObject({ now: new Date(mock.clock.now()).toISOString(), frozen: true });
    const moved = (await (await admin('/clock', json({ advance: 'PT5M' }))).json()) as { now: string };
    expect(Date.parse(moved.now) - Date.parse(before.now)).toBe(300_000);
    const set = (await (await admin('/clock', json({ set: '2030-01-01T00:00:00Z' }))).json()) as { now: string };
    expect(set.now).toBe('2030-01-01T00:00:00.000Z');
    const bad = await admin('/clock', json({ advance: 'five minutes' }));
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    mock.clock.set(DEFAULT_START);
  });
});

describe('state, reset and the request log', () => {
  it('shows a new session in the state with its token masked, and reset forgets it', async () => {
    const created = (await (await createSession()).json()) as { meta: { token: string } };
    const state = await (await admin('/state')).text();
    expect(state).not.toContain(created.meta.token);
    expect(state).toContain('devicehq');
    const digestBefore = await mock.world.store.digest();
    expect((await admin('/reset', { method: 'POST' })).status).toBe(200);
    expect(await mock.world.store.digest()).not.toBe(digestBefore);
    const test = await fetch(`${mock.url}/devicehq/api/v2/test`, { headers: { 'x-auth-token': created.meta.token } });
    expect(test.status).toBe(401);
  });

  it('logs requests with operation, status and problem code, never the query string', async () => {
    await fetch(`${mock.url}/devicehq/api/v2/test?token=secret-token-value`);
    const { requests } = (await (await admin('/requests?limit=5')).json()) as { requests: Array<Record<string, unknown>> };
    const last = requests[0]!; // newest first
    expect(last).toMatchObject({ method: 'GET', path: '/devicehq/api/v2/test', operation_id: 'devicehqTest', status: 401 });
    expect(typeof last['problem']).toBe('string');
    expect(JSON.stringify(requests)).not.toContain('secret-token-value');
  });
});

describe('faults', () => {
  it('forces a status on an operation for the next N calls, then clears', async () => {
    const added = await admin('/faults', json({ operation_id: 'devicehqInfo', status: 503, times: 2 }));
    expect(added.status).toBe(201);
    const info = (): Promise<Response> => fetch(`${mock.url}/devicehq/api/v2/info`);
    expect((await info()).status).toBe(503);
    expect(problemOf(await info())?.code).toBe('fault.injected');
    expect((await info()).status).toBe(200);
  });

  it('refuses a fault for an unknown operation with 404', async () => {
    const res = await admin('/faults', json({ operation_id: 'noSuchOperation', status: 500 }));
    expect(res.status).toBe(404);
  });

  it('lists and clears faults', async () => {
    await admin('/faults', json({ operation_id: 'devicehqInfo', latency_ms: 1 }));
    const list = (await (await admin('/faults')).json()) as { faults: unknown[] };
    expect(list.faults.length).toBeGreaterThan(0);
    const cleared = (await (await admin('/faults', { method: 'DELETE' })).json()) as { cleared: number };
    expect(cleared.cleared).toBe(list.faults.length);
  });
});

describe('sandboxes', () => {
  it('keeps two sandboxes apart: sessions and clocks', async () => {
    const a = (await (await admin('/sandboxes', json({}))).json()) as { id: string; base_path: string };
    const b = (await (await admin('/sandboxes', json({}))).json()) as { id: string; base_path: string };
    const tokenA = ((await (await createSession(a.base_path)).json()) as { meta: { token: string } }).meta.token;
    const tokenB = ((await (await createSession(b.base_path)).json()) as { meta: { token: string } }).meta.token;
    // One session per account — but per sandbox: B's session did not close A's.
    const useA = (): Promise<Response> => fetch(`${mock.url}${a.base_path}/devicehq/api/v2/test`, { headers: { 'x-auth-token': tokenA } });
    expect((await useA()).status).toBe(200);
    // A's token means nothing in B or in the main world.
    expect((await fetch(`${mock.url}/devicehq/api/v2/test`, { headers: { 'x-auth-token': tokenA, 'x-mock-sandbox': b.id } })).status).toBe(401);
    expect((await fetch(`${mock.url}/devicehq/api/v2/test`, { headers: { 'x-auth-token': tokenA } })).status).toBe(401);
    // Moving B's clock expires B's session only.
    await fetch(`${mock.url}${b.base_path}/__admin/clock`, json({ advance: 'PT6M' }));
    expect((await fetch(`${mock.url}${b.base_path}/devicehq/api/v2/test`, { headers: { 'x-auth-token': tokenB } })).status).toBe(401);
    expect((await useA()).status).toBe(200);
    // The list shows when B was created and last used, on B's own clock (moved 6 minutes since).
    const { sandboxes } = (await (await admin('/sandboxes')).json()) as { sandboxes: Array<{ id: string; created: string; last_used: string }> };
    const listedB = sandboxes.find((s) => s.id === b.id)!;
    expect(Date.parse(listedB.last_used) - Date.parse(listedB.created)).toBeGreaterThanOrEqual(360_000);
  });

  it('answers an unknown sandbox with a 404 problem', async () => {
    const res = await fetch(`${mock.url}/_sandbox/nope/devicehq/api/v2/info`);
    expect(res.status).toBe(404);
    expect(problemOf(res)?.code).toBe('state.not_found');
  });
});

describe('admin token', () => {
  it('protects /__admin when configured', async () => {
    const guarded = await startMock({ adminToken: 'correct-horse-battery' });
    try {
      expect((await fetch(`${guarded.url}/__admin/state`)).status).toBe(401);
      expect((await fetch(`${guarded.url}/__admin/state`, { headers: { authorization: 'Bearer wrong-token-value' } })).status).toBe(401);
      expect((await fetch(`${guarded.url}/__admin/state`, { headers: { authorization: 'Bearer correct-horse-battery' } })).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});
