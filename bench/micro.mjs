// In-process cost of the per-call work that speed tricks once replaced: µs per call, median of interleaved rounds.
//
//   node bench/micro.mjs                 the plain calls authmock makes today
//   node bench/micro.mjs --old <dist>    the same beside the tricks of an older build (e.g. a copy of dist/ from
//                                        before issue 16), for the notes in README.md
// Not a test and not a target: it prints what each call costs so a trick can be judged against the CPU per request
// that the bench measures (bench/run.mjs).

import { createRequire } from 'node:module';
import { randomBytes, timingSafeEqual, hash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const oldDist = argv.includes('--old') ? resolve(argv[argv.indexOf('--old') + 1]) : undefined;
const ROUNDS = 7;
const CALLS = 20_000;

const { fullFormats } = require(join(ROOT, 'node_modules/ajv-formats/dist/formats.js'));
const dateTime = fullFormats['date-time'].validate;
const secrets = await import(pathToFileURL(join(ROOT, 'dist/engine/secrets.js')).href);
const old = oldDist
  ? {
      clock: await import(pathToFileURL(join(oldDist, 'world/clock.js')).href),
      formats: await import(pathToFileURL(join(oldDist, 'engine/validate/formats.js')).href),
      secrets: await import(pathToFileURL(join(oldDist, 'engine/secrets.js')).href),
    }
  : undefined;

const NOW = Date.UTC(2026, 11, 1);
/** Stored dates as a list response repeats them, and a clock's fresh timestamps. */
const STORED = Array.from({ length: 10 }, (_, i) => new Date(NOW - i * 86_400_123).toISOString());
const record = { id: 'g-1', name: 'guardian', token_hash: 'a'.repeat(64), salt: 'b'.repeat(32), last_ping: NOW, battery: 87, site: 'x' };
const digestA = hash('sha256', 'one', 'hex');
const digestB = hash('sha256', 'two', 'hex');

/** name → [plain, trick?]: each receives the call number. */
const cases = [
  ['date → ISO text', (i) => new Date(NOW + i).toISOString(), old && ((i) => old.clock.toIso(NOW + i))],
  ['date → HTTP date', (i) => new Date(NOW + i * 1000).toUTCString(), old && ((i) => old.clock.toUtcString(NOW + i * 1000))],
  ['date-time check, stored date', (i) => dateTime(STORED[i % 10]), old && ((i) => old.formats.FORMATS['date-time'].validate(STORED[i % 10]))],
  ['date-time check, fresh timestamp', (i) => dateTime(new Date(NOW + i).toISOString()), old && ((i) => old.formats.FORMATS['date-time'].validate(new Date(NOW + i).toISOString()))],
  ['16 random bytes as hex', () => randomBytes(16).toString('hex'), old && (() => old.secrets.randomHex(16))],
  ['24 random base36 characters', () => secrets.randomBase36(24), old && (() => old.secrets.randomBase36(24))],
  ['digest comparison', () => timingSafeEqual(Buffer.from(digestA), Buffer.from(digestB)), old && (() => old.secrets.sameDigest(digestA, digestB))],
  ['record copy, spread', () => ({ ...record, battery: 80 }), undefined],
  ['record copy, structuredClone', () => structuredClone(record), undefined],
];

function time(fn) {
  const began = process.cpuUsage();
  for (let i = 0; i < CALLS; i++) fn(i);
  const used = process.cpuUsage(began);
  return (used.user + used.system) / CALLS;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (us) => (us === undefined ? 'n/a' : us.toFixed(2));
console.log(`µs per call (CPU), median of ${ROUNDS} interleaved rounds of ${CALLS.toLocaleString('en-US')} calls; Node ${process.version}`);
console.log(`${'call'.padEnd(34)}  ${'plain'.padStart(7)}  ${'trick'.padStart(7)}  saved`);
for (const [name, plain, trick] of cases) {
  for (let i = 0; i < 2_000; i++) plain(i), trick?.(i);
  const a = [];
  const b = [];
  for (let r = 0; r < ROUNDS; r++) {
    if (r % 2 === 0) a.push(time(plain)), trick && b.push(time(trick));
    else trick && b.push(time(trick)), a.push(time(plain));
  }
  const p = median(a);
  const t = trick ? median(b) : undefined;
  console.log(`${name.padEnd(34)}  ${fmt(p).padStart(7)}  ${fmt(t).padStart(7)}  ${t === undefined ? '' : fmt(p - t)}`);
}
