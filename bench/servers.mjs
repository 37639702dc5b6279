// The servers under test (bare Koa, authmock, authmock --strict, Prism): build, ports, start, stop, RSS.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../scripts/free-port.mjs';
import { BENCH, ROOT, HOST, flag, HARD_LIMIT_MS, sleep, log } from './options.mjs';

const children = new Set();

function killChildren(signal = 'SIGKILL') {
  for (const child of children) {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

const hardStop = setTimeout(() => {
  process.stdout.write('\nbench: hard time limit reached; stopping every server it started\n');
  killChildren();
  process.exit(2);
}, HARD_LIMIT_MS);
hardStop.unref();
process.on('exit', () => killChildren());
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    killChildren();
    process.exit(130);
  });
}

/** RSS in MB of a process and its descendants, from /proc. */
function rssMb(pid) {
  let kb = 0;
  const seen = new Set();
  const visit = (p) => {
    if (seen.has(p)) return;
    seen.add(p);
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const kids = readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
        for (const kid of kids ? kids.split(/\s+/) : []) visit(Number(kid));
      }
    } catch {
      // the process ended or /proc is not there
    }
  };
  visit(pid);
  return kb / 1024;
}

/**
 * The servers under test. `ready` is the request whose first 2xx counts as "up".
 * authmock: the built CLI, default fixtures, logging silent. Prism: the bundled document, its examples.
 */
const SERVERS = {
  koa: {
    label: 'bare Koa',
    command: (port) => [process.execPath, [join(BENCH, 'baseline-koa.mjs'), String(port)]],
    ready: { method: 'GET', path: '/devicehq/api/v2/test' },
  },
  authmock: {
    label: 'authmock',
    command: (port, extra = {}) => [
      process.execPath,
      [...(extra.nodeFlags ?? []), join(ROOT, 'dist', 'cli.js'), 'serve', '--port', String(port), '--log-format', 'json', '--log-level', 'silent', ...(extra.args ?? [])],
    ],
    ready: { method: 'GET', path: '/__admin/health' },
  },
  strict: {
    label: 'authmock --strict',
    command: (port, extra = {}) => [
      process.execPath,
      [...(extra.nodeFlags ?? []), join(ROOT, 'dist', 'cli.js'), 'serve', '--port', String(port), '--log-format', 'json', '--log-level', 'silent', '--strict'],
    ],
    ready: { method: 'GET', path: '/__admin/health' },
  },
  prism: {
    label: 'Prism',
    command: (port, extra) => [
      process.execPath,
      [
        join(BENCH, 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js'),
        'mock',
        extra.document,
        '-p',
        String(port),
        '-h',
        HOST,
        // Prism as it is run (and as the issue measured it): its default log level, a line per request. --prism-quiet: -v error.
        ...(flag('--prism-quiet') ? ['-v', 'error'] : []),
      ],
    ],
    ready: { method: 'GET', path: '/devicehq/api/v2/test', headers: { 'x-auth-token': 'AbCdEfGhIjKlMn' } },
  },
};

/** Spawn a server and wait for its first 2xx; returns the handle with the start-up time in ms. */
async function startServer(kind, extra = {}, timeoutMs = 20_000) {
  const spec = SERVERS[kind];
  const port = await freePort(HOST);
  const [cmd, args] = spec.command(port, extra);
  const began = performance.now();
  const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } });
  children.add(child);
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  const exit = new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      children.delete(child);
      resolve(exited);
    }),
  );
  const url = `http://${HOST}:${port}`;
  const handle = {
    kind,
    label: spec.label,
    url,
    port,
    pid: child.pid,
    child,
    startupMs: null,
    output: () => output,
    exited: () => exited,
    async stop(graceMs = 3_000) {
      if (exited) return exited;
      child.kill('SIGTERM');
      const done = await Promise.race([exit, sleep(graceMs).then(() => null)]);
      if (done) return done;
      child.kill('SIGKILL');
      return exit;
    },
  };
  const deadline = began + timeoutMs;
  while (performance.now() < deadline && !exited) {
    try {
      const res = await fetch(url + spec.ready.path, { method: spec.ready.method, headers: spec.ready.headers, signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.ok) {
        handle.startupMs = performance.now() - began;
        return handle;
      }
    } catch {
      // not listening yet
    }
    await sleep(10);
  }
  await handle.stop(500);
  const why = exited ? `exited (${exited.code ?? exited.signal})` : `no 2xx within ${timeoutMs / 1000} s`;
  throw new Error(`${spec.label} did not start: ${why}${output ? `; its output: ${output.trim().split('\n').slice(-3).join(' | ')}` : ''}`);
}


function ensureBuilt() {
  const cli = join(ROOT, 'dist', 'cli.js');
  if (flag('--no-build') && existsSync(cli)) return 'dist/ used as it is (--no-build)';
  const newest = (dir) => {
    let t = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, entry.name);
      t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
    }
    return t;
  };
  if (existsSync(cli) && newest(join(ROOT, 'src')) <= statSync(cli).mtimeMs) return 'dist/ is up to date';
  log('building dist/ (tsc -p tsconfig.build.json, then scripts/prebuild.mjs, as npm run build does)');
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  let result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  // The shipped documents and fixtures validated once at build time: without them every start validates them again.
  if (result.status === 0) result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'prebuild.mjs')], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  if (result.status === 0) return 'dist/ rebuilt';
  if (!existsSync(cli)) throw new Error(`the build failed and there is no dist/cli.js: ${(result.stdout + result.stderr).trim().slice(0, 800)}`);
  return `the build FAILED (${(result.stdout + result.stderr).trim().split('\n')[0]}); measured the previous dist/`;
}

/** Prism may not follow external $refs across the split files: bundle to one JSON file first. */
async function bundleForPrism(dir) {
  const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
  const bundled = await SwaggerParser.bundle(join(ROOT, 'openapi', 'authmock.yaml'));
  const file = join(dir, 'authmock.bundled.json');
  writeFileSync(file, JSON.stringify(bundled));
  return file;
}

export { children, killChildren, hardStop, rssMb, SERVERS, startServer, ensureBuilt, bundleForPrism };
