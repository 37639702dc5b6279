// compileDocuments: several documents become one list of operations, each owned by the provider of its base path, and one route table.

import { beforeAll, describe, expect, it } from 'vitest';
import { compileDocuments, type CompiledDocuments } from '../../src/engine/compile-documents.js';
import { toMockRequest, loadTestDocument } from '../helpers/document.js';

const ok = { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } };

const FIRST = {
  openapi: '3.1.0',
  info: { title: 'first', version: '1' },
  paths: {
    '/alpha/items': { get: { operationId: 'listAlpha', responses: ok } },
    '/alpha/items/{id}': { get: { operationId: 'showAlpha', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }], responses: ok } },
    '/alpha/items/new': { get: { operationId: 'newAlpha', responses: ok } },
  },
};

const SECOND = {
  openapi: '3.0.3',
  info: { title: 'second', version: '1' },
  paths: {
    '/beta/things': {
      post: {
        operationId: 'makeBeta',
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', properties: { code: { type: 'string', format: 'no-such-format' } } } } } },
        responses: ok,
      },
    },
    '/loose': { get: { operationId: 'loose', responses: ok } },
  },
};

const BASE_PATHS = new Map([
  ['alpha', '/alpha'],
  ['beta', '/beta'],
]);

let compiled: CompiledDocuments;
let warnings: Array<[string, string]>;
let files: string[];
beforeAll(async () => {
  const documents = [(await loadTestDocument(FIRST)).loaded, (await loadTestDocument(SECOND)).loaded];
  files = documents.map((d) => d.file);
  warnings = [];
  compiled = compileDocuments(documents, { basePaths: BASE_PATHS, warn: (file, message) => warnings.push([file, message]) });
});

describe('compileDocuments', () => {
  it('lists every operation of every document, in document order, owned by the provider of its base path', () => {
    expect(compiled.operations.map((c) => [c.op.operationId, c.op.provider])).toEqual([
      ['listAlpha', 'alpha'],
      ['showAlpha', 'alpha'],
      ['newAlpha', 'alpha'],
      ['makeBeta', 'beta'],
      ['loose', null],
    ]);
  });

  it.each<[string, { given: [string, string]; want: unknown }]>([
    ['a path of the first document', { given: ['GET', '/alpha/items/7'], want: { kind: 'found', operationId: 'showAlpha', params: { id: '7' } } }],
    ['a literal path before the template', { given: ['GET', '/alpha/items/new'], want: { kind: 'found', operationId: 'newAlpha', params: {} } }],
    ['a path of the second document', { given: ['POST', '/beta/things'], want: { kind: 'found', operationId: 'makeBeta', params: {} } }],
    ['a known path, another method', { given: ['DELETE', '/beta/things'], want: { kind: 'method', allowed: expect.arrayContaining(['POST']) } }],
    ['no such path in any document', { given: ['GET', '/gamma'], want: { kind: 'none' } }],
  ])('one route table over both documents: %s', (_name, { given, want }) => {
    const match = compiled.routes.match(...given);
    expect(match.kind === 'found' ? { kind: match.kind, operationId: match.op.operationId, params: match.params } : match).toEqual(want);
  });

  it('compiles validators on first use, and a warning names the file of its document', () => {
    const makeBeta = compiled.operations.find((c) => c.op.operationId === 'makeBeta')!;
    expect(warnings).toEqual([]); // validators wait for their first use
    makeBeta.warm();
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every(([file]) => file === files[1])).toBe(true);
    expect(warnings.map(([, message]) => message).join('\n')).toContain('no-such-format');
    expect(() => makeBeta.body!('application/json', { code: 5 })).toThrow(expect.objectContaining({ code: 'request.body_invalid' }));
    expect(() => makeBeta.body!('application/json', { code: 'x' })).not.toThrow();
    expect(() => compiled.operations[1]!.parameters(toMockRequest({ params: { id: 'x' } }), () => undefined)).toThrow(expect.objectContaining({ code: 'request.parameter_invalid' }));
  });
});
