// The results of verifying pacts, as a readable report and as JUnit XML.

export interface InteractionResult {
  description: string;
  states: string[];
  ok: boolean;
  messages: string[];
}

export interface PactResult {
  /** The file, or `broker:<provider>`. */
  source: string;
  consumer: string;
  provider: string;
  ok: boolean;
  interactions: InteractionResult[];
  /** Failures that belong to no single interaction (unreadable file, verifier crash, unknown state names). */
  problems: string[];
}

export function formatReport(results: ReadonlyArray<PactResult>): string {
  const interactions = results.flatMap((r) => r.interactions);
  const passed = interactions.filter((i) => i.ok).length;
  const lines = [
    `authmock verify-pacts: ${results.length} pact${results.length === 1 ? '' : 's'}, ${interactions.length} interactions, ${passed} passed, ${interactions.length - passed} failed`,
    '',
  ];
  for (const r of results) {
    const ok = r.interactions.filter((i) => i.ok).length;
    const who = r.consumer || r.provider ? `${r.consumer || '?'} → ${r.provider || '?'}` : 'unreadable';
    lines.push(`${r.ok ? 'PASS' : 'FAIL'}  ${who}  (${r.source}): ${ok}/${r.interactions.length} interactions passed`);
    for (const problem of r.problems) lines.push(`  ✗ ${problem}`);
    for (const i of r.interactions) {
      if (i.ok) {
        lines.push(`  ✓ ${i.description}`);
        continue;
      }
      lines.push(`  ✗ ${i.description}${i.states.length ? `  [given ${i.states.map((s) => `'${s}'`).join(', ')}]` : ''}`);
      for (const m of i.messages) lines.push(`      - ${m}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

const xml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c).replace(/[^\x09\x0a\x0d\x20-\uFFFD]/g, '');

export function toJunit(results: ReadonlyArray<PactResult>): string {
  const cases = (r: PactResult): number => r.interactions.length + r.problems.length;
  const failures = (r: PactResult): number => r.interactions.filter((i) => !i.ok).length + r.problems.length;
  const total = results.reduce((n, r) => n + cases(r), 0);
  const failed = results.reduce((n, r) => n + failures(r), 0);
  const out = [`<?xml version="1.0" encoding="UTF-8"?>`, `<testsuites name="authmock verify-pacts" tests="${total}" failures="${failed}">`];
  for (const r of results) {
    const suite = `${r.consumer || '?'} → ${r.provider || '?'}`;
    const classname = `${r.consumer || 'unknown'}.${r.provider || 'unknown'}`;
    out.push(`  <testsuite name="${xml(suite)}" tests="${cases(r)}" failures="${failures(r)}" file="${xml(r.source)}">`);
    for (const problem of r.problems) {
      out.push(`    <testcase classname="${xml(classname)}" name="${xml(`pact ${r.source}`)}">`);
      out.push(`      <failure message="${xml(problem)}">${xml(problem)}</failure>`);
      out.push('    </testcase>');
    }
    for (const i of r.interactions) {
      if (i.ok) {
        out.push(`    <testcase classname="${xml(classname)}" name="${xml(i.description)}"/>`);
        continue;
      }
      out.push(`    <testcase classname="${xml(classname)}" name="${xml(i.description)}">`);
      out.push(`      <failure message="${xml(i.messages[0] ?? 'failed')}">${xml(i.messages.join('\n'))}</failure>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>', '');
  return out.join('\n');
}
