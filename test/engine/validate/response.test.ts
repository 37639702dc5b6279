// Response checks as a table: documented status, required headers, content type and body schema.

import { beforeAll, describe, expect, it } from 'vitest';
import type { MockResponse } from '../../../src/engine/types.js';
import { findResponse, type ResponseValidator, type ResponseViolation } from '../../../src/engine/validate/response.js';
import { loadTestDocument } from '../../helpers/document.js';

const DOCUMENT = {
  openapi: '3.1.0',
  info: { title: 'responses', version: '1' },
  paths: {
    '/pets': {
      get: {
        operationId: 'list',
        responses: {
          '200': {
            description: 'pets',
            headers: { 'X-Total': { required: true, schema: { type: 'integer' } }, 'X-Next': { schema: { type: 'string', format: 'uri' } } },
            content: {
              'application/json': { schema: { type: 'array', items: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } } } },
              'application/xml': { schema: { type: 'object' } },
              'text/plain': { schema: { type: 'string', maxLength: 3 } },
            },
          },
          '204': { description: 'nothing' },
          '4XX': { description: 'client error', content: { 'application/json': { schema: { type: 'object', required: ['message'] } } } },
        },
      },
    },
  },
};

let check: ResponseValidator;
beforeAll(async () => {
  check = (await loadTestDocument(DOCUMENT)).compiled('list').response;
});

const TOTAL = { 'X-Total': '2' };

describe('compileResponses', () => {
  it.each<[string, { given: { res: MockResponse; contentType?: string }; want: ResponseViolation | undefined }]>([
    ['a documented response', { given: { res: { status: 200, headers: TOTAL, body: [{ id: 1 }] }, contentType: 'application/json' }, want: undefined }],
    ['headers in any case', { given: { res: { status: 200, headers: { 'x-total': '2' }, body: [] }, contentType: 'application/json; charset=utf-8' }, want: undefined }],
    ['an empty body where none is documented', { given: { res: { status: 204 } }, want: undefined }],
    ['a status covered by 4XX', { given: { res: { status: 418, body: { message: 'teapot' } }, contentType: 'application/json' }, want: undefined }],
    ['XML text is not parsed', { given: { res: { status: 200, headers: TOTAL, body: '<pets/>' }, contentType: 'application/xml' }, want: undefined }],
    ['text without a content type, judged by the text schema', { given: { res: { status: 200, headers: TOTAL, body: 'ok' } }, want: undefined }],
  ])('accepts %s', (_name, { given, want }) => {
    expect(check(given.res, given.contentType)).toEqual(want);
  });

  it.each<[string, { given: { res: MockResponse; contentType?: string }; want: string }]>([
    ['an undocumented status', { given: { res: { status: 500 } }, want: '/status' }],
    ['a required header missing', { given: { res: { status: 200, body: [] }, contentType: 'application/json' }, want: '/headers/x-total' }],
    ['a header of the wrong type', { given: { res: { status: 200, headers: { 'X-Total': 'two' }, body: [] }, contentType: 'application/json' }, want: '/headers/x-total/value' }],
    ['an optional header of the wrong format', { given: { res: { status: 200, headers: { ...TOTAL, 'X-Next': 'not a uri' }, body: [] }, contentType: 'application/json' }, want: '/headers/x-next/value' }],
    ['a body where none is documented', { given: { res: { status: 204, body: { x: 1 } }, contentType: 'application/json' }, want: '/body' }],
    ['an undocumented content type', { given: { res: { status: 200, headers: TOTAL, body: 'a,b' }, contentType: 'text/csv' }, want: '/headers/content-type' }],
    ['a body item missing a required field', { given: { res: { status: 200, headers: TOTAL, body: [{}] }, contentType: 'application/json' }, want: '/body/0/id' }],
    ['text longer than its schema allows', { given: { res: { status: 200, headers: TOTAL, body: 'long' }, contentType: 'text/plain' }, want: '/body' }],
  ])('names %s', (_name, { given, want }) => {
    expect(check(given.res, given.contentType)?.pointer).toBe(want);
  });

  it('says which status is not documented for which operation', () => {
    expect(check({ status: 302 }, undefined)).toEqual({ pointer: '/status', detail: 'status 302 is not documented for list' });
  });
});

describe('findResponse', () => {
  const responses = ['200', '4XX', '404', 'DEFAULT'].map((status) => ({ status }));

  it.each<[string, { given: { responses: Array<{ status: string }>; status: number }; want: string | undefined }]>([
    ['the exact code first', { given: { responses, status: 404 }, want: '404' }],
    ['then its range', { given: { responses, status: 401 }, want: '4XX' }],
    ['then default', { given: { responses, status: 503 }, want: 'DEFAULT' }],
    ['nothing without default', { given: { responses: [{ status: '200' }], status: 500 }, want: undefined }],
  ])('%s', (_name, { given, want }) => {
    expect(findResponse(given.responses, given.status)?.status).toBe(want);
  });
});
