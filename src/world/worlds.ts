// Worlds at run time: the default one and the sandboxes, each with its own store, clock, request log and faults.

import { randomUUID } from 'node:crypto';
import { createClock, toIso, type Clock, type ControllableClock } from './clock.js';
import { createCoverageLog, outcomeOfAuth, recordCoverage, type CoverageLog } from './coverage.js';
import type { Fault } from '../engine/run.js';
import { createMemoryStore } from './memory-store.js';
import type { Store } from './store.js';
import type { World } from '../engine/types.js';
import type { components } from '../generated/admin.js';

/** One entry of GET /__admin/requests, as the admin document defines it. */
export type RequestRecord = components['schemas']['RequestLogEntry'];

/** What the log keeps per request: the entry with its time as epoch ms, made into text only when someone reads it. */
export type LoggedRequest = Omit<RequestRecord, 'time'> & { at: number };

/** The admin document's entry for a kept request. */
export const toRequestRecord = ({ at, ...rest }: LoggedRequest): RequestRecord => ({ time: toIso(at), ...rest });

export interface LiveWorld {
  world: World;
  faults: Fault[];
  requests: LoggedRequest[];
  /** Responses and auth outcomes per operation since the world's last reset (GET /__admin/coverage). */
  coverage: CoverageLog;
  /** Monotonic real time of the last request (idle expiry must not follow the mock clock). */
  lastUsed: number;
  /** The world's own clock when it was created and when it was last used (what /__admin/sandboxes shows). */
  createdAt: number;
  lastUsedAt: number;
  /** Size of its seeded state (bytes of JSON), counted against the sandboxes' memory budget. */
  bytes: number;
}

/** Where worlds are kept across restarts (--state); every call is durable when it returns, or throws. */
export interface WorldPersistence {
  createStore(id: string): Store;
  saveWorld(world: LiveWorld): void;
  saveClock(world: LiveWorld): void;
  deleteWorld(id: string): void;
}

/** Memory bounds for sandboxes, each refused with an error naming it. */
export interface SandboxLimits {
  /** Largest seeded state of one sandbox, in bytes of JSON. */
  sandboxBytes: number;
  /** All sandboxes' seeded states together. */
  totalBytes: number;
}

/** A limit a sandbox would break: 413 for one sandbox too big, 429 for the budget of all of them. */
export class SandboxLimitError extends Error {
  constructor(
    readonly limit: 'sandbox' | 'total',
    message: string,
  ) {
    super(message);
  }
}

export interface WorldsOptions {
  /** Seeds a fresh world's store (the loaded fixtures); returns when seeded. */
  seed: (store: Store, clock: Clock) => Promise<void>;
  requestLogSize: number;
  sandboxIdleMs: number;
  maxSandboxes: number;
  /** Real time for sandbox idleness (not mock time: moving a sandbox's clock must not expire it). */
  realNow: () => number;
  random?: () => number;
  persistence?: WorldPersistence;
  /** Memory bounds for sandboxes (Settings.sandboxLimits). */
  limits: SandboxLimits;
}

export interface Worlds {
  readonly main: LiveWorld;
  get(id: string): LiveWorld | undefined;
  createSandbox(seed?: (store: Store, clock: Clock) => Promise<void>): Promise<LiveWorld>;
  /** Put back a sandbox kept in the state database. */
  adoptSandbox(sandbox: LiveWorld): void;
  /** False when there is no such sandbox; throws when its deletion could not be made durable. */
  deleteSandbox(id: string): boolean;
  /** Keep a world's clock after a change (no-op without --state); throws when it cannot. */
  saveClock(world: LiveWorld): void;
  /** Keep a sandbox's size after fixtures were added to it (no-op without --state); throws when it cannot. */
  saveSize(world: LiveWorld): void;
  readonly limits: SandboxLimits;
  sandboxes(): LiveWorld[];
  /** Drop idle sandboxes; returns how many. */
  expireIdle(): number;
  record(live: LiveWorld, entry: LoggedRequest): void;
  /** A world's request log, oldest first: at most requestLogSize entries. */
  requests(live: LiveWorld): LoggedRequest[];
  takeFault(live: LiveWorld, operationId: string): Fault | undefined;
}

