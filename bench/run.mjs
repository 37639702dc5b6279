#!/usr/bin/env node
// authmock's benchmark (issue 9): bare Koa vs authmock (strict off/on) vs Prism, start-up, memory, scale; PASS/FAIL per target.
//
//   node bench/run.mjs             the whole bench, < 5 minutes, 127.0.0.1 only (npm run bench at the root)
//   node bench/run.mjs --profile   authmock under the DeviceHQ hot path with --cpu-prof; prints the top self-time functions
// Options: --duration S (seconds measured per path, default 3), --budget S (seconds for the whole bench, default 240),
//          --quick (a smoke run: short phases, 10,000 sessions), --no-build (use dist/ as it is), --no-prism,
//          --prism-quiet (Prism with -v error), --only startup,throughput,scale,memory,state (some phases only),
//          --profile-path ID and --strict (with --profile).
// Exit code: 0 every target passed, 1 some target failed or could not be measured, 2 the bench itself broke.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../scripts/free-port.mjs';
import autocannon from 'autocannon';
import { phaseStateWrites, printStateWrites } from './state-writes.mjs';

const T0 = performance.now();
const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH, '..');
const HOST = '127.0.0.1';

// ---------------------------------------------------------------- options and budget

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i === -1 || argv[i + 1] === undefined ? fallback : argv[i + 1];
};
const QUICK = flag('--quick');
const PROFILE = flag('--profile');
const MAX_DURATION = Math.max(1, Math.min(10, Number(option('--duration', QUICK ? 1 : 3)) || 3)); // seconds measured per path, at most
let DURATION = MAX_DURATION; // shortened (not below 2 s) when the time budget needs it
const WARMUP = QUICK ? 0.5 : 1; // seconds of discarded load before each measurement
const WARM_SERVER = QUICK ? 1 : 4; // seconds of discarded load on a freshly started server (the JIT needs several seconds)
const CONNECTIONS = 32;
const STARTUP_RUNS = QUICK ? 2 : 5;
const LIVE_SESSIONS = QUICK ? 10_000 : 100_000;
const APP_TOKENS = LIVE_SESSIONS;
const FIXTURE_BATCH = 5_000; // per POST /__admin/fixtures (the body limit is 1 MiB)
// `npm run bench` runs `npm ci` in bench/ first (25–50 s): the bench itself keeps to 240 s by default, all in < 5 minutes.
const BUDGET_S = Math.max(60, Math.min(290, Number(option('--budget', 240)) || 240));
const SOFT_LIMIT_MS = BUDGET_S * 1000; // phases are shortened or skipped to finish before this
const HARD_LIMIT_MS = SOFT_LIMIT_MS + 12_000; // then everything is stopped, whatever is running

const elapsed = () => performance.now() - T0;
const remaining = () => SOFT_LIMIT_MS - elapsed();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (...parts) => process.stderr.write(`[${(elapsed() / 1000).toFixed(1).padStart(5)} s] ${parts.join(' ')}\n`);

// ---------------------------------------------------------------- child processes

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

// ---------------------------------------------------------------- load

/** One autocannon run; `amount` or `duration` (seconds), always bounded in time. */
function load({ url, requests, duration, amount, connections = CONNECTIONS, maxSeconds }) {
  return new Promise((resolve, reject) => {
    const options = { url, connections, requests, timeout: 10 };
    if (amount) options.amount = amount;
    else options.duration = duration;
    let guard;
    const instance = autocannon(options, (error, result) => {
      clearTimeout(guard);
      if (error) reject(error);
      else resolve(result);
    });
    guard = setTimeout(() => instance.stop(), ((maxSeconds ?? duration ?? 30) + 5) * 1000);
  });
}

const summarise = (r) => ({
  rps: r.requests.average,
  total: r.requests.total,
  p50: r.latency.p50,
  p99: r.latency.p99,
  errors: r.errors + r.timeouts,
  non2xx: r.non2xx,
});

async function measure(url, request) {
  if (WARMUP > 0) await load({ url, requests: [request], duration: WARMUP });
  return summarise(await load({ url, requests: [request], duration: DURATION }));
}

// ---------------------------------------------------------------- credentials and paths

const DEMO = {
  devicehqKey: '5sHszZNuTfmgs58VGA',
  emnify: { username: 'user@domain.com', password: '2fd4e1c67a2d28fced849ee1bb76e7391b93eb12' },
  rfcx: { user: 'guardian/df72c626229f', token: '5ffd69500c83b9d948f5d0852538b5b983453182', guid: 'df72c626229f' },
  duet: { app: 'duet-iphone-app-token', login: 'demo@duet.example', password: 'duet-demo-password' },
};

/** Placeholders of the right shape for servers that do not check credentials (bare Koa, Prism). */
const PLACEHOLDER_CREDENTIALS = {
  devicehq: 'AbCdEfGhIjKlMn',
  emnifyJwt: `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${Buffer.from(JSON.stringify({ sub: DEMO.emnify.username, exp: 4102444800 })).toString('base64url')}.${'A'.repeat(43)}`,
  duetAccount: 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0U1v2W3x4Y5z6A7b8C9d0',
};

