// fast-check arbitraries derived from the operation index: valid values from each JSON Schema, mutated ones
// around them, and whole requests (path, query, headers, body, credentials) for one operation.

import fc from 'fast-check';
import type { JsonSchema, MediaSpec, Operation, ParameterSpec, SecuritySchemeSpec } from '../../src/engine/types.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Values worth trying for a property or parameter of this name (the fixtures' real credentials, so success paths run too). */
export type Hints = Readonly<Record<string, ReadonlyArray<unknown>>>;

const MAX_DEPTH = 6;

function typesOf(s: Obj): string[] {
  const t = s['type'];
  if (Array.isArray(t)) return t as string[];
  if (typeof t === 'string') return [t];
  if (isObj(s['properties']) || Array.isArray(s['required'])) return ['object'];
  if (s['items'] !== undefined) return ['array'];
  return [];
}

function stringArbitrary(s: Obj): fc.Arbitrary<string> {
  const minLength = typeof s['minLength'] === 'number' ? s['minLength'] : 0;
  const maxLength = typeof s['maxLength'] === 'number' ? s['maxLength'] : Math.max(minLength, 24);
  if (typeof s['pattern'] === 'string') {
    try {
      const pattern = new RegExp(s['pattern']);
      return fc.stringMatching(pattern).filter((v) => v.length >= minLength && v.length <= Math.max(maxLength, minLength) + 64);
    } catch {
      // fall through to the format / plain string below
    }
  }
  switch (s['format']) {
    case 'date':
      return fc.date({ min: new Date('1971-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc.date({ min: new Date('1971-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'email':
      return fc.emailAddress();
    case 'uuid':
      return fc.uuid();
    case 'uri':
      return fc.webUrl();
    default:
      return fc.string({ minLength, maxLength });
  }
}

function numberArbitrary(s: Obj, integer: boolean): fc.Arbitrary<number> {
  const min = typeof s['minimum'] === 'number' ? s['minimum'] : typeof s['exclusiveMinimum'] === 'number' ? s['exclusiveMinimum'] + 1 : undefined;
  const max = typeof s['maximum'] === 'number' ? s['maximum'] : typeof s['exclusiveMaximum'] === 'number' ? s['exclusiveMaximum'] - 1 : undefined;
  if (integer) return fc.integer({ min: Math.max(min ?? -1_000_000, -(2 ** 31)), max: Math.min(max ?? 1_000_000, 2 ** 31 - 1) });
  return fc.double({ min: min ?? -1e6, max: max ?? 1e6, noNaN: true, noDefaultInfinity: true });
}

/** A value valid against `schema` (for the schema subset the documents use), mixed with hinted values by property name. */
export function validValue(schema: JsonSchema | undefined, hints: Hints = {}, name?: string, depth = 0): fc.Arbitrary<unknown> {
  const hinted = name !== undefined ? hints[name] : undefined;
  const base = schemaValue(schema, hints, depth);
  return hinted && hinted.length > 0 ? fc.oneof({ arbitrary: base, weight: 1 }, { arbitrary: fc.constantFrom(...hinted), weight: 2 }) : base;
}

function schemaValue(schema: JsonSchema | undefined, hints: Hints, depth: number): fc.Arbitrary<unknown> {
  if (schema === undefined || schema === true) return fc.jsonValue({ maxDepth: 2 });
  if (schema === false) return fc.constant(undefined);
  const s = schema as Obj;
  if ('const' in s) return fc.constant(s['const']);
  if (Array.isArray(s['enum']) && s['enum'].length > 0) return fc.constantFrom(...(s['enum'] as unknown[]));
  for (const key of ['oneOf', 'anyOf'] as const) {
    const list = s[key];
    if (Array.isArray(list) && list.length > 0) return fc.oneof(...list.map((sub) => schemaValue(sub as JsonSchema, hints, depth + 1)));
  }
  if (Array.isArray(s['allOf'])) {
    const parts = (s['allOf'] as JsonSchema[]).map((sub) => schemaValue(sub, hints, depth + 1));
    return fc.tuple(...parts).map((values) => Object.assign({}, ...values.filter(isObj)));
  }
  const types = typesOf(s);
  const type = types.find((t) => t !== 'null') ?? types[0];
  switch (type) {
    case 'object': {
      if (depth > MAX_DEPTH) return fc.constant({});
      const properties = isObj(s['properties']) ? s['properties'] : {};
      const required = new Set(Array.isArray(s['required']) ? (s['required'] as string[]) : []);
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [prop, sub] of Object.entries(properties)) model[prop] = validValue(sub as JsonSchema, hints, prop, depth + 1);
      const requiredKeys = Object.keys(model).filter((k) => required.has(k));
      return fc.record(model, { requiredKeys });
    }
    case 'array': {
      const minItems = typeof s['minItems'] === 'number' ? s['minItems'] : 0;
      const maxItems = typeof s['maxItems'] === 'number' ? s['maxItems'] : minItems + 3;
      return fc.array(schemaValue(s['items'] as JsonSchema | undefined, hints, depth + 1), { minLength: minItems, maxLength: maxItems });
    }
    case 'integer':
      return numberArbitrary(s, true);
    case 'number':
      return numberArbitrary(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'string':
      return stringArbitrary(s);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Nasty scalars: empty, huge, unicode edge cases, numbers at and beyond every limit. */
export const nastyScalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('', ' ', '\u0000', '\ud800', '__proto__', 'constructor', 'toString', '../..', '%2e%2e', 'null', '-1', '1e309', 'NaN'),
  fc.constantFrom(0, -1, -0, 2 ** 31, 2 ** 53 + 2, -(2 ** 53), 1.5, 1e308, Number.MAX_SAFE_INTEGER, true, false, null),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ minLength: 2000, maxLength: 5000 }),
);

/** Variations around a valid value: a required field dropped, a leaf of the wrong type, an unknown field, random JSON. */
export function mutatedValue(schema: JsonSchema | undefined, hints: Hints = {}): fc.Arbitrary<unknown> {
  const valid = validValue(schema, hints);
  return fc.oneof(
    fc.jsonValue({ maxDepth: 4 }),
    nastyScalar,
    fc.constantFrom(null, [], {}, '', 0, true),
    fc.tuple(valid, fc.nat()).map(([v, i]) => dropKey(v, i)),
    fc.tuple(valid, fc.nat(), nastyScalar).map(([v, i, x]) => replaceLeaf(v, i, x)),
    fc.tuple(valid, fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue({ maxDepth: 2 })).map(([v, k, x]) => (isObj(v) ? { ...v, [k]: x } : v)),
    valid.map((v) => [v]),
  );
}

function leafPaths(value: unknown, at: string[] = [], out: string[][] = []): string[][] {
  if (isObj(value)) for (const [k, v] of Object.entries(value)) leafPaths(v, [...at, k], out);
  else if (Array.isArray(value)) value.forEach((v, i) => leafPaths(v, [...at, String(i)], out));
  else out.push(at);
  return out;
}

function dropKey(value: unknown, index: number): unknown {
  const paths = leafPaths(value).filter((p) => p.length > 0);
  if (paths.length === 0) return value;
  const path = paths[index % paths.length]!;
  const copy = structuredClone(value) as Obj;
  let node: Obj = copy;
  for (const k of path.slice(0, -1)) node = node[k] as Obj;
  delete node[path[path.length - 1]!];
  return copy;
}

function replaceLeaf(value: unknown, index: number, replacement: unknown): unknown {
  const paths = leafPaths(value);
  const path = paths[index % Math.max(paths.length, 1)] ?? [];
  if (path.length === 0) return replacement;
  const copy = structuredClone(value) as Obj;
  let node: Obj = copy;
  for (const k of path.slice(0, -1)) node = node[k] as Obj;
  node[path[path.length - 1]!] = replacement;
  return copy;
}

// ── Requests ─────────────────────────────────────────────────────────────────────────────────────────

export type CredentialVariant = 'valid' | 'none' | 'garbage' | 'partial';

export interface GeneratedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
  /** Whether the pieces came from the schemas as they are (false: at least one part was mutated). */
  valid: boolean;
  credentials: CredentialVariant;
}

/** Where the valid credentials come from: headers and query for a scheme, and path parameters they need (RFCx guids). */
export interface CredentialSource {
  (scheme: SecuritySchemeSpec, op: Operation): { headers?: Record<string, string>; query?: Record<string, string>; pathParams?: Record<string, string> };
}

const headerSafe = (v: string): string => v.replace(/[^\x21-\x7e]/g, '').slice(0, 256) || 'x';
const toText = (v: unknown): string => (typeof v === 'string' ? v : v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
/** encodeURIComponent without the URIError on a lone surrogate (it becomes U+FFFD, as a UTF-8 client would send). */
const encodeSegment = (text: string): string => encodeURIComponent(Buffer.from(text, 'utf8').toString('utf8'));

/** Rails-style form encoding of nested objects and arrays (what the Duet and RFCx routes accept). */
export function toForm(value: unknown): string {
  const out = new URLSearchParams();
  const walk = (v: unknown, key: string): void => {
    if (isObj(v)) for (const [k, x] of Object.entries(v)) walk(x, key ? `${key}[${k}]` : k);
    else if (Array.isArray(v)) for (const x of v) walk(x, `${key}[]`);
    else out.append(key || 'value', toText(v));
  };
  walk(value, '');
  return out.toString();
}

function paramArbitrary(param: ParameterSpec, hints: Hints, mutate: boolean): fc.Arbitrary<unknown> {
  if (!mutate) return validValue(param.schema, hints, param.name);
  return fc.oneof(validValue(param.schema, hints, param.name), nastyScalar, fc.string({ maxLength: 20 }));
}

function bodyArbitrary(media: ReadonlyArray<MediaSpec>, hints: Hints, mutate: boolean): fc.Arbitrary<{ text: string; contentType: string } | undefined> {
  if (media.length === 0) return fc.constant(undefined);
  const perMedia = media.map((m) => {
    const value = mutate ? mutatedValue(m.schema, hints) : validValue(m.schema, hints);
    if (m.mediaType === 'application/x-www-form-urlencoded') return value.map((v) => ({ text: toForm(v), contentType: m.mediaType }));
    if (m.mediaType === 'multipart/form-data') return value.map((v) => ({ text: toForm(v), contentType: 'application/x-www-form-urlencoded' }));
    return value.map((v) => ({ text: JSON.stringify(v) ?? 'null', contentType: m.mediaType }));
  });
  const valid = fc.oneof(...perMedia);
  if (!mutate) return valid;
  return fc.oneof(
    valid,
    // Wrong or missing content type, truncated text.
    fc.tuple(valid, fc.constantFrom('text/plain', 'application/xml', 'application/octet-stream', '')).map(([b, type]) => b && { ...b, contentType: type }),
    valid.map((b) => b && { ...b, text: b.text.slice(0, Math.max(0, Math.floor(b.text.length / 2))) }),
  );
}

/**
 * One request for `op`: valid or mutated parameters and body, and credentials that are valid, missing, garbage or
 * only partly valid (an AND set with one member wrong). `credentials` supplies the valid ones at run time.
 */
export function requestArbitrary(op: Operation, hints: Hints): fc.Arbitrary<(credentials: CredentialSource) => GeneratedRequest> {
  const secured = op.security.length > 0;
  const variants: CredentialVariant[] = secured ? ['valid', 'valid', 'none', 'garbage', 'partial'] : ['none'];
  const requireBody = op.requestBody?.required ?? false;
  return fc
    .record({
      mutate: fc.boolean(),
      variant: fc.constantFrom(...variants),
      alternative: fc.nat(),
      garbage: fc.array(fc.string({ minLength: 1, maxLength: 48 }).map(headerSafe), { minLength: 4, maxLength: 4 }),
    })
    .chain((top) =>
      fc
        .record({
          params: fc.tuple(...op.parameters.map((p) => (p.required ? paramArbitrary(p, hints, top.mutate) : fc.option(paramArbitrary(p, hints, top.mutate), { freq: 3, nil: undefined })))),
          body: op.requestBody
            ? requireBody && !top.mutate
              ? bodyArbitrary(op.requestBody.content, hints, top.mutate)
              : fc.option(bodyArbitrary(op.requestBody.content, hints, top.mutate), { freq: 5, nil: undefined })
            : fc.constant(undefined),
        })
        .map(({ params, body }) => {
          const build = (credentials: CredentialSource): GeneratedRequest => {
          const pathParams: Record<string, string> = {};
          const query = new URLSearchParams();
          const headers: Record<string, string> = {};
          op.parameters.forEach((p, i) => {
            const value = params[i];
            if (value === undefined) return;
            const text = toText(value);
            if (p.in === 'path') pathParams[p.name] = text;
            else if (p.in === 'query') query.append(p.name, text);
            else if (p.in === 'header') headers[p.name] = headerSafe(text);
          });
          const alternatives = op.security.filter((a) => a.length > 0);
          const chosen = alternatives[top.alternative % Math.max(alternatives.length, 1)] ?? [];
          if (top.variant !== 'none') {
            chosen.forEach((scheme, i) => {
              const useValid = top.variant === 'valid' || (top.variant === 'partial' && i === 0 && chosen.length > 1);
              const given: ReturnType<CredentialSource> = useValid ? credentials(scheme, op) : garbageFor(scheme, top.garbage[i % top.garbage.length]!);
              Object.assign(headers, given.headers ?? {});
              for (const [k, v] of Object.entries(given.query ?? {})) query.set(k, v);
              if (useValid) Object.assign(pathParams, given.pathParams ?? {});
            });
          }
          const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeSegment(pathParams[name] ?? 'x'));
          if (body) {
            if (body.contentType) headers['content-type'] = body.contentType;
          } else if (op.method === 'POST' || op.method === 'PUT' || op.method === 'PATCH') {
            headers['content-length'] = '0';
          }
          const qs = query.toString();
          return {
            method: op.method,
            path: qs ? `${path}?${qs}` : path,
            headers,
            body: body?.text,
            valid: !top.mutate,
            credentials: secured ? top.variant : 'none',
          };
          };
          // What fast-check prints for a counterexample (instead of the function's source).
          const shown = `${op.operationId} ${top.variant}${top.mutate ? ' mutated' : ''} params=${fc.stringify(params)} body=${fc.stringify(body)}`;
          return Object.assign(build, { [fc.toStringMethod]: () => shown });
        }),
    );
}

/** A credential of the right shape and place, but not one the mock issued. */
function garbageFor(scheme: SecuritySchemeSpec, junk: string): { headers?: Record<string, string>; query?: Record<string, string> } {
  let value = junk;
  if (scheme.paramName === 'x-auth-user' || scheme.paramName === 'auth_user') value = `user/${junk.toLowerCase().replace(/[^0-9a-z-]/g, '') || 'nobody'}`;
  if (scheme.type === 'http') return { headers: { authorization: `Bearer ${junk}` } };
  return scheme.in === 'query' ? { query: { [scheme.paramName]: value } } : { headers: { [scheme.paramName]: value } };
}
