// Ajv instances per OpenAPI version: one that coerces (parameters, form bodies, headers) and one that does not (JSON).

import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { addFormats } from './formats.js';
import { patternEngine } from './pattern.js';
import type { LoadedDocument } from '../document/load-document.js';
import { refTo, SCHEMA_DOCUMENT_ID, toSchemaDocument } from '../document/schema-document.js';
import { dialectOf } from '../document/to-json-schema.js';

/** Compiles a schema once per schema object. */
export interface Compiler {
  compile(schema: object | boolean): ValidateFunction;
}

export interface AjvSet {
  /** JSON bodies: no coercion. */
  strict: Compiler;
  /** Parameters, headers and form fields arrive as strings: coerce scalars. */
  coercing: Compiler;
  /** Responses: checked as sent, never changed (no defaults filled in). */
  response: Compiler;
}

const OPENAPI_KEYWORDS = ['example', 'xml', 'externalDocs', 'discriminator', 'x-authmock-lenient'];

/** The document's schemas as one JSON Schema document, and where each object of the dereferenced document sits in it. */
export interface SchemaSource {
  /** See document/schema-document.ts; compiled schemas are `$ref`s into it. Built only when something is compiled. */
  document: () => object;
  /** The same document with response schemas made partial (check-pacts: a pact names only the fields it uses). */
  responseDocument?: () => object;
  pointers: WeakMap<object, string>;
}

export interface AjvSetOptions {
  schemas?: SchemaSource;
  /** Unknown formats and schemas that cannot be compiled (then not checked): said once each. */
  warn?: (message: string) => void;
}

function create(version: '3.0' | '3.1', options: Options, warn: (message: string) => void, document: (() => object) | undefined): Ajv {
  const base: Options = {
    strict: false,
    allErrors: false,
    validateFormats: true,
    useDefaults: true,
    // The document's schemas were validated by swagger-parser at load; re-validating each one costs ~3/4 of start-up.
    validateSchema: false,
    code: { regExp: patternEngine },
    // ajv's warnings (unknown formats) go where the caller says, once each: never straight to the console.
    // (Its "Error compiling schema" lines are left out: the compiler says which schema is not checked, and why.)
    logger: { log: () => undefined, warn: (message: unknown) => warn(String(message)), error: () => undefined },
    ...options,
  };
  const ajv = version === '3.1' ? new Ajv2020(base) : new Ajv(base);
  addFormats(ajv);
  for (const keyword of OPENAPI_KEYWORDS) if (!ajv.getKeyword(keyword)) ajv.addKeyword(keyword);
  if (document) ajv.addSchema(document(), SCHEMA_DOCUMENT_ID);
  return ajv;
}

/** The schema with every object that comes from the document replaced by a `$ref` to where it sits there. */
function toRefSchema(schema: unknown, pointers: WeakMap<object, string> | undefined): unknown {
  if (typeof schema !== 'object' || schema === null || !pointers) return schema;
  const pointer = Array.isArray(schema) ? undefined : pointers.get(schema);
  if (pointer !== undefined) return refTo(pointer);
  if (Array.isArray(schema)) return schema.map((item) => toRefSchema(item, pointers));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) out[key] = toRefSchema(value, pointers);
  return out;
}

