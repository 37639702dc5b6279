// The bench's options, time budget, clock and log: parsed once from the command line, shared by every module.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
/** What the run decides as it goes: the seconds measured per path, shortened (not below 2 s) when the budget needs it. */
const state = { duration: MAX_DURATION };
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

export { T0, BENCH, ROOT, HOST, argv, flag, option, QUICK, PROFILE, MAX_DURATION, state, WARMUP, WARM_SERVER, CONNECTIONS, STARTUP_RUNS, LIVE_SESSIONS, APP_TOKENS, FIXTURE_BATCH, BUDGET_S, SOFT_LIMIT_MS, HARD_LIMIT_MS, elapsed, remaining, sleep, log };
