// Response schemas as a pact's expectations must meet them: a consumer states only the fields it relies on (Postel),
// so `required` does not apply, and a partial example may fit several `oneOf` branches (pure).

import type { JsonSchema, Operation } from '../types.js';

type Obj = Record<string, unknown>;

/** Keywords whose value is a schema, an array of schemas, or a map of name → schema (JSON Schema 2020-12 and OpenAPI 3.0). */
const SCHEMA_VALUED = new Set(['additionalProperties', 'items', 'contains', 'not', 'if', 'then', 'else', 'propertyNames', 'unevaluatedProperties', 'unevaluatedItems']);
const SCHEMA_ARRAYS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions']);
const DROPPED = new Set(['required', 'dependentRequired', 'minProperties']);

/**
 * The schema without `required` / `dependentRequired` / `minProperties`, with `oneOf` read as `anyOf`; types, formats,
 * patterns, enums and `additionalProperties: false` still hold. Cycles (dereferenced recursive schemas) are kept.
 */
export function toPartialSchema(schema: JsonSchema, seen: WeakMap<object, JsonSchema> = new WeakMap()): JsonSchema {
  if (typeof schema !== 'object' || schema === null) return schema;
  const done = seen.get(schema);
  if (done) return done;
  const out: Obj = {};
  seen.set(schema, out);
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key)) continue;
    const target = key === 'oneOf' ? 'anyOf' : key;
    if (SCHEMA_VALUED.has(key) && typeof value === 'object' && value !== null && !Array.isArray(value)) out[target] = toPartialSchema(value as Obj, seen);
    else if (SCHEMA_ARRAYS.has(key) && Array.isArray(value)) out[target] = value.map((v) => toPartialSchema(v as JsonSchema, seen));
    else if (SCHEMA_MAPS.has(key) && typeof value === 'object' && value !== null) {
      out[target] = Object.fromEntries(Object.entries(value as Obj).map(([k, v]) => [k, toPartialSchema(v as JsonSchema, seen)]));
    } else out[target] = value;
  }
  if (Array.isArray(out['anyOf']) && Array.isArray(schema['anyOf']) && Array.isArray(schema['oneOf'])) {
    // Both were present: keep the document's anyOf and require the former oneOf as well.
    out['allOf'] = [...(Array.isArray(out['allOf']) ? out['allOf'] : []), { anyOf: (schema['oneOf'] as JsonSchema[]).map((v) => toPartialSchema(v, seen)) }];
    out['anyOf'] = (schema['anyOf'] as JsonSchema[]).map((v) => toPartialSchema(v, seen));
  }
  return out;
}

/** The operation with every response body schema made partial (parameters and request body untouched). */
export function withPartialResponses(op: Operation): Operation {
  const seen = new WeakMap<object, JsonSchema>();
  return {
    ...op,
    responses: op.responses.map((r) => ({
      ...r,
      content: r.content.map((m) => ({ ...m, schema: m.schema === undefined ? undefined : toPartialSchema(m.schema, seen) })),
    })),
  };
}
