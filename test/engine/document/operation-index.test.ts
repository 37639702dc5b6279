// The operation index as a table: what each operation of a document gives the router, validators and security.

import { describe, expect, it } from 'vitest';
import { dereferenceInternal } from '../../../src/engine/document/dereference.js';
import { DocumentError, type LoadedDocument, type OpenApiDocument } from '../../../src/engine/document/load-document.js';
import { buildOperationIndex, providerFor } from '../../../src/engine/document/operation-index.js';
import type { Operation } from '../../../src/engine/types.js';

/** A document as loadDocument gives it (dereferenced), without the file: the index is built from data alone. */
function toLoaded(document: Record<string, unknown>): LoadedDocument {
  const { document: dereferenced, pointers } = dereferenceInternal({ openapi: '3.1.0', info: { title: 't', version: '1' }, ...document });
  return { file: 'test.yaml', document: dereferenced as OpenApiDocument, pointers };
}

const SCHEMES = {
  securitySchemes: {
    Key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
    Query: { type: 'apiKey', in: 'query', name: 'Key' },
    Token: { type: 'http', scheme: 'Bearer' },
  },
};

const DOCUMENT = {
  security: [{ Key: [] }],
  paths: {
    '/shop/items/{id}': {
      parameters: [
        { name: 'id', in: 'path', schema: { type: 'integer' } },
        { name: 'X-Trace', in: 'header', schema: { type: 'string' } },
      ],
      get: {
        operationId: 'getItem',
        summary: 'One item',
        'x-authmock-note': 'kept',
        parameters: [
          { name: 'x-trace', in: 'header', required: true, schema: { type: 'string', minLength: 8 } },
          { name: 'tags', in: 'query', schema: { type: 'array' } },
          { name: 'ids', in: 'query', style: 'pipeDelimited', schema: { type: 'array' } },
          { name: 'sid', in: 'cookie', 'x-authmock-lenient': true, content: { 'application/json': { schema: { type: 'object' } } } },
        ],
        responses: {
          '200': {
            description: 'item',
            headers: { 'X-Rate': { required: true, schema: { type: 'integer' } } },
            content: { 'Application/JSON': { schema: { type: 'object', example: { from: 'schema' } } } },
          },
          '4xx': { description: 'client', content: { 'application/json': { example: { a: 1 }, examples: { b: { value: { b: 2 } }, broken: { summary: 'no value' } } } } },
          default: { description: 'other' },
        },
      },
      delete: { operationId: 'deleteItem', security: [], responses: { '204': { description: 'gone' } } },
      put: { security: [{}, { Token: [], Query: [] }], requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } }, responses: { '200': { description: 'ok' } } },
    },
    '/other/{a}/{b}': { get: { operationId: 'other', parameters: [{ name: 'a', in: 'path', schema: { type: 'integer' } }], responses: { '200': { description: 'ok' } } } },
  },
  components: SCHEMES,
};

const operations = buildOperationIndex(toLoaded(DOCUMENT), new Map([['shop', '/shop'], ['items', '/shop/items']]));
const byId = (id: string): Operation => operations.find((o) => o.operationId === id)!;
const param = (id: string, key: string) => byId(id).parameters.find((p) => `${p.in}:${p.name}` === key);

