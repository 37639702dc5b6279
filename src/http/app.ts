// createApp: assemble the Koa app from the documents, the providers and a world — wiring only, no logic.

import { resolve as resolvePath } from 'node:path';
import Koa from 'koa';
import Router from '@koa/router';
import { createClock, monotonicNow, toIso, type Clock, type ControllableClock } from '../world/clock.js';
import { createAdminProvider } from '../admin/admin-provider.js';
import { MockError } from '../engine/errors.js';
import { createDocsMiddleware, DOCS_PATH } from './docs.js';
import { indexResponse, nearestOperations } from './not-found.js';
import { createOperationMiddleware, respondError, toHeaderBag } from './handle-operation.js';
import { credentialHeaderNames, findCredential, maskBody, maskHeaders } from './request-log.js';
import type { RequestState } from './request-state.js';
import { CORS_HEADERS, sendResponse } from './send.js';
import { compileOperation, warmOperations, type CompiledOperation } from '../engine/compile.js';
import { problemResponse } from '../engine/render.js';
import {
  createWorlds,
  createLiveWorld,
  type LoggedRequest,
  type Worlds,
  type SandboxLimits,
  type WorldPersistence,
  type LiveWorld,
} from '../world/worlds.js';
import { buildOperationIndex } from '../engine/document/operation-index.js';
import { DEFAULT_DOCUMENT } from '../paths.js';
import type { LoadedDocument } from '../engine/document/load-document.js';
import { createFixtureValidator, seedStore, type FixtureValidator, type Fixtures } from '../world/fixtures.js';
import { createMemoryStore } from '../world/memory-store.js';
import type { Store } from '../world/store.js';
import type { Operation } from '../engine/types.js';
import type { Provider } from '../providers/provider.js';
import { createAjvSet, schemaSourceOf } from '../engine/validate/ajv.js';

export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  /** pino's: false when `info` lines are dropped anyway, so that nothing is formatted for them. */
  isLevelEnabled?(level: string): boolean;
}

export interface AppOptions {
  /** The provider document first; the admin document (if any) after it. */
  specs: ReadonlyArray<LoadedDocument>;
  providers: ReadonlyArray<Provider>;
  fixtures?: Fixtures;
  clock?: ControllableClock;
  store?: Store;
  logger?: Logger;
  /** Response mismatches become 500s (default true). */
  strict?: boolean;
  bodyLimit?: number;
  maxDepth?: number;
  adminToken?: string;
  sandboxIdleMs?: number;
  maxSandboxes?: number;
  requestLogSize?: number;
  /** Added latency per request, a random value in [min, max] ms. */
  latency?: { minMs: number; maxMs: number };
  version?: string;
  sweepIntervalMs?: number;
  /** Seed the main store from the fixtures at start (false when it was loaded from a state file). */
  seedMainStore?: boolean;
  /** The fixtures validator already built for these providers (else one is compiled here). */
  validateFixtures?: FixtureValidator;
  /** Wait until state changes are durable (graceful shutdown). */
  flush?: () => Promise<void>;
  /** Where sandboxes and clocks are kept across restarts (--state). */
  persistence?: WorldPersistence;
  /** Put back the sandboxes kept by `persistence`. */
  restoreSandboxes?: (runtime: Worlds) => void;
  sandboxLimits?: SandboxLimits;
  /** Called by `close()` (e.g. to close the state database). */
  onClose?: () => void;
}

export interface MockApp {
  app: Koa;
  providers: ReadonlyArray<Provider>;
  fixtures: Fixtures;
  runtime: Worlds;
  operations: ReadonlyArray<CompiledOperation>;
  callback(): ReturnType<Koa['callback']>;
  close(): void;
  flush(): Promise<void>;
}

