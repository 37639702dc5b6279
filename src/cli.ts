#!/usr/bin/env node
// The authmock command: the only module that reads process.argv and the environment, or exits.

import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { defaultSettings, parseConfig, HELP, UsageError, type ServeConfig } from './config.js';
import { createLogger } from './logger.js';
import { loadTls, startServer, StartupError, type ServerOptions } from './server.js';
import { printBanner } from './banner.js';
import { createClock } from './world/clock.js';
import { loadDocument } from './engine/document/load-document.js';
import { createFixtureValidator, loadFixtures } from './world/fixtures.js';
import { watchFiles } from './watch.js';


async function serve(config: ServeConfig): Promise<void> {
  const logger = await createLogger(config.logLevel, config.logFormat, process.stdout, { colour: Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'] });
  const tls = config.tlsCert && config.tlsKey ? await loadTls(config.tlsCert, config.tlsKey, (file) => readFile(file)) : undefined;
  const clock = createClock();
  const base = optionsFor(config, clock, logger, tls);
  let running = await startServer(base);

  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    const drained = running.close();
    const timeout = new Promise((resolve) => setTimeout(resolve, 5_000).unref());
    await Promise.race([drained, timeout]);
    running.server.closeAllConnections();
    await running.mock.flush();
    logger.info({}, 'stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  printBanner(running, config, logger);

  if (config.watch) {
    // By folder, so that saves that replace the file (editors' safe write, `sed -i`) keep reloading.
    const documentFile = config.document;
    watchFiles([documentFile, config.fixtures], async (file) => {
      try {
        // Check the changed file before stopping anything: a typo leaves the previous version serving.
        if (file === documentFile) await loadDocument(file);
        else await loadFixtures(file, createFixtureValidator(running.mock.providers));
      } catch (error) {
        logger.error({ file, reason: (error as Error).message }, 'reload failed; still serving the previous version');
        return;
      }
      try {
        const port = Number(new URL(running.url).port);
        const live = await running.mock.worlds.main.world.store.snapshot();
        await running.mock.flush();
        // A reload waits for requests in flight, but not for ever (a client that never finishes one must not stop it).
        const closed = running.close();
        await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
        running.server.closeAllConnections();
        await closed;
        running = await startServer({ ...base, settings: { ...config, port }, ...(config.state ? {} : { initial: live }) });
        logger.info({ file }, 'reloaded');
      } catch (error) {
        logger.error({ file, reason: (error as Error).message }, 'reload failed');
      }
    });
  }
}

function optionsFor(
  config: ServeConfig,
  clock: ReturnType<typeof createClock>,
  logger: Awaited<ReturnType<typeof createLogger>>,
  tls: { cert: Buffer; key: Buffer } | undefined,
): ServerOptions {
  return {
    settings: config,
    ...(config.providers ? { providers: config.providers } : {}),
    clock,
    logger,
    ...(tls ? { tls } : {}),
  };
}

/**
 * Pact's native verifier writes its own coloured report straight to file descriptor 1, out of Node's reach: when
 * the output is not a terminal (a CI log, a file), run the command as a child and pass its output on without the
 * colour codes. Returns the child's exit code.
 */
async function runWithoutColour(args: string[]): Promise<number> {
  const { spawn } = await import('node:child_process');
  const { stripAnsi } = await import('./contracts/pact-report.js');
  const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, ...args], {
    env: { ...process.env, AUTHMOCK_PLAIN_CHILD: '1', NO_COLOR: '1' },
    stdio: ['inherit', 'pipe', 'pipe'],
  });
  const relay = (from: NodeJS.ReadableStream, to: NodeJS.WritableStream): void => {
    let pending = '';
    from.setEncoding('utf8');
    from.on('data', (chunk: string) => {
      // Whole lines only, so that no escape sequence is cut in two.
      const text = pending + chunk;
      const end = text.lastIndexOf('\n') + 1;
      pending = text.slice(end);
      if (end > 0) to.write(stripAnsi(text.slice(0, end)));
    });
    from.on('end', () => pending && to.write(stripAnsi(pending)));
  };
  relay(child.stdout!, process.stdout);
  relay(child.stderr!, process.stderr);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
}

async function main(argv: string[]): Promise<number> {
  let config;
  try {
    config = parseConfig(argv, Boolean(process.stdout.isTTY));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`authmock: ${error.message}\nRun 'authmock --help' for the options.\n`);
      return 2;
    }
    throw error;
  }
  switch (config.command) {
    case 'help':
      process.stdout.write(HELP);
      return 0;
    case 'version':
      process.stdout.write(`${defaultSettings().version}\n`);
      return 0;
    case 'other': {
      const io = { stdout: (t: string) => void process.stdout.write(t), stderr: (t: string) => void process.stderr.write(t) };
      // The contract and docs commands load their modules when run: `serve` starts without them.
      if (config.name === 'verify-pacts' && !process.stdout.isTTY && process.env['AUTHMOCK_PLAIN_CHILD'] !== '1') {
        return runWithoutColour(['verify-pacts', ...config.argv]);
      }
      const { runCheckPacts, runVerifyPacts } = await import('./contracts/commands.js');
      if (config.name === 'verify-pacts') return runVerifyPacts(config.argv, io);
      if (config.name === 'check-pacts') return runCheckPacts(config.argv, io);
      process.stderr.write(`authmock: unknown command '${config.name}'\nRun 'authmock --help' for the commands.\n`);
      return 2;
    }
    case 'docs': {
      const { buildDocs } = await import('./docs/build-docs.js');
      const built = await buildDocs({
        document: config.document,
        out: config.out,
        ...(config.serverUrl ? { serverUrl: config.serverUrl } : {}),
        ...(config.title ? { title: config.title } : {}),
      });
      process.stdout.write(`wrote ${built.files.length} files to ${config.out}\nopen ${pathToFileURL(built.index).href}\n("Try it out" sends requests to ${built.serverUrl})\n`);
      return 0;
    }
    case 'serve':
      await serve(config);
      return -1; // keeps running
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    // exitCode rather than exit(): a long report piped to a file is written out in full first.
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    const e = error as { code?: string; message?: string };
    process.stderr.write(`authmock: ${e.message ?? String(error)}\n`);
    // Exit codes (HELP): 3 port unavailable, 4 TLS files, 1 anything else.
    process.exit(error instanceof StartupError ? error.exitCode : e.code === 'EADDRINUSE' ? 3 : 1);
  },
);
