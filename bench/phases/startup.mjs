// Phase "startup": spawn → first 2xx, a few runs per server.

import { STARTUP_RUNS, remaining, log } from '../options.mjs';
import { SERVERS, startServer } from '../servers.mjs';

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

export { phaseStartup };
