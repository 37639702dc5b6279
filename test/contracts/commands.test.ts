// The two commands as the CLI runs them: exit codes, output, usage errors.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheckPacts, runVerifyPacts, type CommandIo } from '../../src/contracts/commands.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/pacts/${name}`, import.meta.url));
const committed = fileURLToPath(new URL('../../contracts/pacts/', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'authmock-commands-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function capture(): CommandIo & { out: string; err: string } {
  const io = { out: '', err: '', stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

describe('authmock check-pacts', () => {
  it('exits 0 with a summary for the committed pacts', async () => {
    const io = capture();
    expect(await runCheckPacts([committed], io)).toBe(0);
    expect(io.out).toMatch(/^authmock check-pacts: 4 pacts, \d+ interactions, 0 findings\n$/);
  });

  it('exits 1 and prints each finding with pact, interaction and pointer', async () => {
    const io = capture();
    expect(await runCheckPacts([fixture('wrong-field-type.json'), fixture('undocumented-status.json')], io)).toBe(1);
    expect(io.out).toContain('2 pacts, 2 interactions, 2 findings');
    expect(io.out).toContain(`${fixture('wrong-field-type.json')} › an authentication with username and password › /response/body/auth_token: emnifyAuthenticate: response /body/auth_token must be string`);
  });

  it('prints JSON with --json', async () => {
    const io = capture();
    expect(await runCheckPacts(['--json', fixture('missing-credential.json')], io)).toBe(1);
    expect(JSON.parse(io.out)).toEqual({
      findings: [
        expect.objectContaining({ pointer: '/request/headers/authorization' }),
        expect.objectContaining({ interaction: 'a device event (not HTTP: authmock does not serve it)', severity: 'warning' }),
      ],
    });
  });

  it.each([
    ['no files', []],
    ['an unknown option', ['--colour', committed]],
    ['a missing path', [join(out, 'nope')]],
  ])('exits 2 on %s', async (_name, argv) => {
    const io = capture();
    expect(await runCheckPacts(argv, io)).toBe(2);
    expect(io.err).toMatch(/^authmock: /);
  });
});

describe('authmock verify-pacts', () => {
  it('exits 1 on a failing pact and writes JUnit with --junit', async () => {
    const io = capture();
    const junit = join(out, 'nested', 'pacts.xml');
    expect(await runVerifyPacts([fixture('unknown-state.json'), '--junit', junit], io)).toBe(1);
    expect(io.out).toContain("unknown provider state 'a unicorn exists'");
    expect(io.out).toContain(`JUnit XML written to ${junit}`);
    expect(existsSync(junit)).toBe(true);
  }, 60_000);

  it.each([
    ['no files', []],
    ['a broker URL that is not one', ['--broker-url', 'ftp://x', committed]],
  ])('exits 2 on %s', async (_name, argv) => {
    const io = capture();
    expect(await runVerifyPacts(argv, io)).toBe(2);
    expect(io.err).toMatch(/^authmock: /);
  });

  it('prints its help', async () => {
    const io = capture();
    expect(await runVerifyPacts(['--help'], io)).toBe(0);
    expect(io.out).toContain('--junit FILE');
  });
});
