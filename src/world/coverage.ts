// Coverage: which documented responses and auth outcomes a world (or a set of pacts) reached, per operation, with counts.

import type { ProblemCode } from '../engine/errors.js';
import type { Operation } from '../engine/types.js';
import type { Provider } from '../providers/provider.js';
import { findResponse } from '../engine/validate/response.js';

export const AUTH_OUTCOMES = ['ok', 'missing', 'invalid', 'expired', 'revoked', 'wrong type', 'rate-limited'] as const;
export type AuthOutcomeName = (typeof AUTH_OUTCOMES)[number];

/** The auth outcome each problem code stands for (a use-limited code used up counts as expired). */
const OUTCOME_OF: Partial<Record<ProblemCode, AuthOutcomeName>> = {
  'auth.missing': 'missing',
  'auth.invalid': 'invalid',
  'auth.malformed': 'invalid',
  'auth.conflict': 'invalid',
  'auth.expired': 'expired',
  'auth.exhausted': 'expired',
  'auth.revoked': 'revoked',
  'auth.forbidden': 'wrong type',
  'auth.rate_limited': 'rate-limited',
};

export const outcomeOfProblem = (code: string): AuthOutcomeName | undefined => OUTCOME_OF[code as ProblemCode];

/**
 * The auth outcome of one answered request, from the request log's `auth` text: `failed:<code>` names the failure;
 * any other value but `none` means the credentials (or no need for any) were accepted.
 */
export function outcomeOfAuth(auth: string): AuthOutcomeName | undefined {
  if (auth.startsWith('failed:')) return outcomeOfProblem(auth.slice('failed:'.length));
  return auth === 'none' ? undefined : 'ok';
}

interface Seen {
  statuses: Map<number, number>;
  outcomes: Map<AuthOutcomeName, number>;
}

/** What one world has seen since its last reset: operationId → counts. */
export type CoverageLog = Map<string, Seen>;

export const createCoverageLog = (): CoverageLog => new Map();

export function recordCoverage(log: CoverageLog, operationId: string | null, status: number, outcome: AuthOutcomeName | undefined): void {
  if (operationId === null) return;
  let seen = log.get(operationId);
  if (!seen) log.set(operationId, (seen = { statuses: new Map(), outcomes: new Map() }));
  seen.statuses.set(status, (seen.statuses.get(status) ?? 0) + 1);
  if (outcome) seen.outcomes.set(outcome, (seen.outcomes.get(outcome) ?? 0) + 1);
}

export interface CoverageCount {
  name: string;
  count: number;
}

export interface OperationCoverage {
  operation_id: string;
  provider: string;
  method: string;
  path: string;
  requests: number;
  responses: CoverageCount[];
  auth_outcomes: CoverageCount[];
  never_seen: { responses: string[]; auth_outcomes: string[] };
}

export interface CoverageReport {
  operations: OperationCoverage[];
  /** Operations with something documented never seen. */
  gaps: number;
}

const needsCredentials = (op: Operation): boolean => op.security.length > 0 && op.security.every((alternative) => alternative.length > 0);

/**
 * The auth outcomes an operation documents: `ok`, `missing` when it needs credentials, and each problem its provider
 * answers whose status the operation documents (an expired-token code where a 401 is documented, a rate limit where a
 * 429 is).
 */
export function documentedOutcomes(op: Operation, provider: Provider | undefined): AuthOutcomeName[] {
  const found = new Set<AuthOutcomeName>(['ok']);
  for (const build of Object.values(provider?.faultProblems ?? {})) {
    const error = build('', op);
    if (!error) continue;
    const outcome = outcomeOfProblem(error.code);
    if (!outcome || (outcome === 'missing' && !needsCredentials(op))) continue;
    const status = error.status;
    if (op.responses.some((r) => r.status === String(status))) found.add(outcome);
  }
  return AUTH_OUTCOMES.filter((o) => found.has(o));
}

/** The report over the given operations (the providers' own; another document's operations have no auth outcomes). */
export function coverageReport(log: CoverageLog, operations: ReadonlyArray<Operation>, providers: ReadonlyArray<Provider>): CoverageReport {
  const byName = new Map(providers.map((p) => [p.name, p]));
  const rows = operations
    .filter((op) => op.provider !== null && byName.has(op.provider))
    .map((op): OperationCoverage => {
      const seen = log.get(op.operationId);
      const responses = op.responses.map((r) => ({ name: r.status, count: 0 }));
      let requests = 0;
      for (const [status, n] of seen?.statuses ?? []) {
        requests += n;
        const spec = findResponse(op.responses, status);
        const row = spec ? responses.find((r) => r.name === spec.status) : undefined;
        if (row) row.count += n;
        else responses.push({ name: `${status} (undocumented)`, count: n });
      }
      const documented = documentedOutcomes(op, byName.get(op.provider!));
      const outcomes: CoverageCount[] = documented.map((name) => ({ name, count: seen?.outcomes.get(name) ?? 0 }));
      for (const [name, n] of seen?.outcomes ?? []) if (!documented.includes(name)) outcomes.push({ name: `${name} (undocumented)`, count: n });
      return {
        operation_id: op.operationId,
        provider: op.provider!,
        method: op.method,
        path: op.path,
        requests,
        responses,
        auth_outcomes: outcomes,
        never_seen: {
          responses: responses.filter((r) => r.count === 0).map((r) => r.name),
          auth_outcomes: outcomes.filter((o) => o.count === 0).map((o) => o.name),
        },
      };
    });
  return { operations: rows, gaps: rows.filter((r) => r.never_seen.responses.length + r.never_seen.auth_outcomes.length > 0).length };
}

const cell = (counts: CoverageCount[]): string => counts.map((c) => (c.count === 0 ? `~~${c.name}~~ 0` : `${c.name} ×${c.count}`)).join(', ');

/** The report as Markdown: one table per provider, then the never-seen list. */
export function coverageMarkdown(report: CoverageReport, title = 'Coverage'): string {
  const lines = [`# ${title}`, '', `${report.operations.length} operations, ${report.gaps} with documented responses or auth outcomes never seen.`, ''];
  lines.push('| operation | requests | responses | auth outcomes | never seen |', '| --- | --- | --- | --- | --- |');
  for (const op of report.operations) {
    const missing = [...op.never_seen.responses, ...op.never_seen.auth_outcomes].join(', ') || '—';
    lines.push(`| \`${op.operation_id}\` (${op.method} ${op.path}) | ${op.requests} | ${cell(op.responses)} | ${cell(op.auth_outcomes)} | ${missing} |`);
  }
  return `${lines.join('\n')}\n`;
}
