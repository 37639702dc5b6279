// The results of verifying pacts, as a readable report and as JUnit XML.

export interface InteractionResult {
  description: string;
  states: string[];
  ok: boolean;
  messages: string[];
  /** Why the interaction was not verified at all (a message interaction); it then counts as neither passed nor failed. */
  skipped?: string;
  /** How long the verifier took for it. */
  seconds?: number;
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

/** Colour codes from the verifier's texts never reach a report or a file. */
export const stripAnsi = (s: string): string => s.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');

export function formatReport(results: ReadonlyArray<PactResult>): string {
  const interactions = results.flatMap((r) => r.interactions);
  const skipped = interactions.filter((i) => i.skipped).length;
  const passed = interactions.filter((i) => i.ok && !i.skipped).length;
  const lines = [
    `authmock verify-pacts: ${results.length} pact${results.length === 1 ? '' : 's'}, ${interactions.length} interactions, ${passed} passed, ${interactions.length - passed - skipped} failed${skipped ? `, ${skipped} not supported` : ''}`,
    '',
  ];
  for (const r of results) {
    const verified = r.interactions.filter((i) => !i.skipped);
    const ok = verified.filter((i) => i.ok).length;
    const who = r.consumer || r.provider ? `${r.consumer || '?'} → ${r.provider || '?'}` : 'unreadable';
    lines.push(`${r.ok ? 'PASS' : 'FAIL'}  ${who}  (${r.source}): ${ok}/${verified.length} interactions passed`);
    for (const problem of r.problems) lines.push(`  ✗ ${problem}`);
    for (const i of r.interactions) {
      if (i.skipped) {
        lines.push(`  - ${i.description}: ${i.skipped}`);
        continue;
      }
      if (i.ok) {
        lines.push(`  ✓ ${i.description}`);
        continue;
      }
      lines.push(`  ✗ ${i.description}${i.states.length ? `  [given ${i.states.map((s) => `'${s}'`).join(', ')}]` : ''}`);
      for (const m of i.messages) lines.push(`      - ${m}`);
    }
    lines.push('');
  }
  return stripAnsi(lines.join('\n'));
}

const xml = (s: string): string =>
  stripAnsi(s)
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c)
    .replace(/[^\x09\x0a\x0d\x20-\uFFFD]/g, '');

/**
 * Test names unique within a suite, as CI servers key results by name: the description, then its provider states
 * when the description repeats, then a number when even that repeats.
 */
export function junitNames(interactions: ReadonlyArray<InteractionResult>): string[] {
  const count = (names: ReadonlyArray<string>): Map<string, number> => names.reduce((m, n) => m.set(n, (m.get(n) ?? 0) + 1), new Map<string, number>());
  const byDescription = count(interactions.map((i) => i.description));
  const withStates = interactions.map((i) =>
    (byDescription.get(i.description) ?? 0) > 1 ? `${i.description} [given ${i.states.length ? i.states.map((s) => `'${s}'`).join(', ') : 'no state'}]` : i.description,
  );
  const again = count(withStates);
  const seen = new Map<string, number>();
  return withStates.map((name) => {
    if ((again.get(name) ?? 0) < 2) return name;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return `${name} (#${n})`;
  });
}

const time = (seconds: number | undefined): string => ` time="${(seconds ?? 0).toFixed(3)}"`;

export function toJunit(results: ReadonlyArray<PactResult>): string {
  const cases = (r: PactResult): number => r.interactions.length + r.problems.length;
  const failures = (r: PactResult): number => r.interactions.filter((i) => !i.ok && !i.skipped).length + r.problems.length;
  const skips = (r: PactResult): number => r.interactions.filter((i) => i.skipped).length;
  const seconds = (r: PactResult): number => r.interactions.reduce((t, i) => t + (i.seconds ?? 0), 0);
  const total = results.reduce((n, r) => n + cases(r), 0);
  const failed = results.reduce((n, r) => n + failures(r), 0);
  const skipped = results.reduce((n, r) => n + skips(r), 0);
  const allSeconds = results.reduce((t, r) => t + seconds(r), 0);
  const out = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="authmock verify-pacts" tests="${total}" failures="${failed}" skipped="${skipped}"${time(allSeconds)}>`,
  ];
  for (const r of results) {
    const suite = `${r.consumer || '?'} → ${r.provider || '?'}`;
    const classname = `${r.consumer || 'unknown'}.${r.provider || 'unknown'}`;
    out.push(`  <testsuite name="${xml(suite)}" tests="${cases(r)}" failures="${failures(r)}" skipped="${skips(r)}"${time(seconds(r))} file="${xml(r.source)}">`);
    r.problems.forEach((problem, n) => {
      out.push(`    <testcase classname="${xml(classname)}" name="${xml(`pact ${r.source}${r.problems.length > 1 ? ` (#${n + 1})` : ''}`)}"${time(0)}>`);
      out.push(`      <failure message="${xml(problem)}">${xml(problem)}</failure>`);
      out.push('    </testcase>');
    });
    const names = junitNames(r.interactions);
    r.interactions.forEach((i, n) => {
      const open = `    <testcase classname="${xml(classname)}" name="${xml(names[n]!)}"${time(i.seconds)}`;
      if (i.skipped) {
        out.push(`${open}>`, `      <skipped message="${xml(i.skipped)}"/>`, '    </testcase>');
        return;
      }
      if (i.ok) {
        out.push(`${open}/>`);
        return;
      }
      out.push(`${open}>`);
      out.push(`      <failure message="${xml(i.messages[0] ?? 'failed')}">${xml(i.messages.join('\n'))}</failure>`);
      out.push('    </testcase>');
    });
    out.push('  </testsuite>');
  }
  out.push('</testsuites>', '');
  return out.join('\n');
}
