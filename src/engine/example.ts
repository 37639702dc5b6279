// Example fallback for operations without a handler: the documented example (or a schema sample), honouring `Prefer`.

import { MockError } from './errors.js';
import type { JsonSchema, MediaSpec, MockRequest, MockResponse, Operation, ResponseSpec } from './types.js';
import { isJsonMediaType, mediaTypeOf } from './validate/parse-body.js';
import { findResponse } from './validate/response.js';
import { acceptable } from './negotiate.js';

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

/** A documented response as the example fallback sends it, or why it cannot be sent. */
type Rendered = { media: MediaSpec; body: unknown } | undefined;

/**
 * The body a media type can carry: JSON media any value (a string too: it is sent JSON-encoded); any other media
 * (XML, CSV, text) only text, from its example or a string schema: never a JSON value labelled as something else.
 */
function render(media: MediaSpec, exampleName: string | undefined): Rendered {
  const named = exampleName === undefined ? media.examples[0] : media.examples.find((e) => e.name === exampleName);
  const value = named ? named.value : sampleFromSchema(media.schema);
  if (isJsonMediaType(mediaTypeOf(media.mediaType) ?? '')) return { media, body: value };
  return typeof value === 'string' ? { media, body: value } : undefined;
}

/** The response object `Prefer: code=` names (exact, then `4XX`, then `default`), or a 400 naming what exists. */
function preferred(op: Operation, code: string): ResponseSpec {
  const spec = /^\d{3}$/.test(code) ? findResponse(op.responses, Number(code)) : undefined;
  if (spec) return spec;
  const documented = op.responses.map((r) => (r.status === 'DEFAULT' ? 'default' : r.status)).join(', ');
  throw new MockError('request.prefer_unknown', `Prefer: code=${code} is not documented for ${op.operationId} (documented: ${documented})`, {
    pointer: '/headers/prefer',
  });
}

/** The lowest documented 2xx (or the `Prefer`red status and example), in a media type the `Accept` header allows. */
export function exampleResponse(op: Operation, req: MockRequest): MockResponse {
  const prefer = parsePrefer(req.headers['prefer']);
  const numeric = op.responses.filter((r) => /^\d{3}$/.test(r.status)).sort((a, b) => Number(a.status) - Number(b.status));
  const spec = prefer.code ? preferred(op, prefer.code) : (numeric.find((r) => r.status.startsWith('2')) ?? numeric[0] ?? op.responses[0]);
  if (!spec) return { status: 204 };
  const status = /^\d{3}$/.test(spec.status) ? Number(spec.status) : prefer.code && /^\d{3}$/.test(prefer.code) ? Number(prefer.code) : /^[1-5]XX$/.test(spec.status) ? Number(spec.status[0]) * 100 : 200;
  const headers: Record<string, string> = {};
  for (const h of spec.headers) if (h.required) headers[h.name] = String(sampleFromSchema(h.schema));
  if (spec.content.length === 0) return { status, headers };
  if (prefer.example !== undefined && !spec.content.some((m) => m.examples.some((e) => e.name === prefer.example))) {
    const names = [...new Set(spec.content.flatMap((m) => m.examples.map((e) => e.name)))];
    throw new MockError('request.prefer_unknown', `Prefer: example=${prefer.example} is not documented for ${op.operationId} ${spec.status === 'DEFAULT' ? 'default' : spec.status} (documented: ${names.join(', ') || 'none'})`, {
      pointer: '/headers/prefer',
    });
  }
  const candidates = acceptable(spec.content, req.headers['accept']);
  for (const media of candidates) {
    if (prefer.example !== undefined && !media.examples.some((e) => e.name === prefer.example)) continue;
    const rendered = render(media, prefer.example);
    if (rendered) return { status, headers, body: rendered.body, contentType: media.mediaType };
  }
  const documented = spec.content.map((m) => m.mediaType).join(', ');
  throw new MockError(
    'request.not_acceptable',
    candidates.length === 0
      ? `Accept: ${String(req.headers['accept'])} allows none of the documented media types (${documented})`
      : `no example to send as ${candidates.map((m) => m.mediaType).join(' or ')}: the document gives no text example for it (documented: ${documented})`,
    { pointer: '/headers/accept' },
  );
}
