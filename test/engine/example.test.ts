// The example fallback as a table: documented examples, `Prefer: code=/example=`, Accept, and schema samples.

import { beforeAll, describe, expect, it } from 'vitest';
import { MockError } from '../../src/engine/errors.js';
import { exampleResponse, parsePrefer, sampleFromSchema } from '../../src/engine/example.js';
import type { JsonSchema, MockResponse } from '../../src/engine/types.js';
import { loadTestDocument, toMockRequest, type TestDocument } from '../helpers/document.js';

const DOCUMENT = {
  openapi: '3.1.0',
  info: { title: 'examples', version: '1' },
  paths: {
    '/pets': {
      get: {
        operationId: 'listPets',
        responses: {
          '200': {
            description: 'pets',
            headers: { 'X-Total': { required: true, schema: { type: 'integer', minimum: 2 } }, 'X-Optional': { schema: { type: 'string' } } },
            content: {
              'application/json': { examples: { two: { value: [{ name: 'Rex' }, { name: 'Tom' }] }, none: { value: [] } } },
              'text/csv': { schema: { type: 'string' }, example: 'name\nRex\n' },
            },
          },
          '404': { description: 'none', content: { 'application/json': { schema: { type: 'object', required: ['message'], properties: { message: { type: 'string', default: 'gone' } } } } } },
          '4XX': { description: 'client error', content: { 'application/json': { example: { message: 'range' } } } },
        },
      },
    },
    '/sampled': {
      get: {
        operationId: 'sampled',
        responses: {
          '201': { description: 'made', content: { 'application/json': { schema: { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } } } } },
          '500': { description: 'broken' },
        },
      },
    },
    '/xml': {
      get: { operationId: 'xmlOnly', responses: { '200': { description: 'xml', content: { 'application/xml': { schema: { type: 'object' } } } } } },
    },
    '/empty': { delete: { operationId: 'remove', responses: { '204': { description: 'gone' } } } },
  },
};

let doc: TestDocument;
beforeAll(async () => {
  doc = await loadTestDocument(DOCUMENT);
});

type Outcome = Pick<MockResponse, 'status' | 'body' | 'contentType' | 'headers'> | { code: string; status: number };

function outcome(operationId: string, headers: Record<string, string>): Outcome {
  try {
    const { status, body, contentType, headers: sent } = exampleResponse(doc.op(operationId), toMockRequest({ headers }));
    return { status, body, contentType, headers: sent };
  } catch (error) {
    if (!(error instanceof MockError)) throw error;
    return { code: error.code, status: error.status };
  }
}

describe('exampleResponse', () => {
  it.each<[string, { given: { operationId: string; headers: Record<string, string> }; want: Outcome }]>([
    ['the lowest 2xx, its first example, and its required headers', { given: { operationId: 'listPets', headers: {} }, want: { status: 200, body: [{ name: 'Rex' }, { name: 'Tom' }], contentType: 'application/json', headers: { 'x-total': '2' } } }],
    ['the example Prefer names', { given: { operationId: 'listPets', headers: { prefer: 'example=none' } }, want: { status: 200, body: [], contentType: 'application/json', headers: { 'x-total': '2' } } }],
    ['the media type Accept asks for', { given: { operationId: 'listPets', headers: { accept: 'text/csv' } }, want: { status: 200, body: 'name\nRex\n', contentType: 'text/csv', headers: { 'x-total': '2' } } }],
    ['the best quality Accept allows', { given: { operationId: 'listPets', headers: { accept: 'application/json;q=0.5, text/*' } }, want: { status: 200, body: 'name\nRex\n', contentType: 'text/csv', headers: { 'x-total': '2' } } }],
    ['the status Prefer names, sampled from its schema', { given: { operationId: 'listPets', headers: { prefer: 'code=404' } }, want: { status: 404, body: { message: 'gone' }, contentType: 'application/json', headers: {} } }],
    ['a range response for a status it covers', { given: { operationId: 'listPets', headers: { prefer: 'code="416"' } }, want: { status: 416, body: { message: 'range' }, contentType: 'application/json', headers: {} } }],
    ['a sample when nothing has an example', { given: { operationId: 'sampled', headers: {} }, want: { status: 201, body: { id: '00000000-0000-4000-8000-000000000000' }, contentType: 'application/json', headers: {} } }],
    ['no body for a response without content', { given: { operationId: 'sampled', headers: { prefer: 'code=500' } }, want: { status: 500, body: undefined, contentType: undefined, headers: {} } }],
    ['no body for a 204', { given: { operationId: 'remove', headers: {} }, want: { status: 204, body: undefined, contentType: undefined, headers: {} } }],
  ])('sends %s', (_name, { given, want }) => {
    expect(outcome(given.operationId, given.headers)).toEqual(want);
  });

  it.each<[string, { given: { operationId: string; headers: Record<string, string> }; want: Outcome }]>([
    ['a status the document does not have', { given: { operationId: 'sampled', headers: { prefer: 'code=404' } }, want: { code: 'request.prefer_unknown', status: 400 } }],
    ['an example the document does not have', { given: { operationId: 'listPets', headers: { prefer: 'example=three' } }, want: { code: 'request.prefer_unknown', status: 400 } }],
    ['an Accept no documented media type meets', { given: { operationId: 'listPets', headers: { accept: 'application/xml' } }, want: { code: 'request.not_acceptable', status: 406 } }],
    ['a named example in a media type Accept refuses', { given: { operationId: 'listPets', headers: { accept: 'text/csv', prefer: 'example=two' } }, want: { code: 'request.not_acceptable', status: 406 } }],
    ['XML with no text example to send', { given: { operationId: 'xmlOnly', headers: {} }, want: { code: 'request.not_acceptable', status: 406 } }],
  ])('refuses %s', (_name, { given, want }) => {
    expect(outcome(given.operationId, given.headers)).toEqual(want);
  });

  it('names the documented statuses when Prefer asks for another', () => {
    expect(() => exampleResponse(doc.op('sampled'), toMockRequest({ headers: { prefer: 'code=404' } }))).toThrow('(documented: 201, 500)');
  });
});

