// Checks openapi/authmock.yaml and openapi/admin.yaml against the house rules by walking the documents.

import { fileURLToPath } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

type JsonObject = Record<string, unknown>;
type Segments = readonly string[];

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Keywords whose value is one subschema, a list of them, or a map of them (JSON Schema 2020-12). */
const SUBSCHEMA = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties'];
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SUBSCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];

interface DocumentUnderTest {
  name: string;
  file: string;
  /** The house rule for this document's paths. */
  pathRule: { text: string; accepts: (path: string) => boolean };
}

const documentsUnderTest: DocumentUnderTest[] = [
  {
    name: 'authmock.yaml',
    file: fileURLToPath(new URL('../../openapi/authmock.yaml', import.meta.url)),
    pathRule: {
      text: 'starts with /duet/, /devicehq/, /rfcx/ or /emnify/ (or is /duet/1)',
      accepts: (path) => path === '/duet/1' || ['/duet/', '/devicehq/', '/rfcx/', '/emnify/'].some((prefix) => path.startsWith(prefix)),
    },
  },
  {
    name: 'admin.yaml',
    file: fileURLToPath(new URL('../../openapi/admin.yaml', import.meta.url)),
    pathRule: { text: 'starts with /__admin', accepts: (path) => path.startsWith('/__admin') },
  },
];

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const isRef = (value: unknown): boolean => isObject(value) && typeof value.$ref === 'string';
const toPointer = (segments: Segments): string =>
  segments.map((segment) => `/${segment.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');

function valueAt(root: unknown, segments: Segments): unknown {
  let node = root;
  for (const segment of segments) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isObject(node)) node = node[segment];
    else return undefined;
  }
  return node;
}

/** One `example` / `examples` value and where the schema it must match sits (same pointer in the dereferenced document). */
interface ExampleSite {
  pointer: string;
  at: Segments;
  schemaAt: Segments;
}

/** Something that should carry an example: a parameter, a header or a media type with a schema. */
interface ExampleHolder {
  pointer: string;
  hasExample: boolean;
}

/** Walks a bundled document (internal $refs only) without following $refs: every location is visited once. */
function collectExamples(bundled: JsonObject): { sites: ExampleSite[]; holders: ExampleHolder[] } {
  const sites: ExampleSite[] = [];
  const holders: ExampleHolder[] = [];

  const visitSchema = (schema: unknown, at: Segments): void => {
    if (!isObject(schema) || isRef(schema)) return;
    if (Array.isArray(schema.examples)) {
      schema.examples.forEach((_, index) => sites.push({ pointer: toPointer([...at, 'examples', String(index)]), at: [...at, 'examples', String(index)], schemaAt: at }));
    }
    if ('example' in schema) sites.push({ pointer: toPointer([...at, 'example']), at: [...at, 'example'], schemaAt: at });
    for (const keyword of SUBSCHEMA) visitSchema(schema[keyword], [...at, keyword]);
    for (const keyword of SUBSCHEMA_LISTS) {
      const list = schema[keyword];
      if (Array.isArray(list)) list.forEach((sub, index) => visitSchema(sub, [...at, keyword, String(index)]));
    }
    for (const keyword of SUBSCHEMA_MAPS) {
      const map = schema[keyword];
      if (isObject(map)) for (const [name, sub] of Object.entries(map)) visitSchema(sub, [...at, keyword, name]);
    }
  };

  /** Parameter, header or media type: its own `example` / `examples` against its `schema`. */
  const visitExampleHolder = (holder: JsonObject, at: Segments): void => {
    if (!('schema' in holder)) return;
    const schemaAt = [...at, 'schema'];
    let hasExample = false;
    if ('example' in holder) {
      hasExample = true;
      sites.push({ pointer: toPointer([...at, 'example']), at: [...at, 'example'], schemaAt });
    }
    if (isObject(holder.examples)) {
      for (const [name, example] of Object.entries(holder.examples)) {
        hasExample = true;
        // A $ref'd Example Object is resolved in the dereferenced document at this same pointer.
        if (isRef(example) || (isObject(example) && 'value' in example)) {
          const exampleAt = [...at, 'examples', name, 'value'];
          sites.push({ pointer: toPointer(exampleAt), at: exampleAt, schemaAt });
        }
      }
    }
    const schema = holder.schema;
    if (isObject(schema) && !isRef(schema) && (Array.isArray(schema.examples) || 'example' in schema)) hasExample = true;
    holders.push({ pointer: toPointer(at), hasExample });
    visitSchema(schema, schemaAt);
  };

  const visitParameterOrHeader = (parameter: unknown, at: Segments): void => {
    if (!isObject(parameter) || isRef(parameter)) return;
    visitExampleHolder(parameter, at);
    visitContent(parameter.content, [...at, 'content']);
  };

  function visitContent(content: unknown, at: Segments): void {
    if (!isObject(content)) return;
    for (const [mediaType, media] of Object.entries(content)) {
      if (!isObject(media)) continue;
      visitExampleHolder(media, [...at, mediaType]);
      if (isObject(media.encoding)) {
        for (const [field, encoding] of Object.entries(media.encoding)) {
          if (isObject(encoding) && isObject(encoding.headers)) {
            for (const [name, header] of Object.entries(encoding.headers)) visitParameterOrHeader(header, [...at, mediaType, 'encoding', field, 'headers', name]);
          }
        }
      }
    }
  }

  const visitResponse = (response: unknown, at: Segments): void => {
    if (!isObject(response) || isRef(response)) return;
    if (isObject(response.headers)) {
      for (const [name, header] of Object.entries(response.headers)) visitParameterOrHeader(header, [...at, 'headers', name]);
    }
    visitContent(response.content, [...at, 'content']);
  };

  const visitRequestBody = (body: unknown, at: Segments): void => {
    if (!isObject(body) || isRef(body)) return;
    visitContent(body.content, [...at, 'content']);
  };

  const visitParameters = (parameters: unknown, at: Segments): void => {
    if (Array.isArray(parameters)) parameters.forEach((parameter, index) => visitParameterOrHeader(parameter, [...at, String(index)]));
  };

  const visitPathItem = (item: unknown, at: Segments): void => {
    if (!isObject(item) || isRef(item)) return;
    visitParameters(item.parameters, [...at, 'parameters']);
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      visitParameters(operation.parameters, [...at, method, 'parameters']);
      visitRequestBody(operation.requestBody, [...at, method, 'requestBody']);
      if (isObject(operation.responses)) {
        for (const [status, response] of Object.entries(operation.responses)) visitResponse(response, [...at, method, 'responses', status]);
      }
    }
  };

  if (isObject(bundled.paths)) for (const [path, item] of Object.entries(bundled.paths)) visitPathItem(item, ['paths', path]);
  const components = isObject(bundled.components) ? bundled.components : {};
  const each = (section: string, visit: (node: unknown, at: Segments) => void): void => {
    const map = components[section];
    if (isObject(map)) for (const [name, node] of Object.entries(map)) visit(node, ['components', section, name]);
  };
  each('parameters', visitParameterOrHeader);
  each('headers', visitParameterOrHeader);
  each('requestBodies', visitRequestBody);
  each('responses', visitResponse);
  each('schemas', visitSchema);
  each('pathItems', visitPathItem);
  return { sites, holders };
}

interface OperationEntry {
  label: string;
  path: string;
  operation: JsonObject;
}

function listOperations(document: JsonObject): OperationEntry[] {
  const operations: OperationEntry[] = [];
  if (!isObject(document.paths)) return operations;
  for (const [path, item] of Object.entries(document.paths)) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (isObject(operation)) operations.push({ label: `${method.toUpperCase()} ${path}`, path, operation });
    }
  }
  return operations;
}

function createAjv(): Ajv {
  const ajv = new Ajv2020({ strict: false, allErrors: true }) as unknown as Ajv;
  addFormats(ajv);
  return ajv;
}

const loaded = await Promise.all(
  documentsUnderTest.map(async (doc) => ({
    ...doc,
    bundled: (await SwaggerParser.bundle(doc.file)) as unknown as JsonObject,
    dereferenced: (await SwaggerParser.dereference(doc.file)) as unknown as JsonObject,
  })),
);

describe.each(loaded.map((doc) => [doc.name, doc] as const))('%s', (_name, doc) => {
  const operations = listOperations(doc.dereferenced);
  const operationCases = operations.map((entry) => [entry.label, entry] as const);
  const { sites, holders } = collectExamples(doc.bundled);
  const ajv = createAjv();

  it('validates with swagger-parser', async () => {
    await expect(SwaggerParser.validate(doc.file)).resolves.toMatchObject({ openapi: '3.1.0' });
  });

  it('has operations and examples to check', () => {
    expect(operations.length).toBeGreaterThan(0);
    expect(sites.length).toBeGreaterThan(operations.length);
  });

  it('uses each operationId once', () => {
    const ids = operations.map((entry) => entry.operation.operationId);
    const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
    expect(repeated).toEqual([]);
  });

  it.each(Object.keys(isObject(doc.bundled.paths) ? doc.bundled.paths : {}))(`path %s ${doc.pathRule.text}`, (path) => {
    expect(doc.pathRule.accepts(path)).toBe(true);
  });

  it.each(operationCases)('%s has an operationId, a summary and a description', (_label, { operation }) => {
    expect(operation.operationId).toEqual(expect.stringMatching(/^[A-Za-z][A-Za-z0-9]*$/));
    expect(operation.summary).toEqual(expect.stringMatching(/\S/));
    expect(operation.description).toEqual(expect.stringMatching(/\S/));
  });

  it.each(operationCases)('%s declares its security explicitly', (_label, { operation }) => {
    expect(Object.hasOwn(operation, 'security')).toBe(true);
    expect(Array.isArray(operation.security)).toBe(true);
  });

  it.each(operationCases)('%s has one tag that the document describes', (_label, { operation }) => {
    const tags = Array.isArray(doc.dereferenced.tags) ? doc.dereferenced.tags.filter(isObject) : [];
    expect(operation.tags).toHaveLength(1);
    const declared = tags.find((tag) => Array.isArray(operation.tags) && tag.name === operation.tags[0]);
    expect(declared?.description).toEqual(expect.stringMatching(/\S/));
  });

  it.each(operationCases)('%s has a 2xx and a 4xx response', (_label, { operation }) => {
    const statuses = Object.keys(isObject(operation.responses) ? operation.responses : {});
    expect(statuses.some((status) => /^2([0-9]{2}|XX)$/.test(status))).toBe(true);
    expect(statuses.some((status) => /^4([0-9]{2}|XX)$/.test(status))).toBe(true);
  });

  const securedCases = operationCases.filter(([, { operation }]) => Array.isArray(operation.security) && operation.security.length > 0);
  it.each(securedCases)('%s is secured and declares a 401', (_label, { operation }) => {
    expect(Object.keys(isObject(operation.responses) ? operation.responses : {})).toContain('401');
  });

  const rfcxSecuredCases = securedCases.filter(([, { path }]) => path.startsWith('/rfcx/'));
  // rfcx-api's routes check no user type (only each token's path rules): no type list, no 403 invented for one.
  it.each(rfcxSecuredCases)('%s restricts no RFCx user type', (_label, { operation }) => {
    expect(operation).not.toHaveProperty('x-rfcx-user-types');
    expect(operation.responses).not.toHaveProperty('403');
  });

  it.each(operationCases)('%s describes every response', (_label, { operation }) => {
    const responses = isObject(operation.responses) ? Object.values(operation.responses) : [];
    for (const response of responses) expect(isObject(response) ? response.description : undefined).toEqual(expect.stringMatching(/\S/));
  });

  it.each(holders.map((holder) => [holder.pointer, holder] as const))('%s carries an example', (_pointer, holder) => {
    expect(holder.hasExample).toBe(true);
  });

  it.each(sites.map((site) => [site.pointer, site] as const))('example %s matches its schema', (_pointer, site) => {
    const schema = valueAt(doc.dereferenced, site.schemaAt);
    expect(isObject(schema) || typeof schema === 'boolean').toBe(true);
    const validate = ajv.compile(schema as JsonObject | boolean);
    const valid = validate(valueAt(doc.dereferenced, site.at));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });
});
