// Start authmock on a socket: load the documents and fixtures, create the providers and the app, listen.

import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createApp, type AppOptions, type Logger, type MockApp } from './app.js';
import type { ControllableClock } from './clock.js';
import { ADMIN_DOCUMENT, DEFAULT_DOCUMENT, DEFAULT_FIXTURES } from './paths.js';
import { createProviders, type ProviderOptions } from './providers/index.js';
import { loadSpec } from './spec/load-spec.js';
import { defaultCacheDir, ensurePrivateDir } from './spec/cache-dir.js';
import { createAjvSet } from './validation/ajv.js';
import { openValidatorCache } from './validation/precompiled.js';
import { createFixtureValidator, loadFixtures, seedStore } from './state/fixtures.js';
import { createMemoryStore } from './state/memory-store.js';
import { createFilePersistence } from './state/persistence.js';
import { createClock } from './clock.js';
import type { Snapshot, Store } from './state/store.js';

export interface ServerOptions {
  document?: string;
  fixtures?: string;
  host?: string;
  port?: number;
  /** Only these providers (names); default all. */
  providers?: ReadonlyArray<string>;
  providerOptions?: ProviderOptions;
  clock?: ControllableClock;
  store?: Store;
  logger?: Logger;
  strict?: boolean;
  adminToken?: string;
  bodyLimit?: number;
  latency?: AppOptions['latency'];
  tls?: { cert: Buffer; key: Buffer };
  version?: string;
  /** Keep state across restarts in this file. */
  stateFile?: string;
  /** Start from the fixtures even if the state file is unreadable (it is then replaced). */
  resetState?: boolean;
  /** Start-up cache (validated documents, precompiled validators): default ~/.cache/authmock; null turns it off. */
  cacheDir?: string | null;
  /** Start from this state (e.g. the live state before a --watch reload); the fixtures are seeded over it. */
  initial?: Snapshot;
}

export interface RunningServer {
  url: string;
  mock: MockApp;
  server: Server;
  close(): Promise<void>;
}

export async function buildApp(options: ServerOptions): Promise<MockApp> {
  const document = options.document ?? DEFAULT_DOCUMENT;
  const wanted = options.cacheDir === undefined ? defaultCacheDir() : options.cacheDir;
  const cacheDir = wanted !== null && (await ensurePrivateDir(wanted)) ? wanted : null;
  const [spec, admin] = await Promise.all([loadSpec(document, { cacheDir }), loadSpec(ADMIN_DOCUMENT, { cacheDir })]);
  const all = createProviders(options.providerOptions ?? {});
  const providers = options.providers ? all.filter((p) => options.providers!.includes(p.name)) : all;
  const fixtureCompiler = cacheDir ? createAjvSet('3.1.0', await openValidatorCache(cacheDir, 'fixture-schemas')) : undefined;
  const validateFixtures = createFixtureValidator(providers, fixtureCompiler?.strict);
  const fixtures = await loadFixtures(options.fixtures ?? DEFAULT_FIXTURES, validateFixtures, { cacheDir });
  if (fixtureCompiler) setImmediate(() => void fixtureCompiler.save());
  const clock = options.clock ?? createClock();
  const appOptions: AppOptions = { specs: [spec, admin], providers, fixtures, clock, validateFixtures };
  /** What `POST /__admin/reset` returns to when the main store does not start from the fixtures. */
  const fixtureBaseline = async (): Promise<Snapshot> => {
    const fresh = createMemoryStore();
    await seedStore(fresh, providers, fixtures, clock);
    return fresh.snapshot();
  };
  if (cacheDir) appOptions.cacheDir = cacheDir;
  if (options.stateFile) {
    const persistence = createFilePersistence(options.stateFile, { reset: options.resetState ?? false });
    const loaded = await persistence.load();
    const baseline = await fixtureBaseline();
    appOptions.store = createMemoryStore({ initial: loaded ?? baseline, baseline, onWrite: (snap) => persistence.save(snap) });
    appOptions.seedMainStore = false;
    if (!loaded) await appOptions.store.write(() => undefined);
    appOptions.flush = () => persistence.flush();
  }
  if (options.initial && !appOptions.store) {
    const store = createMemoryStore({ initial: options.initial, baseline: await fixtureBaseline() });
    await seedStore(store, providers, fixtures, clock);
    appOptions.store = store;
    appOptions.seedMainStore = false;
  }
  for (const key of ['store', 'logger', 'strict', 'adminToken', 'bodyLimit', 'latency', 'version'] as const) {
    if (options[key] !== undefined) (appOptions as unknown as Record<string, unknown>)[key] = options[key];
  }
  return createApp(appOptions);
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const mock = await buildApp(options);
  const handler = mock.callback();
  // Node checks headersTimeout/requestTimeout only every connectionsCheckingInterval (30 s by default).
  const limits = { connectionsCheckingInterval: 1_000 };
  const server = options.tls
    ? createHttpsServer({ ...limits, cert: options.tls.cert, key: options.tls.key }, handler)
    : createHttpServer(limits, handler);
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    url: `${options.tls ? 'https' : 'http'}://${shown}:${port}`,
    mock,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        mock.close();
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
