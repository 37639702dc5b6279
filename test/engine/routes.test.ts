// The route table without a socket: literal before templated, HEAD where GET is, 405 lists, decoding, blank parameters.

import { describe, expect, it } from 'vitest';
import { createRouteTable, toPattern } from '../../src/engine/routes.js';
import type { HttpMethod, Operation } from '../../src/engine/types.js';

const op = (method: HttpMethod, path: string, operationId: string): Operation => ({
  operationId,
  method,
  path,
  provider: null,
  summary: '',
  parameters: [],
  requestBody: undefined,
  responses: [],
  security: [],
  extensions: {},
});

// Document order puts the templated path first: the literal one must still win.
const table = createRouteTable([
  op('GET', '/pets/{id}', 'getPet'),
  op('DELETE', '/pets/{id}', 'deletePet'),
  op('GET', '/pets/mine', 'listMine'),
  op('GET', '/pets', 'listPets'),
  op('POST', '/pets', 'addPet'),
  op('GET', '/files/{name}.json', 'getFile'),
  op('PUT', '/trees/{treeId}/nodes/{nodeId}', 'putNode'),
]);

describe('match', () => {
  it.each([
    ['a literal path', { given: ['GET', '/pets'], want: { kind: 'found', id: 'listPets', params: {} } }],
    ['a literal path before a template that also matches', { given: ['GET', '/pets/mine'], want: { kind: 'found', id: 'listMine', params: {} } }],
    ['a template, parameters decoded', { given: ['GET', '/pets/a%2Fb%20c'], want: { kind: 'found', id: 'getPet', params: { id: 'a/b c' } } }],
    ['a malformed percent-encoding kept as sent', { given: ['GET', '/pets/%E0%A4%A'], want: { kind: 'found', id: 'getPet', params: { id: '%E0%A4%A' } } }],
    ['a parameter with a dot', { given: ['GET', '/pets/rex.v2'], want: { kind: 'found', id: 'getPet', params: { id: 'rex.v2' } } }],
    ['text after a parameter in one segment', { given: ['GET', '/files/report.json'], want: { kind: 'found', id: 'getFile', params: { name: 'report' } } }],
    ['two parameters', { given: ['PUT', '/trees/t1/nodes/n2'], want: { kind: 'found', id: 'putNode', params: { treeId: 't1', nodeId: 'n2' } } }],
    ['a trailing slash', { given: ['GET', '/pets/'], want: { kind: 'found', id: 'listPets', params: {} } }],
    ['another letter case', { given: ['GET', '/PETS/Rex'], want: { kind: 'found', id: 'getPet', params: { id: 'Rex' } } }],
    ['a lower-case method', { given: ['post', '/pets'], want: { kind: 'found', id: 'addPet', params: {} } }],
    ['HEAD where GET is documented', { given: ['HEAD', '/pets/7'], want: { kind: 'found', id: 'getPet', params: { id: '7' } } }],
  ])('finds %s', (_name, { given: [method, path], want }) => {
    const result = table.match(method!, path!);
    expect(result.kind).toBe(want.kind);
    if (result.kind !== 'found') return expect.unreachable();
    expect(result.op.operationId).toBe(want.id);
    expect(result.params).toEqual(want.params);
  });

  it.each([
    ['another method on a literal path', { given: ['DELETE', '/pets'], want: ['GET', 'HEAD', 'POST'] }],
    ['another method on a template', { given: ['POST', '/pets/7'], want: ['DELETE', 'GET', 'HEAD'] }],
    ['a path held by a literal and a template', { given: ['PATCH', '/pets/mine'], want: ['DELETE', 'GET', 'HEAD'] }],
  ])('lists the allowed methods for %s', (_name, { given: [method, path], want }) => {
    expect(table.match(method!, path!)).toEqual({ kind: 'method', allowed: want });
  });

  it.each([
    ['an unknown path', { given: ['GET', '/owners'] }],
    ['an extra segment', { given: ['GET', '/pets/7/toys'] }],
    ['a blank parameter', { given: ['PUT', '/trees//nodes/n2'] }],
    ['a path that only shares a prefix', { given: ['GET', '/petsx'] }],
  ])('finds nothing for %s', (_name, { given: [method, path] }) => {
    expect(table.match(method!, path!)).toEqual({ kind: 'none' });
  });

  it('lets a blank parameter through when asked (the contract tools name it)', () => {
    const loose = createRouteTable([op('PUT', '/trees/{treeId}/nodes/{nodeId}', 'putNode')], { blankParameters: true });
    expect(loose.match('PUT', '/trees//nodes/n2')).toMatchObject({ kind: 'found', params: { treeId: '', nodeId: 'n2' } });
  });
});

describe('toPattern', () => {
  it.each([
    ['regex characters in literal text', { given: '/a.b/(c)/{id}', want: { path: '/a.b/(c)/1', miss: '/aXb/(c)/1' } }],
    ['a parameter name with a dash', { given: '/users/{user-id}', want: { path: '/users/u1', miss: '/users/u1/x' } }],
  ])('escapes %s', (_name, { given, want }) => {
    const { pattern } = toPattern(given, false);
    expect(pattern.test(want.path)).toBe(true);
    expect(pattern.test(want.miss)).toBe(false);
  });

  it('keeps parameter names as the document writes them', () => {
    expect(toPattern('/users/{user-id}/keys/{key_id}', false).names).toEqual(['user-id', 'key_id']);
  });
});
