// Phase "scale": the hot path at 10 and at 100,000 live sessions, and the bytes per live session.

import { state, WARMUP, WARM_SERVER, CONNECTIONS, LIVE_SESSIONS, APP_TOKENS, FIXTURE_BATCH, remaining, sleep, log } from '../options.mjs';
import { rssMb, startServer } from '../servers.mjs';
import { load, measure } from '../load.mjs';
import { call, signIn, PATHS } from '../paths.mjs';
import { fmt } from '../report.mjs';

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
    if (phaseDeadline + 10_000 - performance.now() > 2 * (WARMUP + state.duration) * 1000) {
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

export { seedFixtures, benchKey, openSessions, phaseScale };
