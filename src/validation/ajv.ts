// Ajv instances per OpenAPI version: one that coerces (parameters, form bodies, headers) and one that does not (JSON).

import type { Ajv, ErrorObject, Options, ValidateFunction } from 'ajv';
import { loadAjv } from './ajv-modules.js';
import { FORMATS, formatsCode } from './formats.js';
import { noValidatorCache, type ValidatorCache } from './precompiled.js';

/** Compiles a schema once: from the precompiled cache when it has it, else with ajv (and remembers it for the cache). */
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
  /** Write what was compiled to the cache, for the next start. */
  save(): Promise<void>;
}

const OPENAPI_KEYWORDS = ['example', 'xml', 'externalDocs', 'discriminator', 'x-authmock-lenient'];

function create(version: '3.0' | '3.1', options: Options): Ajv {
  const { Ajv, Ajv2020, addFormats, _ } = loadAjv();
  const base: Options = {
    strict: false,
    allErrors: false,
    validateFormats: true,
    useDefaults: true,
    // The document's schemas were validated by swagger-parser at load; re-validating each one costs ~3/4 of start-up.
    validateSchema: false,
    // Keep the generated source so it can be saved as standalone code; it finds the formats through FORMATS_CODE.
    code: { source: true, formats: formatsCode(_) },
    ...options,
  };
  const ajv = version === '3.1' ? new Ajv2020(base) : new Ajv(base);
  // ajv-formats for its formatMinimum/formatMaximum keywords; then the same formats, remembering valid strings.
  addFormats(ajv);
  for (const [name, format] of Object.entries(FORMATS)) ajv.addFormat(name, format);
  // OpenAPI 3.0's int32/int64/float/double and the like: accept, they only describe precision.
  for (const f of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password']) {
    if (!ajv.formats[f]) ajv.addFormat(f, true);
  }
  for (const keyword of OPENAPI_KEYWORDS) if (!ajv.getKeyword(keyword)) ajv.addKeyword(keyword);
  return ajv;
}

function createCompiler(kind: string, make: () => Ajv, cache: ValidatorCache): Compiler {
  let ajv: Ajv | undefined; // created only if something is not in the cache
  const byObject = new WeakMap<object, ValidateFunction>();
  return {
    compile(schema) {
      const objectKey = typeof schema === 'object' ? schema : undefined;
      const known = objectKey && byObject.get(objectKey);
      if (known) return known;
      const key = cache.keyOf(kind, schema);
      let fn = key ? cache.get(key) : undefined;
      if (!fn) {
        ajv ??= make();
        fn = ajv.compile(schema);
        if (key) cache.remember(key, ajv, fn);
      }
      if (objectKey) byObject.set(objectKey, fn);
      return fn;
    },
  };
}

export function createAjvSet(openapiVersion: string, cache: ValidatorCache = noValidatorCache): AjvSet {
  const version = openapiVersion.startsWith('3.0') ? '3.0' : '3.1';
  return {
    strict: createCompiler(`${version}:strict`, () => create(version, {}), cache),
    coercing: createCompiler(`${version}:coercing`, () => create(version, { coerceTypes: true }), cache),
    response: createCompiler(`${version}:response`, () => create(version, { useDefaults: false }), cache),
    save: () => cache.save(),
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
