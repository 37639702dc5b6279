// Example fallback for operations without a handler: the documented example (or a schema sample), honouring `Prefer`.

import type { JsonSchema, MediaSpec, MockRequest, MockResponse, Operation, ResponseSpec } from '../types.js';

type Obj = Record<string, unknown>;

/** `Prefer: code=401, example=expired` → { code: '401', example: 'expired' }. */
export function parsePrefer(header: string | string[] | undefined): { code?: string; example?: string } {
  const out: { code?: string; example?: string } = {};
  for (const line of Array.isArray(header) ? header : header ? [header] : []) {
    for (const part of line.split(/[,;]/)) {
      const [k, v] = part.split('=').map((s) => s.trim());
      if (k === 'code' && v) out.code = v.replace(/"/g, '');
      if (k === 'example' && v) out.example = v.replace(/"/g, '');
    }
  }
  return out;
}

/** A value that satisfies common schemas, for media without examples. */
export function sampleFromSchema(schema: JsonSchema | undefined, depth = 0): unknown {
  if (schema === undefined || typeof schema === 'boolean' || depth > 8) return {};
  const s = schema as Obj;
  if ('const' in s) return s['const'];
  if ('default' in s) return s['default'];
  if ('example' in s) return s['example'];
  if (Array.isArray(s['examples']) && s['examples'].length > 0) return s['examples'][0];
  if (Array.isArray(s['enum']) && s['enum'].length > 0) return s['enum'][0];
  for (const key of ['oneOf', 'anyOf'] as const) {
    if (Array.isArray(s[key]) && s[key].length > 0) return sampleFromSchema(s[key][0] as JsonSchema, depth + 1);
  }
  if (Array.isArray(s['allOf'])) {
    return Object.assign({}, ...s['allOf'].map((p) => sampleFromSchema(p as JsonSchema, depth + 1)));
  }
  const type = Array.isArray(s['type']) ? (s['type'].find((t) => t !== 'null') as string | undefined) : (s['type'] as string | undefined);
  switch (type ?? (s['properties'] ? 'object' : undefined)) {
    case 'object': {
      const out: Obj = {};
      const required = new Set(Array.isArray(s['required']) ? (s['required'] as string[]) : []);
      for (const [name, prop] of Object.entries((s['properties'] as Obj | undefined) ?? {})) {
        if (required.has(name) || depth < 2) out[name] = sampleFromSchema(prop as JsonSchema, depth + 1);
      }
      return out;
    }
    case 'array': {
      const min = typeof s['minItems'] === 'number' ? s['minItems'] : 1;
      return Array.from({ length: Math.max(1, min) }, () => sampleFromSchema(s['items'] as JsonSchema, depth + 1));
    }
    case 'integer':
    case 'number':
      return typeof s['minimum'] === 'number' ? s['minimum'] : 0;
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'string':
      return sampleString(s);
    default:
      return {};
  }
}

function sampleString(s: Obj): string {
  switch (s['format']) {
    case 'date-time':
      return '2026-01-01T00:00:00Z';
    case 'date':
      return '2026-01-01';
    case 'email':
      return 'user@example.com';
    case 'uuid':
      return '00000000-0000-4000-8000-000000000000';
    case 'uri':
      return 'urn:example';
    default: {
      const min = typeof s['minLength'] === 'number' ? s['minLength'] : 0;
      return 'string'.padEnd(min, 'x');
    }
  }
}

const pickMedia = (spec: ResponseSpec, accept: string | undefined): MediaSpec | undefined =>
  (accept && spec.content.find((m) => accept.includes(m.mediaType))) || spec.content[0];

/** The lowest documented 2xx (or the `Prefer`red status and example) as a response. */
export function exampleResponse(op: Operation, req: MockRequest): MockResponse {
  const prefer = parsePrefer(req.headers['prefer']);
  const numeric = op.responses.filter((r) => /^\d{3}$/.test(r.status)).sort((a, b) => Number(a.status) - Number(b.status));
  const spec =
    (prefer.code ? op.responses.find((r) => r.status === prefer.code) : undefined) ??
    numeric.find((r) => r.status.startsWith('2')) ??
    numeric[0] ??
    op.responses[0];
  if (!spec) return { status: 204 };
  const status = /^\d{3}$/.test(spec.status) ? Number(spec.status) : 200;
  const accept = typeof req.headers['accept'] === 'string' ? req.headers['accept'] : undefined;
  const media = pickMedia(spec, accept);
  const headers: Record<string, string> = {};
  for (const h of spec.headers) if (h.required) headers[h.name] = String(sampleFromSchema(h.schema));
  if (!media) return { status, headers };
  const named = prefer.example ? media.examples.find((e) => e.name === prefer.example) : undefined;
  const body = (named ?? media.examples[0])?.value ?? sampleFromSchema(media.schema);
  return { status, headers, body, contentType: media.mediaType };
}