const HEADER_LIST = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+(?:[ \t]*,[ \t]*[A-Za-z0-9!#$%&'*+.^_`|~-]+)*$/;

const silentLogger: Logger = { info() {}, warn() {}, error() {}, isLevelEnabled: () => false };
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** `/a/{id}/b` → a RegExp for the 405 check. */
const templateRegex = (path: string): RegExp =>
  new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+').replace(/\{[^}]+\}/g, '[^/]+')}/?$`);

/** `/provider/api/v2/test` → `/provider` (lower case); `/` → `/`. */
const firstSegment = (path: string): string => {
  const slash = path.indexOf('/', 1);
  return (slash === -1 ? path : path.slice(0, slash)).toLowerCase();
};

const koaPath = (path: string): string => path.replace(/\{([^}]+)\}/g, (_, name: string) => `:${name.replace(/[^A-Za-z0-9_]/g, '_')}`);

export async function createApp(options: AppOptions): Promise<MockApp> {
  const logger = options.logger ?? silentLogger;
  // Asked once: the log line's time is made into text only when request lines are written at all.
  const logRequests = logger.isLevelEnabled?.('info') !== false;
  const strict = options.strict ?? true;
  const clock = options.clock ?? createClock();
  const started = monotonicNow();
  const fixtures = options.fixtures ?? {};
  const providers = [...options.providers];
  const validateFixtures = options.validateFixtures ?? createFixtureValidator(providers);
  const seed = async (store: Store, c: Clock): Promise<void> => void (await seedStore(store, providers, fixtures, c));

  let runtime: Worlds | undefined;
  const operationIds = new Set<string>();
  const operations: Operation[] = [];
  const admin = createAdminProvider({
    runtime: () => runtime!,
    providers,
    validateFixtures,
    operationIds: () => operationIds,
    operations: () => operations,
    adminToken: options.adminToken,
    version: options.version ?? '0.0.0',
    uptimeMs: () => monotonicNow() - started,
    sandboxIdleMs: options.sandboxIdleMs ?? 30 * 60_000,
  });
  const allProviders = [...providers, admin];
  const basePaths = new Map(allProviders.map((p) => [p.name, p.basePath]));
  const byName = new Map(allProviders.map((p) => [p.name, p]));

  const compiled: CompiledOperation[] = [];
  for (const spec of options.specs) {
    const ops = buildOperationIndex(spec, basePaths);
    const ajv = createAjvSet(spec.document.openapi, { schemas: schemaSourceOf(spec), warn: (message) => logger.warn({ file: spec.file }, message) });
    for (const op of ops) {
      operationIds.add(op.operationId);
      operations.push(op);
      compiled.push(compileOperation(op, ajv));
    }
  }

  const store = options.store ?? createMemoryStore();
  if (options.seedMainStore !== false) {
    await seed(store, clock);
    await store.markBaseline();
  }
  runtime = createWorlds(createLiveWorld('main', store, clock, monotonicNow()), {
    seed,
    requestLogSize: options.requestLogSize ?? 500,
    sandboxIdleMs: options.sandboxIdleMs ?? 30 * 60_000,
    maxSandboxes: options.maxSandboxes ?? 100,
    realNow: monotonicNow,
    ...(options.persistence ? { persistence: options.persistence } : {}),
    ...(options.sandboxLimits ? { limits: options.sandboxLimits } : {}),
  });
  options.restoreSandboxes?.(runtime);
  const rt = runtime;

  // One router per first path segment (one per provider mount): @koa/router tests every route of a router on every
  // request, so a request only meets the routes that can match it. Operations whose first segment is templated go
  // to a router that is always asked after the segment's own.
  const routers = new Map<string, Router>();
  const anyFirstSegment = new Router();
  const routerFor = (path: string): Router => {
    const segment = firstSegment(path);
    if (segment.includes('{')) return anyFirstSegment;
    let router = routers.get(segment);
    if (!router) routers.set(segment, (router = new Router()));
    return router;
  };
  const middlewareOptions = {
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    maxDepth: options.maxDepth ?? 32,
    strict,
    takeFault: (target: LiveWorld, operationId: string) => rt.takeFault(target, operationId),
  };
  for (const c of compiled) {
    const provider = c.op.provider ? byName.get(c.op.provider) : undefined;
    routerFor(c.op.path).register(koaPath(c.op.path), [c.op.method], createOperationMiddleware(c, provider, middlewareOptions), {
      name: c.op.operationId,
    });
  }
  const matchers = groupByPath(compiled.map((c) => c.op));

  const app = new Koa();
  app.silent = true;

  // The API reference at /docs (Swagger UI; "try it" goes to this mock).
  const docsDocument = options.specs[0]?.file;
  // authmock's own document also shows the control API and the flows of the providers it runs.
  const own = docsDocument !== undefined && resolvePath(docsDocument) === DEFAULT_DOCUMENT;
  const adminDocument = options.specs[1]?.file;
  const docs = docsDocument
    ? createDocsMiddleware({
        document: docsDocument,
        ...(adminDocument ? { admin: adminDocument } : {}),
        ...(own ? { flows: providers.map((p) => p.name) } : {}),
      })
    : undefined;

  /** Sandboxes: /_sandbox/{id}/... or X-Mock-Sandbox: {id}. False when the request was answered (no such sandbox). */
  const selectWorld = (ctx: Koa.Context, state: RequestState): boolean => {
    let id: string | undefined;
    if (ctx.path.startsWith('/_sandbox/')) {
      const rest = ctx.path.slice('/_sandbox/'.length);
      const slash = rest.indexOf('/');
      id = slash === -1 ? rest : rest.slice(0, slash);
      ctx.path = slash === -1 ? '/' : rest.slice(slash);
    } else {
      const header = state.headers['x-mock-sandbox'];
      if (header) id = Array.isArray(header) ? header.join(', ') : header;
    }
    if (id === undefined) return true;
    const found = rt.get(id);
    if (!found) {
      respondError(ctx, state, new MockError('state.not_found', 'no such sandbox (it may have expired): create one with POST /__admin/sandboxes'), undefined);
      return false;
    }
    state.runtime = found;
    return true;
  };

  /** CORS preflight and plain OPTIONS for every documented path; false when the path is not documented. */
  const answerOptions = (ctx: Koa.Context): boolean => {
    const methods = allowedMethods(matchers, ctx.path);
    if (!methods) return false;
    ctx.respond = false;
    ctx.status = 204;
    ctx.res.writeHead(204, {
      ...CORS_HEADERS,
      allow: methods.join(', '),
      'access-control-allow-methods': methods.join(', '),
      // Echo the requested header names only when they are a plain token list; anything else could smuggle bytes.
      'access-control-allow-headers': HEADER_LIST.test(ctx.get('access-control-request-headers')) ? ctx.get('access-control-request-headers') : '*',
      'access-control-max-age': '600',
    });
    ctx.res.end();
    return true;
  };

  /** Everything after /docs: the world (sandbox), added latency, OPTIONS, then the router. */
  const serve = async (ctx: Koa.Context, next: Koa.Next): Promise<void> => {
    const state = ctx.state as RequestState;
    if (!selectWorld(ctx, state)) return;
    if (options.latency) {
      const { minMs, maxMs } = options.latency;
      await sleep(minMs + Math.random() * (maxMs - minMs));
    }
    if (ctx.method === 'OPTIONS' && answerOptions(ctx)) return;
    await next();
  };

  const securityOf = new Map(compiled.map((c) => [c.op.operationId, c.op.security]));
  const credentialHeaders = new Map(compiled.map((c) => [c.op.operationId, credentialHeaderNames(c.op.security)]));
  const noHeaders = new Set<string>();
  /** What the request log keeps: the problem text whole, headers and body masked, the credential sent (masked). */
  const toLoggedRequest = (ctx: Koa.Context, state: RequestState, begin: number): LoggedRequest => {
    const problem = ctx.res.getHeader('x-mock-problem');
    const security = state.operationId ? securityOf.get(state.operationId) : undefined;
    return {
      at: state.runtime.world.clock.now(),
      method: ctx.method,
      path: ctx.path,
      operation_id: state.operationId,
      status: ctx.status,
      auth: state.auth,
      credential: security ? findCredential(security, state.headers, ctx.query) : null,
      problem: typeof problem === 'string' ? problem : null,
      duration_ms: Math.round((monotonicNow() - begin) * 1000) / 1000,
      request_headers: maskHeaders(state.headers, (state.operationId && credentialHeaders.get(state.operationId)) || noHeaders),
      request_body: maskBody(state.body) as LoggedRequest['request_body'],
    };
  };

  // One front middleware (error boundary, request log, docs, sandboxes, OPTIONS): each extra Koa layer costs every
  // request a dispatch and a promise, and these need none of their own.
  app.use(async (ctx, next) => {
    const begin = monotonicNow();
    const state = ctx.state as RequestState;
    state.runtime = rt.main;
    state.operationId = null;
    state.auth = 'none';
    state.problem = null;
    state.body = undefined;
    state.headers = toHeaderBag(ctx);
    try {
      const path = ctx.path;
      if (docs && path.startsWith(DOCS_PATH) && (path.length === DOCS_PATH.length || path[DOCS_PATH.length] === '/')) {
        await docs(ctx, () => serve(ctx, next));
      } else {
        await serve(ctx, next);
      }
    } catch (error) {
      const mockError =
        error instanceof MockError
          ? error
          : error instanceof URIError
            ? new MockError('request.parameter_invalid', 'the URL has a malformed percent-encoding')
            : new MockError('internal', 'authmock failed while answering; see its log');
      if (!(error instanceof MockError) && !(error instanceof URIError)) {
        logger.error({ err: { message: (error as Error).message, stack: (error as Error).stack }, path: ctx.path }, 'request failed');
      }
      respondError(ctx, state, mockError, undefined);
    }
    const entry = toLoggedRequest(ctx, state, begin);
    rt.record(state.runtime, entry);
    if (logRequests) {
      const { at, request_headers: _h, request_body: _b, credential: _c, ...line } = entry;
      // `time` is the logger's (real time); the mock clock, which tests move, is `mockTime`.
      logger.info({ ...line, mockTime: toIso(at) }, 'request');
    }
  });

  const routes = new Map<string, Koa.Middleware>([...routers].map(([segment, router]) => [segment, dispatchTo(router)]));
  const anyRoutes = anyFirstSegment.stack.length > 0 ? dispatchTo(anyFirstSegment) : undefined;
  app.use((ctx, next) => {
    const own = routes.get(firstSegment(ctx.path)); // lower case: @koa/router matches case-insensitively
    const rest = anyRoutes ? () => anyRoutes(ctx, next) : next;
    return own ? own(ctx, rest) : rest();
  });

  // Nothing matched: 405 with Allow when the path exists, else 404 naming the nearest documented operations;
  // `GET /` (when the document has no such operation) points to the docs and the base URLs. Problem+json: no
  // provider owns these.
  const documented = compiled.map((c) => c.op);
  app.use(async (ctx) => {
    const state = ctx.state as RequestState;
    const methods = allowedMethods(matchers, ctx.path);
    if (!methods && ctx.path === '/' && (ctx.method === 'GET' || ctx.method === 'HEAD')) {
      const wantsHtml = /text\/html/.test(ctx.get('accept'));
      // The Host the client used (when it is a plain host[:port]), so that the links work from a phone too.
      const host = ctx.get('host');
      const origin = /^[A-Za-z0-9.:[\]-]{1,255}$/.test(host) ? `${ctx.protocol}://${host}` : '';
      const info = { origin, providers, docsPath: docs ? DOCS_PATH : undefined };
      sendResponse(ctx, indexResponse(info, wantsHtml), []);
      return;
    }
    const nearest = methods ? [] : nearestOperations(documented, ctx.method, ctx.path);
    const error = methods
      ? new MockError('route.method_not_allowed', `${ctx.method} is not documented for ${ctx.path}; allowed: ${methods.join(', ')}`)
      : new MockError(
          'route.not_found',
          `no operation in the document matches ${ctx.method} ${ctx.path}${nearest.length ? `; nearest: ${nearest.map((n) => `${n.method} ${n.path}`).join(', ')}` : ''}`,
        );
    state.problem = error.code;
    const response = problemResponse(error, ctx.path);
    if (methods) response.headers = { ...response.headers, allow: methods.join(', ') };
    if (nearest.length) response.body = { ...(response.body as object), closest: nearest.map((n) => ({ method: n.method, path: n.path, operation_id: n.operationId })) };
    sendResponse(ctx, response, [{ code: error.code, detail: error.message }]);
  });

  // Compile what waits for its first use (another document's operations), then save newly compiled validators for
  // the next start, off the start-up path.
  let closed = false;
  setImmediate(() => void warmOperations(compiled, () => closed));

  // A sweep that cannot be written (disk full) changes nothing and is tried again at the next interval.
  const sweep = setInterval(
    () => void sweepAll(rt, providers).catch((error: unknown) => logger.warn({ reason: (error as Error).message }, 'expired sessions could not be swept')),
    options.sweepIntervalMs ?? 30_000,
  );
  sweep.unref();

  return {
    app,
    providers,
    fixtures,
    runtime: rt,
    operations: compiled,
    callback: () => app.callback(),
    close: () => {
      closed = true;
      clearInterval(sweep);
      options.onClose?.();
    },
    flush: options.flush ?? (async () => undefined),
  };
}

async function sweepAll(rt: Worlds, providers: ReadonlyArray<Provider>): Promise<void> {
  for (const target of [rt.main, ...rt.sandboxes()] as LiveWorld[]) {
    const now = target.world.clock.now();
    await target.world.store.write((tx) => {
      for (const p of providers) p.sweep?.(tx, now);
    });
  }
  rt.expireIdle();
}

/**
 * Run the operation a router matches, as its `routes()` middleware would, without what that middleware does per
 * request and authmock never uses: it reads `ctx.host` (so Node builds its own header object), and builds and
 * composes a middleware chain. Every layer here is one operation's middleware, which never calls `next`, so the
 * first layer that matches path and method is the one `routes()` would have run.
 */
function dispatchTo(router: Router): Koa.Middleware {
  return (ctx, next) => {
    const path = ctx.path;
    const layer = router.match(path, ctx.method).pathAndMethod[0];
    if (!layer) return next();
    (ctx as unknown as { params: Record<string, string> }).params = layer.params(path, layer.captures(path), {});
    return (layer.stack[0] as Koa.Middleware)(ctx, next);
  };
}

interface PathMatcher {
  regex: RegExp;
  methods: Set<string>;
}

function groupByPath(ops: ReadonlyArray<Operation>): PathMatcher[] {
  const byPath = new Map<string, PathMatcher>();
  for (const op of ops) {
    let m = byPath.get(op.path);
    if (!m) byPath.set(op.path, (m = { regex: templateRegex(op.path), methods: new Set() }));
    m.methods.add(op.method);
    if (op.method === 'GET') m.methods.add('HEAD');
  }
  // Literal paths before templated ones.
  return [...byPath.entries()].sort(([a], [b]) => Number(a.includes('{')) - Number(b.includes('{'))).map(([, m]) => m);
}

function allowedMethods(matchers: ReadonlyArray<PathMatcher>, path: string): string[] | undefined {
  const methods = new Set<string>();
  for (const m of matchers) if (m.regex.test(path)) for (const x of m.methods) methods.add(x);
  if (methods.size === 0) return undefined;
  methods.add('OPTIONS');
  return [...methods];
}