async function call(url, method, path, { headers = {}, body } = {}) {
  const res = await fetch(url + path, { method, headers, body, signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text, problem: res.headers.get('x-mock-problem') };
}

/** Sign in once through authmock's real API. */
async function signIn(url) {
  const devicehq = await call(url, 'POST', '/devicehq/api/v2/session', { headers: { 'x-api-key': DEMO.devicehqKey, 'content-length': '0' } });
  const emnify = await call(url, 'POST', '/emnify/api/v1/authenticate', {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO.emnify),
  });
  const duet = await call(url, 'POST', '/duet/1/account/sign_in', {
    headers: { 'x-application-token': DEMO.duet.app, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ 'account[login]': DEMO.duet.login, 'account[password]': DEMO.duet.password }).toString(),
  });
  const credentials = {
    devicehq: devicehq.json?.meta?.token,
    emnifyJwt: emnify.json?.auth_token,
    duetAccount: duet.json?.account?.authentication_token,
  };
  const missing = Object.entries(credentials).filter(([, v]) => typeof v !== 'string').map(([k]) => k);
  if (missing.length > 0) {
    const detail = { devicehq: devicehq.status, emnify: emnify.status, duet: duet.status };
    throw new Error(`sign-in failed for ${missing.join(', ')} (statuses ${JSON.stringify(detail)})`);
  }
  return credentials;
}

/** The benchmarked paths: four authenticated hot paths, then the two sign-ins (DeviceHQ's replaces the session: last). */
const PATHS = [
  {
    id: 'devicehq-test',
    label: 'DeviceHQ GET /api/v2/test',
    hot: true,
    request: (c) => ({ method: 'GET', path: '/devicehq/api/v2/test', headers: { 'x-auth-token': c.devicehq } }),
  },
  {
    id: 'emnify-endpoint',
    label: 'emnify GET /api/v1/endpoint',
    hot: true,
    request: (c) => ({ method: 'GET', path: '/emnify/api/v1/endpoint', headers: { authorization: `Bearer ${c.emnifyJwt}` } }),
  },
  {
    id: 'rfcx-pings',
    label: 'RFCx POST /v2/guardians/{guid}/pings',
    hot: true,
    request: () => ({
      method: 'POST',
      path: `/rfcx/v2/guardians/${DEMO.rfcx.guid}/pings`,
      headers: { 'x-auth-user': DEMO.rfcx.user, 'x-auth-token': DEMO.rfcx.token, 'content-type': 'application/json' },
      body: '{"battery":87}',
    }),
  },
  {
    id: 'duet-account',
    label: 'Duet GET /1/account',
    hot: true,
    request: (c) => ({ method: 'GET', path: '/duet/1/account', headers: { 'x-application-token': DEMO.duet.app, 'x-account-token': c.duetAccount } }),
  },
  {
    id: 'emnify-authenticate',
    label: 'emnify POST /api/v1/authenticate',
    hot: false,
    request: () => ({ method: 'POST', path: '/emnify/api/v1/authenticate', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO.emnify) }),
  },
  {
    id: 'devicehq-session',
    label: 'DeviceHQ POST /api/v2/session',
    hot: false,
    request: () => ({ method: 'POST', path: '/devicehq/api/v2/session', headers: { 'x-api-key': DEMO.devicehqKey, 'content-length': '0' } }),
  },
];

/** One request before the load: it must be a 2xx, or the path is not measured on that server. */
async function probe(url, request) {
  try {
    const r = await call(url, request.method, request.path, { headers: request.headers, body: request.body });
    return r.status >= 200 && r.status < 300 ? null : `answered ${r.status}${r.problem ? ` ${r.problem}` : ''}`;
  } catch (error) {
    return `no answer (${error.message})`;
  }
}

// ---------------------------------------------------------------- build and Prism's document

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
  log('building dist/ (tsc -p tsconfig.build.json)');
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
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

// ---------------------------------------------------------------- formatting

