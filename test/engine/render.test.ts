// Errors on the wire: the provider's format or RFC 9457 problem+json, and the X-Mock-Problem header's text.

import { describe, expect, it } from 'vitest';
import { MockError } from '../../src/engine/errors.js';
import { errorResponse, problemHeader, problemResponse, toProblem } from '../../src/engine/render.js';
import type { MockProblem } from '../../src/engine/types.js';
import type { Provider } from '../../src/providers/provider.js';
import { createStubProvider } from '../helpers/document.js';

const provider: Provider = createStubProvider({
  renderError: (error) => ({ status: error.status, headers: { 'www-authenticate': 'Bearer' }, body: { message: error.message } }),
});

describe('problemResponse', () => {
  it('answers application/problem+json with type, title, status, detail, code and instance', () => {
    const error = new MockError('route.not_found', 'no route GET /nowhere', { headers: { allow: 'GET' } });
    expect(problemResponse(error, '/nowhere')).toEqual({
      status: 404,
      headers: { allow: 'GET' },
      contentType: 'application/problem+json',
      body: { type: 'urn:authmock:problem:route.not_found', title: 'No such route', status: 404, detail: 'no route GET /nowhere', code: 'route.not_found', instance: '/nowhere' },
    });
  });
});

describe('errorResponse', () => {
  it.each<[string, { given: { provider: Provider | undefined; error: MockError }; want: { status: number; contentType?: string; headers: Record<string, string> } }]>([
    ['any other document: problem+json', { given: { provider: undefined, error: new MockError('auth.missing', 'no key') }, want: { status: 401, contentType: 'application/problem+json', headers: {} } }],
    [
      'a provider: its own format, with the error’s headers under its own',
      {
        given: { provider, error: new MockError('auth.rate_limited', 'slow down', { headers: { 'retry-after': '30', 'www-authenticate': 'Basic' } }) },
        want: { status: 429, headers: { 'retry-after': '30', 'www-authenticate': 'Bearer' } },
      },
    ],
  ])('%s', (_name, { given, want }) => {
    const res = errorResponse(given.error, given.provider, '/x');
    expect({ status: res.status, headers: res.headers, ...(res.contentType ? { contentType: res.contentType } : {}) }).toEqual(want);
  });
});

describe('problemHeader', () => {
  const p = (code: MockProblem['code'], detail: string, pointer?: string): MockProblem => ({ code, detail, ...(pointer ? { pointer } : {}) });

  it.each<[string, { given: MockProblem[]; want: string | undefined }]>([
    ['no header without problems', { given: [], want: undefined }],
    ['one problem as compact JSON', { given: [p('auth.missing', 'no key', '/headers/x-key')], want: '{"code":"auth.missing","detail":"no key","pointer":"/headers/x-key"}' }],
    [
      'further problems under `more`',
      { given: [p('request.body_invalid', 'a'), p('response.invalid', 'b')], want: '{"code":"request.body_invalid","detail":"a","more":[{"code":"response.invalid","detail":"b"}]}' },
    ],
    ['CR, LF and non-ASCII escaped', { given: [p('internal', 'line\r\nnext café')], want: '{"code":"internal","detail":"line\\r\\nnext caf\\u00e9"}' }],
  ])('%s', (_name, { given, want }) => {
    expect(problemHeader(given)).toBe(want);
  });

  it('truncates a long list to the headline, short and ASCII', () => {
    const header = problemHeader([p('request.body_invalid', `é${'x'.repeat(600)}`), ...Array.from({ length: 40 }, () => p('response.invalid', 'y'.repeat(100)))])!;
    expect(header.length).toBeLessThanOrEqual(2048);
    expect(JSON.parse(header)).toEqual({ code: 'request.body_invalid', detail: `?${'x'.repeat(511)}`, truncated: true });
  });

  it('toProblem keeps code, detail and pointer, and leaves an absent pointer out', () => {
    expect([toProblem(new MockError('auth.invalid', 'bad', { pointer: '/q' })), toProblem(new MockError('auth.invalid', 'bad'))]).toEqual([
      { code: 'auth.invalid', detail: 'bad', pointer: '/q' },
      { code: 'auth.invalid', detail: 'bad' },
    ]);
  });
});
