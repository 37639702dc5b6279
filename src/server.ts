// Start authmock on a socket: load the documents and fixtures, create the providers and the app, listen.

import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createApp, type AppOptions, type MockApp } from './http/app.js';
import type { Logger } from './logger.js';
import type { ControllableClock } from './world/clock.js';
import { ADMIN_DOCUMENT, PREBUILT_FIXTURES } from './paths.js';
import type { Settings } from './config.js';
import { REGISTRY, type Registry } from './providers/registry.js';
import { loadDocument } from './engine/document/load-document.js';
import { createFixtureValidator, loadFixtures, readPrebuiltFixtures, seedStore } from './world/fixtures.js';
import { createMemoryStore, type DurableSink } from './world/memory-store.js';
import { openState } from './world/persistence.js';
import { createClock, monotonicNow } from './world/clock.js';
import type { Snapshot, Store } from './world/store.js';
import { MAIN_WORLD, type LoadedWorld, type StateDatabase } from './world/database.js';
import { createStateValidator } from './world/validate-state.js';
import { createLiveWorld, type WorldPersistence } from './world/worlds.js';

/** What a server is built from: the settings, and the parts a caller (the CLI, a test) wires in. */
export interface ServerOptions {
  settings: Settings;
  /** Only these providers (names); default all. */
  providers?: ReadonlyArray<string>;
  /** The providers to serve from (default: those authmock ships; a test adds its own). */
  registry?: Registry;
  clock?: ControllableClock;
  store?: Store;
  logger?: Logger;
  tls?: { cert: Buffer; key: Buffer };
  /** Wraps each world's writes to the state database (tests use it to make writes fail). */
  wrapStateSink?: (sink: DurableSink) => DurableSink;
  /** Start from this state (e.g. the live state before a --watch reload); the fixtures are seeded over it. */
  initial?: Snapshot;
}

