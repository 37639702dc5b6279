// Matching a pact's requests to the document's operations, as tables: rewrites tried, paths rewritten, the prefix a pact omits or adds.

import { beforeAll, describe, expect, it } from 'vitest';
import { createOperationMatcher, NO_REWRITE, resolvePrefix, rewritePath, type OperationMatcher, type PathRewrite } from '../../src/contracts/resolve-operation.js';
import { loadTestDocument } from '../helpers/document.js';

const ok = { '200': { description: 'ok' } };
const id = (name: string) => [{ name, in: 'path', required: true, schema: { type: 'string' } }];

const DOCUMENT = {
  openapi: '3.1.0',
  info: { title: 'mounts', version: '1' },
  paths: {
    '/alpha/1/account/sign_in': { post: { operationId: 'signIn', responses: ok } },
    '/alpha/1/me': { get: { operationId: 'me', responses: ok } },
    '/beta/{boardId}': { get: { operationId: 'board', parameters: id('boardId'), responses: ok } },
    '/beta/items/{itemId}/tags': { get: { operationId: 'tags', parameters: id('itemId'), responses: ok } },
  },
};

const SERVERS = [{ url: 'https://example.invalid/api/v3/' }, { url: '/' }, { url: 'relative/path' }, 'junk'];

let matcher: OperationMatcher;
beforeAll(async () => {
  matcher = createOperationMatcher((await loadTestDocument(DOCUMENT)).operations, SERVERS);
});

describe('createOperationMatcher', () => {
  it('tries the identity first, then each mount, under no base and each server base path (not /)', () => {
    expect(matcher.rewrites).toEqual([
      { strip: '', add: '' },
      { strip: '', add: '/alpha' },
      { strip: '', add: '/beta' },
      { strip: '/api/v3', add: '' },
      { strip: '/api/v3', add: '/alpha' },
      { strip: '/api/v3', add: '/beta' },
      { strip: '/relative/path', add: '' },
      { strip: '/relative/path', add: '/alpha' },
      { strip: '/relative/path', add: '/beta' },
    ]);
  });

  it.each<[string, { given: [string, string]; want: unknown }]>([
    ['a documented path', { given: ['POST', '/alpha/1/account/sign_in'], want: { kind: 'found', operationId: 'signIn', params: {} } }],
    ['another method', { given: ['GET', '/alpha/1/account/sign_in'], want: { kind: 'method', allowed: ['POST'] } }],
    ['a blank path parameter is named (the server would 404 it)', { given: ['GET', '/beta/items//tags'], want: { kind: 'found', operationId: 'tags', params: { itemId: '' } } }],
    ['no such path', { given: ['GET', '/gamma'], want: { kind: 'none' } }],
  ])('matches %s', (_name, { given, want }) => {
    const match = matcher.match(...given);
    expect(match.kind === 'found' ? { kind: match.kind, operationId: match.op.operationId, params: match.params } : match).toEqual(want);
  });

  it('has only the identity when the document has no mounts and no servers', async () => {
    const flat = await loadTestDocument({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/{id}': { get: { parameters: id('id'), responses: ok } } } });
    expect(createOperationMatcher(flat.operations).rewrites).toEqual([NO_REWRITE]);
  });
});

describe('rewritePath', () => {
  it.each<[string, { given: [string, PathRewrite]; want: string | undefined }]>([
    ['no rewrite', { given: ['/a/b', { strip: '', add: '' }], want: '/a/b' }],
    ['a mount added', { given: ['/1/me', { strip: '', add: '/alpha' }], want: '/alpha/1/me' }],
    ['a mount added to the root is the mount', { given: ['/', { strip: '', add: '/alpha' }], want: '/alpha' }],
    ['a base path stripped', { given: ['/api/v3/pets', { strip: '/api/v3', add: '' }], want: '/pets' }],
    ['the base path alone is the root', { given: ['/api/v3', { strip: '/api/v3', add: '' }], want: '/' }],
    ['stripped, then mounted', { given: ['/api/v3/1/me', { strip: '/api/v3', add: '/alpha' }], want: '/alpha/1/me' }],
    ['a path without the base: no match', { given: ['/pets', { strip: '/api/v3', add: '' }], want: undefined }],
    ['a base that is only a prefix of a segment: no match', { given: ['/api/v30/pets', { strip: '/api/v3', add: '' }], want: undefined }],
  ])('%s', (_name, { given, want }) => {
    expect(rewritePath(...given)).toBe(want);
  });
});

describe('resolvePrefix', () => {
  it.each<[string, { given: Array<[string, string]>; want: PathRewrite }]>([
    ['paths already the document\'s: never rewritten', { given: [['POST', '/alpha/1/account/sign_in'], ['GET', '/alpha/1/me']], want: NO_REWRITE }],
    ['the real API\'s paths: the mount put in front', { given: [['POST', '/1/account/sign_in'], ['GET', '/1/me']], want: { strip: '', add: '/alpha' } }],
    ['a server base path: stripped', { given: [['GET', '/api/v3/alpha/1/me']], want: { strip: '/api/v3', add: '' } }],
    ['a base path and no mount: both', { given: [['GET', '/api/v3/1/me']], want: { strip: '/api/v3', add: '/alpha' } }],
    ['another method still counts as evidence', { given: [['DELETE', '/1/me']], want: { strip: '', add: '/alpha' } }],
    ['a mount before a bare parameter is no evidence', { given: [['GET', '/anything']], want: NO_REWRITE }],
    ['most requests decide', { given: [['GET', '/1/me'], ['POST', '/1/account/sign_in'], ['GET', '/beta/items/7/tags']], want: { strip: '', add: '/alpha' } }],
    ['no requests: no rewrite', { given: [], want: NO_REWRITE }],
  ])('%s', (_name, { given, want }) => {
    expect(resolvePrefix(given.map(([method, path]) => ({ method, path })), matcher)).toEqual(want);
  });
});
