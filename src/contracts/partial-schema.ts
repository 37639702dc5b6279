// Response schemas as a pact's expectations must meet them: a consumer states only the fields it relies on (Postel),
// so `required` does not apply, and a partial example may fit several `oneOf` branches (pure).

import type { JsonSchema, Operation } from '../engine/types.js';
import { appendSegment } from '../engine/document/json-pointer.js';

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

/** A field of a pact's response body that the schema does not name, where the schema would allow it. */
export interface UndocumentedField {
  /** JSON pointer into the body (`/meta/colour`). */
  pointer: string;
}

const isPlainObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Fields of `value` that no `properties` / `patternProperties` of `schema` (or of its allOf/anyOf/oneOf branches)
 * names, and that no `additionalProperties` schema describes: an open schema lets them through, but the consumer
 * relies on a field the provider never promised (swagger-mock-validator reports them). The walk follows the value,
 * so recursive (circular) schemas end where the value does.
 */
export function findUndocumentedFields(schema: JsonSchema | undefined, value: unknown, pointer = '', out: UndocumentedField[] = []): UndocumentedField[] {
  if (schema === undefined || typeof schema !== 'object' || schema === null || out.length >= 50) return out;
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      for (const branch of branchesOf(schema)) {
        const items = (branch as Obj)['items'];
        if (isPlainObject(items)) findUndocumentedFields(items as JsonSchema, item, `${pointer}/${i}`, out);
      }
    });
    return out;
  }
  if (!isPlainObject(value)) return out;
  const branches = branchesOf(schema);
  const named = new Map<string, JsonSchema[]>();
  const patterns: RegExp[] = [];
  let describedBeyond = false;
  for (const branch of branches) {
    const b = branch as Obj;
    for (const [name, sub] of Object.entries(isPlainObject(b['properties']) ? b['properties'] : {})) {
      named.set(name, [...(named.get(name) ?? []), sub as JsonSchema]);
    }
    for (const source of Object.keys(isPlainObject(b['patternProperties']) ? b['patternProperties'] : {})) {
      try {
        patterns.push(new RegExp(source, 'u'));
      } catch {
        describedBeyond = true;
      }
    }
    if (isPlainObject(b['additionalProperties']) && Object.keys(b['additionalProperties']).length > 0) describedBeyond = true;
    if (b['additionalProperties'] === false || (b['type'] !== undefined && b['type'] !== 'object' && !(Array.isArray(b['type']) && b['type'].includes('object')))) describedBeyond = true;
  }
  // A schema that says nothing about objects (`{}`) documents nothing to compare with.
  const documentsObject = branches.some((b) => isPlainObject((b as Obj)['properties']) || isPlainObject((b as Obj)['patternProperties']));
  for (const [name, field] of Object.entries(value)) {
    const at = appendSegment(pointer, name);
    const subs = named.get(name);
    if (subs) {
      for (const sub of subs) findUndocumentedFields(sub, field, at, out);
      continue;
    }
    if (!documentsObject || describedBeyond || patterns.some((p) => p.test(name))) continue;
    out.push({ pointer: at });
  }
  return out;
}

/** The schema and the subschemas that apply beside it (allOf, and each branch of anyOf/oneOf), nested ones included. */
function branchesOf(schema: JsonSchema, depth = 0, out: JsonSchema[] = []): JsonSchema[] {
  if (typeof schema !== 'object' || schema === null || depth > 16 || out.includes(schema)) return out;
  out.push(schema);
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const list = (schema as Obj)[key];
    if (Array.isArray(list)) for (const sub of list) branchesOf(sub as JsonSchema, depth + 1, out);
  }
  return out;
}
