// The report: tables, the figures of record beside today's, and the targets (judged on CPU µs per request).

import { readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { BENCH, QUICK, state, WARMUP, WARM_SERVER, CONNECTIONS, STARTUP_RUNS, LIVE_SESSIONS, APP_TOKENS, FIXTURE_BATCH } from './options.mjs';
import { SERVERS } from './servers.mjs';
import { median, roundsFor } from './load.mjs';
import { PATHS } from './paths.mjs';

/** The figures of record (bench/record.json): printed beside today's, so a run is read against the last careful one. */
const RECORD = JSON.parse(readFileSync(join(BENCH, 'record.json'), 'utf8'));
const recorded = (kind, id) => RECORD.throughput[kind]?.[id] ?? null;

const fmt = (n, digits = 0) => (n === null || n === undefined || Number.isNaN(n) ? 'n/a' : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));

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


function report(results) {
  const rows = [];
  for (const kind of ['koa', 'authmock', 'strict', 'prism']) {
    for (const p of PATHS) {
      const r = results.throughput[kind]?.[p.id];
      if (!r) continue;
      rows.push(
        r.na
          ? [SERVERS[kind].label, p.label, 'n/a', fmt(recorded(kind, p.id)?.rps), '', '', '', '', '', fmt(recorded(kind, p.id)?.cpuUs, 1), r.na]
          : [SERVERS[kind].label, p.label, fmt(r.rps), fmt(recorded(kind, p.id)?.rps), fmt(r.p50, 1), fmt(r.p99, 1), fmt(r.errors), fmt(r.non2xx), fmt(r.cpuUs, 1), fmt(recorded(kind, p.id)?.cpuUs, 1), ''],
      );
    }
  }
  const rounds = roundsFor(state.duration);
  out(
    `Throughput: ${CONNECTIONS} connections, loopback; all servers up side by side, each first warmed ${WARM_SERVER} s on the 4 hot paths; per path ${WARMUP} s warm-up each, ` +
      `then ${rounds} rounds of ${fmt(state.duration / rounds, 1)} s with every server in turn (order reversed every other round): the median round. ` +
      'CPU µs/req: the server process\'s user + system time in a round per request answered, the median round. "of record": bench/record.json.',
  );
  out(table(['server', 'path', 'req/s', 'of record', 'p50 ms', 'p99 ms', 'errors', 'non-2xx', 'CPU µs/req', 'of record', 'note'], rows, ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l']));
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
  const cpuOfRecord = (kind, id) => recorded(kind, id)?.cpuUs ?? null;
  out('Ratios of CPU per request (the targets: authmock / Koa ≤ 1.25, strict / Koa ≤ 1.67, Prism / authmock ≥ 8), each beside its figure of record; then req/s, for reference');
  out(
    table(
      ['path', 'CPU authmock / Koa', 'of record', 'CPU strict / Koa', 'of record', 'CPU Prism / authmock', 'of record', 'req/s authmock / Koa', 'req/s authmock / Prism'],
      PATHS.map((p) => [
        p.label,
        fmt(ratio(cpu('authmock', p.id), cpu('koa', p.id)), 2),
        fmt(ratio(cpuOfRecord('authmock', p.id), cpuOfRecord('koa', p.id)), 2),
        fmt(ratio(cpu('strict', p.id), cpu('koa', p.id)), 2),
        fmt(ratio(cpuOfRecord('strict', p.id), cpuOfRecord('koa', p.id)), 2),
        fmt(ratio(cpu('prism', p.id), cpu('authmock', p.id)), 1),
        fmt(ratio(cpuOfRecord('prism', p.id), cpuOfRecord('authmock', p.id)), 1),
        fmt(ratio(rps('authmock', p.id), rps('koa', p.id)), 2),
        fmt(ratio(rps('authmock', p.id), rps('prism', p.id)), 1),
      ]),
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
  out();

  out(`Start-up: spawn → first 2xx (authmock: GET /__admin/health; others: GET /devicehq/api/v2/test), up to ${STARTUP_RUNS} runs (the last one starts the throughput runs; at most 20 s of runs per server, 25 s for Prism)`);
  out(
    table(
      ['server', 'median ms', 'of record', 'runs ms', 'RSS after load MB'],
      ['authmock', 'koa', 'prism', 'strict'].map((kind) => {
        const s = results.startup[kind];
        const med = s ? median(s.runs) : null;
        return [
          SERVERS[kind].label,
          s ? (med === null ? `n/a (${s.failure})` : fmt(med)) : '-',
          fmt(RECORD.startupMs[kind]),
          s ? s.runs.map((t) => t.toFixed(0)).join(', ') : '-',
          fmt(results.rssAfterLoad[kind], 1),
        ];
      }),
      ['l', 'r', 'r', 'l', 'r'],
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
  /** A CPU-per-request ratio target: today's figure, with the one of record beside it. */
  const cpuTarget = (name, over, under, limit, atMost, digits, why) => {
    const today = ratio(cpu(over, name.id), cpu(under, name.id));
    const before = ratio(cpuOfRecord(over, name.id), cpuOfRecord(under, name.id));
    const value = today === null ? `n/a${why ? ` (${why})` : ''}` : `${fmt(today, digits)} × (of record ${fmt(before, digits)} ×)`;
    return [value, today === null ? null : atMost ? today <= limit : today >= limit];
  };
  for (const p of PATHS.filter((x) => x.hot)) add(`CPU/req authmock ≤ 1.25 × bare Koa: ${p.label}`, ...cpuTarget(p, 'authmock', 'koa', 1.25, true, 2));
  for (const p of PATHS.filter((x) => x.hot)) add(`CPU/req authmock --strict ≤ 1.67 × bare Koa: ${p.label}`, ...cpuTarget(p, 'strict', 'koa', 1.67, true, 2));
  for (const p of PATHS) add(`CPU/req Prism ≥ 8 × authmock: ${p.label}`, ...cpuTarget(p, 'prism', 'authmock', 8, false, 1, results.throughput.prism?.[p.id]?.na));
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
  add(`start-up ≤ 0.5 s, no cache (median of ${results.startup.authmock?.runs.length ?? 0})`, su === null ? 'n/a' : `${fmt(su)} ms (of record ${fmt(RECORD.startupMs.authmock)} ms, with a warm cache)`, su === null ? null : su <= 500);
  add(`RSS ≤ 120 MB after ${m.seconds ?? '?'} s of load`, m.na ? 'n/a' : `${fmt(m.rssAfter, 1)} MB`, m.na ? null : m.rssAfter <= 120);
  add('RSS flat: < 10 % growth after warm-up', m.na ? 'n/a' : `${fmt(m.growth * 100, 1)} %`, m.na ? null : m.growth < 0.1);
  add('≤ 1 KiB per live session', perSession === null ? 'n/a' : `${fmt(perSession)} bytes (of record ${fmt(RECORD.scale.bytesPerSession)})`, perSession === null ? null : perSession <= 1024);
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

export { fmt, table, out, machine, report };