describe('parsePrefer', () => {
  it.each<[string, { given: string | string[] | undefined; want: ReturnType<typeof parsePrefer> }]>([
    ['nothing', { given: undefined, want: {} }],
    ['a code', { given: 'code=401', want: { code: '401' } }],
    ['a quoted code and an example', { given: 'code="401", example=expired', want: { code: '401', example: 'expired' } }],
    ['semicolons and other preferences', { given: 'return=minimal; example=a', want: { example: 'a' } }],
    ['repeated headers', { given: ['code=200', 'example=b'], want: { code: '200', example: 'b' } }],
  ])('%s', (_name, { given, want }) => {
    expect(parsePrefer(given)).toEqual(want);
  });
});

describe('sampleFromSchema', () => {
  it.each<[string, { given: JsonSchema | undefined; want: unknown }]>([
    ['no schema', { given: undefined, want: {} }],
    ['const', { given: { type: 'string', const: 'fixed' }, want: 'fixed' }],
    ['default', { given: { type: 'integer', default: 5 }, want: 5 }],
    ['example', { given: { type: 'string', example: 'ex' }, want: 'ex' }],
    ['examples', { given: { type: 'string', examples: ['first', 'second'] }, want: 'first' }],
    ['enum', { given: { enum: ['b', 'a'] }, want: 'b' }],
    ['oneOf', { given: { oneOf: [{ type: 'boolean' }, { type: 'string' }] }, want: true }],
    ['allOf', { given: { allOf: [{ properties: { a: { type: 'integer' } } }, { properties: { b: { type: 'null' } } }] }, want: { a: 0, b: null } }],
    ['a nullable type', { given: { type: ['null', 'number'], minimum: 3 }, want: 3 }],
    ['minItems', { given: { type: 'array', minItems: 2, items: { type: 'string' } }, want: ['string', 'string'] }],
    ['minLength', { given: { type: 'string', minLength: 8 }, want: 'stringxx' }],
    ['date-time', { given: { type: 'string', format: 'date-time' }, want: '2026-01-01T00:00:00Z' }],
    ['date', { given: { type: 'string', format: 'date' }, want: '2026-01-01' }],
    ['email', { given: { type: 'string', format: 'email' }, want: 'user@example.com' }],
    ['uri', { given: { type: 'string', format: 'uri' }, want: 'urn:example' }],
    [
      'deep objects: only required properties past two levels',
      {
        given: { type: 'object', properties: { a: { type: 'object', properties: { b: { type: 'object', required: ['c'], properties: { c: { type: 'integer' }, d: { type: 'integer' } } } } } } },
        want: { a: { b: { c: 0 } } },
      },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(sampleFromSchema(given)).toEqual(want);
  });
});
