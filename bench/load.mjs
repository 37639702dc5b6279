// Load and measurement: autocannon runs, CPU ticks from /proc, interleaved rounds combined into one figure.

import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { state, WARMUP, CONNECTIONS } from './options.mjs';

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
  return summarise(await load({ url, requests: [request], duration: state.duration }));
}

/** The middle value (the mean of the two middle ones for an even count), or null for none. */
const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? null : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

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

/** Rounds per path: each server is measured in turn, ROUNDS times, state.duration / ROUNDS seconds each. */
const roundsFor = (duration) => Math.max(2, Math.round(duration));

/** One server's rounds on one path: the median round (req/s, latencies, CPU per request). */
function combineRounds(rounds) {
  const total = rounds.reduce((sum, r) => sum + r.total, 0);
  const cpu = rounds.every((r) => r.ticks !== null && r.total > 0) ? rounds.map((r) => (r.ticks * TICK_US) / r.total) : null;
  return {
    rps: median(rounds.map((r) => r.rps)),
    total,
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    non2xx: rounds.reduce((sum, r) => sum + r.non2xx, 0),
    cpuUs: cpu === null ? null : median(cpu),
    rounds: rounds.map((r) => r.rps),
  };
}

export { median, load, summarise, measure, cpuTicks, TICK_US, roundsFor, combineRounds };
