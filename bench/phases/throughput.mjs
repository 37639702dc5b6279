// Phase "throughput": every server side by side, each path measured in interleaved rounds.

import { MAX_DURATION, state, WARMUP, WARM_SERVER, remaining, log } from '../options.mjs';
import { rssMb, SERVERS, startServer } from '../servers.mjs';
import { median, load, summarise, cpuTicks, roundsFor, combineRounds } from '../load.mjs';
import { PLACEHOLDER_CREDENTIALS, signIn, PATHS, probe } from '../paths.mjs';
import { fmt } from '../report.mjs';

/** Seconds measured per path so that the four servers fit and leave ~80 s to the scale and memory (30 s) phases. */
function fitDuration(results, servers) {
  const startMs = (kind) => median(results.startup[kind]?.runs ?? []) ?? 3_000;
  const overheadMs = servers.reduce((sum, kind) => sum + startMs(kind) + WARM_SERVER * 1000 + 2_000, 0); // start, sign-in, warm-up, stop
  const perPathMs = (remaining() - 80_000 - overheadMs) / (servers.length * PATHS.length) - 200; // less the probe
  return Math.max(Math.min(2, MAX_DURATION), Math.min(MAX_DURATION, Math.floor((perPathMs / 1000 - WARMUP) * 2) / 2));
}

/**
 * All servers run side by side; for each path every server is measured in turn, round after round (the order
 * reversed every other round), so that a change in the machine's load during the run falls on all of them alike.
 * A server's figure for a path is its median round. On a machine shared with other work, measuring one server after
 * the other gave ratios that moved by 30 % and more between runs.
 */
async function phaseThroughput(results, prismDocument, prismFailure) {
  const order = ['koa', 'authmock', 'strict', 'prism'];
  state.duration = fitDuration(results, prismDocument ? order : order.slice(0, 3));
  if (state.duration < MAX_DURATION) log(`time budget: ${state.duration} s measured per path (instead of ${MAX_DURATION} s)`);
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
    const rounds = roundsFor(state.duration);
    const roundSeconds = state.duration / rounds;
    for (const p of PATHS) {
      const needed = servers.length * (WARMUP + state.duration + 1) * 1000;
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

export { fitDuration, phaseThroughput };
