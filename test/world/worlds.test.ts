// Worlds: sandboxes seeded from fixtures within memory limits, idle expiry on real time, the request log, faults.

import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/config.js';
import type { Fault } from '../../src/engine/run.js';
import { createFixedClock } from '../../src/world/clock.js';
import { createMemoryStore } from '../../src/world/memory-store.js';
import type { Store } from '../../src/world/store.js';
import {
  createLiveWorld,
  createWorlds,
  SandboxLimitError,
  toRequestRecord,
  type LiveWorld,
  type LoggedRequest,
  type WorldPersistence,
  type Worlds,
  type WorldsOptions,
} from '../../src/world/worlds.js';

const START = Date.parse('2026-01-01T00:00:00Z');

/** `records` records of about 100 bytes each. */
const seedOf = (records: number) => async (store: Store): Promise<void> =>
  store.write((tx) => {
    for (let i = 0; i < records; i++) tx.set('items', `k${i}`, { text: 'x'.repeat(80) });
  });

interface Setup {
  worlds: Worlds;
  main: LiveWorld;
  /** Move real (monotonic) time on. */
  elapse(ms: number): void;
  /** What the persistence was asked to do. */
  calls: string[];
}

function setup(options: Partial<WorldsOptions> & { failDelete?: boolean; persist?: boolean } = {}): Setup {
  let real = 1_000;
  const calls: string[] = [];
  const persistence: WorldPersistence = {
    createStore: (id) => (calls.push(`createStore ${id.length}`), createMemoryStore()),
    saveWorld: (w) => void calls.push(`saveWorld ${w.bytes}`),
    saveClock: () => void calls.push('saveClock'),
    deleteWorld: () => {
      calls.push('deleteWorld');
      if (options.failDelete) throw new Error('disk full');
    },
  };
  const main = createLiveWorld('main', createMemoryStore(), createFixedClock(START), real);
  const worlds = createWorlds(main, {
    seed: seedOf(1),
    requestLogSize: 3,
    sandboxIdleMs: 60_000,
    maxSandboxes: 5,
    limits: defaultSettings().sandboxLimits,
    realNow: () => real,
    ...(options.persist || options.failDelete ? { persistence } : {}),
    ...options,
  });
  return { worlds, main, calls, elapse: (ms) => void (real += ms) };
}

