// Requests that match no operation: the nearest documented operations (WireMock's "closest match"), and the index
// that `GET /` answers (where the docs and each provider's base URL are).

import type { MockResponse, Operation } from '../engine/types.js';

export interface NearOperation {
  method: string;
  path: string;
  operationId: string;
}

/** Levenshtein distance, case-insensitive, bounded work for long paths (both cut to 200 characters). */
function distance(a: string, b: string): number {
  const x = a.slice(0, 200).toLowerCase();
  const y = b.slice(0, 200).toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[y.length]!;
}

/** The template with each `{param}` segment filled from the request's segment at the same place (when there is one). */
function filled(template: string, segments: ReadonlyArray<string>): string {
  return template
    .split('/')
    .map((part, i) => (part.includes('{') && segments[i] !== undefined && segments[i] !== '' ? segments[i] : part))
    .join('/');
}

/**
 * The documented operations nearest to a request, closest first: the edit distance between the request's path and
 * each path template (parameters filled from the request), plus a small penalty when the method differs.
 */
export function nearestOperations(operations: ReadonlyArray<Operation>, method: string, path: string, count = 3): NearOperation[] {
  const segments = path.split('/');
  const scored = operations.map((op) => ({
    op,
    score: distance(path, filled(op.path, segments)) + (op.method === method.toUpperCase() ? 0 : 2),
  }));
  scored.sort((a, b) => a.score - b.score || a.op.path.length - b.op.path.length);
  return scored.slice(0, count).map(({ op }) => ({ method: op.method, path: op.path, operationId: op.operationId }));
}

export interface IndexInfo {
  origin: string;
  providers: ReadonlyArray<{ name: string; basePath: string }>;
  docsPath: string | undefined;
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** `GET /`: the docs and each provider's base URL, as JSON or (for a browser) a small HTML page. */
export function indexResponse(info: IndexInfo, wantsHtml: boolean): MockResponse {
  const providers = Object.fromEntries(info.providers.map((p) => [p.name, `${info.origin}${p.basePath}`]));
  const body = {
    name: 'authmock',
    docs: info.docsPath ? `${info.origin}${info.docsPath}` : null,
    admin: `${info.origin}/__admin`,
    providers,
  };
  if (!wantsHtml) return { status: 200, contentType: 'application/json', body };
  const items = Object.entries(providers).map(([name, url]) => `<li>${escapeHtml(name)}: <a href="${escapeHtml(url)}">${escapeHtml(url)}</a></li>`);
  const docs = body.docs ? `<p>API reference: <a href="${escapeHtml(body.docs)}">${escapeHtml(body.docs)}</a></p>` : '';
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>authmock</title></head><body><h1>authmock</h1>${docs}<p>Base URLs:</p><ul>${items.join('')}</ul><p>Control API: <code>${escapeHtml(body.admin)}</code></p></body></html>`;
  return { status: 200, contentType: 'text/html; charset=utf-8', body: html };
}
