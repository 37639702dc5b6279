// `--coverage FILE` for verify-pacts and check-pacts: which operations, documented responses and auth outcomes a set
// of pacts exercises, and which it never does, written as FILE.md and FILE.json.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { coverageMarkdown, coverageReport, createCoverageLog, recordCoverage, type AuthOutcomeName, type CoverageReport } from '../world/coverage.js';
import type { LoadedDocument } from '../engine/document/load-document.js';
import { buildOperationIndex } from '../engine/document/operation-index.js';
import type { Operation } from '../engine/types.js';
import type { Provider } from '../providers/provider.js';
import { readPactFile, type PactInteraction } from './pact-file.js';
import { createOperationMatcher, resolvePrefix, rewritePath } from './resolve-operation.js';

/** Did the request carry every credential of one of the operation's security alternatives (header, query, or a bearer)? */
function carriesCredential(op: Operation, interaction: PactInteraction): boolean {
  const request = interaction.request!;
  const body = request.body?.value;
  return op.security.some((alternative) =>
    alternative.every((scheme) => {
      const name = scheme.type === 'http' ? 'authorization' : scheme.paramName;
      if (scheme.in === 'query') return request.query[name] !== undefined || (typeof body === 'object' && body !== null && name in body);
      return request.headers[name.toLowerCase()] !== undefined;
    }),
  );
}

const EXPIRED = /expir|idle/i;
const REVOKED = /revok|logged out|logout|closed|replaced|password change|signed in elsewhere/i;

/**
 * The auth outcome an interaction tests, from its status, its states and what it expects back: 2xx ok, 429
 * rate-limited, 403 wrong type, 401 missing (no credential sent), expired or revoked (as its states or the expected
 * error say), otherwise invalid.
 */
export function outcomeOfInteraction(op: Operation, interaction: PactInteraction): AuthOutcomeName | undefined {
  const status = interaction.response!.status;
  if (status < 400) return 'ok';
  if (status === 429) return 'rate-limited';
  if (status === 403) return 'wrong type';
  if (status !== 401) return undefined;
  if (op.security.length > 0 && !carriesCredential(op, interaction)) return 'missing';
  // What the interaction says it tests first; the expected body only for a code that names the reason (a provider's own error code).
  const said = [interaction.description, ...interaction.states.map((s) => s.name)].join(' ');
  if (EXPIRED.test(said)) return 'expired';
  if (REVOKED.test(said)) return 'revoked';
  return /"error_code":1103/.test(JSON.stringify(interaction.response!.body?.value ?? '')) ? 'expired' : 'invalid';
}

/** Coverage of the providers' operations by these pact files (unreadable files and unmatched requests are skipped). */
export function pactCoverage(files: ReadonlyArray<string>, loaded: LoadedDocument, providers: ReadonlyArray<Provider>): CoverageReport {
  const ops = buildOperationIndex(loaded, new Map(providers.map((p) => [p.name, p.basePath])));
  const matcher = createOperationMatcher(ops, loaded.document['servers']);
  const log = createCoverageLog();
  for (const file of files) {
    let interactions: PactInteraction[];
    try {
      interactions = readPactFile(file).interactions.filter((i) => i.request && i.response);
    } catch {
      continue; // reported by the command itself
    }
    const rewrite = resolvePrefix(
      interactions.map((i) => ({ method: i.request!.method, path: i.request!.path })),
      matcher,
    );
    for (const interaction of interactions) {
      const found = matcher.match(interaction.request!.method, rewritePath(interaction.request!.path, rewrite) ?? interaction.request!.path);
      if (found.kind !== 'found') continue;
      recordCoverage(log, found.op.operationId, interaction.response!.status, outcomeOfInteraction(found.op, interaction));
    }
  }
  return coverageReport(log, ops, providers);
}

/** `FILE` (or `FILE.md` / `FILE.json`) → both `FILE.md` and `FILE.json`; returns the two paths written. */
export function writeCoverage(file: string, report: CoverageReport, title: string): string[] {
  const base = file.replace(/\.(md|json)$/i, '');
  mkdirSync(dirname(base) || '.', { recursive: true });
  writeFileSync(`${base}.md`, coverageMarkdown(report, title));
  writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  return [`${base}.md`, `${base}.json`];
}

/** The command's lines about it: where it was written and which failure paths the pacts never test. */
export function coverageSummary(report: CoverageReport, written: ReadonlyArray<string>): string {
  const lines = [`Coverage written to ${written.join(' and ')}: ${report.gaps} of ${report.operations.length} operations have paths no pact tests.`];
  for (const op of report.operations) {
    const missing = [...op.never_seen.responses, ...op.never_seen.auth_outcomes];
    if (missing.length > 0) lines.push(`  ${op.operation_id}: never ${missing.join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** What `--coverage FILE` does for either command: read the pacts and the document, write both files, say so. */
export async function runCoverageOption(paths: ReadonlyArray<string>, document: string | undefined, file: string): Promise<string> {
  const [{ expandPactPaths }, { loadDocument }, { DEFAULT_DOCUMENT }, { createProviders }] = await Promise.all([
    import('./pact-file.js'),
    import('../engine/document/load-document.js'),
    import('../paths.js'),
    import('../providers/registry.js'),
  ]);
  const report = pactCoverage(expandPactPaths(paths), await loadDocument(document ?? DEFAULT_DOCUMENT), createProviders());
  return coverageSummary(report, writeCoverage(file, report, `Pact coverage of ${paths.join(', ')}`));
}
