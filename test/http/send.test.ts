// sendResponse as a table: status, headers, content type and length, bodiless statuses, HEAD, CORS and X-Mock-Problem.

import { describe, expect, it } from 'vitest';
import type { MockProblem, MockResponse } from '../../src/engine/types.js';
import { CORS_HEADERS, sendResponse } from '../../src/http/send.js';
import { createFakeExchange } from '../helpers/context.js';

interface Sent {
  status: number;
  body: string;
  /** Headers expected among those sent (undefined: must be absent). */
  headers: Record<string, string | undefined>;
}

describe('sendResponse', () => {
  it.each<[string, { given: { method?: string; response: MockResponse; problems?: MockProblem[] }; want: Sent }]>([
    [
      'an object: JSON with a charset and its byte length',
      { given: { response: { status: 200, body: { name: 'Zoë' } } }, want: { status: 200, body: '{"name":"Zoë"}', headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': '15' } } },
    ],
    [
      'a string: text/plain',
      { given: { response: { status: 401, body: 'Unauthorized' } }, want: { status: 401, body: 'Unauthorized', headers: { 'content-type': 'text/plain; charset=utf-8', 'content-length': '12' } } },
    ],
    [
      'a +json type gets a charset',
      { given: { response: { status: 200, body: { data: [] }, contentType: 'application/vnd.api+json' } }, want: { status: 200, body: '{"data":[]}', headers: { 'content-type': 'application/vnd.api+json; charset=utf-8' } } },
    ],
    [
      'a JSON type that names its charset is kept',
      { given: { response: { status: 200, body: {}, contentType: 'application/json; charset=latin1' } }, want: { status: 200, body: '{}', headers: { 'content-type': 'application/json; charset=latin1' } } },
    ],
    [
      'a non-JSON type is kept as given',
      { given: { response: { status: 200, body: 'a,b', contentType: 'text/csv' } }, want: { status: 200, body: 'a,b', headers: { 'content-type': 'text/csv' } } },
    ],
    [
      'contentType null: no content type at all',
      { given: { response: { status: 200, body: 'raw', contentType: null } }, want: { status: 200, body: 'raw', headers: { 'content-type': undefined, 'content-length': '3' } } },
    ],
    [
      'no body: length 0, no type',
      { given: { response: { status: 201 } }, want: { status: 201, body: '', headers: { 'content-length': '0', 'content-type': undefined } } },
    ],
    [
      '204 sends no body and no length even when one is given',
      { given: { response: { status: 204, body: { ignored: true } } }, want: { status: 204, body: '', headers: { 'content-length': undefined, 'content-type': undefined } } },
    ],
    [
      '304 sends no body',
      { given: { response: { status: 304 } }, want: { status: 304, body: '', headers: { 'content-length': undefined } } },
    ],
    [
      'HEAD: the headers of GET, no body',
      { given: { method: 'HEAD', response: { status: 200, body: { a: 1 } } }, want: { status: 200, body: '', headers: { 'content-length': '7', 'content-type': 'application/json; charset=utf-8' } } },
    ],
    [
      'the response\'s own headers are sent',
      { given: { response: { status: 429, headers: { 'retry-after': '60', 'x-total-count': '3' } } }, want: { status: 429, body: '', headers: { 'retry-after': '60', 'x-total-count': '3' } } },
    ],
    [
      'a header value that could split the response is dropped, the others kept',
      { given: { response: { status: 200, headers: { 'x-bad': 'a\r\nset-cookie: x=1', 'x-good': 'ok' } } }, want: { status: 200, body: '', headers: { 'x-bad': undefined, 'set-cookie': undefined, 'x-good': 'ok' } } },
    ],
    [
      'a header value beyond Latin-1 is dropped',
      { given: { response: { status: 200, headers: { 'x-emoji': 'ok 😀' } } }, want: { status: 200, body: '', headers: { 'x-emoji': undefined } } },
    ],
    [
      'a problem travels in X-Mock-Problem',
      {
        given: { response: { status: 401, body: 'Unauthorized' }, problems: [{ code: 'auth.missing', detail: 'no token' }] },
        want: { status: 401, body: 'Unauthorized', headers: { 'x-mock-problem': '{"code":"auth.missing","detail":"no token"}' } },
      },
    ],
    [
      'no problems: no X-Mock-Problem',
      { given: { response: { status: 200, body: {} } }, want: { status: 200, body: '{}', headers: { 'x-mock-problem': undefined } } },
    ],
  ])('%s', (_name, { given, want }) => {
    const exchange = createFakeExchange(given.method ?? 'GET', '/x');
    sendResponse(exchange.ctx, given.response, given.problems ?? []);
    const sent = exchange.sent();
    expect(sent.ended).toBe(true);
    expect({ status: sent.status, body: sent.body }).toEqual({ status: want.status, body: want.body });
    for (const [name, value] of Object.entries(want.headers)) expect([name, sent.headers[name]]).toEqual([name, value]);
  });

  it('every response carries the CORS headers, and Koa leaves it alone', () => {
    const exchange = createFakeExchange('GET', '/x');
    sendResponse(exchange.ctx, { status: 404, body: { error: 'x' } }, []);
    expect(exchange.sent().headers).toMatchObject(CORS_HEADERS);
    expect(exchange.ctx.respond).toBe(false);
    expect(exchange.ctx.status).toBe(404);
  });
});