/** A start-up failure a user can fix, with the exit code `authmock serve` ends with (see HELP). */
export class StartupError extends Error {
  constructor(
    readonly code: 'port.unavailable' | 'tls.file',
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----/;
const PEM_PRIVATE_KEY = /-----BEGIN (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----/;

/** Read the HTTPS certificate and key, naming the option, the file and what was expected when either is wrong. */
export async function loadTls(certFile: string, keyFile: string, read: (file: string) => Promise<Buffer>): Promise<{ cert: Buffer; key: Buffer }> {
  const load = async (option: string, file: string): Promise<Buffer> => {
    try {
      return await read(file);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as NodeJS.ErrnoException).code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
      throw new StartupError('tls.file', `${option} ${file}: cannot read it (${reason})`, 4);
    }
  };
  const [cert, key] = await Promise.all([load('--tls-cert', certFile), load('--tls-key', keyFile)]);
  const certText = cert.toString('latin1');
  const keyText = key.toString('latin1');
  if (!PEM_CERTIFICATE.test(certText) && PEM_CERTIFICATE.test(keyText) && PEM_PRIVATE_KEY.test(certText)) {
    throw new StartupError('tls.file', `--tls-cert ${certFile} holds a private key and --tls-key ${keyFile} a certificate: the two are swapped`, 4);
  }
  if (!PEM_CERTIFICATE.test(certText)) {
    throw new StartupError('tls.file', `--tls-cert ${certFile}: expected a PEM certificate ("-----BEGIN CERTIFICATE-----")${PEM_PRIVATE_KEY.test(certText) ? ', found a private key' : ''}`, 4);
  }
  if (!PEM_PRIVATE_KEY.test(keyText)) {
    throw new StartupError('tls.file', `--tls-key ${keyFile}: expected a PEM private key ("-----BEGIN PRIVATE KEY-----")${PEM_CERTIFICATE.test(keyText) ? ', found a certificate' : ''}`, 4);
  }
  return { cert, key };
}

/** The listen error in words: what happened on which address, and what to do. */
function toListenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  const where = `${host}:${port}`;
  if (error.code === 'EADDRINUSE') {
    return new StartupError('port.unavailable', `port ${port} on ${host} is already in use (another authmock?): stop it, choose another port with --port ${port === 65535 ? port - 1 : port + 1}, or --port 0 for any free port`, 3);
  }
  if (error.code === 'EACCES') {
    return new StartupError('port.unavailable', `not allowed to listen on ${where} (ports below 1024 need privileges): use --port 4010 or --port 0`, 3);
  }
  if (error.code === 'EADDRNOTAVAIL') {
    return new StartupError('port.unavailable', `${host} is not an address of this machine: use --host 127.0.0.1 or --host 0.0.0.0`, 3);
  }
  return error;
}

export interface RunningServer {
  url: string;
  mock: MockApp;
  server: Server;
  close(): Promise<void>;
}

export async function buildApp(options: ServerOptions): Promise<MockApp> {
  const { settings } = options;
  const documents = await Promise.all([loadDocument(settings.document), loadDocument(ADMIN_DOCUMENT)]);
  const all = (options.registry ?? REGISTRY).create(settings.providerSettings);
  const providers = options.providers ? all.filter((p) => options.providers!.includes(p.name)) : all;
  // Fixtures are checked against every registered provider, so that the shipped file serves a subset (--providers):
  // the sections of providers not served are checked, not seeded.
  const validateFixtures = createFixtureValidator(all);
  const fixtures = (await readPrebuiltFixtures(settings.fixtures, all, PREBUILT_FIXTURES)) ?? (await loadFixtures(settings.fixtures, validateFixtures));
  const clock = options.clock ?? createClock();
  const appOptions: AppOptions = { documents, providers, settings, fixtures, clock, validateFixtures };
  /** What `POST /__admin/reset` returns to when the main store does not start from the fixtures. */
  const fixtureBaseline = async (): Promise<Snapshot> => {
    const fresh = createMemoryStore();
    await seedStore(fresh, providers, fixtures, clock);
    return fresh.snapshot();
  };
  if (settings.state) {
    const opened = await openState(settings.state, { reset: settings.resetState, validate: createStateValidator(providers, clock) });
    try {
      const wrap = options.wrapStateSink ?? ((sink: DurableSink) => sink);
      await useDatabase(appOptions, opened.db, (id) => wrap(opened.db.sink(id)), opened.worlds, await fixtureBaseline(), clock);
    } catch (error) {
      opened.db.close();
      throw error;
    }
    if (opened.notice) options.logger?.warn({ file: settings.state }, opened.notice);
  }
  if (options.initial && !appOptions.store) {
    const store = createMemoryStore({ initial: options.initial, baseline: await fixtureBaseline() });
    await seedStore(store, providers, fixtures, clock);
    appOptions.store = store;
    appOptions.seedMainStore = false;
  }
  if (options.store) appOptions.store = options.store;
  if (options.logger) appOptions.logger = options.logger;
  return createApp(appOptions);
}

/** Wire the state database in: the main world and the sandboxes it kept, their clocks, and durable new worlds. */
async function useDatabase(
  appOptions: AppOptions,
  db: StateDatabase,
  sink: (worldId: string) => DurableSink,
  worlds: ReadonlyArray<LoadedWorld>,
  baseline: Snapshot,
  clock: ControllableClock,
): Promise<void> {
  const main = worlds.find((w) => w.id === MAIN_WORLD);
  const store = createMemoryStore({ initial: main?.records ?? baseline, baseline, durable: sink(MAIN_WORLD) });
  if (main) clock.restore(main.clock);
  else {
    sink(MAIN_WORLD).replace(baseline);
    db.saveWorld({ id: MAIN_WORLD, createdAt: clock.now(), clock: clock.saved(), bytes: 0 });
  }
  const persistence: WorldPersistence = {
    createStore: (id) => createMemoryStore({ durable: sink(id) }),
    saveWorld: (w) => db.saveWorld({ id: w.world.id, createdAt: w.createdAt, clock: w.world.clock.saved(), bytes: w.bytes }),
    saveClock: (w) => db.saveClock(w.world.id, w.world.clock.saved()),
    deleteWorld: (id) => db.deleteWorld(id),
  };
  appOptions.store = store;
  appOptions.seedMainStore = false;
  appOptions.persistence = persistence;
  appOptions.restoreSandboxes = (running) => {
    for (const saved of worlds) {
      if (saved.id === MAIN_WORLD) continue;
      const sandboxClock = createClock();
      sandboxClock.restore(saved.clock);
      const sandboxStore = createMemoryStore({ initial: saved.records, baseline: saved.baseline ?? saved.records, durable: sink(saved.id) });
      const sandbox = createLiveWorld(saved.id, sandboxStore, sandboxClock, monotonicNow());
      sandbox.createdAt = saved.createdAt;
      sandbox.bytes = saved.bytes;
      running.adoptSandbox(sandbox);
    }
  };
  appOptions.onClose = () => db.close();
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const mock = await buildApp(options);
  const handler = mock.callback();
  // Node checks headersTimeout/requestTimeout only every connectionsCheckingInterval (30 s by default).
  const limits = { connectionsCheckingInterval: 1_000 };
  let server: Server;
  try {
    server = options.tls ? createHttpsServer({ ...limits, cert: options.tls.cert, key: options.tls.key }, handler) : createHttpServer(limits, handler);
  } catch (error) {
    mock.close();
    // OpenSSL's words for a key that does not belong to the certificate, or a PEM it cannot parse.
    throw new StartupError('tls.file', `--tls-cert / --tls-key: the certificate and key were refused (${(error as Error).message}); the key must be the certificate's own, both PEM`, 4);
  }
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  const { host, port: wanted } = options.settings;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      mock.close();
      reject(toListenError(error, host, wanted));
    });
    server.listen(wanted, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    url: `${options.tls ? 'https' : 'http'}://${shown}:${port}`,
    mock,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        // After the requests in flight (their writes still reach the state database, which close() closes).
        server.close(() => {
          mock.close();
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