describe('createSandbox', () => {
  it('gives a sandbox its own seeded store and a clock set to the main world’s time', async () => {
    const { worlds, main } = setup();
    main.world.clock.advance(3_600_000);
    const sandbox = await worlds.createSandbox();
    // The sandbox's clock runs on from there in real time.
    expect(sandbox.world.clock.now() - (START + 3_600_000)).toBeGreaterThanOrEqual(0);
    expect(sandbox.world.clock.now() - (START + 3_600_000)).toBeLessThan(5_000);
    expect([await sandbox.world.store.read((tx) => tx.size('items')), await main.world.store.read((tx) => tx.size('items'))]).toEqual([1, 0]);
    expect(worlds.get(sandbox.world.id)).toBe(sandbox);
    expect(sandbox.world.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('resets a sandbox to what it was seeded with', async () => {
    const { worlds } = setup();
    const sandbox = await worlds.createSandbox(seedOf(2));
    await sandbox.world.store.write((tx) => tx.clear('items'));
    await sandbox.world.store.reset();
    expect(await sandbox.world.store.read((tx) => tx.size('items'))).toBe(2);
  });

  it.each<[string, { given: { records: number; existing: number }; want: { limit: 'sandbox' | 'total'; message: RegExp } }]>([
    ['one sandbox over its own limit (413)', { given: { records: 20, existing: 0 }, want: { limit: 'sandbox', message: /the limit per sandbox is 1000 bytes/ } }],
    ['all sandboxes over their budget (429)', { given: { records: 5, existing: 2 }, want: { limit: 'total', message: /may hold 1200 bytes of state; \d+ are in use/ } }],
  ])('refuses %s, naming the limit, and keeps no half-made sandbox', async (_name, { given, want }) => {
    const { worlds } = setup({ limits: { sandboxBytes: 1_000, totalBytes: 1_200 } });
    for (let i = 0; i < given.existing; i++) await worlds.createSandbox(seedOf(5));
    const refused = worlds.createSandbox(seedOf(given.records));
    await expect(refused).rejects.toThrow(SandboxLimitError);
    await expect(refused).rejects.toMatchObject({ limit: want.limit, message: expect.stringMatching(want.message) });
    expect(worlds.sandboxes()).toHaveLength(given.existing);
  });

  it('refuses more sandboxes than allowed', async () => {
    const { worlds } = setup({ maxSandboxes: 1 });
    await worlds.createSandbox();
    await expect(worlds.createSandbox()).rejects.toThrow(new RangeError('at most 1 sandboxes'));
  });

  it('makes room by dropping idle sandboxes first', async () => {
    const { worlds, elapse } = setup({ maxSandboxes: 1 });
    await worlds.createSandbox();
    elapse(60_001);
    await worlds.createSandbox();
    expect(worlds.sandboxes()).toHaveLength(1);
  });

  it('saves a sandbox with its size, and deletes the rows of one refused', async () => {
    const { worlds, calls } = setup({ persist: true, limits: { sandboxBytes: 1_000, totalBytes: 10_000 } });
    const made = await worlds.createSandbox();
    await expect(worlds.createSandbox(seedOf(20))).rejects.toThrow(SandboxLimitError);
    expect(calls).toEqual(['createStore 36', `saveWorld ${made.bytes}`, 'createStore 36', 'deleteWorld']);
  });
});

describe('expireIdle', () => {
  it.each<[string, { given: { idleMs: number; touched: boolean; mockClockMoved: number }; want: number }]>([
    ['keeps a sandbox used within the idle time', { given: { idleMs: 59_000, touched: false, mockClockMoved: 0 }, want: 0 }],
    ['drops a sandbox idle longer', { given: { idleMs: 60_001, touched: false, mockClockMoved: 0 }, want: 1 }],
    ['counts idleness from the last use', { given: { idleMs: 60_001, touched: true, mockClockMoved: 0 }, want: 0 }],
    ['ignores the mock clock: moving it a day expires nothing', { given: { idleMs: 1_000, touched: false, mockClockMoved: 86_400_000 }, want: 0 }],
  ])('%s', async (_name, { given, want }) => {
    const { worlds, elapse } = setup();
    const sandbox = await worlds.createSandbox();
    sandbox.world.clock.advance(given.mockClockMoved);
    elapse(given.touched ? 30_000 : given.idleMs);
    if (given.touched) {
      worlds.get(sandbox.world.id);
      elapse(given.idleMs - 30_000);
    }
    expect(worlds.expireIdle()).toBe(want);
    expect(worlds.sandboxes()).toHaveLength(1 - want);
  });

  it('keeps an idle sandbox whose deletion cannot be written, until it can', async () => {
    const { worlds, elapse } = setup({ failDelete: true });
    await worlds.createSandbox();
    elapse(60_001);
    expect([worlds.expireIdle(), worlds.sandboxes().length]).toEqual([0, 1]);
  });
});

describe('deleteSandbox', () => {
  it('deletes a sandbox once; an unknown id is false', async () => {
    const { worlds } = setup();
    const { world } = await worlds.createSandbox();
    expect([worlds.deleteSandbox(world.id), worlds.deleteSandbox(world.id), worlds.get(world.id)]).toEqual([true, false, undefined]);
  });

  it('throws and keeps the sandbox when its deletion cannot be written', async () => {
    const { worlds } = setup({ failDelete: true });
    const { world } = await worlds.createSandbox();
    expect(() => worlds.deleteSandbox(world.id)).toThrow('disk full');
    expect(worlds.get(world.id)).toBeDefined();
  });
});

describe('the request log', () => {
  const entry = (n: number): LoggedRequest => ({
    at: START + n,
    method: 'GET',
    path: `/r/${n}`,
    operation_id: 'op',
    status: 200,
    auth: 'none',
    credential: null,
    problem: null,
    duration_ms: 1,
    request_headers: {},
    request_body: null,
  });

  it.each<[string, { given: number; want: string[] }]>([
    ['keeps every request under its size', { given: 2, want: ['/r/0', '/r/1'] }],
    ['keeps the newest requestLogSize, oldest first', { given: 10, want: ['/r/7', '/r/8', '/r/9'] }],
    ['stays bounded past many requests', { given: 500, want: ['/r/497', '/r/498', '/r/499'] }],
  ])('%s', (_name, { given, want }) => {
    const { worlds, main } = setup();
    for (let i = 0; i < given; i++) worlds.record(main, entry(i));
    expect(worlds.requests(main).map((r) => r.path)).toEqual(want);
    expect(main.requests.length).toBeLessThanOrEqual(3 + 64);
  });

  it('shows the time as ISO 8601 text', () => {
    expect(toRequestRecord(entry(1))).toEqual({ ...entry(1), at: undefined, time: '2026-01-01T00:00:00.001Z' });
  });
});

describe('takeFault', () => {
  const fault = (partial: Partial<Fault>): Fault => ({ id: 'f', operationId: 'op', latencyMs: null, status: 503, times: null, probability: null, ...partial });

  it.each<[string, { given: { fault: Partial<Fault>; random?: number; calls: number }; want: Array<string | undefined> }]>([
    ['a fault for another operation never fires', { given: { fault: { operationId: 'other' }, calls: 2 }, want: [undefined, undefined] }],
    ['a fault with times fires that often, then is gone', { given: { fault: { times: 2 }, calls: 3 }, want: ['f', 'f', undefined] }],
    ['a fault without times fires until cleared', { given: { fault: {}, calls: 3 }, want: ['f', 'f', 'f'] }],
    ['a probable fault fires when the draw is under it', { given: { fault: { probability: 0.5, times: 1 }, random: 0.49, calls: 2 }, want: ['f', undefined] }],
    ['a probable fault does not fire (nor count) when the draw is over it', { given: { fault: { probability: 0.5, times: 1 }, random: 0.5, calls: 2 }, want: [undefined, undefined] }],
  ])('%s', (_name, { given, want }) => {
    const { worlds, main } = setup({ random: () => given.random ?? 0 });
    main.faults.push(fault(given.fault));
    expect(Array.from({ length: given.calls }, () => worlds.takeFault(main, 'op')?.id)).toEqual(want);
  });

  it('keeps a probable fault with its uses when it does not fire', () => {
    const { worlds, main } = setup({ random: () => 0.9 });
    main.faults.push(fault({ probability: 0.5, times: 1 }));
    worlds.takeFault(main, 'op');
    expect(main.faults.map((f) => f.times)).toEqual([1]);
  });
});