function createCompiler(make: () => Ajv, pointers: WeakMap<object, string> | undefined, warn: (message: string) => void): Compiler {
  let ajv: Ajv | undefined; // created on the first compile
  const byObject = new WeakMap<object, ValidateFunction>();
  return {
    compile(schema) {
      const objectKey = typeof schema === 'object' ? schema : undefined;
      const known = objectKey && byObject.get(objectKey);
      if (known) return known;
      const target = toRefSchema(schema, pointers) as object | boolean;
      ajv ??= make();
      let fn: ValidateFunction;
      try {
        fn = ajv.compile(target);
      } catch (error) {
        // One schema ajv cannot compile (a $ref to nowhere, a keyword with a value of the wrong kind) is not
        // checked, rather than refusing the whole document.
        const where = typeof schema === 'object' && pointers?.get(schema);
        warn(`schema ${where ? `at #${where} ` : ''}is not checked: ${(error as Error).message.split('\n')[0]}`);
        fn = ajv.compile(true);
      }
      if (objectKey) byObject.set(objectKey, fn);
      return fn;
    },
  };
}

export function createAjvSet(openapiVersion: string, options: AjvSetOptions = {}): AjvSet {
  const version = openapiVersion.startsWith('3.0') ? '3.0' : '3.1';
  const said = new Set<string>();
  const warn = (raw: string): void => {
    const format = /unknown format "([^"]*)"/.exec(raw)?.[1];
    const message = format === undefined ? raw : `unknown format "${format}" in the document: its values are not checked`;
    if (said.has(message) || said.size > 1000) return;
    said.add(message);
    options.warn?.(message);
  };
  const { document, responseDocument = document, pointers } = options.schemas ?? {};
  const compiler = (ajvOptions: Options, doc: (() => object) | undefined): Compiler =>
    createCompiler(() => create(version, ajvOptions, warn, doc), pointers, warn);
  return {
    strict: compiler({}, document),
    coercing: compiler({ coerceTypes: true }, document),
    response: compiler({ useDefaults: false }, responseDocument),
  };
}

/** The schema source of a loaded document: the schema document built once, on first need. */
export function schemaSourceOf(loaded: LoadedDocument, partialResponses?: (schema: unknown) => unknown): SchemaSource | undefined {
  const { bundled, pointers } = loaded;
  if (!bundled || !pointers) return undefined;
  const dialect = dialectOf(bundled.openapi);
  let document: object | undefined;
  let responseDocument: object | undefined;
  return {
    pointers,
    document: () => (document ??= toSchemaDocument(bundled, dialect)),
    ...(partialResponses ? { responseDocument: () => (responseDocument ??= toSchemaDocument(bundled, dialect, partialResponses)) } : {}),
  };
}

const wrapped = new WeakMap<Compiler, { required: WeakMap<object, ValidateFunction>; optional: WeakMap<object, ValidateFunction> }>();

/**
 * A validator of `{ value }` against `schema`, compiled once per (ajv, schema object, required): dereferenced
 * documents share one object per component, so a parameter or header used by many operations compiles once.
 */
export function compileValue(ajv: Compiler, schema: unknown, required: boolean): ValidateFunction {
  const key = typeof schema === 'object' && schema !== null ? schema : { const: schema };
  let caches = wrapped.get(ajv);
  if (!caches) wrapped.set(ajv, (caches = { required: new WeakMap(), optional: new WeakMap() }));
  const cache = required ? caches.required : caches.optional;
  let validate = cache.get(key);
  if (!validate) {
    validate = ajv.compile({ type: 'object', properties: { value: schema }, required: required ? ['value'] : [] });
    cache.set(key, validate);
  }
  return validate;
}

export interface SchemaViolation {
  pointer: string;
  detail: string;
}

/** The first ajv error as a pointer and a sentence, never echoing the value that failed. */
export function toViolation(errors: ErrorObject[] | null | undefined, prefix: string): SchemaViolation {
  const error = errors?.[0];
  if (!error) return { pointer: prefix, detail: `${prefix || '/'} is invalid` };
  let pointer = `${prefix}${error.instancePath}`;
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required' && typeof params['missingProperty'] === 'string') {
    pointer = `${pointer}/${params['missingProperty']}`;
    return { pointer, detail: `${pointer} is required` };
  }
  if (error.keyword === 'additionalProperties' && typeof params['additionalProperty'] === 'string') {
    pointer = `${pointer}/${params['additionalProperty']}`;
    return { pointer, detail: `${pointer} is not allowed here` };
  }
  return { pointer, detail: `${pointer || '/'} ${error.message ?? 'is invalid'}` };
}

export type { ValidateFunction };
