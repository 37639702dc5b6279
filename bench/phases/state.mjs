// Bench phase "state": the latency of a durable write (a DeviceHQ sign-in with --state) at 10 and at 100,000 records.
// Target (issue 17): with 100,000 accounts the sign-in's median is within 2× of a fresh database's.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

const SIGN_INS = 300; // sequential, one at a time: the latency of one acknowledged write each
const BIG = 100_000;
const BATCH = 5_000; // accounts per POST /__admin/fixtures (the body limit is 1 MiB)
const TARGET_RATIO = 2;

const key = (i) => `stateBench${String(i).padStart(8, '0')}`;
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/** Median and p99 (ms) of SIGN_INS sequential sign-ins with account `key(i)` (after a short warm-up). */
async function signInLatency(url, account) {
  const once = async () => {
    const t = performance.now();
    const res = await fetch(`${url}/devicehq/api/v2/session`, { method: 'POST', headers: { 'x-api-key': account, 'content-length': '0' } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`sign-in answered ${res.status}`);
    return performance.now() - t;
  };
  for (let i = 0; i < 30; i++) await once();
  const times = [];
  for (let i = 0; i < SIGN_INS; i++) times.push(await once());
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p99: quantile(times, 0.99) };
}

async function seed(url, from, count) {
  for (let start = from; start < from + count; start += BATCH) {
    const n = Math.min(BATCH, from + count - start);
    const accounts = Array.from({ length: n }, (_, k) => ({ id: `sb-${start + k}`, name: `State bench ${start + k}`, api_key: key(start + k) }));
    const res = await fetch(`${url}/__admin/fixtures`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ devicehq: { accounts } }) });
    if (res.status !== 200) throw new Error(`POST /__admin/fixtures answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
  }
}

/** Runs the phase with the bench's own server starter; returns the figures (or `na` with the reason). */
export async function phaseStateWrites({ startServer, log, remaining }) {
  if (remaining() < 40_000) return { na: 'skipped: time budget' };
  const dir = mkdtempSync(join(os.tmpdir(), 'authmock-bench-state-'));
  const server = await startServer('authmock', { args: ['--state', join(dir, 'state.db')] });
  try {
    await seed(server.url, 0, 1);
    const fresh = await signInLatency(server.url, key(0));
    log(`state: sign-in with a fresh database: p50 ${fresh.p50.toFixed(2)} ms`);
    const t = performance.now();
    await seed(server.url, 1, BIG - 1);
    const seedSeconds = (performance.now() - t) / 1000;
    const big = await signInLatency(server.url, key(BIG - 1));
    log(`state: sign-in with ${BIG.toLocaleString('en-US')} accounts: p50 ${big.p50.toFixed(2)} ms`);
    const ratio = big.p50 / fresh.p50;
    return { fresh, big, records: BIG, seedSeconds, ratio, pass: ratio <= TARGET_RATIO };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printStateWrites(r, out) {
  if (!r || r.na) {
    out(`state writes (--state, SQLite): n/a (${r?.na ?? 'not run'})`);
    return;
  }
  out('state writes (--state, SQLite): latency of one durable DeviceHQ sign-in, sequential');
  out(`  fresh database (10 records):  p50 ${r.fresh.p50.toFixed(2)} ms, p99 ${r.fresh.p99.toFixed(2)} ms`);
  out(`  ${r.records.toLocaleString('en-US')} accounts (seeded in ${r.seedSeconds.toFixed(1)} s): p50 ${r.big.p50.toFixed(2)} ms, p99 ${r.big.p99.toFixed(2)} ms`);
  out(`  ${r.pass ? 'PASS' : 'FAIL'} ratio ${r.ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×)`);
}
