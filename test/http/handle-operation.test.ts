// The Koa side of one operation as a table: the request the handler sees, body errors in the owner's format, what the request log reads.

import { beforeAll, describe, expect, it } from 'vitest';
import type { Fault } from '../../src/engine/run.js';
import { createRouteTable, type Route } from '../../src/engine/routes.js';
import type { MockResponse, OperationOwner } from '../../src/engine/types.js';
import { createOperationMiddleware, type OperationMiddlewareOptions } from '../../src/http/handle-operation.js';
import { toHeaderBag, type RequestState } from '../../src/http/request-state.js';
import type { LiveWorld } from '../../src/world/worlds.js';
import { createFakeExchange } from '../helpers/context.js';
import { createStubProvider, createTestWorld, loadTestDocument, type TestDocument } from '../helpers/document.js';

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const Echo = { type: 'object' };
const Note = { type: 'object', required: ['id'], properties: { id: { type: 'string' } } };

const DOCUMENT = {
  openapi: '3.1.0',
  info: { title: 'notes', version: '1' },
  paths: {
    '/notes/{noteId}': {
      put: {
        operationId: 'putNote',
        security: [],
        parameters: [{ name: 'noteId', in: 'path', required: true, schema: { type: 'string' } }],
        requestBody: { required: false, content: { 'application/json': { schema: { type: 'object' } }, 'application/x-www-form-urlencoded': { schema: { type: 'object' } } } },
        responses: { '200': { description: 'echo', ...json(Echo) }, default: { description: 'error', ...json(Echo) } },
      },
      get: {
        operationId: 'getNote',
        security: [],
        parameters: [{ name: 'noteId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'a note', ...json(Note) }, default: { description: 'error', ...json(Echo) } },
      },
    },
  },
};

/** The handlers echo what they were given; getNote answers a note without its required id (a bad response). */
const echoProvider = createStubProvider({
  handlers: {
    putNote: ({ req }) => ({ status: 200, body: { params: req.params, query: req.query, body: req.body ?? null, mediaType: req.mediaType ?? null, contentLength: req.contentLength ?? null } }),
    getNote: ({ req }) => ({ status: 200, body: { params: req.params, query: req.query, body: req.body ?? null } }),
  },
  renderError: (error): MockResponse => ({ status: error.status, body: { stub_error: error.code } }),
});

const OPTIONS: OperationMiddlewareOptions = { bodyLimit: 64, maxDepth: 3, strict: false, takeFault: () => undefined };

let doc: TestDocument;
let route: Route;
beforeAll(async () => {
  doc = await loadTestDocument(DOCUMENT);
  route = createRouteTable(doc.operations).routes.find((r) => r.names.includes('noteId'))!;
});

interface Given {
  operationId: 'putNote' | 'getNote';
  url: string;
  captures: string[];
  headers?: Record<string, string>;
  body?: string;
  provider?: OperationOwner | null;
  options?: Partial<OperationMiddlewareOptions>;
}

async function run(given: Given) {
  const exchange = createFakeExchange(given.operationId === 'putNote' ? 'PUT' : 'GET', given.url, given.headers, given.body);
  const world = createTestWorld();
  const live = { world, faults: [], requests: [] } as unknown as LiveWorld;
  const state: RequestState = { live, operationId: null, auth: '', problem: null, body: undefined, headers: toHeaderBag(exchange.ctx.req) };
  exchange.ctx.state = state;
  (exchange.ctx as { captures?: string[] }).captures = given.captures;
  const provider = given.provider === null ? undefined : (given.provider ?? echoProvider);
  const middleware = createOperationMiddleware(doc.compiled(given.operationId), route, provider, { ...OPTIONS, ...given.options });
  await middleware(exchange.ctx);
  const sent = exchange.sent();
  return { status: sent.status, body: JSON.parse(sent.body) as unknown, problem: sent.headers['x-mock-problem'], contentType: sent.headers['content-type'], state };
}

describe('createOperationMiddleware: the request the handler sees', () => {
  it.each<[string, { given: Given; want: unknown }]>([
    [
      'a JSON body parsed, the path parameter decoded from the capture, the query',
      {
        given: { operationId: 'putNote', url: '/notes/a%20b?tag=x&tag=y', captures: ['a%20b'], headers: { 'content-type': 'application/json', 'content-length': '9' }, body: '{"a":[1]}' },
        want: { params: { noteId: 'a b' }, query: { tag: ['x', 'y'] }, body: { a: [1] }, mediaType: 'application/json', contentLength: 9 },
      },
    ],
    [
      'a malformed percent-encoding is passed as sent',
      { given: { operationId: 'putNote', url: '/notes/%E0%A4%A', captures: ['%E0%A4%A'] }, want: { params: { noteId: '%E0%A4%A' }, query: {}, body: null, mediaType: null, contentLength: null } },
    ],
    [
      'an empty body is no body, and no media type',
      { given: { operationId: 'putNote', url: '/notes/1', captures: ['1'], headers: { 'content-type': 'application/json' }, body: '' }, want: { params: { noteId: '1' }, query: {}, body: null, mediaType: null, contentLength: null } },
    ],
    [
      'a form body parsed',
      {
        given: { operationId: 'putNote', url: '/notes/1', captures: ['1'], headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=Rex' },
        want: { params: { noteId: '1' }, query: {}, body: { name: 'Rex' }, mediaType: 'application/x-www-form-urlencoded', contentLength: null },
      },
    ],
    [
      'an operation without a request body does not read one',
      { given: { operationId: 'getNote', url: '/notes/1', captures: ['1'], headers: { 'content-type': 'application/json' }, body: '{"a":1}', options: { strict: false } }, want: { params: { noteId: '1' }, query: {}, body: null } },
    ],
  ])('%s', async (_name, { given, want }) => {
    const result = await run(given);
    expect(result.status).toBe(200);
    expect(result.body).toEqual(want);
  });
});

describe('createOperationMiddleware: refusals', () => {
  it.each<[string, { given: Given; want: { status: number; body: unknown; code: string } }]>([
    [
      'a body over the limit, in the owner\'s format',
      { given: { operationId: 'putNote', url: '/notes/1', captures: ['1'], headers: { 'content-type': 'application/json' }, body: `{"a":"${'x'.repeat(80)}"}` }, want: { status: 413, body: { stub_error: 'request.body_too_large' }, code: 'request.body_too_large' } },
    ],
    [
      'a compressed body',
      { given: { operationId: 'putNote', url: '/notes/1', captures: ['1'], headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: 'xx' }, want: { status: 415, body: { stub_error: 'request.content_encoding' }, code: 'request.content_encoding' } },
    ],
    [
      'malformed JSON',
      { given: { operationId: 'putNote', url: '/notes/1', captures: ['1'], headers: { 'content-type': 'application/json' }, body: '{"a":' }, want: { status: 400, body: { stub_error: 'request.body_malformed' }, code: 'request.body_malformed' } },
    ],
    [
      'a body nested deeper than maxDepth',
      { given: { operationId: 'putNote', url: '/notes/1', captures: ['1'], headers: { 'content-type': 'application/json' }, body: '{"a":{"b":{"c":{"d":{}}}}}' }, want: { status: 400, body: { stub_error: 'request.body_too_deep' }, code: 'request.body_too_deep' } },
    ],
    [
      'a body without a Content-Type',
      { given: { operationId: 'putNote', url: '/notes/1', captures: ['1'], body: '{}' }, want: { status: 415, body: { stub_error: 'request.content_type' }, code: 'request.content_type' } },
    ],
    [
      'no owner: problem+json',
      {
        given: { operationId: 'putNote', url: '/notes/1', captures: ['1'], headers: { 'content-type': 'application/json', 'content-encoding': 'br' }, body: 'x', provider: null },
        want: { status: 415, body: expect.objectContaining({ code: 'request.content_encoding', instance: '/notes/1' }), code: 'request.content_encoding' },
      },
    ],
    [
      'strict: a handler\'s response the document does not allow is the mock\'s own 500',
      {
        given: { operationId: 'getNote', url: '/notes/1', captures: ['1'], options: { strict: true } },
        want: { status: 500, body: expect.objectContaining({ code: 'response.invalid', detail: 'response /body/id is required' }), code: 'response.invalid' },
      },
    ],
  ])('%s', async (_name, { given, want }) => {
    const result = await run(given);
    expect({ status: result.status, body: result.body }).toEqual({ status: want.status, body: want.body });
    expect(JSON.parse(result.problem ?? '{}')).toMatchObject({ code: want.code });
    expect(result.state.problem).toBe(want.code);
    expect(result.state.operationId).toBe(given.operationId);
  });

  it('takes the fault its world has for the operation', async () => {
    const fault: Fault = { id: 'f1', operationId: 'getNote', latencyMs: null, status: 503, times: 1, probability: null };
    const asked: Array<[unknown, string]> = [];
    const result = await run({
      operationId: 'getNote',
      url: '/notes/1',
      captures: ['1'],
      options: { takeFault: (live, id) => (asked.push([live.world.id, id]), fault) },
    });
    expect(asked).toEqual([['main', 'getNote']]);
    expect(result.status).toBe(503);
    expect(result.state.problem).toBe('fault.injected');
  });

  it('leaves the parsed body and the outcome for the request log', async () => {
    const result = await run({ operationId: 'putNote', url: '/notes/1', captures: ['1'], headers: { 'content-type': 'application/json' }, body: '{"n":2}' });
    expect(result.state).toMatchObject({ operationId: 'putNote', body: { n: 2 }, problem: null });
  });
});
