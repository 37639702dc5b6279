// The control API (/__admin), with its own small contract: reset, fixtures, state, clock, request log, faults, sandboxes.

import { randomUUID } from 'node:crypto';
import { parseDuration, suggestDuration, toIso, type ControllableClock } from '../world/clock.js';
import { MockError } from '../engine/errors.js';
import { problemResponse } from '../engine/render.js';
import type { Fault } from '../engine/run.js';
import { SandboxLimitError, toRequestRecord, type Worlds, type LiveWorld } from '../world/worlds.js';
import { safeEqual } from '../engine/secrets.js';
import { seedStore, type FixtureValidator, type Fixtures } from '../world/fixtures.js';
import { unwritable } from '../world/memory-store.js';
import type { Handler, HandlerContext, Operation, OperationOwner, World } from '../engine/types.js';
import type { Settings } from '../config.js';
import type { Provider } from '../providers/provider.js';
import { checkFaultProblem, createCredentialHandlers } from './admin-credentials.js';

export interface AdminOptions {
  worlds: () => Worlds;
  providers: ReadonlyArray<Provider>;
  validateFixtures: FixtureValidator;
  operationIds: () => ReadonlySet<string>;
  /** Every operation of the documents served (coverage and fault problems read them). */
  operations: () => ReadonlyArray<Operation>;
  settings: Pick<Settings, 'adminToken' | 'version' | 'sandboxIdleMs'>;
  uptimeMs: () => number;
}

/** What the control API gives the server: its handlers by operationId, and its one access rule. */
export interface AdminApi {
  /** Where the admin document's operations live. */
  readonly basePath: string;
  readonly handlers: Readonly<Record<string, Handler>>;
  /**
   * The admin token rule: with --admin-token, a request must send that token; a token sent to an authmock without
   * one is refused too. `credential` is the bearer token sent (undefined: none). Undefined when the request may pass.
   */
  authorize(credential: string | undefined): MockError | undefined;
}

/** The security scheme of the admin document that carries the admin token. */
const ADMIN_SCHEME = 'AdminToken';

type Obj = Record<string, unknown>;
const iso = toIso;

const clockBody = (world: World): Obj => {
  const state = world.clock.state();
  return { now: iso(state.now), offset_ms: Math.round(state.offsetMs), frozen: state.frozen };
};

/** A limit a sandbox would break, as the admin API answers it. */
const limitError = (error: SandboxLimitError): MockError =>
  error.limit === 'sandbox' ? new MockError('request.body_too_large', error.message, { pointer: '/body/fixtures' }) : new MockError('admin.limit', error.message);

/** Apply a clock change; when it cannot be kept (--state), put the clock back and fail with the store's error. */
function changeClock(clock: ControllableClock, change: () => void, keep: () => void): void {
  const before = clock.saved();
  try {
    change();
    keep();
  } catch (error) {
    clock.restore(before);
    throw error;
  }
}

const faultBody = (f: Fault): Obj => ({
  id: f.id,
  operation_id: f.operationId,
  latency_ms: f.latencyMs,
  status: f.status,
  times: f.times,
  probability: f.probability,
  problem: f.problem ?? null,
});

