#!/usr/bin/env node
// Pact's Rust core ships as one optional npm package per platform (@pact-foundation/pact-core-linux-x64-glibc, ...).
// npm skips an optional package silently when its platform check fails (npm reads the C library's family from
// /usr/bin/ldd, Pact from detect-libc; the two can disagree) or when fetching it fails, and Pact then cannot load
// at all. This script finds the package Pact will ask for, and when it is missing fetches exactly the version and
// tarball the lockfile names with `npm pack` (the configured registry and cache) and unpacks it beside pact-core.
//
//   node scripts/ensure-pact-native.mjs           exit 1 if the package is still missing afterwards
//   node scripts/ensure-pact-native.mjs --warn    never fail (used from postinstall)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const warnOnly = process.argv.includes('--warn');
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

function say(message) {
  process.stderr.write(`ensure-pact-native: ${message}\n`);
}

function finish(ok, message) {
  say(message);
  process.exit(ok || warnOnly ? 0 : 1);
}

let pactCoreDir;
try {
  pactCoreDir = dirname(require.resolve('@pact-foundation/pact-core/package.json'));
} catch {
  finish(false, '@pact-foundation/pact-core is not installed (run npm ci first)');
}
const pactCore = JSON.parse(readFileSync(join(pactCoreDir, 'package.json'), 'utf8'));
const coreRequire = createRequire(join(pactCoreDir, 'package.json'));

// The same name pact-core's src/ffi/index.js computes.
const os = ['win32', 'cygwin'].includes(process.platform) ? 'windows' : process.platform;
let libc = '';
if (os === 'linux') {
  const detectLibc = coreRequire('detect-libc');
  libc = detectLibc.isNonGlibcLinuxSync() ? '-musl' : '-glibc';
}
const name = `@pact-foundation/pact-core-${os}-${process.arch}${libc}`;
const version = pactCore.optionalDependencies?.[name];
if (!version) finish(false, `Pact has no native package for ${os}-${process.arch}${libc}`);

function installedVersion() {
  try {
    const found = coreRequire.resolve(`${name}/package.json`);
    return JSON.parse(readFileSync(found, 'utf8')).version;
  } catch {
    return undefined;
  }
}

const present = installedVersion();
if (present === version) finish(true, `${name}@${version} is installed`);

// Why npm left it out, for the log: npm's own idea of the C library next to Pact's.
let lddFamily = 'unreadable';
try {
  const ldd = readFileSync('/usr/bin/ldd', 'utf8');
  lddFamily = ldd.includes('musl') ? 'musl' : ldd.includes('GNU C Library') ? 'glibc' : 'neither';
} catch {
  /* no ldd: npm falls back to process.report */
}
say(
  `${name}@${version} is ${present ? `at ${present}` : 'missing'} (npm ${execFileSync('npm', ['--version'], { encoding: 'utf8' }).trim()}, ` +
    `/usr/bin/ldd says ${lddFamily}, glibc runtime ${process.report?.getReport?.().header?.glibcVersionRuntime ?? 'not reported'}); fetching it`,
);

// The lockfile's integrity for this package, when the project has one: the tarball must be the one it names.
let lockedIntegrity;
try {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  lockedIntegrity = lock.packages?.[`node_modules/${name}`]?.integrity;
} catch {
  /* installed as a dependency: npm pack still checks the registry's integrity */
}

const work = mkdtempSync(join(tmpdir(), 'pact-native-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
{
  let packed;
  let lastError;
  for (let attempt = 1; attempt <= 3 && !packed; attempt++) {
    try {
      const out = execFileSync('npm', ['pack', `${name}@${version}`, '--pack-destination', work, '--json', '--silent'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      packed = JSON.parse(out)[0];
    } catch (error) {
      lastError = error;
      say(`npm pack attempt ${attempt} failed: ${error.message.split('\n')[0]}`);
    }
  }
  if (!packed) finish(false, `could not fetch ${name}@${version}: ${lastError?.message ?? 'unknown error'}`);
  const tarball = join(work, packed.filename);
  if (lockedIntegrity) {
    const [algorithm, expected] = lockedIntegrity.split('-', 2);
    const actual = createHash(algorithm).update(readFileSync(tarball)).digest('base64');
    if (actual !== expected) finish(false, `${packed.filename} does not match the lockfile's integrity; not installed`);
  }
  const target = join(dirname(pactCoreDir), name.split('/')[1]);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], { stdio: 'inherit' });
  if (!existsSync(join(target, 'package.json')) || installedVersion() !== version) {
    finish(false, `unpacked ${packed.filename} into ${target}, but Pact still cannot resolve ${name}`);
  }
  finish(true, `installed ${name}@${version} into ${target}`);
}