const TRIM_BATCH = 64;

export function createLiveWorld(id: string, store: Store, clock: ControllableClock, now: number): LiveWorld {
  return { world: { id, store, clock }, faults: [], requests: [], coverage: createCoverageLog(), lastUsed: now, createdAt: clock.now(), lastUsedAt: clock.now(), bytes: 0 };
}

export function createWorlds(main: LiveWorld, options: WorldsOptions): Worlds {
  const sandboxes = new Map<string, LiveWorld>();
  const random = options.random ?? Math.random;
  const persistence = options.persistence;
  const { limits } = options;
  const worlds: Worlds = {
    main,
    get(id) {
      const found = sandboxes.get(id);
      if (found) {
        found.lastUsed = options.realNow();
        found.lastUsedAt = found.world.clock.now();
      }
      return found;
    },
    async createSandbox(seed = options.seed) {
      worlds.expireIdle();
      if (sandboxes.size >= options.maxSandboxes) return Promise.reject(new RangeError(`at most ${options.maxSandboxes} sandboxes`));
      const id = randomUUID();
      const clock = createClock();
      clock.set(main.world.clock.now());
      const store = persistence?.createStore(id) ?? createMemoryStore();
      const created = createLiveWorld(id, store, clock, options.realNow());
      try {
        await seed(store, clock);
        created.bytes = Buffer.byteLength(JSON.stringify(await store.snapshot()));
        if (created.bytes > limits.sandboxBytes) {
          throw new SandboxLimitError('sandbox', `the sandbox's state would take ${created.bytes} bytes; the limit per sandbox is ${limits.sandboxBytes} bytes`);
        }
        const used = [...sandboxes.values()].reduce((sum, s) => sum + s.bytes, 0);
        if (used + created.bytes > limits.totalBytes) {
          throw new SandboxLimitError('total', `all sandboxes together may hold ${limits.totalBytes} bytes of state; ${used} are in use and this one needs ${created.bytes}: delete sandboxes first`);
        }
        await store.markBaseline();
        persistence?.saveWorld(created);
      } catch (error) {
        try {
          persistence?.deleteWorld(id);
        } catch {
          // Rows of a world never saved are dropped at the next start.
        }
        throw error;
      }
      sandboxes.set(id, created);
      return created;
    },
    adoptSandbox: (sandbox) => void sandboxes.set(sandbox.world.id, sandbox),
    deleteSandbox(id) {
      if (!sandboxes.has(id)) return false;
      persistence?.deleteWorld(id);
      return sandboxes.delete(id);
    },
    saveClock: (target) => persistence?.saveClock(target),
    saveSize: (target) => persistence?.saveWorld(target),
    limits,
    sandboxes: () => [...sandboxes.values()],
    expireIdle() {
      const cutoff = options.realNow() - options.sandboxIdleMs;
      let removed = 0;
      for (const [id, sandbox] of sandboxes) {
        if (sandbox.lastUsed < cutoff) {
          try {
            persistence?.deleteWorld(id);
          } catch {
            continue; // kept until its deletion can be written
          }
          sandboxes.delete(id);
          removed++;
        }
      }
      return removed;
    },
    record(target, entry) {
      const log = target.requests;
      log.push(entry);
      recordCoverage(target.coverage, entry.operation_id, entry.status, outcomeOfAuth(entry.auth));
      // Trim in batches (a splice per request moves the whole log every time); readers see the newest requestLogSize.
      if (log.length >= options.requestLogSize + TRIM_BATCH) log.splice(0, log.length - options.requestLogSize);
    },
    requests(target) {
      const log = target.requests;
      if (log.length > options.requestLogSize) log.splice(0, log.length - options.requestLogSize);
      return log;
    },
    takeFault(target, operationId) {
      const index = target.faults.findIndex((f) => f.operationId === operationId);
      if (index === -1) return undefined;
      const fault = target.faults[index]!;
      if (fault.probability !== null && random() >= fault.probability) return undefined;
      if (fault.times !== null) {
        fault.times -= 1;
        if (fault.times <= 0) target.faults.splice(index, 1);
      }
      return fault;
    },
  };
  return worlds;
}
