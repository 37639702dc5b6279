// Parameters by style and explode as a table: arrays, objects, headers, cookies, repeats, lenient warnings.

import { beforeAll, describe, expect, it } from 'vitest';
import { MockError } from '../../../src/engine/errors.js';
import type { MockProblem, MockRequest } from '../../../src/engine/types.js';
import { parseCookies, type ParameterValidator } from '../../../src/engine/validate/parameters.js';
import { loadTestDocument, toMockRequest } from '../../helpers/document.js';

const ids = { type: 'array', items: { type: 'integer' }, maxItems: 3 };

const DOCUMENT = {
  openapi: '3.1.0',
  info: { title: 'parameters', version: '1' },
  paths: {
    '/items/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
      get: {
        operationId: 'find',
        parameters: [
          { name: 'exploded', in: 'query', schema: ids },
          { name: 'csv', in: 'query', explode: false, schema: ids },
          { name: 'spaced', in: 'query', style: 'spaceDelimited', explode: false, schema: ids },
          { name: 'piped', in: 'query', style: 'pipeDelimited', explode: false, schema: ids },
          { name: 'filter', in: 'query', style: 'deepObject', explode: true, schema: { type: 'object', properties: { max: { type: 'integer' } }, additionalProperties: false } },
          { name: 'point', in: 'query', explode: false, schema: { type: 'object', properties: { x: { type: 'integer' }, y: { type: 'integer' } } } },
          { name: 'flag', in: 'query', schema: { type: 'boolean' } },
          { name: 'sort', in: 'query', 'x-authmock-lenient': true, schema: { enum: ['asc', 'desc'] } },
          { name: 'X-Tags', in: 'header', schema: { type: 'array', items: { type: 'string', pattern: '^[a-z]+$' } } },
          { name: 'X-Request-Id', in: 'header', required: true, schema: { type: 'string', minLength: 4 } },
          { name: 'session', in: 'cookie', schema: { type: 'string', pattern: '^s-' } },
        ],
        responses: { '200': { description: 'ok' } },
      },
    },
  },
};

let validate: ParameterValidator;
beforeAll(async () => {
  const doc = await loadTestDocument(DOCUMENT);
  validate = doc.compiled('find').parameters;
});

type Outcome = { ok: true; warnings: string[] } | { code: string; pointer: string | undefined };

function check(given: Partial<MockRequest>): Outcome {
  const warnings: MockProblem[] = [];
  const req = toMockRequest({ params: { id: '7' }, ...given, headers: { 'x-request-id': 'abcd', ...given.headers } });
  try {
    validate(req, (p) => warnings.push(p));
    return { ok: true, warnings: warnings.map((w) => `${w.code} ${w.pointer}`) };
  } catch (error) {
    if (!(error instanceof MockError)) throw error;
    return { code: error.code, pointer: error.pointer };
  }
}

const OK: Outcome = { ok: true, warnings: [] };
const invalid = (pointer: string): Outcome => ({ code: 'request.parameter_invalid', pointer });

describe('compileParameters', () => {
  it.each<[string, { given: Partial<MockRequest>; want: Outcome }]>([
    ['only the required ones', { given: {}, want: OK }],
    ['a path parameter coerced to an integer', { given: { params: { id: '42' } }, want: OK }],
    ['a path parameter that is no integer', { given: { params: { id: 'x' } }, want: invalid('/path/id') }],
    ['a path parameter below its minimum', { given: { params: { id: '0' } }, want: invalid('/path/id') }],
    ['form, exploded: repeated names', { given: { query: { exploded: ['1', '2'] } }, want: OK }],
    ['form, exploded: one value is an array of one', { given: { query: { exploded: '1' } }, want: OK }],
    ['form, exploded: an item of the wrong type', { given: { query: { exploded: ['1', 'x'] } }, want: invalid('/query/exploded') }],
    ['form, not exploded: commas', { given: { query: { csv: '1,2,3' } }, want: OK }],
    ['form, not exploded: too many items', { given: { query: { csv: '1,2,3,4' } }, want: invalid('/query/csv') }],
    ['spaceDelimited', { given: { query: { spaced: '1 2' } }, want: OK }],
    ['spaceDelimited does not split on commas', { given: { query: { spaced: '1,2' } }, want: invalid('/query/spaced') }],
    ['pipeDelimited', { given: { query: { piped: '1|2|3' } }, want: OK }],
    ['deepObject', { given: { query: { 'filter[max]': '5' } }, want: OK }],
    ['deepObject with an unknown key', { given: { query: { 'filter[min]': '5' } }, want: invalid('/query/filter') }],
    ['an object, not exploded: key,value pairs', { given: { query: { point: 'x,1,y,2' } }, want: OK }],
    ['an object, not exploded: a value of the wrong type', { given: { query: { point: 'x,a' } }, want: invalid('/query/point') }],
    ['a boolean coerced', { given: { query: { flag: 'true' } }, want: OK }],
    ['a boolean that is not one', { given: { query: { flag: 'yes' } }, want: invalid('/query/flag') }],
    ['a single value sent twice', { given: { query: { flag: ['true', 'false'] } }, want: { code: 'request.parameter_repeated', pointer: '/query/flag' } }],
    ['a header array, items trimmed', { given: { headers: { 'x-tags': 'a, b,c' } }, want: OK }],
    ['a header array with a bad item', { given: { headers: { 'x-tags': 'a,B' } }, want: invalid('/header/x-tags') }],
    ['a required header missing', { given: { headers: { 'x-request-id': undefined } }, want: invalid('/header/x-request-id') }],
    ['a required header too short', { given: { headers: { 'x-request-id': 'ab' } }, want: invalid('/header/x-request-id') }],
    ['a cookie', { given: { headers: { cookie: 'a=1; session=s-1' } }, want: OK }],
    ['a cookie that breaks its pattern', { given: { headers: { cookie: 'session=x' } }, want: invalid('/cookie/session') }],
    ['a lenient parameter only warns', { given: { query: { sort: 'up' } }, want: { ok: true, warnings: ['warning.lenient_parameter /query/sort'] } }],
  ])('%s', (_name, { given, want }) => {
    expect(check(given)).toEqual(want);
  });

  it('names the parameter in the detail, never the value sent', () => {
    expect(() => validate(toMockRequest({ params: { id: 'secret-value' }, headers: { 'x-request-id': 'abcd' } }), () => undefined)).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/^path parameter 'id' /) }),
    );
    expect(() => validate(toMockRequest({ params: { id: 'secret-value' }, headers: { 'x-request-id': 'abcd' } }), () => undefined)).not.toThrow(/secret-value/);
  });
});

describe('parseCookies', () => {
  it.each<[string, { given: string | string[] | undefined; want: Array<[string, string]> }]>([
    ['no header', { given: undefined, want: [] }],
    ['pairs, trimmed', { given: 'a=1; b = 2 ', want: [['a', '1'], ['b', '2']] }],
    ['the first of a repeated name', { given: 'a=1; a=2', want: [['a', '1']] }],
    ['values containing =', { given: 't=x=y', want: [['t', 'x=y']] }],
    ['parts without a name are skipped', { given: '=1; ; b=2', want: [['b', '2']] }],
    ['repeated Cookie headers', { given: ['a=1', 'b=2'], want: [['a', '1'], ['b', '2']] }],
  ])('%s', (_name, { given, want }) => {
    expect([...parseCookies(given)]).toEqual(want);
  });
});
