// The document's schemas as one JSON Schema document for ajv: the bundled document's shape, only its schemas (pure).
//
// Operations compile `{ $ref: '<id>#/paths/…/schema' }` into this document instead of a dereferenced object graph,
// so recursive schemas (a tree whose children are trees) compile like any other.

import { toJsonSchema, type Dialect } from './to-json-schema.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The id ajv knows the schema document by. */
export const SCHEMA_DOCUMENT_ID = 'authmock://document';

/** `{ $ref }` to the schema at this JSON pointer (of the bundled document) in the schema document. */
export const refTo = (pointer: string): { $ref: string } => ({
  $ref: `${SCHEMA_DOCUMENT_ID}#${pointer.split('/').map(encodeURIComponent).join('/')}`,
});

/**
 * Every schema of the bundled document at the pointer it has there (`/components/schemas/*` and every `schema`
 * field), each passed through `transform` after conversion; everything else (examples, descriptions, …) left out.
 */
export function toSchemaDocument(bundled: unknown, dialect: Dialect, transform: (schema: unknown) => unknown = (s) => s): Obj {
  const convert = (schema: unknown): unknown => transform(toJsonSchema(schema, dialect));
  const walk = (node: unknown, path: ReadonlyArray<string>): unknown => {
    if (Array.isArray(node)) {
      const out: unknown[] = node.map((item, i) => walk(item, [...path, String(i)]) ?? {});
      return out.some((item) => isObj(item) && Object.keys(item).length > 0) ? out : undefined;
    }
    if (!isObj(node)) return undefined;
    const out: Obj = {};
    const schemaMap = path.length === 2 && path[0] === 'components' && path[1] === 'schemas';
    for (const [key, value] of Object.entries(node)) {
      if (schemaMap || (key === 'schema' && (isObj(value) || typeof value === 'boolean'))) {
        out[key] = convert(value);
        continue;
      }
      // Examples are data (a `$id` in one must not name a schema); other names (`x-request-id` headers) are kept.
      if (key === 'example' || key === 'examples') continue;
      const kept = walk(value, [...path, key]);
      if (kept !== undefined) out[key] = kept;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  };
  return (walk(bundled, []) as Obj | undefined) ?? {};
}
