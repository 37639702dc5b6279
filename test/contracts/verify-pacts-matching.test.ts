// verify-pacts on pacts as teams write them: descriptions repeated under other provider states, a request that takes
// a value no state gives, message interactions; JUnit names unique and timed, no colour codes anywhere.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { providerStateVariables, toSeconds, verifyPacts } from '../../src/contracts/verify-pacts.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/pacts/${name}`, import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'authmock-verify-matching-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('verify-pacts with repeated descriptions', () => {
  it('gives each interaction its own result by description and provider states, and names a variable no state gives', async () => {
    const junit = join(out, 'repeated.xml');
    const result = await verifyPacts({ files: [fixture('repeated-descriptions.json')], junit });
    const [pact] = result.pacts;
    expect(pact?.interactions.map((i) => [i.description, i.states[0], i.ok])).toEqual([
      ['a session test', 'a DeviceHQ session for API key {api_key}', true],
      ['a session test', 'a DeviceHQ session idle for {minutes} minutes', false],
      ['a session test with a token the state does not give', 'a DeviceHQ session for API key {api_key}', false],
    ]);
    expect(pact?.interactions[0]?.messages).toEqual([]);
    expect(pact?.interactions[1]?.messages).toEqual(['expected 200 but was 401']);
    expect(pact?.interactions[2]?.messages[0]).toBe(
      "the request takes ${sessionToken} from the provider state, but 'a DeviceHQ session for API key {api_key}' gives only ${token}, ${expires} (see contracts/README.md)",
    );
    const xml = readFileSync(junit, 'utf8');
    const names = [...xml.matchAll(/<testcase [^>]*name="([^"]*)"/g)].map((m) => m[1]);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('a session test [given &apos;a DeviceHQ session idle for {minutes} minutes&apos;]');
    expect(xml).toMatch(/<testcase [^>]* time="\d+\.\d{3}"/);
    expect(xml + result.report).not.toMatch(/\u001b/);
  }, 120_000);

  it('reports message interactions as not supported instead of running them', async () => {
    const junit = join(out, 'messages.xml');
    const result = await verifyPacts({ files: [fixture('messages-only.json')], junit });
    expect(result.pacts[0]?.interactions).toEqual([expect.objectContaining({ description: 'a device went offline event', skipped: expect.stringContaining('not supported') })]);
    expect(result.report).toContain('- a device went offline event: a message interaction: not supported');
    expect(result.report).toMatch(/0 passed, 0 failed, 1 not supported/);
    expect(readFileSync(junit, 'utf8')).toContain('<skipped message="a message interaction: not supported');
  }, 60_000);
});

describe('pieces', () => {
  it.each([
    ['135ms', 0.135],
    ['1.3s', 1.3],
    ['1m 2s', 62],
    ['', undefined],
  ])('reads the verifier duration %j', (text, seconds) => {
    expect(toSeconds(text)).toBe(seconds);
  });

  it('finds the ${variables} a request takes from provider states', () => {
    const raw = { request: { generators: { header: { 'X-AUTH-TOKEN': { type: 'ProviderState', expression: '${token}' } }, path: { type: 'ProviderState', expression: '/guardians/${guid}/${ token }' } } } };
    expect(providerStateVariables(raw).sort()).toEqual(['guid', 'token']);
  });
});
