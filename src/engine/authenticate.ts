// Evaluate an operation's `security` (OR of AND sets) generically: find each credential, ask the provider's verifier.

import { MockError } from './errors.js';
import type { AuthOutcome, MockRequest, Operation, OperationOwner, SecuritySchemeSpec, World } from './types.js';
import { parseCookies } from './validate/parameters.js';

const ANONYMOUS: AuthOutcome = { principals: new Map(), summary: 'anonymous' };
const NONE: AuthOutcome = { principals: new Map(), summary: 'none' };

/** `SchemeA+SchemeB` for the request log. */
const summaryOf = (alternative: ReadonlyArray<SecuritySchemeSpec>): string => alternative.map((s) => s.name).join('+');

/** Where the scheme says: header, query, cookie, or `Authorization: <scheme> <credential>`. */
export function findCredential(scheme: SecuritySchemeSpec, req: MockRequest): string | undefined | MockError {
  let raw: string | string[] | undefined;
  if (scheme.in === 'query') raw = req.query[scheme.paramName];
  else if (scheme.in === 'cookie') raw = parseCookies(req.headers['cookie']).get(scheme.paramName);
  else raw = req.headers[scheme.paramName];
  if (Array.isArray(raw)) {
    if (raw.length > 1) {
      return new MockError('request.parameter_repeated', `${scheme.in} '${scheme.paramName}' (${scheme.name}) was sent ${raw.length} times`, {
        pointer: `/${scheme.in}/${scheme.paramName}`,
      });
    }
    raw = raw[0];
  }
  if (raw === undefined || raw === '') return undefined;
  if (scheme.type !== 'http') return raw;
  const space = raw.indexOf(' ');
  const given = space === -1 ? raw : raw.slice(0, space);
  if (given.toLowerCase() !== (scheme.httpScheme ?? 'bearer')) {
    return new MockError('auth.malformed', `Authorization must use the ${scheme.httpScheme ?? 'bearer'} scheme`, { pointer: '/headers/authorization' });
  }
  return space === -1 ? '' : raw.slice(space + 1);
}

export async function authenticate(op: Operation, req: MockRequest, world: World, provider: OperationOwner | undefined): Promise<AuthOutcome> {
  if (op.security.length === 0) return NONE;
  let anonymousAllowed = false;
  for (const alternative of op.security) {
    if (alternative.length === 0) {
      anonymousAllowed = true;
      continue;
    }
    const credentials: Array<[SecuritySchemeSpec, string]> = [];
    for (const scheme of alternative) {
      const resolver = provider?.credentialFrom?.[scheme.name];
      const found = resolver ? resolver(req) : findCredential(scheme, req);
      if (found instanceof MockError) throw found;
      if (found === undefined) break;
      credentials.push([scheme, found]);
    }
    if (credentials.length !== alternative.length) continue;
    const principals = new Map<string, unknown>();
    const commits: Array<() => Promise<MockError | undefined>> = [];
    for (const [scheme, credential] of credentials) {
      const verifier = provider?.verifiers[scheme.name];
      if (!verifier) {
        // Any other document: a present credential of the documented shape is enough (Prism does the same).
        principals.set(scheme.name, { scheme: scheme.name });
        continue;
      }
      const result = await verifier({ credential, scheme, req, op, world });
      if (!result.ok) throw result.error;
      principals.set(scheme.name, result.principal);
      if (result.commit) commits.push(result.commit);
    }
    return { principals, commits, summary: summaryOf(alternative) };
  }
  if (anonymousAllowed) return ANONYMOUS;
  const wanted = op.security.filter((a) => a.length > 0).map((a) => a.map((s) => `${s.paramName} (${s.in})`).join(' + '));
  throw new MockError('auth.missing', `no credentials: send ${wanted.join(' or ')}`);
}
