// Request bodies as a table: media type matching, required bodies, JSON and form schemas, pointers of what failed.

import { beforeAll, describe, expect, it } from 'vitest';
import { MockError } from '../../../src/engine/errors.js';
import { matchMediaType, type BodyValidator } from '../../../src/engine/validate/request-body.js';
import { loadTestDocument } from '../../helpers/document.js';

const Pet = { type: 'object', required: ['name'], additionalProperties: false, properties: { name: { type: 'string', minLength: 1 }, age: { type: 'integer', minimum: 0 } } };

const DOCUMENT = {
  openapi: '3.1.0',
  info: { title: 'bodies', version: '1' },
  paths: {
    '/pets': {
      post: {
        operationId: 'create',
        requestBody: { required: true, content: { 'application/json': { schema: Pet }, 'application/x-www-form-urlencoded': { schema: Pet } } },
        responses: { '201': { description: 'made' } },
      },
      put: {
        operationId: 'replace',
        requestBody: { content: { 'text/*': { schema: { type: 'string', maxLength: 5 } } } },
        responses: { '204': { description: 'done' } },
      },
    },
  },
};

let create: BodyValidator;
let replace: BodyValidator;
beforeAll(async () => {
  const doc = await loadTestDocument(DOCUMENT);
  create = doc.compiled('create').body!;
  replace = doc.compiled('replace').body!;
});

type Outcome = 'ok' | { code: string; status: number; pointer: string | undefined };

function check(validator: BodyValidator, mediaType: string | undefined, body: unknown): Outcome {
  try {
    validator(mediaType, body);
    return 'ok';
  } catch (error) {
    if (!(error instanceof MockError)) throw error;
    return { code: error.code, status: error.status, pointer: error.pointer };
  }
}

const invalid = (pointer: string): Outcome => ({ code: 'request.body_invalid', status: 400, pointer });

describe('compileRequestBody', () => {
  it.each<[string, { given: { op: 'create' | 'replace'; mediaType: string | undefined; body: unknown }; want: Outcome }]>([
    ['a valid JSON body', { given: { op: 'create', mediaType: 'application/json', body: { name: 'Rex', age: 3 } }, want: 'ok' }],
    ['a +json media type served by application/json', { given: { op: 'create', mediaType: 'application/merge-patch+json', body: { name: 'Rex' } }, want: 'ok' }],
    ['a form body, its strings coerced', { given: { op: 'create', mediaType: 'application/x-www-form-urlencoded', body: { name: 'Rex', age: '3' } }, want: 'ok' }],
    ['a JSON body is not coerced', { given: { op: 'create', mediaType: 'application/json', body: { name: 'Rex', age: '3' } }, want: invalid('/body/age') }],
    ['a required field missing', { given: { op: 'create', mediaType: 'application/json', body: {} }, want: invalid('/body/name') }],
    ['a field that is not allowed', { given: { op: 'create', mediaType: 'application/json', body: { name: 'Rex', owner: 'x' } }, want: invalid('/body/owner') }],
    ['a body that is no object', { given: { op: 'create', mediaType: 'application/json', body: [] }, want: invalid('/body') }],
    ['no body where one is required', { given: { op: 'create', mediaType: undefined, body: undefined }, want: { code: 'request.body_missing', status: 400, pointer: '/body' } }],
    ['no body where it is optional', { given: { op: 'replace', mediaType: undefined, body: undefined }, want: 'ok' }],
    ['an undeclared media type', { given: { op: 'create', mediaType: 'text/plain', body: 'Rex' }, want: { code: 'request.content_type', status: 415, pointer: '/headers/content-type' } }],
    ['a body without a media type', { given: { op: 'create', mediaType: undefined, body: { name: 'Rex' } }, want: { code: 'request.content_type', status: 415, pointer: '/headers/content-type' } }],
    ['a wildcard media type', { given: { op: 'replace', mediaType: 'text/csv', body: 'a,b' }, want: 'ok' }],
    ['a wildcard media type’s schema', { given: { op: 'replace', mediaType: 'text/plain', body: 'too long' }, want: invalid('/body') }],
  ])('%s', (_name, { given, want }) => {
    expect(check(given.op === 'create' ? create : replace, given.mediaType, given.body)).toEqual(want);
  });

  it('says what it accepts in its refusal', () => {
    expect(() => create('text/plain', 'x')).toThrow('Content-Type text/plain is not accepted here; send application/json or application/x-www-form-urlencoded');
  });
});

describe('matchMediaType', () => {
  const declared = ['application/json', 'application/xml; charset=utf-8', 'image/*', '*/*'].map((mediaType) => ({ mediaType }));

  it.each<[string, { given: string; want: string }]>([
    ['exact', { given: 'application/json', want: 'application/json' }],
    ['parameters ignored on the request', { given: 'application/json; charset=utf-8', want: 'application/json' }],
    ['parameters ignored on the declaration', { given: 'application/xml', want: 'application/xml; charset=utf-8' }],
    ['+json as JSON', { given: 'application/problem+json', want: 'application/json' }],
    ['a type wildcard', { given: 'image/png', want: 'image/*' }],
    ['the full wildcard last', { given: 'text/plain', want: '*/*' }],
  ])('%s', (_name, { given, want }) => {
    expect(matchMediaType(declared, given)?.mediaType).toBe(want);
  });

  it('finds nothing when nothing is declared for it', () => {
    expect(matchMediaType([{ mediaType: 'application/json' }], 'text/plain')).toBeUndefined();
  });
});