export function createAdminApi(options: AdminOptions): AdminApi {
  const liveWorldOf = (world: World): LiveWorld => options.worlds().get(world.id) ?? options.worlds().main;
  const body = (ctx: HandlerContext): Obj => (ctx.req.body ?? {}) as Obj;

  const credentialOptions = { providers: options.providers, operations: options.operations, liveWorldOf };
  const handlers: Record<string, Handler> = {
    ...createCredentialHandlers(credentialOptions),
    adminHealth: () => ({ status: 200, body: { status: 'ok', uptime_ms: Math.round(options.uptimeMs()), version: options.settings.version } }),
    adminReset: async ({ world }) => {
      // The clock is left where it is (POST /__admin/clock {"real":true} goes back to real time).
      await world.store.reset();
      const live = liveWorldOf(world);
      live.faults.length = 0;
      live.requests.length = 0;
      live.coverage.clear();
      return { status: 200, body: { reset: true } };
    },
    adminAddFixtures: async (ctx) => {
      let fixtures: Fixtures;
      try {
        fixtures = options.validateFixtures('request body', ctx.req.body);
      } catch (error) {
        throw new MockError('validation.failed', (error as Error).message, { pointer: `/body${(error as { path?: string }).path ?? ''}` });
      }
      const target = liveWorldOf(ctx.world);
      if (target !== options.worlds().main) {
        const { sandboxBytes } = options.worlds().limits;
        const grows = Buffer.byteLength(JSON.stringify(fixtures));
        if (target.bytes + grows > sandboxBytes) {
          throw new MockError('request.body_too_large', `this sandbox holds ${target.bytes} bytes of state and these fixtures add ${grows}; the limit per sandbox is ${sandboxBytes} bytes`, { pointer: '/body' });
        }
      }
      try {
        const added = await seedStore(ctx.world.store, options.providers, fixtures, ctx.world.clock);
        if (target !== options.worlds().main) {
          target.bytes += Buffer.byteLength(JSON.stringify(fixtures));
          options.worlds().saveSize(target);
        }
        return { status: 200, body: { added: { ...Object.fromEntries(options.providers.map((p) => [p.name, 0])), ...added } } };
      } catch (error) {
        if (error instanceof MockError) throw error;
        throw new MockError('validation.failed', `fixtures could not be added: ${(error as Error).message}`);
      }
    },
    adminGetState: async ({ world }) => {
      const env = { clock: world.clock };
      const providers = await world.store.read((tx) =>
        Object.fromEntries(options.providers.map((p) => [p.name, p.describeState(tx, env) as Obj])),
      );
      return { status: 200, body: { now: iso(world.clock.now()), providers } };
    },
    adminGetClock: ({ world }) => ({ status: 200, body: clockBody(world) }),
    adminSetClock: (ctx) => {
      const { advance, set, freeze, real } = body(ctx);
      const { clock } = ctx.world;
      let advanceMs: number | null = null;
      if (typeof advance === 'string') {
        advanceMs = parseDuration(advance);
        if (advanceMs === null) {
          const suggested = suggestDuration(advance);
          const hint = suggested ? `: write '${suggested}'` : ' such as PT5M (minutes), PT30S, PT2H or P1D';
          throw new MockError('validation.failed', `advance '${advance.slice(0, 40)}' is not an ISO 8601 duration${hint}`, { status: 400, pointer: '/body/advance' });
        }
      }
      let setMs: number | null = null;
      if (typeof set === 'string') {
        setMs = Date.parse(set);
        if (Number.isNaN(setMs)) throw new MockError('validation.failed', 'set is not a date-time such as 2030-01-01T00:00:00Z', { status: 400, pointer: '/body/set' });
      }
      const move = (): void => {
        if (real === true) clock.real();
        if (setMs !== null) clock.set(setMs);
        if (advanceMs !== null) clock.advance(advanceMs);
        if (typeof freeze === 'boolean') clock.freeze(freeze);
      };
      try {
        changeClock(clock, move, () => options.worlds().saveClock(liveWorldOf(ctx.world)));
      } catch (error) {
        if (!(error instanceof RangeError)) throw error instanceof MockError ? error : unwritable(error);
        throw new MockError('validation.failed', error.message, { status: 400, pointer: advanceMs !== null ? '/body/advance' : '/body/set' });
      }
      return { status: 200, body: clockBody(ctx.world) };
    },
    adminListRequests: (ctx) => {
      const limit = Number((ctx.req.query['limit'] as string | undefined) ?? 100);
      const requests = options.worlds().requests(liveWorldOf(ctx.world));
      return { status: 200, body: { requests: requests.slice(-Math.max(1, Math.min(limit, 1000))).reverse().map(toRequestRecord) } };
    },
    adminAddFault: (ctx) => {
      const b = body(ctx);
      const operationId = String(b['operation_id']);
      if (!options.operationIds().has(operationId)) throw new MockError('state.not_found', `no operation '${operationId.slice(0, 80)}' in the document`, { pointer: '/body/operation_id' });
      // A fault on the control API itself could lock the way to remove it (adminClearFaults, adminReset).
      if (Object.hasOwn(handlers, operationId)) {
        throw new MockError('validation.failed', `'${operationId}' is an operation of the admin API; faults apply to provider operations only`, { status: 400, pointer: '/body/operation_id' });
      }
      // status (400-599) and latency_ms (at most 60 s) are bounded by the admin document's FaultRequest schema.
      const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
      const fault: Fault = {
        id: randomUUID(),
        operationId,
        latencyMs: num(b['latency_ms']),
        status: num(b['status']),
        times: num(b['times']),
        probability: num(b['probability']),
        problem: checkFaultProblem(credentialOptions, operationId, b['problem']),
      };
      liveWorldOf(ctx.world).faults.push(fault);
      return { status: 201, body: faultBody(fault) };
    },
    adminListFaults: ({ world }) => ({ status: 200, body: { faults: liveWorldOf(world).faults.map(faultBody) } }),
    adminClearFaults: ({ world }) => {
      const faults = liveWorldOf(world).faults;
      const cleared = faults.length;
      faults.length = 0;
      return { status: 200, body: { cleared } };
    },
    adminCreateSandbox: async (ctx) => {
      const extra = body(ctx)['fixtures'];
      const worlds = options.worlds();
      const given = extra === undefined ? 0 : Buffer.byteLength(JSON.stringify(extra));
      if (given > worlds.limits.sandboxBytes) {
        throw new MockError('request.body_too_large', `the sandbox's fixtures are ${given} bytes; the limit per sandbox is ${worlds.limits.sandboxBytes} bytes`, { pointer: '/body/fixtures' });
      }
      let created: LiveWorld;
      try {
        created = await worlds.createSandbox(
          extra === undefined
            ? undefined
            : async (store, clock) => {
                await seedStore(store, options.providers, options.validateFixtures('body.fixtures', extra), clock);
              },
        );
      } catch (error) {
        if (error instanceof RangeError) throw new MockError('admin.limit', error.message);
        if (error instanceof SandboxLimitError) throw limitError(error);
        if (error instanceof MockError && error.code === 'state.unwritable') throw error;
        throw new MockError('validation.failed', (error as Error).message, { pointer: '/body/fixtures' });
      }
      const id = created.world.id;
      return { status: 201, body: { id, base_path: `/_sandbox/${id}`, expires_idle_ms: options.settings.sandboxIdleMs } };
    },
    adminListSandboxes: () => ({
      status: 200,
      body: {
        sandboxes: options.worlds().sandboxes().map((s) => ({ id: s.world.id, created: iso(s.createdAt), last_used: iso(s.lastUsedAt) })),
      },
    }),
    adminDeleteSandbox: (ctx) => {
      const id = String(ctx.req.params['id']);
      let deleted: boolean;
      try {
        deleted = options.worlds().deleteSandbox(id);
      } catch (error) {
        throw unwritable(error);
      }
      if (!deleted) throw new MockError('state.not_found', 'no such sandbox');
      return { status: 204 };
    },
  };

  const { adminToken } = options.settings;
  return {
    basePath: '/__admin',
    handlers,
    authorize(credential) {
      if (credential === undefined) {
        return adminToken === undefined ? undefined : new MockError('admin.unauthorized', 'this authmock runs with --admin-token: send Authorization: Bearer <token>');
      }
      return adminToken !== undefined && safeEqual(credential, adminToken) ? undefined : new MockError('admin.unauthorized', 'admin token is not valid');
    },
  };
}

/** The control API as the engine runs it: problem+json errors, the admin token as the verifier of its scheme. */
export function toOperationOwner(api: AdminApi): OperationOwner {
  const guard =
    (handler: Handler): Handler =>
    (ctx) => {
      const refused = ctx.auth.principals.has(ADMIN_SCHEME) ? undefined : api.authorize(undefined);
      if (refused) throw refused;
      return handler(ctx);
    };
  return {
    renderError: (error) => problemResponse(error),
    verifiers: {
      [ADMIN_SCHEME]: ({ credential }) => {
        const refused = api.authorize(credential);
        return refused ? { ok: false, error: refused } : { ok: true, principal: { admin: true } };
      },
    },
    handlers: Object.fromEntries(Object.entries(api.handlers).map(([id, h]) => [id, guard(h)])),
  };
}
