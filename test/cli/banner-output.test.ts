// Where the banner goes: readable text with loopback credentials for a person (stdout in a terminal, stderr beside a
// JSON log that was chosen only because stdout is not one), nothing in clear in a JSON log chosen on purpose.

import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printBanner } from '../../src/banner.js';
import { parseConfig, resolveSettings, type ServeConfig } from '../../src/config.js';
import { startServer, type RunningServer } from '../../src/server.js';

const KEY = '5sHszZNuTfmgs58VGA';
let running: RunningServer;
beforeAll(async () => {
  running = await startServer({ settings: resolveSettings({ port: 0 }) });
});
afterAll(() => running.close());

const serveConfig = (args: string[], tty: boolean): ServeConfig => parseConfig(['serve', ...args], tty) as ServeConfig;

function capture(config: ServeConfig): { stdout: string; stderr: string; logged: string[] } {
  const out = { stdout: '', stderr: '', logged: [] as string[] };
  const stdout = new PassThrough().on('data', (d: Buffer) => (out.stdout += d.toString()));
  const stderr = new PassThrough().on('data', (d: Buffer) => (out.stderr += d.toString()));
  const logger = { info: (obj: object) => void out.logged.push(JSON.stringify(obj)), warn() {}, error() {} };
  printBanner(running, config, logger, { stdout, stderr });
  return out;
}

describe('the banner', () => {
  it('in a terminal: text on stdout with the credentials readable on loopback', () => {
    const out = capture(serveConfig([], true));
    expect(out.stdout).toContain(`authmock listening on ${running.url}`);
    expect(out.stdout).toContain(`${running.url}/devicehq`);
    expect(out.stdout).toContain(KEY);
    expect(out.stdout).not.toMatch(/\u001b/);
    expect(out.stderr + out.logged.join('')).toBe('');
  });

  it('outside a terminal by default: a masked JSON line in the log, and the readable text on stderr', () => {
    const out = capture(serveConfig([], false));
    expect(out.logged.join('')).toContain('"banner"');
    expect(out.logged.join('')).not.toContain(KEY);
    expect(out.stderr).toContain(`${running.url}/emnify`);
    expect(out.stderr).toContain(KEY);
    expect(out.stdout).toBe('');
  });

  it('with --log-format json on purpose: only the masked JSON line', () => {
    const out = capture(serveConfig(['--log-format', 'json'], false));
    expect(out.logged.join('')).toContain('"banner"');
    expect(out.stdout + out.stderr + out.logged.join('')).not.toContain(KEY);
  });

  it('masks the credentials in the text too when the mock listens beyond loopback', () => {
    const out = capture({ ...serveConfig(['--host', '0.0.0.0'], true) });
    expect(out.stdout).toContain('5sHs…GA');
    expect(out.stdout).not.toContain(KEY);
  });
});

