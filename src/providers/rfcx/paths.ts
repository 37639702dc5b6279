// RFCx path rules: the path as RFCx sees it (no /rfcx base), a guardian's own paths, and allowed-path patterns.

/** The request path without the mock's base path and query, still percent-encoded (so %2F never becomes a slash). */
export function rfcxPath(path: string, basePath: string): string {
  const q = path.indexOf('?');
  const bare = q === -1 ? path : path.slice(0, q);
  return bare === basePath ? '/' : bare.startsWith(`${basePath}/`) ? bare.slice(basePath.length) : bare;
}

/**
 * A guardian's own paths, as RFCx's `auth-as-guardian.js` lists them (`'^/v1/guardians/' + guid + '/checkins$'`, ...):
 * anchored at both ends, so a trailing slash does not match, and a software role is `[a-z]+` only.
 */
const GUARDIAN_OWN_PATHS: readonly RegExp[] = [
  /^\/v1\/guardians\/([^/]+)\/checkins$/,
  /^\/v1\/guardians\/([^/]+)\/software\/[a-z]+$/,
  /^\/v2\/guardians\/([^/]+)\/software\/[a-z]+$/,
  /^\/v2\/guardians\/([^/]+)\/pings$/,
];

/** The guid a guardian path names (checkins, software, pings), or undefined when the path is none of them. */
export function guardianPathGuid(path: string): string | undefined {
  for (const pattern of GUARDIAN_OWN_PATHS) {
    const match = pattern.exec(path);
    if (match) return match[1];
  }
  return undefined;
}

const escapeRegExp = (text: string): string => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/**
 * An allowed-path pattern: a string starting with `^` is a regular expression (RFCx stores its own this way,
 * e.g. `^/v1/player/web`, matched anywhere after the anchor); anything else is a glob matched against the
 * whole path, where `*` is one path segment and `**` any number of them.
 */
export function compilePattern(pattern: string): RegExp | null {
  if (pattern.startsWith('^')) {
    try {
      return new RegExp(pattern);
    } catch {
      return null;
    }
  }
  const source = pattern
    .split('**')
    .map((part) => part.split('*').map(escapeRegExp).join('[^/]*'))
    .join('.*');
  return new RegExp(`^${source}$`);
}

export type PathMatcher = (patterns: readonly string[], path: string) => boolean;

/** A matcher with a bounded cache of compiled patterns (patterns come from fixtures, never from requests). */
export function createPathMatcher(limit = 1000): PathMatcher {
  const cache = new Map<string, RegExp | null>();
  const compiled = (pattern: string): RegExp | null => {
    let found = cache.get(pattern);
    if (found === undefined && !cache.has(pattern)) {
      if (cache.size >= limit) cache.clear();
      found = compilePattern(pattern);
      cache.set(pattern, found);
    }
    return found ?? null;
  };
  return (patterns, path) => patterns.some((pattern) => compiled(pattern)?.test(path) === true);
}
