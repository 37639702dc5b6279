#!/usr/bin/env node
// Soak: start the built CLI on 127.0.0.1, drive ~SOAK_RATE req/s (default 1000) of mixed flows for SOAK_SECONDS
// (default 60, at most 900) after SOAK_WARMUP_SECONDS (default 30) of the same load, from a bounded pool of
// SOAK_CONNECTIONS (default 16) keep-alive connections, then print 5xx, socket errors, p50/p99 latency and RSS after
// warm-up and at the end. Exits 1 if 5xx > 0, socket errors > 0, p99 >= 50 ms or RSS grew >= 10 % (2 on a set-up error).
//
//   npm run build && SOAK_SECONDS=20 node scripts/soak.mjs

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.mjs';

const SECONDS = Math.min(Math.max(Number(process.env.SOAK_SECONDS ?? 60), 1), 900);
const RATE = Math.min(Math.max(Number(process.env.SOAK_RATE ?? 1000), 1), 5000);
// V8 keeps sizing its heap for the first ~30-50 s at 1000 req/s (RSS then plateaus): growth is measured after that.
const WARMUP_SECONDS = Math.min(Math.max(Number(process.env.SOAK_WARMUP_SECONDS ?? 30), 0), 120);
const CONNECTIONS = Math.min(Math.max(Number(process.env.SOAK_CONNECTIONS ?? 16), 1), 256);
const MAX_IN_FLIGHT = CONNECTIONS * 4;
const HOST = '127.0.0.1';
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

const LIMITS = { p99Ms: 50, rssGrowthPct: 10 };

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function rssKiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match ? Number(match[1]) : NaN;
}

const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS, maxFreeSockets: CONNECTIONS });

/** One request on the pool; resolves { status, body, ms } or { error, ms }. */
function send(port, { method, path, headers = {}, body }) {
  return new Promise((resolve) => {
    const begin = performance.now();
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const all = { ...headers };
    if (payload !== undefined) {
      all['content-type'] ??= 'application/json';
      all['content-length'] = Buffer.byteLength(payload);
    } else if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
      all['content-length'] = 0;
    }
    const req = request({ host: HOST, port, method, path, headers: all, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - begin }));
      res.on('error', (error) => resolve({ error, ms: performance.now() - begin }));
    });
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.on('error', (error) => resolve({ error, ms: performance.now() - begin }));
    req.end(payload);
  });
}

async function start() {
  const port = await freePort(HOST);
  const child = spawn(process.execPath, [CLI, 'serve', '--host', HOST, '--port', String(port), '--log-level', 'warn', '--log-format', 'json'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d.toString()));
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`authmock exited ${child.exitCode}: ${stderr}`);
    const res = await send(port, { method: 'GET', path: '/__admin/health' });
    if (res.status === 200) return { child, port };
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`authmock did not answer /__admin/health within 15 s: ${stderr}`);
}

async function setUp(port) {
  const json = async (req) => {
    const res = await send(port, req);
    if (res.status !== 200) throw new Error(`set-up ${req.method} ${req.path} answered ${res.status}: ${res.body ?? res.error}`);
    return JSON.parse(res.body);
  };
  const session = (await json({ method: 'POST', path: '/devicehq/api/v2/session', headers: { 'x-api-key': '5sHszZNuTfmgs58VGA' } })).meta.token;
  const emnify = (await json({ method: 'POST', path: '/emnify/api/v1/authenticate', body: { application_token: 'kNTktNTA1My00YzdhLTg0NjEtZGVtby1hcHAtdG9rZW4' } })).auth_token;
  const duet = (
    await json({
      method: 'POST',
      path: '/duet/1/account/sign_in',
      headers: { 'x-application-token': 'duet-iphone-app-token' },
      body: { account: { login: 'demo@duet.example', password: 'duet-demo-password' } },
    })
  ).account.authentication_token;
  return { session, emnify, duet };
}

/** The traffic mix: hot authenticated reads, sign-ins that do crypto, session churn, and expected refusals. */
function mix(creds) {
  const guardian = { 'x-auth-user': 'guardian/df72c626229f', 'x-auth-token': '5ffd69500c83b9d948f5d0852538b5b983453182' };
  const weighted = [
    [20, { method: 'GET', path: '/devicehq/api/v2/test', headers: { 'x-auth-token': creds.session } }],
    [10, { method: 'GET', path: '/devicehq/api/v2/devices?limit=2&skip=1', headers: { 'x-auth-token': creds.session } }],
    [15, { method: 'GET', path: '/emnify/api/v1/endpoint?per_page=2', headers: { authorization: `Bearer ${creds.emnify}` } }],
    [10, { method: 'POST', path: '/rfcx/v2/guardians/df72c626229f/pings', headers: guardian, body: { battery: 80 } }],
    [5, { method: 'GET', path: '/rfcx/v1/guardians/df72c626229f/software/guardian', headers: guardian }],
    [10, { method: 'GET', path: '/duet/1/account', headers: { 'x-application-token': 'duet-iphone-app-token', 'x-account-token': creds.duet } }],
    [5, { method: 'GET', path: '/devicehq/api/v2/info' }],
    [5, { method: 'GET', path: '/rfcx/v1/guardians/a1b2c3d4e5f6/software/updater', headers: { 'x-auth-user': 'user/6f1e2d3c-4b5a-4c69-8e7f-9a0b1c2d3e4f', 'x-auth-token': 'rfcxdemousertoken7k3m9q2x5c8v1b4n6z0a2s4' } }],
    [4, { method: 'POST', path: '/emnify/api/v1/authenticate', body: { application_token: 'kNTktNTA1My00YzdhLTg0NjEtZGVtby1hcHAtdG9rZW4' } }],
    [3, { method: 'POST', path: '/duet/1/account/sign_in', headers: { 'x-application-token': 'duet-android-app-token' }, body: 'account[login]=demo%40duet.example&account[password]=duet-demo-password', contentType: 'application/x-www-form-urlencoded' }],
    [3, { method: 'PUT', path: '/devicehq/api/v2/session?api_key=Z9yXwVuTsRqPoNmLkJ' }],
    [5, { method: 'GET', path: '/devicehq/api/v2/test', headers: { 'x-auth-token': 'not-a-live-token' } }],
    [3, { method: 'GET', path: '/emnify/api/v1/application_token', headers: { authorization: 'Bearer a.b.c' } }],
    [2, { method: 'GET', path: '/rfcx/v1/guardians/df72c626229f/software/guardian', headers: { 'x-auth-user': 'user/nobody', 'x-auth-token': 'wrong' } }],
  ];
  const table = [];
  for (const [weight, req] of weighted) {
    const built = req.contentType ? { ...req, headers: { ...req.headers, 'content-type': req.contentType } } : req;
    for (let i = 0; i < weight; i++) table.push(built);
  }
  let next = 0;
  return () => table[(next = (next + 7) % table.length)];
}

