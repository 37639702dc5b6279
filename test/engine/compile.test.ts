// Compiling an operation: now or on first use, the same answers; warming stops when told.

import { beforeAll, describe, expect, it } from 'vitest';
import { compileOperation, warmOperations, type CompiledOperation } from '../../src/engine/compile.js';
import { MockError } from '../../src/engine/errors.js';
import type { MockRequest } from '../../src/engine/types.js';
import { createTestAjvSet, loadTestDocument, toMockRequest, type TestDocument } from '../helpers/document.js';

const withFormat = (operationId: string, format: string) => ({
  post: {
    operationId,
    parameters: [{ name: 'n', in: 'query', schema: { type: 'integer', maximum: 5 } }],
    requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['id'], properties: { id: { type: 'string', format } } } } } },
    responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', required: ['ok'] } } } } },
  },
});

const DOCUMENT = {
  openapi: '3.1.0',
  info: { title: 'compile', version: '1' },
  paths: {
    '/a': withFormat('a', 'format-a'),
    '/b': withFormat('b', 'format-b'),
    '/c': { get: { operationId: 'c', responses: { '204': { description: 'none' } } } },
  },
};

let doc: TestDocument;
beforeAll(async () => {
  doc = await loadTestDocument(DOCUMENT);
});

/** What a request meets: the first validator's refusal, or 'ok'. */
function verdict(compiled: CompiledOperation, req: Partial<MockRequest>): string {
  try {
    const r = toMockRequest(req);
    compiled.parameters(r, () => undefined);
    compiled.body?.(r.mediaType, r.body);
    return 'ok';
  } catch (error) {
    if (error instanceof MockError) return error.code;
    throw error;
  }
}

describe('compileOperation', () => {
  it.each<[string, { given: Partial<MockRequest>; want: string }]>([
    ['a valid request', { given: { query: { n: '3' }, body: { id: 'x' }, mediaType: 'application/json' }, want: 'ok' }],
    ['a bad parameter', { given: { query: { n: '9' }, body: { id: 'x' }, mediaType: 'application/json' }, want: 'request.parameter_invalid' }],
    ['a bad body', { given: { body: {}, mediaType: 'application/json' }, want: 'request.body_invalid' }],
    ['no body', { given: {}, want: 'request.body_missing' }],
    ['another media type', { given: { body: 'x', mediaType: 'text/plain' }, want: 'request.content_type' }],
  ])('answers %s the same warmed first or on first use', (_name, { given, want }) => {
    const ajv = createTestAjvSet(doc.loaded);
    const warmed = compileOperation(doc.op('a'), ajv);
    warmed.warm();
    expect([verdict(warmed, given), verdict(compileOperation(doc.op('a'), ajv), given)]).toEqual([want, want]);
  });

  it('checks responses on first use as it would have at start', () => {
    const lazy = compileOperation(doc.op('a'), createTestAjvSet(doc.loaded));
    expect([lazy.response({ status: 200, body: { ok: 1 } }, 'application/json'), lazy.response({ status: 200, body: {} }, 'application/json')?.pointer]).toEqual([undefined, '/body/ok']);
  });

  it('says which media types and whether a body is needed, and has no body check where none is documented', () => {
    const ajv = createTestAjvSet(doc.loaded);
    const a = compileOperation(doc.op('a'), ajv);
    expect([a.body?.mediaTypes, a.body?.required, compileOperation(doc.op('c'), ajv).body]).toEqual([['application/json'], true, undefined]);
  });

  it('compiles nothing before first use (its warnings come later)', () => {
    const warnings: string[] = [];
    const lazy = compileOperation(doc.op('a'), createTestAjvSet(doc.loaded, (m) => warnings.push(m)));
    expect(warnings).toEqual([]);
    lazy.warm();
    expect(warnings).toEqual(['unknown format "format-a" in the document: its values are not checked']);
  });
});

describe('warmOperations', () => {
  it.each<[string, { given: { stopAfter: number }; want: string[] }]>([
    ['compiles every operation waiting', { given: { stopAfter: Infinity }, want: ['format-a', 'format-b'] }],
    ['stops when told', { given: { stopAfter: 1 }, want: ['format-a'] }],
    ['does nothing when stopped at once', { given: { stopAfter: 0 }, want: [] }],
  ])('%s', async (_name, { given, want }) => {
    const warnings: string[] = [];
    const ajv = createTestAjvSet(doc.loaded, (m) => warnings.push(m));
    const ops = ['a', 'b'].map((id) => compileOperation(doc.op(id), ajv));
    let turns = 0;
    await warmOperations(ops, () => turns++ >= given.stopAfter);
    expect(warnings.map((w) => /"([^"]+)"/.exec(w)?.[1])).toEqual(want);
  });
});
