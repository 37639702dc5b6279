// authmock outside a clone: `npm pack`, install the tarball into a temporary prefix, then `authmock serve` and
// `npx authmock serve` from unrelated folders must find their bundled document, fixtures and docs.

import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'authmock-package-'));
const prefix = join(work, 'prefix');
const bin = process.platform === 'win32' ? prefix : join(prefix, 'bin');
// Offline where possible: dependencies come from the npm cache; nothing is reported anywhere.
const env = { ...process.env, PATH: `${bin}${delimiter}${process.env['PATH'] ?? ''}`, NPM_CONFIG_PREFIX: prefix, NO_COLOR: '1', SCARF_ANALYTICS: 'false', PACT_DO_NOT_TRACK: 'true' };
const npm = (args: string[], cwd: string): string =>
  execFileSync('npm', args, { cwd, env, encoding: 'utf8', timeout: 240_000, stdio: ['ignore', 'pipe', 'pipe'] });

let packed: string[] = [];

// dist/ is built by the e2e global set-up; --ignore-scripts keeps prepack from rewriting it under the other suites.
beforeAll(() => {
  const out = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], repo)) as Array<{ filename: string; files: Array<{ path: string }> }>;
  packed = out[0]!.files.map((f) => f.path);
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
  npm(['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', join(work, tarball)], work);
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Start a command in `cwd` and wait for its JSON banner; returns the banner and a stop function. */
async function start(command: string, args: string[], cwd: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner within 30 s:\n${out}`)), 30_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.includes('"banner"'));
      if (!line) return;
      clearTimeout(timer);
      resolveUrl((JSON.parse(line) as { banner: { url: string } }).banner.url);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code} before listening:\n${out}`)));
  });
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The bundled document answers each provider, the docs page and the admin API. */
async function expectWorkingMock(url: string): Promise<void> {
  const session = await fetch(`${url}/devicehq/api/v2/session?api_key=5sHszZNuTfmgs58VGA`, { method: 'POST' });
  expect(session.status).toBe(200);
  expect(((await session.json()) as { meta: { token: string } }).meta.token).toMatch(/\w{8,}/);
  const docs = await fetch(`${url}/docs/`);
  expect(docs.status).toBe(200);
  expect(await docs.text()).toContain('swagger');
  const health = await fetch(`${url}/__admin/health`);
  expect(((await health.json()) as { status: string }).status).toBe('ok');
}

describe('the packed package', () => {
  it('ships the built CLI, the documents, the fixtures and the README, and no sources or tests', () => {
    expect(packed).toEqual(expect.arrayContaining(['dist/cli.js', 'openapi/authmock.yaml', 'openapi/admin.yaml', 'fixtures/default.yaml', 'README.md']));
    expect(packed.filter((p) => /^(src|test)\//.test(p) || p.endsWith('.map'))).toEqual([]);
  });

  it('ships the documents and fixtures validated at build time, fresh for the installed files', () => {
    expect(packed).toEqual(expect.arrayContaining(['dist/documents/authmock.json', 'dist/documents/admin.json', 'dist/fixtures/default.json']));
    const installed = join(prefix, process.platform === 'win32' ? '' : 'lib', 'node_modules', 'authmock', 'dist');
    const fresh = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const from = (module) => import(new URL(module, ${JSON.stringify(pathToFileURL(join(installed, '/')).href)}).href);
const { readPrebuilt } = await from('prebuilt.js');
const { readPrebuiltFixtures } = await from('world/fixtures.js');
const { createProviders } = await from('providers/registry.js');
const { ADMIN_DOCUMENT, DEFAULT_DOCUMENT, DEFAULT_FIXTURES, PREBUILT_DOCUMENTS, PREBUILT_FIXTURES } = await from('paths.js');
for (const file of [DEFAULT_DOCUMENT, ADMIN_DOCUMENT]) console.log((await readPrebuilt(file, PREBUILT_DOCUMENTS)) ? 'fresh' : 'stale');
console.log((await readPrebuiltFixtures(DEFAULT_FIXTURES, createProviders(), PREBUILT_FIXTURES)) ? 'fresh' : 'stale');`,
      ],
      { env, encoding: 'utf8' },
    );
    expect(fresh.trim().split('\n')).toEqual(['fresh', 'fresh', 'fresh']);
  });

  it('`authmock serve` runs from a folder that is not the clone', async () => {
    const elsewhere = join(work, 'elsewhere');
    mkdirSync(elsewhere);
    const mock = await start(join(bin, 'authmock'), ['serve', '--port', '0', '--log-format', 'json'], elsewhere);
    try {
      await expectWorkingMock(mock.url);
    } finally {
      await mock.stop();
    }
  }, 60_000);

  it('`npx authmock serve` runs from another folder', async () => {
    const other = join(work, 'other');
    mkdirSync(other);
    const mock = await start('npx', ['--no-install', 'authmock', 'serve', '--port', '0', '--log-format', 'json'], other);
    try {
      await expectWorkingMock(mock.url);
    } finally {
      await mock.stop();
    }
  }, 60_000);
});