const fmt = (n, digits = 0) => (n === null || n === undefined || Number.isNaN(n) ? 'n/a' : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? null : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function table(headers, rows, align) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (align[i] === 'r' ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const out = (text = '') => process.stdout.write(`${text}\n`);

function machine() {
  const cpus = os.cpus();
  return {
    cpu: `${cpus[0]?.model ?? 'unknown'} × ${cpus.length}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    load: os.loadavg().map((l) => l.toFixed(2)).join(' '),
  };
}

// ---------------------------------------------------------------- phases

/** Start-up samples: STARTUP_RUNS − 1 here, the last one is the start of the throughput phase. Prism's are capped in time. */
async function phaseStartup(results, prismDocument) {
  const kinds = ['authmock', 'koa', ...(prismDocument ? ['prism'] : [])];
  for (const kind of kinds) {
    const times = [];
    let failure;
    const cap = performance.now() + (kind === 'prism' ? 25_000 : 20_000);
    let last = 0;
    for (let i = 0; i < STARTUP_RUNS - 1 && performance.now() + last < cap && remaining() > 150_000; i++) {
      try {
        const began = performance.now();
        const server = await startServer(kind, { document: prismDocument }, 25_000);
        times.push(server.startupMs);
        last = performance.now() - began;
        await server.stop();
      } catch (error) {
        failure = error.message;
        break;
      }
    }
    results.startup[kind] = { runs: times, failure: times.length === 0 ? (failure ?? 'time budget') : undefined };
    log(`start-up ${SERVERS[kind].label}: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
  }
}

/** Seconds measured per path so that the four servers fit and leave ~80 s to the scale and memory (30 s) phases. */
function fitDuration(results, servers) {
  const startMs = (kind) => median(results.startup[kind]?.runs ?? []) ?? 3_000;
  const overheadMs = servers.reduce((sum, kind) => sum + startMs(kind) + WARM_SERVER * 1000 + 2_000, 0); // start, sign-in, warm-up, stop
  const perPathMs = (remaining() - 80_000 - overheadMs) / (servers.length * PATHS.length) - 200; // less the probe
  return Math.max(Math.min(2, MAX_DURATION), Math.min(MAX_DURATION, Math.floor((perPathMs / 1000 - WARMUP) * 2) / 2));
}

/** CPU time the process has used so far (user + system, all its threads), in clock ticks of 10 ms. */
function cpuTicks(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}
const TICK_US = 10_000; // CLK_TCK is 100 on Linux

/** Rounds per path: each server is measured in turn, ROUNDS times, DURATION / ROUNDS seconds each. */
const roundsFor = (duration) => Math.max(2, Math.round(duration));

/** One server's rounds on one path: the median round (req/s, latencies), and its CPU per request over all rounds. */
function combineRounds(rounds) {
  const total = rounds.reduce((sum, r) => sum + r.total, 0);
  const ticks = rounds.every((r) => r.ticks !== null) ? rounds.reduce((sum, r) => sum + r.ticks, 0) : null;
  return {
    rps: median(rounds.map((r) => r.rps)),
    total,
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    non2xx: rounds.reduce((sum, r) => sum + r.non2xx, 0),
    cpuUs: ticks === null || total === 0 ? null : (ticks * TICK_US) / total,
    rounds: rounds.map((r) => r.rps),
  };
}

/**
 * All servers run side by side; for each path every server is measured in turn, round after round (the order
 * reversed every other round), so that a change in the machine's load during the run falls on all of them alike.
 * A server's figure for a path is its median round. On a machine shared with other work, measuring one server after
 * the other gave ratios that moved by 30 % and more between runs.
 */
async function phaseThroughput(results, prismDocument, prismFailure) {
  const order = ['koa', 'authmock', 'strict', 'prism'];
  DURATION = fitDuration(results, prismDocument ? order : order.slice(0, 3));
  if (DURATION < MAX_DURATION) log(`time budget: ${DURATION} s measured per path (instead of ${MAX_DURATION} s)`);
  const servers = [];
  let lastCredentials = PLACEHOLDER_CREDENTIALS;
  try {
    for (const kind of order) {
      const runs = (results.throughput[kind] = {});
      if (kind === 'prism' && !prismDocument) {
        for (const p of PATHS) runs[p.id] = { na: prismFailure };
        continue;
      }
      let server;
      try {
        server = await startServer(kind, { document: prismDocument }, 30_000);
        const startup = (results.startup[kind] ??= { runs: [] });
        startup.runs.push(server.startupMs);
        startup.failure = undefined;
        let credentials = kind === 'koa' ? PLACEHOLDER_CREDENTIALS : lastCredentials;
        if (kind === 'authmock' || kind === 'strict') credentials = lastCredentials = await signIn(server.url);
        // Warm the whole server once (JIT, lazy compilation) with the hot paths in turn, before any measurement.
        const warmable = [];
        for (const p of PATHS.filter((x) => x.hot)) if (!(await probe(server.url, p.request(credentials)))) warmable.push(p.request(credentials));
        if (warmable.length > 0) await load({ url: server.url, requests: warmable, duration: WARM_SERVER });
        servers.push({ kind, server, credentials });
      } catch (error) {
        for (const p of PATHS) runs[p.id] = { na: error.message };
        await server?.stop();
      }
    }
    const rounds = roundsFor(DURATION);
    const roundSeconds = DURATION / rounds;
    for (const p of PATHS) {
      const needed = servers.length * (WARMUP + DURATION + 1) * 1000;
      if (remaining() < needed + 80_000) {
        for (const { kind } of servers) results.throughput[kind][p.id] = { na: 'skipped: time budget' };
        continue;
      }
      const active = [];
      for (const { kind, server, credentials } of servers) {
        const request = p.request(credentials);
        const refused = await probe(server.url, request);
        if (refused) results.throughput[kind][p.id] = { na: `${SERVERS[kind].label} ${refused}` };
        else active.push({ kind, server, request, rounds: [] });
      }
      if (WARMUP > 0) for (const a of active) await load({ url: a.server.url, requests: [a.request], duration: WARMUP });
      for (let round = 0; round < rounds; round++) {
        for (const a of round % 2 === 0 ? active : [...active].reverse()) {
          const before = cpuTicks(a.server.pid);
          const result = await load({ url: a.server.url, requests: [a.request], duration: roundSeconds });
          const after = cpuTicks(a.server.pid);
          a.rounds.push({ ...summarise(result), ticks: before === null || after === null ? null : after - before });
        }
      }
      for (const a of active) {
        const r = (results.throughput[a.kind][p.id] = combineRounds(a.rounds));
        log(`${SERVERS[a.kind].label.padEnd(18)} ${p.label.padEnd(38)} ${fmt(r.rps)} req/s p99 ${r.p99} ms, ${fmt(r.cpuUs, 1)} µs CPU/req (rounds ${r.rounds.map((x) => fmt(x)).join(', ')})`);
      }
    }
    for (const { kind, server } of servers) results.rssAfterLoad[kind] = rssMb(server.pid);
  } finally {
    for (const { server } of servers) await server.stop();
  }
}

/** Seed `count` DeviceHQ accounts (ids from `from`) and emnify tokens through POST /__admin/fixtures, in batches. */
async function seedFixtures(url, section, from, count, deadline) {
  let done = 0;
  for (let start = from; start < from + count && performance.now() < deadline; start += FIXTURE_BATCH) {
    const n = Math.min(FIXTURE_BATCH, from + count - start);
    const items = Array.from({ length: n }, (_, k) => start + k);
    const body =
      section === 'devicehq'
        ? { devicehq: { accounts: items.map((i) => ({ id: `bench-${i}`, name: `Bench ${i}`, api_key: benchKey(i) })) } }
        : { emnify: { application_tokens: items.map((i) => ({ id: 100_000 + i, token: `bench-app-token-${String(i).padStart(8, '0')}`, creator_id: 5678 })) } };
    const r = await call(url, 'POST', '/__admin/fixtures', { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (r.status !== 200) throw new Error(`POST /__admin/fixtures (${section}) answered ${r.status}: ${r.text.slice(0, 300)}`);
    done += n;
  }
  return done;
}

const benchKey = (i) => `benchKey${String(i).padStart(10, '0')}`;

/** One DeviceHQ session per bench account `from`..`from+count-1`, through the real API, 32 connections. */
async function openSessions(url, from, count, maxSeconds) {
  if (count <= 0) return 0;
  let next = 0;
  const result = await load({
    url,
    amount: count,
    connections: Math.min(CONNECTIONS, count),
    maxSeconds,
    requests: [
      {
        method: 'POST',
        path: '/devicehq/api/v2/session',
        headers: { 'content-length': '0' },
        setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'x-api-key': benchKey(from + (next++ % count)) } }),
      },
    ],
  });
  return result['2xx'];
}

async function phaseScale(results) {
  const r = (results.scale = { na: null });
  if (remaining() < 60_000) {
    r.na = 'skipped: time budget';
    return;
  }
  const server = await startServer('authmock');
  try {
    const phaseDeadline = performance.now() + Math.min(remaining() - 55_000, 150_000); // leaves 30 s of load to the memory phase
    // 10 live sessions: the demo account's and 9 bench accounts'.
    await seedFixtures(server.url, 'devicehq', 0, 9, phaseDeadline);
    const opened10 = await openSessions(server.url, 0, 9, 10);
    const credentials = await signIn(server.url);
    const request = PATHS[0].request(credentials);
    await load({ url: server.url, requests: [request], duration: WARM_SERVER }); // JIT warm-up (the second measurement has had 100,000 requests)
    r.at10 = await measure(server.url, request);
    r.sessions10 = opened10 + 1;
    log(`scale: ${r.sessions10} live sessions → ${fmt(r.at10.rps)} req/s`);
    await sleep(500);
    r.rssBefore = rssMb(server.pid);

    const extra = LIVE_SESSIONS - r.sessions10;
    let t = performance.now();
    const accounts = await seedFixtures(server.url, 'devicehq', 9, extra, phaseDeadline);
    const tokens = await seedFixtures(server.url, 'emnify', 0, APP_TOKENS, phaseDeadline);
    r.seedSeconds = (performance.now() - t) / 1000;
    await sleep(500);
    r.rssSeeded = rssMb(server.pid);
    const secondsLeft = Math.max(5, (phaseDeadline - performance.now()) / 1000 - 10);
    t = performance.now();
    const opened = await openSessions(server.url, 9, accounts, secondsLeft);
    r.sessionSeconds = (performance.now() - t) / 1000;
    r.sessionsAdded = opened;
    r.sessionsLive = r.sessions10 + opened;
    r.accountsSeeded = accounts;
    r.appTokensSeeded = tokens;
    log(`scale: seeded ${accounts} accounts and ${tokens} emnify tokens in ${r.seedSeconds.toFixed(1)} s; opened ${opened} sessions in ${r.sessionSeconds.toFixed(1)} s`);
    // The hot path again, on a fresh session of the demo account (the other sessions stay live: 5 min idle).
    const fresh = await signIn(server.url);
    r.atN = await measure(server.url, PATHS[0].request(fresh));
    log(`scale: ${r.sessionsLive} live sessions → ${fmt(r.atN.rps)} req/s`);
    await sleep(500);
    r.rssAfter = rssMb(server.pid);
    // Back to 10 live sessions in the same, now fully warmed process (POST /__admin/reset drops the seeded ones): the
    // first measurement ran on a JIT that was still warming up, which favours the 100,000 side.
    if (phaseDeadline + 10_000 - performance.now() > 2 * (WARMUP + DURATION) * 1000) {
      const reset = await call(server.url, 'POST', '/__admin/reset');
      if (reset.status !== 200) throw new Error(`POST /__admin/reset answered ${reset.status}`);
      await seedFixtures(server.url, 'devicehq', 0, 9, phaseDeadline + 10_000);
      const again = await openSessions(server.url, 0, 9, 10);
      r.at10warm = await measure(server.url, PATHS[0].request(await signIn(server.url)));
      r.sessions10warm = again + 1;
      log(`scale: back to ${r.sessions10warm} live sessions → ${fmt(r.at10warm.rps)} req/s`);
    }
  } catch (error) {
    r.na = error.message;
  } finally {
    await server.stop();
  }
}

async function phaseMemory(results) {
  const m = (results.memory = { na: null });
  const warmup = QUICK ? 2 : 5;
  const left = remaining() / 1000 - 15; // start, warm-up, stop
  const seconds = QUICK ? 5 : left >= 60 ? 60 : left >= 30 ? 30 : Math.floor(left);
  if (seconds < (QUICK ? 5 : 10)) {
    m.na = 'skipped: time budget';
    return;
  }
  m.seconds = seconds;
  const server = await startServer('authmock');
  try {
    await sleep(300);
    m.rssStart = rssMb(server.pid);
    const c = await signIn(server.url);
    const requests = PATHS.filter((p) => p.hot).map((p) => p.request(c));
    await load({ url: server.url, requests, duration: warmup });
    m.rssWarm = rssMb(server.pid);
    const result = summarise(await load({ url: server.url, requests, duration: seconds }));
    m.load = result;
    m.rssAfter = rssMb(server.pid);
    m.growth = (m.rssAfter - m.rssWarm) / m.rssWarm;
    log(`memory: ${fmt(m.rssStart, 1)} → ${fmt(m.rssWarm, 1)} → ${fmt(m.rssAfter, 1)} MB after ${seconds} s mixed load`);
  } catch (error) {
    m.na = error.message;
  } finally {
    await server.stop();
  }
}

// ---------------------------------------------------------------- report

function report(results) {
  const rows = [];
  for (const kind of ['koa', 'authmock', 'strict', 'prism']) {
    for (const p of PATHS) {
      const r = results.throughput[kind]?.[p.id];
      if (!r) continue;
      rows.push(
        r.na
          ? [SERVERS[kind].label, p.label, 'n/a', '', '', '', '', '', r.na]
          : [SERVERS[kind].label, p.label, fmt(r.rps), fmt(r.p50, 1), fmt(r.p99, 1), fmt(r.errors), fmt(r.non2xx), fmt(r.cpuUs, 1), ''],
      );
    }
  }
  const rounds = roundsFor(DURATION);
  out(
    `Throughput: ${CONNECTIONS} connections, loopback; all servers up side by side, each first warmed ${WARM_SERVER} s on the 4 hot paths; per path ${WARMUP} s warm-up each, ` +
      `then ${rounds} rounds of ${fmt(DURATION / rounds, 1)} s with every server in turn (order reversed every other round): the median round. ` +
      'CPU µs/req: the server process\'s user + system time over all its rounds, per request answered.',
  );
  out(table(['server', 'path', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx', 'CPU µs/req', 'note'], rows, ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'l']));
  out();

  const rps = (kind, id) => {
    const r = results.throughput[kind]?.[id];
    return r && !r.na ? r.rps : null;
  };
  const ratio = (a, b) => (a === null || b === null || b === 0 ? null : a / b);
  const cpu = (kind, id) => {
    const r = results.throughput[kind]?.[id];
    return r && !r.na && r.cpuUs ? r.cpuUs : null;
  };
  out('Ratios (req/s; the last two: Koa\'s CPU per request over authmock\'s, for reference, not a target)');
  out(
    table(
      ['path', 'authmock / Koa', 'strict / Koa', 'authmock / Prism', 'strict / Prism', 'CPU Koa / authmock', 'CPU Koa / strict'],
      PATHS.map((p) => [
        p.label,
        fmt(ratio(rps('authmock', p.id), rps('koa', p.id)), 2),
        fmt(ratio(rps('strict', p.id), rps('koa', p.id)), 2),
        fmt(ratio(rps('authmock', p.id), rps('prism', p.id)), 1),
        fmt(ratio(rps('strict', p.id), rps('prism', p.id)), 1),
        fmt(ratio(cpu('koa', p.id), cpu('authmock', p.id)), 2),
        fmt(ratio(cpu('koa', p.id), cpu('strict', p.id)), 2),
      ]),
      ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
  out();

  out(`Start-up: spawn → first 2xx (authmock: GET /__admin/health; others: GET /devicehq/api/v2/test), up to ${STARTUP_RUNS} runs (the last one starts the throughput runs; at most 20 s of runs per server, 25 s for Prism)`);
  out(
    table(
      ['server', 'median ms', 'runs ms', 'RSS after load MB'],
      ['authmock', 'koa', 'prism', 'strict'].map((kind) => {
        const s = results.startup[kind];
        const med = s ? median(s.runs) : null;
        return [
          SERVERS[kind].label,
          s ? (med === null ? `n/a (${s.failure})` : fmt(med)) : '-',
          s ? s.runs.map((t) => t.toFixed(0)).join(', ') : '-',
          fmt(results.rssAfterLoad[kind], 1),
        ];
      }),
      ['l', 'r', 'l', 'r'],
    ),
  );
  out();

  const m = results.memory;
  out('Memory under load (authmock, RSS of the child from /proc/<pid>/status)');
  if (m.na) out(`  n/a: ${m.na}`);
  else {
    out(`  after start ${fmt(m.rssStart, 1)} MB; after warm-up ${fmt(m.rssWarm, 1)} MB; after ${m.seconds} s of mixed load (the 4 hot paths in turn) ${fmt(m.rssAfter, 1)} MB`);
    out(`  growth after warm-up ${fmt(m.growth * 100, 1)} %; the load: ${fmt(m.load.rps)} req/s, p99 ${fmt(m.load.p99, 1)} ms, ${m.load.errors} errors, ${m.load.non2xx} non-2xx`);
  }
  out();

  const s = results.scale;
  out(`Scale (authmock, DeviceHQ GET /api/v2/test; ${fmt(LIVE_SESSIONS)} live DeviceHQ sessions and ${fmt(APP_TOKENS)} emnify application tokens seeded)`);
  const perSession = s && !s.na && s.sessionsAdded ? ((s.rssAfter - s.rssBefore) * 2 ** 20) / s.sessionsAdded : null;
  const perSessionOnly = s && !s.na && s.sessionsAdded ? ((s.rssAfter - s.rssSeeded) * 2 ** 20) / s.sessionsAdded : null;
  const reference = s?.at10warm ?? s?.at10; // 10 sessions with the JIT as warm as for the 100,000 measurement, when it ran
  const drop = s && !s.na && reference && s.atN ? 1 - s.atN.rps / reference.rps : null;
  if (s.na) out(`  n/a: ${s.na}`);
  else {
    out(
      `  ${fmt(s.sessions10)} live sessions (fresh process): ${fmt(s.at10.rps)} req/s (p99 ${fmt(s.at10.p99, 1)} ms); ` +
        `${fmt(s.sessionsLive)} live sessions: ${fmt(s.atN.rps)} req/s (p99 ${fmt(s.atN.p99, 1)} ms); ` +
        (s.at10warm
          ? `back to ${fmt(s.sessions10warm)} after POST /__admin/reset (warm, the reference): ${fmt(s.at10warm.rps)} req/s (p99 ${fmt(s.at10warm.p99, 1)} ms)`
          : 'no warm 10-session run (time budget): the fresh one is the reference'),
    );
    out(`  RSS ${fmt(s.rssBefore, 1)} MB → ${fmt(s.rssSeeded, 1)} MB with ${fmt(s.accountsSeeded)} accounts + ${fmt(s.appTokensSeeded)} emnify tokens → ${fmt(s.rssAfter, 1)} MB with the sessions`);
    out(`  per live session: ${fmt(perSession)} bytes with its account and one emnify token; ${fmt(perSessionOnly)} bytes for the session alone`);
    out(`  seeding: ${fmt(s.seedSeconds, 1)} s for the fixtures (POST /__admin/fixtures, ${fmt(FIXTURE_BATCH)} per call), ${fmt(s.sessionSeconds, 1)} s for the sessions (POST /devicehq/api/v2/session, ${fmt(s.sessionsAdded / s.sessionSeconds)} req/s)`);
  }
  out();

  // ---- targets
  const targets = [];
  const add = (name, value, pass) => targets.push({ name, value, pass });
  for (const p of PATHS.filter((x) => x.hot)) {
    const a = ratio(rps('authmock', p.id), rps('koa', p.id));
    add(`authmock ≥ 0.8 × bare Koa: ${p.label}`, a === null ? 'n/a' : `${fmt(a, 2)} ×`, a === null ? null : a >= 0.8);
  }
  for (const p of PATHS.filter((x) => x.hot)) {
    const a = ratio(rps('strict', p.id), rps('koa', p.id));
    add(`authmock --strict ≥ 0.6 × bare Koa: ${p.label}`, a === null ? 'n/a' : `${fmt(a, 2)} ×`, a === null ? null : a >= 0.6);
  }
  for (const p of PATHS) {
    const a = ratio(rps('authmock', p.id), rps('prism', p.id));
    const why = results.throughput.prism?.[p.id]?.na;
    add(`authmock ≥ 8 × Prism: ${p.label}`, a === null ? `n/a${why ? ` (${why})` : ''}` : `${fmt(a, 1)} ×`, a === null ? null : a >= 8);
  }
  for (const kind of ['authmock', 'strict']) {
    const measured = PATHS.map((p) => [p, results.throughput[kind]?.[p.id]]).filter(([, r]) => r && !r.na);
    const worst = measured.reduce((w, x) => (w === null || x[1].p99 > w[1].p99 ? x : w), null);
    add(
      `p99 ≤ 10 ms at 32 connections, ${SERVERS[kind].label}, every path`,
      worst ? `worst ${fmt(worst[1].p99, 1)} ms (${worst[0].label})` : 'n/a',
      worst ? measured.length === PATHS.length && worst[1].p99 <= 10 : null,
    );
  }
  const su = median(results.startup.authmock?.runs ?? []);
  add(`start-up ≤ 0.5 s (median of ${results.startup.authmock?.runs.length ?? 0})`, su === null ? 'n/a' : `${fmt(su)} ms`, su === null ? null : su <= 500);
  add(`RSS ≤ 120 MB after ${m.seconds ?? '?'} s of load`, m.na ? 'n/a' : `${fmt(m.rssAfter, 1)} MB`, m.na ? null : m.rssAfter <= 120);
  add('RSS flat: < 10 % growth after warm-up', m.na ? 'n/a' : `${fmt(m.growth * 100, 1)} %`, m.na ? null : m.growth < 0.1);
  add('≤ 1 KiB per live session', perSession === null ? 'n/a' : `${fmt(perSession)} bytes`, perSession === null ? null : perSession <= 1024);
  add(
    `${fmt(LIVE_SESSIONS)} live sessions cost ≤ 10 % throughput vs 10${s?.at10warm ? ' (warm)' : ''}`,
    drop === null ? 'n/a' : `${fmt(drop * 100, 1)} % ${drop < 0 ? '(faster)' : 'slower'}`,
    drop === null ? null : drop <= 0.1 && s.sessionsLive >= LIVE_SESSIONS,
  );

  out('Targets');
  for (const t of targets) out(`  ${t.pass === null ? 'N/A ' : t.pass ? 'PASS' : 'FAIL'}  ${t.name}: ${t.value}`);
  const failed = targets.filter((t) => t.pass !== true).length;
  out();
  out(`${targets.length - failed} of ${targets.length} targets passed${QUICK ? ' (--quick: a smoke run, not the figures of record)' : ''}`);
  return failed === 0;
}

// ---------------------------------------------------------------- profile mode

/** Self time per function (name + file) from a .cpuprofile, between two offsets (µs from its start). */
function selfTimes(profile, fromUs = 0, toUs = Infinity) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map();
  let t = 0;
  let sum = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    if (t < fromUs || t > toUs) continue;
    const frame = byId.get(profile.samples[i])?.callFrame;
    if (!frame) continue;
    const url = frame.url ? frame.url.replace(/^file:\/\//, '') : '';
    const where = url ? relative(ROOT, url) : '';
    const key = `${frame.functionName || '(anonymous)'}\u0000${where}`;
    const entry = totals.get(key) ?? { name: frame.functionName || '(anonymous)', where, us: 0, line: frame.lineNumber + 1 };
    entry.us += dt;
    sum += dt;
    totals.set(key, entry);
  }
  return { sum, entries: [...totals.values()].sort((a, b) => b.us - a.us) };
}

/** Inclusive (self + callees) time of the functions in `prefix` files, between two offsets (µs); recursion counted once. */
function inclusiveTimes(profile, prefix, fromUs = 0, toUs = Infinity) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const where = (frame) => (frame.url ? relative(ROOT, frame.url.replace(/^file:\/\//, '')) : '');
  const totals = new Map();
  let t = 0;
  let busy = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    if (t < fromUs || t > toUs) continue;
    let id = profile.samples[i];
    if (byId.get(id)?.callFrame.functionName === '(idle)') continue;
    busy += dt;
    const seen = new Set();
    for (; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id).callFrame;
      const file = where(frame);
      if (!file.startsWith(prefix)) continue;
      const key = `${frame.functionName || '(anonymous)'}\u0000${file}:${frame.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = totals.get(key) ?? { name: frame.functionName || '(anonymous)', where: `${file}:${frame.lineNumber + 1}`, us: 0 };
      entry.us += dt;
      totals.set(key, entry);
    }
  }
  return { busy, entries: [...totals.values()].sort((a, b) => b.us - a.us) };
}

function printInclusive(title, { busy, entries }, n) {
  out(title);
  out(
    table(
      ['#', 'total ms', '% busy', 'function', 'where'],
      entries.slice(0, n).map((e, i) => [i + 1, fmt(e.us / 1000, 1), fmt((e.us / busy) * 100, 1), e.name, e.where]),
      ['r', 'r', 'r', 'l', 'l'],
    ),
  );
  out();
}

function printTop(title, { sum, entries }, n) {
  out(title);
  const busy = entries.filter((e) => e.name !== '(idle)').reduce((a, e) => a + e.us, 0);
  out(
    table(
      ['#', 'self ms', '% all', '% busy', 'function', 'where'],
      entries.slice(0, n).map((e, i) => [
        i + 1,
        fmt(e.us / 1000, 1),
        fmt((e.us / sum) * 100, 1),
        e.name === '(idle)' ? '' : fmt((e.us / busy) * 100, 1),
        e.name,
        e.where ? `${e.where}:${e.line}` : '',
      ]),
      ['r', 'r', 'r', 'r', 'l', 'l'],
    ),
  );
  // Self time per file: which module the time goes to.
  const byFile = new Map();
  for (const e of entries) {
    if (e.name === '(idle)') continue;
    const file = e.where.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, 'node_modules/$1') || e.name;
    byFile.set(file, (byFile.get(file) ?? 0) + e.us);
  }
  out();
  out(`${title.replace(/:$/, '')}, self time per module (busy time only):`);
  out(
    table(
      ['self ms', '% busy', 'module'],
      [...byFile.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([f, us]) => [fmt(us / 1000, 1), fmt((us / busy) * 100, 1), f]),
      ['r', 'r', 'l'],
    ),
  );
  out();
}

async function profileMode() {
  const build = ensureBuilt();
  const pathId = option('--profile-path', 'devicehq-test');
  const path = PATHS.find((p) => p.id === pathId);
  if (!path) throw new Error(`--profile-path: no path '${pathId}' (known: ${PATHS.map((p) => p.id).join(', ')})`);
  const kind = flag('--strict') ? 'strict' : 'authmock';
  const dir = join(BENCH, 'profiles');
  mkdirSync(dir, { recursive: true });
  const name = `authmock-${pathId}-${kind}-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`;
  const seconds = Number(option('--duration', 8));
  out(`authmock CPU profile: ${SERVERS[kind].label}, ${path.label}, ${CONNECTIONS} connections, 3 s warm-up + ${seconds} s profiled (${build})`);
  const server = await startServer(kind, { nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}`] });
  let loadStart = performance.now();
  let result;
  try {
    const credentials = await signIn(server.url);
    const request = path.request(credentials);
    const refused = await probe(server.url, request);
    if (refused) throw new Error(`the profiled path ${refused}`);
    await load({ url: server.url, requests: [request], duration: 3 }); // JIT warm-up, left out of the summary
    loadStart = performance.now();
    result = summarise(await load({ url: server.url, requests: [request], duration: seconds }));
  } finally {
    const stopAt = performance.now();
    const exit = await server.stop(8_000);
    server.loadFromEnd = stopAt - loadStart;
    if (exit?.signal === 'SIGKILL') out('authmock did not stop on SIGTERM within 8 s; the profile may be missing');
  }
  out(`load: ${fmt(result.rps)} req/s, p50 ${fmt(result.p50, 1)} ms, p99 ${fmt(result.p99, 1)} ms, ${result.errors} errors, ${result.non2xx} non-2xx`);
  const file = join(dir, name);
  if (!existsSync(file)) throw new Error(`no profile written at ${relative(ROOT, file)}`);
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const span = profile.endTime - profile.startTime;
  // The load window: the last (SIGTERM − load start) of the profile, less the shutdown (small).
  const loadFrom = Math.max(0, span - server.loadFromEnd * 1000);
  out(`profile: ${relative(ROOT, file)} (${fmt(span / 1e6, 1)} s, ${fmt(profile.samples.length)} samples)`);
  out();
  printTop('Top 15 self-time functions during the load:', selfTimes(profile, loadFrom, span), 15);
  printInclusive('authmock\'s own functions (dist/) by inclusive time during the load (self + everything they call):', inclusiveTimes(profile, 'dist/', loadFrom, span), 20);
  // Start-up: the profile begins a little after the spawn, so spawn → ready bounds it from above.
  printTop(`Top 10 self-time functions during start-up (spawn → ready took ${fmt(server.startupMs)} ms):`, selfTimes(profile, 0, Math.min(server.startupMs * 1000, loadFrom)), 10);
  return true;
}

// ---------------------------------------------------------------- main

async function main() {
  if (PROFILE) return profileMode();
  const results = { startup: {}, throughput: {}, rssAfterLoad: {}, memory: {}, scale: {} };
  const box = machine();
  const build = ensureBuilt();
  log(build);
  const tmp = mkdtempSync(join(os.tmpdir(), 'authmock-bench-'));
  let prismDocument;
  let prismFailure;
  try {
    if (flag('--no-prism')) prismFailure = 'skipped (--no-prism)';
    else if (!existsSync(join(BENCH, 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js'))) prismFailure = 'Prism is not installed (npm --prefix bench ci)';
    else {
      try {
        prismDocument = await bundleForPrism(tmp);
      } catch (error) {
        prismFailure = `the document could not be bundled for Prism: ${error.message}`;
      }
    }
    const only = option('--only', null);
    const run = (phase) => only === null || only.split(',').includes(phase);
    if (run('startup')) await phaseStartup(results, prismDocument);
    if (prismDocument && STARTUP_RUNS > 1 && results.startup.prism && !results.startup.prism.runs.length) {
      prismFailure = `Prism did not start: ${results.startup.prism.failure}`;
      prismDocument = undefined;
    }
    if (run('throughput')) await phaseThroughput(results, prismDocument, prismFailure);
    if (run('scale')) await phaseScale(results);
    else results.scale = { na: 'not run (--only)' };
    if (run('memory')) await phaseMemory(results);
    else results.memory = { na: 'not run (--only)' };
    results.state = run('state') ? await phaseStateWrites({ startServer, log, remaining }) : { na: 'not run (--only)' };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  out();
  out(`authmock benchmark — ${new Date().toISOString()}`);
  out(`machine: ${box.cpu}, ${box.memory}, ${box.os}, Node ${box.node}; load average at start ${box.load}, at end ${machine().load}`);
  out(
    `build: ${build}; Prism: ${prismDocument ? `@stoplight/prism-cli ${prismVersion()}, log level ${flag('--prism-quiet') ? 'error' : 'default (info)'}` : `n/a (${prismFailure})`}; autocannon ${packageVersion('autocannon')}`,
  );
  out(`total time ${fmt(elapsed() / 1000, 1)} s (budget ${BUDGET_S} s)`);
  const busy = Number(box.load.split(' ')[0]);
  if (busy > os.cpus().length * 0.5) {
    out(`NOTE: the machine was busy before the bench started (load average ${busy} on ${os.cpus().length} CPUs): other processes share the CPUs with the servers and autocannon, so figures and ratios are noisy.`);
  }
  out();
  const passed = report(results);
  out();
  printStateWrites(results.state, out);
  return passed && results.state.pass !== false;
}

function packageVersion(name) {
  try {
    return JSON.parse(readFileSync(join(BENCH, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}
const prismVersion = () => packageVersion('@stoplight/prism-cli');

main().then(
  (ok) => {
    killChildren();
    process.exit(ok ? 0 : 1);
  },
  (error) => {
    process.stdout.write(`bench: ${error.stack ?? error.message}\n`);
    killChildren();
    process.exit(2);
  },
);
