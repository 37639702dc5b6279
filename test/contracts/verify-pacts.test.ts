// verify-pacts: a fresh authmock, a sandbox per pact, the provider states; failures named, JUnit written.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPacts } from '../../src/contracts/verify-pacts.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/pacts/${name}`, import.meta.url));
const committed = fileURLToPath(new URL('../../contracts/pacts/', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'authmock-verify-pacts-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('verifyPacts', () => {
  it('passes on the committed pacts, each in its own sandbox, and writes JUnit', async () => {
    const junit = join(out, 'committed.xml');
    const result = await verifyPacts({ files: [committed], junit });
    expect(result.report).toMatch(/^authmock verify-pacts: 4 pacts, \d+ interactions, (\d+) passed, 0 failed/);
    expect(result.ok).toBe(true);
    expect(result.pacts.map((p) => `${p.consumer} → ${p.provider}`)).toEqual([
      'devicehq-field-app → authmock-devicehq',
      'duet-ios-app → authmock-duet',
      'emnify-fleet-app → authmock-emnify',
      'rfcx-guardian-app → authmock-rfcx',
    ]);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/<testsuites name="authmock verify-pacts" tests="\d+" failures="0" skipped="0" time="\d+\.\d{3}">/);
    expect(xml).toMatch(/<testcase classname="duet-ios-app.authmock-duet" name="a sign-in with login and password" time="\d+\.\d{3}"\/>/);
  }, 180_000);

  it('fails on a pact that expects a field the mock does not return, and says which', async () => {
    const junit = join(out, 'missing-field.xml');
    const result = await verifyPacts({ files: [fixture('expects-missing-field.json')], junit });
    expect(result.ok).toBe(false);
    const [pact] = result.pacts;
    expect(pact?.interactions.map((i) => [i.description, i.ok])).toEqual([
      ['an API information request expecting a colour', false],
      ['an API information request', true],
    ]);
    expect(pact?.interactions[0]?.messages).toEqual([expect.stringContaining('colour')]);
    expect(result.report).toContain('FAIL  colour-app → authmock-devicehq');
    expect(result.report).toContain('✗ an API information request expecting a colour');
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/tests="2" failures="1"/);
    expect(xml).toContain('<failure message="$.meta: Actual map is missing the following keys: colour">');
  }, 120_000);

  it('fails on an unknown provider state and names it, although the interaction itself passes', async () => {
    const result = await verifyPacts({ files: [fixture('unknown-state.json')] });
    expect(result.ok).toBe(false);
    const interaction = result.pacts[0]?.interactions[0];
    expect(interaction?.ok).toBe(false);
    expect(interaction?.messages[0]).toBe("unknown provider state 'a unicorn exists' (authmock's states are listed in contracts/README.md)");
    expect(result.report).toContain("unknown provider state 'a unicorn exists'");
  }, 120_000);

  it('reports a path that does not exist, and a file that is not a pact, without running anything for them', async () => {
    const missing = await verifyPacts({ files: [join(out, 'nope')] });
    expect(missing.ok).toBe(false);
    expect(missing.report).toContain('no such file or directory');
    const notPact = await verifyPacts({ files: [fixture('../petstore.yaml')] });
    expect(notPact.ok).toBe(false);
    expect(notPact.pacts[0]?.problems[0]).toMatch(/cannot be read as JSON/);
  }, 60_000);

  it('reports a Pact Broker it cannot reach, by provider, as a failure (offline: a port just closed)', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const result = await verifyPacts({ files: [], brokerUrl: `http://127.0.0.1:${port}`, brokerProviders: ['authmock-duet'] });
    expect(result.ok).toBe(false);
    expect(result.pacts).toEqual([expect.objectContaining({ source: 'broker:authmock-duet', problems: [expect.stringContaining(`http://127.0.0.1:${port}`)] })]);
  }, 60_000);
});
