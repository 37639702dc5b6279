// OpenAPI schema objects as plain JSON Schema for ajv: 3.0's dialect converted, annotations dropped (pure).
//
// OpenAPI 3.0 schemas are a dialect of draft-04/05: `nullable`, boolean `exclusiveMinimum`/`exclusiveMaximum`, `$ref`
// whose siblings are ignored. 3.1 schemas are JSON Schema 2020-12 already. In both, `example`/`examples` are data,
// never schema: they are dropped, so a `$id` inside an example cannot change what ajv resolves.

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keywords whose value is one schema, a list of schemas, or a map name → schema. */
const ONE = new Set(['additionalProperties', 'items', 'contains', 'not', 'if', 'then', 'else', 'propertyNames', 'unevaluatedProperties', 'unevaluatedItems', 'additionalItems']);
const LIST = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const MAP = new Set(['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions']);
/** Annotations and OpenAPI's own words: nothing ajv needs to see. */
const DROPPED = new Set(['example', 'examples', 'xml', 'externalDocs', 'discriminator', 'description', 'title', 'deprecated']);
const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);

export type Dialect = '3.0' | '3.1';

export const dialectOf = (openapi: string): Dialect => (openapi.startsWith('3.0') ? '3.0' : '3.1');

/** Boolean exclusiveMinimum/Maximum (3.0, and a common slip in 3.1): `{minimum: 1, exclusiveMinimum: true}` → `{exclusiveMinimum: 1}`. */
function numericBounds(out: Obj): void {
  for (const [exclusive, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (typeof out[exclusive] !== 'boolean') continue;
    if (out[exclusive] === true && typeof out[bound] === 'number') {
      out[exclusive] = out[bound];
      delete out[bound];
    } else delete out[exclusive];
  }
}

/** `type` and `required` as ajv can compile them: unknown type names (`file`) and non-list `required` are dropped. */
function sanitise(out: Obj): void {
  if (typeof out['type'] === 'string' && !JSON_TYPES.has(out['type'])) delete out['type'];
  if (Array.isArray(out['type'])) {
    const types = out['type'].filter((t) => typeof t === 'string' && JSON_TYPES.has(t));
    if (types.length === 0) delete out['type'];
    else out['type'] = types;
  }
  if ('required' in out && !Array.isArray(out['required'])) delete out['required'];
}

/** 3.0 `nullable: true`: null is allowed too. With a `type`, null joins it; without one (beside `allOf`, `$ref`), the schema becomes "null or this". */
function nullable(out: Obj): Obj {
  const isNullable = out['nullable'] === true;
  delete out['nullable'];
  if (!isNullable) return out;
  if (Array.isArray(out['enum']) && !out['enum'].includes(null)) out['enum'] = [...out['enum'], null];
  if (typeof out['type'] === 'string') {
    out['type'] = [out['type'], 'null'];
    return out;
  }
  if (Array.isArray(out['type'])) {
    if (!out['type'].includes('null')) out['type'] = [...out['type'], 'null'];
    return out;
  }
  return Object.keys(out).length === 0 ? out : { anyOf: [{ type: 'null' }, out] };
}

/** One schema (and its subschemas, not following `$ref`) as JSON Schema for ajv. */
export function toJsonSchema(schema: unknown, dialect: Dialect): unknown {
  if (!isObj(schema)) return schema; // booleans (3.1); anything else is left for ajv to judge
  if (dialect === '3.0' && typeof schema['$ref'] === 'string') {
    // 3.0: a $ref's siblings are ignored, except the `nullable` that documents write beside it anyway.
    return nullable({ $ref: schema['$ref'], ...(schema['nullable'] === true ? { nullable: true } : {}) });
  }
  const out: Obj = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key) || key.startsWith('x-')) continue;
    if (ONE.has(key) && (isObj(value) || typeof value === 'boolean')) out[key] = toJsonSchema(value, dialect);
    else if (ONE.has(key) && key === 'items' && Array.isArray(value)) out[key] = value.map((v) => toJsonSchema(v, dialect));
    else if (LIST.has(key) && Array.isArray(value)) out[key] = value.map((v) => toJsonSchema(v, dialect));
    else if (MAP.has(key) && isObj(value)) out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSchema(v, dialect)]));
    else out[key] = value;
  }
  numericBounds(out);
  sanitise(out);
  return dialect === '3.0' ? nullable(out) : out;
}
