// `--coverage FILE` on check-pacts and verify-pacts: Markdown and JSON naming what a set of pacts never tests.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheckPacts, type CommandIo } from '../../src/contracts/commands.js';
import type { CoverageReport } from '../../src/world/coverage.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/pacts/${name}`, import.meta.url));
const committed = fileURLToPath(new URL('../../contracts/pacts/', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'authmock-coverage-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function capture(): CommandIo & { out: string; err: string } {
  const io = { out: '', err: '', stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

describe('check-pacts --coverage', () => {
  it('tells missing, expired and invalid apart and names the outcomes never tested', async () => {
    const io = capture();
    expect(await runCheckPacts([fixture('emnify-auth-outcomes.json'), '--coverage', join(out, 'probe.json')], io)).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'probe.json'), 'utf8')) as CoverageReport;
    const list = report.operations.find((o) => o.operation_id === 'emnifyListEndpoints')!;
    expect(list.auth_outcomes.filter((o) => o.count > 0).map((o) => [o.name, o.count])).toEqual([
      ['missing', 1],
      ['invalid', 1],
      ['expired', 1],
    ]);
    expect(list.never_seen.auth_outcomes).toEqual(['ok', 'revoked']);
    expect(list.never_seen.responses).toContain('200');
    const markdown = readFileSync(join(out, 'probe.md'), 'utf8');
    expect(markdown).toContain('| `emnifyListEndpoints` (GET /emnify/api/v1/endpoint) | 3 |');
    expect(io.out).toContain(`Coverage written to ${join(out, 'probe.md')} and ${join(out, 'probe.json')}`);
    expect(io.out).toMatch(/emnifyListEndpoints: never 200, .*ok, revoked/);
  });

  it('keeps --json output pure JSON, the coverage lines going to stderr', async () => {
    const io = capture();
    expect(await runCheckPacts([committed, '--json', '--coverage', join(out, 'committed')], io)).toBe(0);
    expect(() => JSON.parse(io.out)).not.toThrow();
    expect(io.err).toMatch(/Coverage written to .*committed\.md/);
  });

  it('finds every auth outcome each provider documents in the committed pacts', async () => {
    expect(await runCheckPacts([committed, '--coverage', join(out, 'all.md')], capture())).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'all.json'), 'utf8')) as CoverageReport;
    const documented = new Map<string, Set<string>>();
    const tested = new Map<string, Set<string>>();
    for (const op of report.operations) {
      for (const o of op.auth_outcomes) {
        if (!documented.has(op.provider)) documented.set(op.provider, new Set());
        if (!tested.has(op.provider)) tested.set(op.provider, new Set());
        documented.get(op.provider)!.add(o.name);
        if (o.count > 0) tested.get(op.provider)!.add(o.name);
      }
    }
    expect([...documented.keys()].sort()).toEqual(['devicehq', 'duet', 'emnify', 'rfcx']);
    for (const [provider, names] of documented) expect([...tested.get(provider)!].sort(), provider).toEqual([...names].sort());
    expect(documented.get('emnify')).toEqual(new Set(['ok', 'missing', 'invalid', 'expired', 'revoked', 'rate-limited']));
  });
});
