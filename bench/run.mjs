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
//
// The phases live in bench/phases/, the servers in servers.mjs, the load in load.mjs, the report in report.mjs.

import os from 'node:os';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH, flag, option, PROFILE, state, STARTUP_RUNS, BUDGET_S, elapsed, remaining, log } from './options.mjs';
import { killChildren, startServer, ensureBuilt, bundleForPrism } from './servers.mjs';
import { fmt, out, machine, report } from './report.mjs';
import { phaseStartup } from './phases/startup.mjs';
import { phaseThroughput } from './phases/throughput.mjs';
import { phaseScale } from './phases/scale.mjs';
import { phaseMemory } from './phases/memory.mjs';
import { profileMode } from './phases/profile.mjs';
import { phaseStateWrites, printStateWrites } from './phases/state.mjs';

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
