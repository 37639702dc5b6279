// The schema document ajv compiles against: every schema at its pointer in the bundled document, converted; refs into it.

import { describe, expect, it } from 'vitest';
import { refTo, SCHEMA_DOCUMENT_ID, toSchemaDocument } from '../../../src/engine/document/schema-document.js';

describe('toSchemaDocument', () => {
  it('keeps every schema at its pointer, converted, and leaves examples out', () => {
    const document = {
      openapi: '3.0.3',
      paths: {
        '/a': {
          get: {
            parameters: [{ name: 'x', in: 'query', schema: { type: 'string', nullable: true }, example: { $id: 'no' } }],
            responses: {
              '200': {
                description: 'ok',
                headers: { 'x-request-id': { schema: { type: 'string' } } },
                content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' }, examples: { one: { value: { $id: 'no' } } } } },
              },
            },
          },
        },
      },
      components: { schemas: { Node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } } } },
    };
    expect(toSchemaDocument(document, '3.0')).toEqual({
      paths: {
        '/a': {
          get: {
            parameters: [{ schema: { type: ['string', 'null'] } }],
            responses: { '200': { headers: { 'x-request-id': { schema: { type: 'string' } } }, content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } } } },
          },
        },
      },
      components: { schemas: { Node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } } } },
    });
  });
});

describe('toSchemaDocument with a transform', () => {
  it('passes each converted schema through it (check-pacts makes response schemas partial so)', () => {
    const document = { openapi: '3.1.0', components: { schemas: { A: { type: 'object', required: ['x'] } } } };
    const dropRequired = (schema: unknown): unknown => {
      const { required: _dropped, ...rest } = schema as Record<string, unknown>;
      return rest;
    };
    expect(toSchemaDocument(document, '3.1', dropRequired)).toEqual({ components: { schemas: { A: { type: 'object' } } } });
  });

  it('is empty for a document without schemas', () => {
    expect(toSchemaDocument({ openapi: '3.1.0', info: { title: 't' }, paths: { '/a': { get: { responses: { '204': { description: 'none' } } } } } }, '3.1')).toEqual({});
  });
});

describe('refTo', () => {
  it.each<[string, { given: string; want: string }]>([
    ['a component', { given: '/components/schemas/Pet', want: `${SCHEMA_DOCUMENT_ID}#/components/schemas/Pet` }],
    ['a path with braces and an escaped slash', { given: '/paths/~1pets~1{id}/get', want: `${SCHEMA_DOCUMENT_ID}#/paths/~1pets~1%7Bid%7D/get` }],
  ])('%s', (_name, { given, want }) => {
    expect(refTo(given)).toEqual({ $ref: want });
  });
});
