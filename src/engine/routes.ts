// The one route table: every documented path template becomes a pattern here, once, and requests are matched to it (pure).

import type { Operation } from './types.js';

/** One path template of the document and the operations it holds, one per method. */
export interface Route {
  /** The document's template, e.g. `/pets/{id}`. */
  readonly path: string;
  /** Matches a request path: case-insensitive, an optional trailing slash, one capture per path parameter. */
  readonly pattern: RegExp;
  /** The path parameters' names, in the order of the pattern's captures. */
  readonly names: ReadonlyArray<string>;
  /** Method (upper case) → operation. */
  readonly operations: ReadonlyMap<string, Operation>;
}

export type RouteMatch =
  | { kind: 'found'; op: Operation; params: Record<string, string> }
  | { kind: 'method'; allowed: string[] }
  | { kind: 'none' };

export interface RouteTable {
  /** Literal paths before templated ones (fewer parameters first), then in document order. */
  readonly routes: ReadonlyArray<Route>;
  /** The operation for a request; HEAD is allowed wherever GET is (and answered by it). */
  match(method: string, path: string): RouteMatch;
}

export interface RouteTableOptions {
  /**
   * Let a path parameter be blank (`/tree//children`), so that the contract tools can name the blank parameter. The
   * server leaves it off: such a path matches no operation there (404), as it always has.
   */
  blankParameters: boolean;
}

const PARAMETER = /\{([^}]+)\}/g;

/** `/pets/{id}/toys/{toy}` → `['id', 'toy']`: the path parameters a template names. */
export const templateNames = (template: string): string[] => [...template.matchAll(PARAMETER)].map((m) => m[1]!);

const escapeRegex = (text: string): string => text.replace(/[.*+?^$()|[\]\\{}/]/g, '\\$&');

/** `/pets/{id}.json` → `^\/pets\/([^/]+)\.json\/?$` (case-insensitive) and `['id']`: the only place a template becomes a pattern. */
export function toPattern(template: string, blankParameters: boolean): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  let source = '';
  let last = 0;
  for (const m of template.matchAll(PARAMETER)) {
    source += escapeRegex(template.slice(last, m.index)) + (blankParameters ? '([^/]*)' : '([^/]+)');
    names.push(m[1]!);
    last = m.index + m[0].length;
  }
  source += escapeRegex(template.slice(last));
  return { pattern: new RegExp(`^${source}\\/?$`, 'i'), names };
}

/** A path parameter as the handler sees it: percent-decoded, or as sent when the encoding is malformed. */
export function toParameterValue(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The captures of a route's pattern as named, decoded path parameters. */
export function toParams(route: Route, captures: ReadonlyArray<string | undefined>): Record<string, string> {
  const params: Record<string, string> = {};
  route.names.forEach((name, i) => (params[name] = toParameterValue(captures[i] ?? '')));
  return params;
}

export function createRouteTable(ops: ReadonlyArray<Operation>, options: RouteTableOptions = { blankParameters: false }): RouteTable {
  const byPath = new Map<string, { path: string; pattern: RegExp; names: string[]; operations: Map<string, Operation> }>();
  for (const op of ops) {
    let route = byPath.get(op.path);
    if (!route) byPath.set(op.path, (route = { path: op.path, ...toPattern(op.path, options.blankParameters), operations: new Map() }));
    route.operations.set(op.method, op);
  }
  const routes: Route[] = [...byPath.values()].sort((a, b) => a.names.length - b.names.length);
  return {
    routes,
    match(method, path) {
      const wanted = method.toUpperCase();
      const allowed = new Set<string>();
      for (const route of routes) {
        const m = route.pattern.exec(path);
        if (!m) continue;
        const op = route.operations.get(wanted) ?? (wanted === 'HEAD' ? route.operations.get('GET') : undefined);
        if (op) return { kind: 'found', op, params: toParams(route, m.slice(1)) };
        for (const x of route.operations.keys()) allowed.add(x);
        if (route.operations.has('GET')) allowed.add('HEAD');
      }
      return allowed.size > 0 ? { kind: 'method', allowed: [...allowed].sort() } : { kind: 'none' };
    },
  };
}
