// createApp: compose the Koa app from the documents, the providers, the control API and the worlds (wiring only).

import { resolve as resolvePath } from 'node:path';
import Koa from 'koa';
import type { Settings } from '../config.js';
import { createAdminApi, toOperationOwner } from '../admin/admin-api.js';
import { compileDocuments } from '../engine/compile-documents.js';
import { warmOperations, type CompiledOperation } from '../engine/compile.js';
import type { LoadedDocument } from '../engine/document/load-document.js';
import type { Operation, OperationOwner } from '../engine/types.js';
import { silentLogger, type Logger } from '../logger.js';
import { DEFAULT_DOCUMENT } from '../paths.js';
import type { Provider } from '../providers/provider.js';
import { createClock, monotonicNow, type Clock, type ControllableClock } from '../world/clock.js';
import { createFixtureValidator, seedStore, type FixtureValidator, type Fixtures } from '../world/fixtures.js';
import { createMemoryStore } from '../world/memory-store.js';
import type { Store } from '../world/store.js';
import { startSweeping } from '../world/sweep.js';
import { createLiveWorld, createWorlds, type WorldPersistence, type Worlds } from '../world/worlds.js';
import { createAllowedMethods } from './allowed-methods.js';
import { createDocsMiddleware, DOCS_PATH } from './docs.js';
import { createFallback } from './fallback.js';
import { createFront } from './front.js';
import { createLatency } from './latency.js';
import { createOperationsRouter } from './operations-router.js';
import { createWorldSelection } from './select-world.js';

/** The settings the app itself reads. */
export type AppSettings = Pick<
  Settings,
  'strict' | 'bodyLimit' | 'maxDepth' | 'adminToken' | 'latency' | 'sandboxIdleMs' | 'maxSandboxes' | 'sandboxLimits' | 'requestLogSize' | 'sweepIntervalMs' | 'version'
>;

export interface AppOptions {
  /** The provider document first; the admin document (if any) after it. */
  documents: ReadonlyArray<LoadedDocument>;
  providers: ReadonlyArray<Provider>;
  settings: AppSettings;
  fixtures?: Fixtures;
  clock?: ControllableClock;
  store?: Store;
  logger?: Logger;
  /** Seed the main store from the fixtures at start (false when it was loaded from a state file). */
  seedMainStore?: boolean;
  /** The fixtures validator already built for these providers (else one is compiled here). */
  validateFixtures?: FixtureValidator;
  /** Wait until state changes are durable (graceful shutdown). */
  flush?: () => Promise<void>;
  /** Where sandboxes and clocks are kept across restarts (--state), and the sandboxes it kept. */
  persistence?: WorldPersistence;
  restoreSandboxes?: (worlds: Worlds) => void;
  /** Called by `close()` (e.g. to close the state database). */
  onClose?: () => void;
}

export interface MockApp {
  app: Koa;
  providers: ReadonlyArray<Provider>;
  fixtures: Fixtures;
  worlds: Worlds;
  operations: ReadonlyArray<CompiledOperation>;
  callback(): ReturnType<Koa['callback']>;
  close(): void;
  flush(): Promise<void>;
}

/**
 * Validators still waiting for their first use are compiled this long after start, one operation per turn: compiling
 * blocks the event loop for milliseconds per operation, and the first requests (a client or a test suite that starts
 * with the mock, a SIGTERM soon after) should not queue behind it.
 */
const WARM_UP_DELAY_MS = 1_000;

export async function createApp(options: AppOptions): Promise<MockApp> {
  const { settings, providers } = options;
  const logger = options.logger ?? silentLogger;
  const clock = options.clock ?? createClock();
  const fixtures = options.fixtures ?? {};
  const started = monotonicNow();
  const validateFixtures = options.validateFixtures ?? createFixtureValidator(providers);
  const seed = async (store: Store, c: Clock): Promise<void> => void (await seedStore(store, providers, fixtures, c));

  const store = options.store ?? createMemoryStore();
  if (options.seedMainStore !== false) {
    await seed(store, clock);
    await store.markBaseline();
  }
  const worlds = createWorlds(createLiveWorld('main', store, clock, monotonicNow()), {
    seed,
    requestLogSize: settings.requestLogSize,
    sandboxIdleMs: settings.sandboxIdleMs,
    maxSandboxes: settings.maxSandboxes,
    limits: settings.sandboxLimits,
    realNow: monotonicNow,
    ...(options.persistence ? { persistence: options.persistence } : {}),
  });
  options.restoreSandboxes?.(worlds);

  let operations: ReadonlyArray<Operation> = [];
  const admin = createAdminApi({
    worlds: () => worlds,
    providers,
    validateFixtures,
    operationIds: () => new Set(operations.map((op) => op.operationId)),
    operations: () => operations,
    settings,
    uptimeMs: () => monotonicNow() - started,
  });
  const owners = new Map<string, OperationOwner>([...providers.map((p) => [p.name, p] as const), ['admin', toOperationOwner(admin)]]);
  const basePaths = new Map([...providers.map((p) => [p.name, p.basePath] as const), ['admin', admin.basePath]]);
  const documents = compileDocuments(options.documents, { basePaths, warn: (file, message) => logger.warn({ file }, message) });
  operations = documents.operations.map((c) => c.op);

  const router = createOperationsRouter(documents.routes, documents.operations, (op) => (op.provider ? owners.get(op.provider) : undefined), {
    bodyLimit: settings.bodyLimit,
    maxDepth: settings.maxDepth,
    strict: settings.strict,
    takeFault: (target, operationId) => worlds.takeFault(target, operationId),
  });
  // The API reference at /docs; authmock's own document also shows the control API and the providers' flows.
  const [document, adminDocument] = options.documents.map((d) => d.file);
  const own = document !== undefined && resolvePath(document) === DEFAULT_DOCUMENT;

  const app = new Koa();
  app.silent = true;
  app.use(createFront({ worlds, operations, logger }));
  if (document) app.use(createDocsMiddleware({ document, ...(adminDocument ? { admin: adminDocument } : {}), ...(own ? { flows: providers.map((p) => p.name) } : {}) }));
  app.use(createWorldSelection(worlds));
  if (settings.latency) app.use(createLatency(settings.latency));
  app.use(router.routes());
  // After the routes, as @koa/router designs it: only requests no route took (OPTIONS, 405) reach it.
  app.use(createAllowedMethods(router));
  app.use(createFallback({ operations, providers, docsPath: document ? DOCS_PATH : undefined }));

  // Compile what still waits for its first use, after WARM_UP_DELAY_MS, one operation per turn of the event loop.
  let closed = false;
  const warm = setTimeout(() => void warmOperations(documents.operations, () => closed), WARM_UP_DELAY_MS);
  warm.unref();
  const stopSweeping = startSweeping(worlds, providers, settings.sweepIntervalMs, logger);

  return {
    app,
    providers,
    fixtures,
    worlds,
    operations: documents.operations,
    callback: () => app.callback(),
    close: () => {
      closed = true;
      clearTimeout(warm);
      stopSweeping();
      options.onClose?.();
    },
    flush: options.flush ?? (async () => undefined),
  };
}