describe('buildOperationIndex', () => {
  it('lists every method of every path, named by operationId or by method and path', () => {
    expect(operations.map((o) => [o.method, o.path, o.operationId])).toEqual([
      ['GET', '/shop/items/{id}', 'getItem'],
      ['PUT', '/shop/items/{id}', 'PUT /shop/items/{id}'],
      ['DELETE', '/shop/items/{id}', 'deleteItem'],
      ['GET', '/other/{a}/{b}', 'other'],
    ]);
  });

  it.each<[string, { given: { id: string; key: string }; want: object | undefined }]>([
    ['a path parameter is required even when not said', { given: { id: 'getItem', key: 'path:id' }, want: { required: true, style: 'simple', explode: false, schema: { type: 'integer' } } }],
    ['an operation’s header replaces the path’s, whatever its case', { given: { id: 'getItem', key: 'header:x-trace' }, want: { required: true, schema: { type: 'string', minLength: 8 } } }],
    ['a query parameter defaults to form, exploded', { given: { id: 'getItem', key: 'query:tags' }, want: { style: 'form', explode: true, required: false } }],
    ['another style is not exploded by default', { given: { id: 'getItem', key: 'query:ids' }, want: { style: 'pipeDelimited', explode: false } }],
    ['a parameter described by content, lenient', { given: { id: 'getItem', key: 'cookie:sid' }, want: { style: 'form', lenient: true, schema: { type: 'object' } } }],
    ['a path parameter the document forgot is a string', { given: { id: 'other', key: 'path:b' }, want: { required: true, schema: { type: 'string' } } }],
    ['a declared one keeps its schema', { given: { id: 'other', key: 'path:a' }, want: { schema: { type: 'integer' } } }],
  ])('%s', (_name, { given, want }) => {
    expect(param(given.id, given.key)).toMatchObject(want!);
  });

  it.each<[string, { given: string; want: string[][] }]>([
    ['the document’s security when the operation says none', { given: 'getItem', want: [['Key']] }],
    ['an empty list: no security', { given: 'deleteItem', want: [] }],
    ['alternatives, one of them anonymous', { given: 'PUT /shop/items/{id}', want: [[], ['Token', 'Query']] }],
  ])('security: %s', (_name, { given, want }) => {
    expect(byId(given).security.map((alt) => alt.map((s) => s.name))).toEqual(want);
  });

  it('reads schemes as the checks need them: header names lower case, http scheme lower case', () => {
    expect(byId('PUT /shop/items/{id}').security[1]).toEqual([
      { name: 'Token', type: 'http', in: 'header', paramName: 'authorization', httpScheme: 'bearer' },
      { name: 'Query', type: 'apiKey', in: 'query', paramName: 'Key', httpScheme: undefined },
    ]);
    expect(byId('getItem').security[0]).toEqual([{ name: 'Key', type: 'apiKey', in: 'header', paramName: 'x-api-key', httpScheme: undefined }]);
  });

  it('keeps responses with upper-case statuses, lower-case media types and header names, and every example', () => {
    const [ok, client, other] = byId('getItem').responses;
    expect([ok?.status, client?.status, other?.status]).toEqual(['200', '4XX', 'DEFAULT']);
    expect(ok?.headers).toEqual([{ name: 'x-rate', required: true, schema: { type: 'integer' } }]);
    expect(ok?.content.map((m) => [m.mediaType, m.examples])).toEqual([['application/json', [{ name: 'schema', value: { from: 'schema' } }]]]);
    expect(client?.content[0]?.examples).toEqual([{ name: 'example', value: { a: 1 } }, { name: 'b', value: { b: 2 } }]);
  });

  it('keeps the request body, the summary, the x- extensions and the owning provider (longest base path)', () => {
    expect(byId('PUT /shop/items/{id}').requestBody).toEqual({ required: true, content: [{ mediaType: 'application/json', schema: { type: 'object' }, examples: [] }] });
    expect([byId('getItem').summary, byId('getItem').extensions, byId('getItem').provider, byId('other').provider]).toEqual(['One item', { 'x-authmock-note': 'kept' }, 'items', null]);
  });

  it.each<[string, { given: Record<string, unknown>; want: { pointer: string; reason: string } }]>([
    [
      'an undefined security scheme',
      { given: { paths: { '/a': { get: { security: [{ Nope: [] }], responses: {} } } } }, want: { pointer: '/paths/~1a/get/security/0/Nope', reason: "security scheme 'Nope' is not defined" } },
    ],
    [
      'an operationId used twice',
      { given: { paths: { '/a': { get: { operationId: 'x', responses: {} }, put: { operationId: 'x', responses: {} } } } }, want: { pointer: '/paths/~1a/put/operationId', reason: "operationId 'x' is used twice" } },
    ],
  ])('refuses %s, naming where', (_name, { given, want }) => {
    expect(() => buildOperationIndex(toLoaded(given))).toThrow(expect.objectContaining({ code: 'document.invalid', file: 'test.yaml', ...want }));
    expect(() => buildOperationIndex(toLoaded(given))).toThrow(DocumentError);
  });
});

describe('providerFor', () => {
  const basePaths = new Map([['duo', '/duo'], ['duo-admin', '/duo/admin'], ['d', '/d']]);

  it.each<[string, { given: string; want: string | null }]>([
    ['the base path itself', { given: '/duo', want: 'duo' }],
    ['a path under it', { given: '/duo/users', want: 'duo' }],
    ['the longest base path that prefixes it', { given: '/duo/admin/keys', want: 'duo-admin' }],
    ['not a mere string prefix', { given: '/duos', want: null }],
    ['no base path', { given: '/other', want: null }],
  ])('%s', (_name, { given, want }) => {
    expect(providerFor(given, basePaths)).toBe(want);
  });
});
