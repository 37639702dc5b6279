// Find the document's operation for a pact request: the route table, plus the prefix a pact may omit or add (pure).
//
// A client team's pact records the paths it sends to the real API (`/1/account/sign_in`), while authmock serves each
// provider under a mount (`/<provider>/<its path>`); a pact written against a server URL with a base path carries
// that base path (`/api/v3/pets`) while the document's paths do not. `resolvePrefix` picks, once per pact, the
// rewrite under which most of its requests name a documented operation.

import type { Operation } from '../engine/types.js';
import { createRouteTable, type RouteMatch } from '../engine/routes.js';

export type MatchResult = RouteMatch;

/** How a pact's paths become the document's paths: strip `strip` (a server base path), then put `add` (a mount) in front. */
export interface PathRewrite {
  strip: string;
  add: string;
}

export const NO_REWRITE: PathRewrite = { strip: '', add: '' };

export interface OperationMatcher {
  match(method: string, path: string): MatchResult;
  /** Every rewrite worth trying for this document, the identity first. */
  readonly rewrites: ReadonlyArray<PathRewrite>;
}

/** The path part of each server URL that is not `/` (`https://x/api/v3` → `/api/v3`). */
function serverBasePaths(servers: unknown): string[] {
  if (!Array.isArray(servers)) return [];
  const out = new Set<string>();
  for (const server of servers) {
    const url = typeof server === 'object' && server !== null ? (server as Record<string, unknown>)['url'] : undefined;
    if (typeof url !== 'string') continue;
    let path: string;
    try {
      path = new URL(url, 'http://authmock.invalid').pathname;
    } catch {
      continue;
    }
    const trimmed = path.replace(/\/+$/, '');
    if (trimmed !== '' && !trimmed.includes('{')) out.add(trimmed);
  }
  return [...out];
}

/** The route table the server uses, with blank path parameters let through (check-pacts names them), and the rewrites to try. */
export function createOperationMatcher(ops: ReadonlyArray<Operation>, servers?: unknown): OperationMatcher {
  const table = createRouteTable(ops, { blankParameters: true });
  const mounts = [...new Set(ops.map((op) => /^\/[^/{]+/.exec(op.path)?.[0]).filter((m): m is string => m !== undefined))].sort();
  const strips = ['', ...serverBasePaths(servers)];
  const rewrites: PathRewrite[] = [];
  for (const strip of strips) for (const add of ['', ...mounts]) rewrites.push({ strip, add });
  return { rewrites, match: (method, path) => table.match(method, path) };
}

/** The document path for a pact path under a rewrite, or undefined when the pact path lacks the base to strip. */
export function rewritePath(path: string, rewrite: PathRewrite): string | undefined {
  if (rewrite.strip !== '') {
    if (path !== rewrite.strip && !path.startsWith(`${rewrite.strip}/`)) return undefined;
    path = path.slice(rewrite.strip.length) || '/';
  }
  return rewrite.add === '' ? path : `${rewrite.add}${path === '/' ? '' : path}`;
}

/**
 * The rewrite under which most requests name a documented operation (a path with another method counts half);
 * ties go to the earlier rewrite, so a pact that already uses the document's paths is never rewritten.
 */
export function resolvePrefix(requests: ReadonlyArray<{ method: string; path: string }>, matcher: OperationMatcher): PathRewrite {
  let best = NO_REWRITE;
  let bestScore = -1;
  for (const rewrite of matcher.rewrites) {
    let score = 0;
    for (const r of requests) {
      const path = rewritePath(r.path, rewrite);
      if (path === undefined) continue;
      const result = matcher.match(r.method, path);
      // A mount followed by a path parameter (`/pets` + `/board` = `/pets/{id}`) matches anything: no evidence.
      if (rewrite.add !== '' && result.kind === 'found' && result.op.path.startsWith(`${rewrite.add}/{`)) continue;
      score += result.kind === 'found' ? 2 : result.kind === 'method' ? 1 : 0;
    }
    if (score > bestScore) {
      best = rewrite;
      bestScore = score;
    }
  }
  return best;
}