/** Open-loop pacing at RATE req/s for `seconds`, never more than MAX_IN_FLIGHT outstanding. */
async function drive(port, pick, seconds, record) {
  const begin = performance.now();
  const end = begin + seconds * 1000;
  let sent = 0;
  let inFlight = 0;
  let throttled = 0;
  const pending = new Set();
  while (performance.now() < end) {
    const due = Math.floor(((performance.now() - begin) / 1000) * RATE);
    while (sent < due) {
      if (inFlight >= MAX_IN_FLIGHT) {
        throttled++;
        break;
      }
      sent++;
      inFlight++;
      const p = send(port, pick()).then((result) => {
        inFlight--;
        pending.delete(p);
        record(result);
      });
      pending.add(p);
    }
    await sleep(2);
  }
  await Promise.all(pending);
  return { sent, seconds: (performance.now() - begin) / 1000, throttled };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main() {
  console.log(`soak: ${RATE} req/s for ${SECONDS} s after ${WARMUP_SECONDS} s of warm-up, ${CONNECTIONS} keep-alive connections, ${HOST} only`);
  const { child, port } = await start();
  let code = 1;
  try {
    const creds = await setUp(port);
    const pick = mix(creds);
    const warm = { n: 0, errors: 0 };
    await drive(port, pick, WARMUP_SECONDS, (r) => {
      warm.n++;
      if (r.error) warm.errors++;
    });
    const rssWarm = rssKiB(child.pid);
    const samples = [];
    const sampler = setInterval(() => samples.push(Number((rssKiB(child.pid) / 1024).toFixed(1))), 5_000);
    const latencies = [];
    const statuses = new Map();
    let socketErrors = 0;
    const errorKinds = new Map();
    const run = await drive(port, pick, SECONDS, (r) => {
      if (r.error) {
        socketErrors++;
        errorKinds.set(r.error.code ?? r.error.message, (errorKinds.get(r.error.code ?? r.error.message) ?? 0) + 1);
        return;
      }
      latencies.push(r.ms);
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    });
    clearInterval(sampler);
    const rssEnd = rssKiB(child.pid);
    latencies.sort((a, b) => a - b);
    const fiveXX = [...statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    const growth = ((rssEnd - rssWarm) / rssWarm) * 100;
    const figures = {
      requests: run.sent,
      achieved_rps: Math.round(run.sent / run.seconds),
      statuses: Object.fromEntries([...statuses].sort(([a], [b]) => a - b)),
      five_xx: fiveXX,
      socket_errors: socketErrors,
      socket_error_kinds: Object.fromEntries(errorKinds),
      throttled_ticks: run.throttled,
      p50_ms: Number(p50.toFixed(2)),
      p99_ms: Number(p99.toFixed(2)),
      max_ms: Number((latencies[latencies.length - 1] ?? NaN).toFixed(2)),
      rss_warm_mib: Number((rssWarm / 1024).toFixed(1)),
      rss_end_mib: Number((rssEnd / 1024).toFixed(1)),
      rss_growth_pct: Number(growth.toFixed(2)),
      rss_every_5s_mib: samples,
      warmup_requests: warm.n,
    };
    console.log(JSON.stringify(figures, null, 2));
    const failures = [];
    if (fiveXX > 0) failures.push(`${fiveXX} responses were 5xx`);
    if (socketErrors > 0) failures.push(`${socketErrors} socket errors`);
    if (!(p99 < LIMITS.p99Ms)) failures.push(`p99 ${p99.toFixed(2)} ms >= ${LIMITS.p99Ms} ms`);
    if (!(growth < LIMITS.rssGrowthPct)) failures.push(`RSS grew ${growth.toFixed(2)} % >= ${LIMITS.rssGrowthPct} %`);
    console.log(failures.length === 0 ? 'soak: PASS' : `soak: FAIL: ${failures.join('; ')}`);
    code = failures.length === 0 ? 0 : 1;
  } finally {
    agent.destroy();
    child.kill('SIGTERM');
    const exited = await Promise.race([new Promise((r) => child.once('exit', () => r(true))), sleep(6_000).then(() => false)]);
    if (!exited) child.kill('SIGKILL');
  }
  process.exitCode = code;
}

main().catch((error) => {
  console.error(`soak: ${error.stack ?? error}`);
  process.exitCode = 2;
});
