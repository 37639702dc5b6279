// Profile mode: authmock under one path with --cpu-prof, and the top functions by self and inclusive time.

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BENCH, ROOT, flag, option, CONNECTIONS } from '../options.mjs';
import { SERVERS, startServer, ensureBuilt } from '../servers.mjs';
import { load, summarise } from '../load.mjs';
import { call, signIn, PATHS, probe } from '../paths.mjs';
import { fmt, table, out } from '../report.mjs';

/** The samples of a .cpuprofile between two offsets (µs from its start): [node id, µs] each. */
function* samplesBetween(profile, fromUs, toUs) {
  let t = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    if (t >= fromUs && t <= toUs) yield [profile.samples[i], dt];
  }
}

/** Self time per function (name + file) from a .cpuprofile, between two offsets (µs from its start). */
function selfTimes(profile, fromUs = 0, toUs = Infinity) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map();
  let sum = 0;
  for (const [sample, dt] of samplesBetween(profile, fromUs, toUs)) {
    const frame = byId.get(sample)?.callFrame;
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
  let busy = 0;
  for (const [sample, dt] of samplesBetween(profile, fromUs, toUs)) {
    let id = sample;
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

export { selfTimes, inclusiveTimes, printInclusive, printTop, profileMode };
