// Response schemas made partial for pacts, and the fields a pact relies on that the document never names, as tables.

import { describe, expect, it } from 'vitest';
import { findUndocumentedFields, toPartialSchema, withPartialResponses } from '../../src/contracts/partial-schema.js';
import type { JsonSchema, Operation } from '../../src/engine/types.js';

describe('toPartialSchema', () => {
  it.each<[string, { given: JsonSchema; want: JsonSchema }]>([
    [
      'drops required and reads oneOf as anyOf, keeping a property named "required"',
      {
        given: { type: 'object', required: ['a'], additionalProperties: false, properties: { a: { oneOf: [{ type: 'string' }, { type: 'integer' }] }, required: { type: 'boolean' } } },
        want: { type: 'object', additionalProperties: false, properties: { a: { anyOf: [{ type: 'string' }, { type: 'integer' }] }, required: { type: 'boolean' } } },
      },
    ],
    ['drops dependentRequired and minProperties', { given: { type: 'object', dependentRequired: { a: ['b'] }, minProperties: 2, maxProperties: 3 }, want: { type: 'object', maxProperties: 3 } }],
    [
      'reaches into items, additionalProperties, allOf, patternProperties and $defs',
      {
        given: {
          items: { required: ['x'] },
          additionalProperties: { required: ['y'] },
          allOf: [{ required: ['z'] }],
          patternProperties: { '^x-': { required: ['w'], type: 'object' } },
          $defs: { Pet: { required: ['id'], properties: { id: { type: 'integer' } } } },
        },
        want: { items: {}, additionalProperties: {}, allOf: [{}], patternProperties: { '^x-': { type: 'object' } }, $defs: { Pet: { properties: { id: { type: 'integer' } } } } },
      },
    ],
    ['keeps what still holds: types, formats, patterns, enums, bounds', { given: { type: 'string', format: 'email', pattern: '^a', enum: ['a@x'], maxLength: 9 }, want: { type: 'string', format: 'email', pattern: '^a', enum: ['a@x'], maxLength: 9 } }],
    [
      'anyOf and oneOf together: the anyOf kept, the former oneOf required as well',
      { given: { anyOf: [{ type: 'string' }], oneOf: [{ required: ['a'] }, { minLength: 1 }] }, want: { anyOf: [{ type: 'string' }], allOf: [{ anyOf: [{}, { minLength: 1 }] }] } },
    ],
    ['a boolean schema stays as it is', { given: true as unknown as JsonSchema, want: true as unknown as JsonSchema }],
    ['an example whose value looks like a schema keyword is kept', { given: { example: { required: ['a'] } }, want: { example: { required: ['a'] } } }],
  ])('%s', (_name, { given, want }) => {
    expect(toPartialSchema(given)).toEqual(want);
  });

  it('keeps a recursive schema recursive, without looping', () => {
    const node: Record<string, unknown> = { type: 'object', required: ['children'] };
    node['properties'] = { children: { type: 'array', items: node } };
    const partial = toPartialSchema(node) as { properties: { children: { items: unknown } }; required?: unknown };
    expect(partial.required).toBeUndefined();
    expect(partial.properties.children.items).toBe(partial);
  });

  it('leaves the given schema untouched', () => {
    const schema = { type: 'object', required: ['a'] };
    toPartialSchema(schema);
    expect(schema).toEqual({ type: 'object', required: ['a'] });
  });
});

describe('withPartialResponses', () => {
  it('makes every response body partial, and leaves the request body and bodiless responses alone', () => {
    const body = { mediaType: 'application/json', schema: { type: 'object', required: ['name'] } };
    const op = {
      operationId: 'x',
      requestBody: { required: true, content: [body] },
      responses: [
        { status: '200', content: [{ mediaType: 'application/json', schema: { type: 'object', required: ['id'] } }, { mediaType: 'text/plain', schema: undefined }] },
        { status: '204', content: [] },
      ],
    } as unknown as Operation;
    const partial = withPartialResponses(op);
    expect(partial.responses.map((r) => r.content.map((m) => m.schema))).toEqual([[{ type: 'object' }, undefined], []]);
    expect(partial.requestBody).toBe(op.requestBody);
    expect(op.responses[0]!.content[0]!.schema).toEqual({ type: 'object', required: ['id'] });
  });
});

describe('findUndocumentedFields', () => {
  const Pet: JsonSchema = { type: 'object', properties: { id: { type: 'integer' }, meta: { type: 'object', properties: { colour: { type: 'string' } } } } };
  it.each<[string, { given: { schema: JsonSchema | undefined; value: unknown }; want: string[] }]>([
    ['every field documented', { given: { schema: Pet, value: { id: 1, meta: { colour: 'red' } } }, want: [] }],
    ['a field the schema does not name', { given: { schema: Pet, value: { id: 1, nickname: 'Rex' } }, want: ['/nickname'] }],
    ['a nested one, pointed at', { given: { schema: Pet, value: { meta: { colour: 'red', size: 3 } } }, want: ['/meta/size'] }],
    ['in each item of an array', { given: { schema: { type: 'array', items: Pet }, value: [{ id: 1 }, { id: 2, x: 1 }] }, want: ['/1/x'] }],
    ['a pointer escapes / and ~', { given: { schema: Pet, value: { 'a/b': 1, 'c~d': 2 } }, want: ['/a~1b', '/c~0d'] }],
    ['named in an allOf branch', { given: { schema: { allOf: [Pet, { properties: { tag: {} } }] }, value: { id: 1, tag: 'x' } }, want: [] }],
    ['named in one anyOf branch', { given: { schema: { anyOf: [{ properties: { a: {} } }, { properties: { b: {} } }] }, value: { a: 1, b: 2, c: 3 } }, want: ['/c'] }],
    ['matched by patternProperties', { given: { schema: { properties: { id: {} }, patternProperties: { '^x-': {} } }, value: { 'x-trace': 1, y: 2 } }, want: ['/y'] }],
    ['described by an additionalProperties schema', { given: { schema: { properties: { id: {} }, additionalProperties: { type: 'string' } }, value: { other: 'x' } }, want: [] }],
    ['additionalProperties false: the validator reports it, not this', { given: { schema: { properties: { id: {} }, additionalProperties: false }, value: { other: 'x' } }, want: [] }],
    ['a schema that says nothing about objects documents nothing', { given: { schema: {}, value: { a: 1 } }, want: [] }],
    ['no schema', { given: { schema: undefined, value: { a: 1 } }, want: [] }],
    ['a scalar value', { given: { schema: Pet, value: 'text' }, want: [] }],
  ])('%s', (_name, { given, want }) => {
    expect(findUndocumentedFields(given.schema, given.value).map((f) => f.pointer)).toEqual(want);
  });

  it('stops looking once 50 are found (a long list with a stray field in each)', () => {
    const value = Array.from({ length: 80 }, (_, i) => ({ id: i, stray: true }));
    expect(findUndocumentedFields({ type: 'array', items: Pet }, value)).toHaveLength(50);
  });

  it('follows a recursive schema only as deep as the value', () => {
    const Tree: Record<string, unknown> = { type: 'object' };
    Tree['properties'] = { name: { type: 'string' }, children: { type: 'array', items: Tree } };
    const value = { name: 'a', children: [{ name: 'b', children: [{ name: 'c', extra: true }] }] };
    expect(findUndocumentedFields(Tree, value).map((f) => f.pointer)).toEqual(['/children/0/children/0/extra']);
  });
});
