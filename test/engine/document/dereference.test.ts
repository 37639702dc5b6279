// Internal $refs replaced by their targets: shared targets, cycles, pointers back into the bundled document.

import { describe, expect, it } from 'vitest';
import { dereferenceInternal } from '../../../src/engine/document/dereference.js';

describe('dereferenceInternal', () => {
  const bundled = {
    paths: { '/a': { get: { responses: { '200': { $ref: '#/components/responses/Ok' } } } }, '/b': { get: { responses: { '200': { $ref: '#/components/responses/Ok' } } } } },
    components: {
      responses: { Ok: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } } } },
      schemas: { Node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Node' } }, name: { $ref: '#/components/schemas/Name' } } }, Name: { type: 'string' } },
    },
  };
  type Node = { properties: { children: { items: Node }; name: unknown } };
  const { document, pointers } = dereferenceInternal(bundled) as { document: typeof bundled; pointers: WeakMap<object, string> };
  const responseOf = (path: '/a' | '/b') => (document.paths[path].get.responses['200'] as unknown as { content: { 'application/json': { schema: Node } } });

  it('replaces each $ref by its target, one shared object per target', () => {
    expect(responseOf('/a')).toBe(responseOf('/b'));
    expect(responseOf('/a').content['application/json'].schema.properties.name).toEqual({ type: 'string' });
  });

  it('turns a recursive schema into a circular object', () => {
    const node = responseOf('/a').content['application/json'].schema;
    expect(node.properties.children.items).toBe(node);
  });

  it('remembers where each object sits in the bundled document', () => {
    const node = responseOf('/a').content['application/json'].schema;
    expect([pointers.get(node), pointers.get(document.paths['/a'].get), pointers.get(responseOf('/a'))]).toEqual([
      '/components/schemas/Node',
      '/paths/~1a/get',
      '/components/responses/Ok',
    ]);
  });

  it('leaves the bundled document unchanged', () => {
    expect(bundled.paths['/a'].get.responses['200']).toEqual({ $ref: '#/components/responses/Ok' });
  });

  it.each<[string, { given: unknown; want: string }]>([
    ['a $ref that points nowhere', { given: { a: { $ref: '#/components/schemas/Missing' } }, want: "$ref '#/components/schemas/Missing' points nowhere" }],
    ['an external $ref', { given: { a: { $ref: 'other.yaml#/x' } }, want: "external $ref 'other.yaml#/x' in a bundled document" }],
  ])('refuses %s', (_name, { given, want }) => {
    expect(() => dereferenceInternal(given)).toThrow(want);
  });
});
