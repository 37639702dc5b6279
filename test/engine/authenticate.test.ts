// Security requirements as a table: alternatives (OR) of schemes (AND), apiKey in header/query/cookie, http schemes.

import { beforeAll, describe, expect, it } from 'vitest';
import { authenticate, findCredential } from '../../src/engine/authenticate.js';
import { MockError } from '../../src/engine/errors.js';
import type { MockRequest, SecuritySchemeSpec } from '../../src/engine/types.js';
import type { Provider } from '../../src/providers/provider.js';
import { createStubProvider, createTestWorld, loadTestDocument, toMockRequest, type TestDocument } from '../helpers/document.js';

const operation = (operationId: string, security: unknown[]) => ({
  [operationId]: { get: { operationId, security, responses: { '200': { description: 'ok' } } } },
});

const DOCUMENT = {
  openapi: '3.1.0',
  info: { title: 'schemes', version: '1' },
  paths: {
    ...operation('/header', [{ HeaderKey: [] }]),
    ...operation('/query', [{ QueryKey: [] }]),
    ...operation('/cookie', [{ CookieKey: [] }]),
    ...operation('/bearer', [{ Bearer: [] }]),
    ...operation('/basic', [{ Basic: [] }]),
    ...operation('/either', [{ Bearer: [] }, { HeaderKey: [], QueryKey: [] }]),
    ...operation('/optional', [{}, { Bearer: [] }]),
    ...operation('/open', []),
  },
  components: {
    securitySchemes: {
      HeaderKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
      QueryKey: { type: 'apiKey', in: 'query', name: 'key' },
      CookieKey: { type: 'apiKey', in: 'cookie', name: 'sid' },
      Bearer: { type: 'http', scheme: 'bearer' },
      Basic: { type: 'http', scheme: 'Basic' },
    },
  },
};

let doc: TestDocument;
beforeAll(async () => {
  doc = await loadTestDocument(DOCUMENT);
});

type Outcome = { summary: string; principals: string[] } | { code: string; status: number };

async function outcome(path: string, req: Partial<MockRequest>, provider?: Provider): Promise<Outcome> {
  try {
    const result = await authenticate(doc.op(path), toMockRequest(req), createTestWorld(), provider);
    return { summary: result.summary, principals: [...result.principals.keys()] };
  } catch (error) {
    if (!(error instanceof MockError)) throw error;
    return { code: error.code, status: error.status };
  }
}

describe('authenticate (any document: a present credential of the documented shape is enough)', () => {
  it.each<[string, { given: { path: string; req: Partial<MockRequest> }; want: Outcome }]>([
    ['an apiKey header', { given: { path: '/header', req: { headers: { 'x-api-key': 'k' } } }, want: { summary: 'HeaderKey', principals: ['HeaderKey'] } }],
    ['an apiKey query parameter', { given: { path: '/query', req: { query: { key: 'k' } } }, want: { summary: 'QueryKey', principals: ['QueryKey'] } }],
    ['an apiKey cookie', { given: { path: '/cookie', req: { headers: { cookie: 'theme=dark; sid=abc' } } }, want: { summary: 'CookieKey', principals: ['CookieKey'] } }],
    ['bearer', { given: { path: '/bearer', req: { headers: { authorization: 'Bearer t0k' } } }, want: { summary: 'Bearer', principals: ['Bearer'] } }],
    ['bearer in any case', { given: { path: '/bearer', req: { headers: { authorization: 'BEARER t0k' } } }, want: { summary: 'Bearer', principals: ['Bearer'] } }],
    ['basic, documented as `Basic`', { given: { path: '/basic', req: { headers: { authorization: 'basic dTpw' } } }, want: { summary: 'Basic', principals: ['Basic'] } }],
    ['the first alternative', { given: { path: '/either', req: { headers: { authorization: 'Bearer t' } } }, want: { summary: 'Bearer', principals: ['Bearer'] } }],
    [
      'the second alternative, both its schemes',
      { given: { path: '/either', req: { headers: { 'x-api-key': 'k' }, query: { key: 'q' } } }, want: { summary: 'HeaderKey+QueryKey', principals: ['HeaderKey', 'QueryKey'] } },
    ],
    ['an optional scheme left out', { given: { path: '/optional', req: {} }, want: { summary: 'anonymous', principals: [] } }],
    ['an optional scheme given', { given: { path: '/optional', req: { headers: { authorization: 'Bearer t' } } }, want: { summary: 'Bearer', principals: ['Bearer'] } }],
    ['no security at all', { given: { path: '/open', req: { headers: { authorization: 'Bearer t' } } }, want: { summary: 'none', principals: [] } }],
  ])('accepts %s', async (_name, { given, want }) => {
    expect(await outcome(given.path, given.req)).toEqual(want);
  });

  it.each<[string, { given: { path: string; req: Partial<MockRequest> }; want: Outcome }]>([
    ['no header', { given: { path: '/header', req: {} }, want: { code: 'auth.missing', status: 401 } }],
    ['an empty header', { given: { path: '/header', req: { headers: { 'x-api-key': '' } } }, want: { code: 'auth.missing', status: 401 } }],
    ['the key in the query when the header is documented', { given: { path: '/header', req: { query: { 'X-Api-Key': 'k' } } }, want: { code: 'auth.missing', status: 401 } }],
    ['another cookie only', { given: { path: '/cookie', req: { headers: { cookie: 'theme=dark' } } }, want: { code: 'auth.missing', status: 401 } }],
    ['half of an AND', { given: { path: '/either', req: { headers: { 'x-api-key': 'k' } } }, want: { code: 'auth.missing', status: 401 } }],
    ['the wrong http scheme', { given: { path: '/bearer', req: { headers: { authorization: 'Basic dTpw' } } }, want: { code: 'auth.malformed', status: 401 } }],
    ['a repeated apiKey header', { given: { path: '/header', req: { headers: { 'x-api-key': ['a', 'b'] } } }, want: { code: 'request.parameter_repeated', status: 400 } }],
    ['a repeated query key', { given: { path: '/query', req: { query: { key: ['a', 'b'] } } }, want: { code: 'request.parameter_repeated', status: 400 } }],
  ])('refuses %s', async (_name, { given, want }) => {
    expect(await outcome(given.path, given.req)).toEqual(want);
  });

  it('names every alternative it wanted when nothing was sent', async () => {
    await expect(authenticate(doc.op('/either'), toMockRequest(), createTestWorld(), undefined)).rejects.toThrow(
      'no credentials: send authorization (header) or x-api-key (header) + key (query)',
    );
  });
});

describe('authenticate with a provider', () => {
  const provider = (overrides: Partial<Provider> = {}): Provider =>
    createStubProvider({
      verifiers: {
        Bearer: ({ credential }) => (credential === 'good' ? { ok: true, principal: { user: 'ann' } } : { ok: false, error: new MockError('auth.expired', 'expired') }),
      },
      ...overrides,
    });

  it.each<[string, { given: { path: string; req: Partial<MockRequest>; provider?: Partial<Provider> }; want: Outcome }]>([
    ['a credential its verifier accepts', { given: { path: '/bearer', req: { headers: { authorization: 'Bearer good' } } }, want: { summary: 'Bearer', principals: ['Bearer'] } }],
    ['a credential its verifier refuses answers the verifier’s error', { given: { path: '/bearer', req: { headers: { authorization: 'Bearer old' } } }, want: { code: 'auth.expired', status: 401 } }],
    [
      'a credential found where the provider says (credentialFrom)',
      { given: { path: '/bearer', req: { body: { token: 'good' } }, provider: { credentialFrom: { Bearer: (req) => (req.body as { token?: string } | undefined)?.token } } }, want: { summary: 'Bearer', principals: ['Bearer'] } },
    ],
    [
      'a conflict the provider’s resolver reports',
      { given: { path: '/bearer', req: {}, provider: { credentialFrom: { Bearer: () => new MockError('auth.conflict', 'two places') } } }, want: { code: 'auth.conflict', status: 400 } },
    ],
  ])('%s', async (_name, { given, want }) => {
    expect(await outcome(given.path, given.req, provider(given.provider))).toEqual(want);
  });

  it('gives the verifier’s principal to the handler', async () => {
    const result = await authenticate(doc.op('/bearer'), toMockRequest({ headers: { authorization: 'Bearer good' } }), createTestWorld(), provider());
    expect(result.principals.get('Bearer')).toEqual({ user: 'ann' });
  });
});

describe('findCredential', () => {
  const scheme = (s: Partial<SecuritySchemeSpec>): SecuritySchemeSpec => ({ name: 'S', type: 'http', in: 'header', paramName: 'authorization', httpScheme: 'bearer', ...s });

  it.each<[string, { given: { scheme: Partial<SecuritySchemeSpec>; headers: Record<string, string> }; want: string | undefined }]>([
    ['the token after the scheme', { given: { scheme: {}, headers: { authorization: 'Bearer abc.def' } }, want: 'abc.def' }],
    ['an empty token after a bare scheme', { given: { scheme: {}, headers: { authorization: 'Bearer' } }, want: '' }],
    ['the raw apiKey header', { given: { scheme: { type: 'apiKey', paramName: 'x-key', httpScheme: undefined }, headers: { 'x-key': 'Bearer abc' } }, want: 'Bearer abc' }],
    ['nothing when absent', { given: { scheme: {}, headers: {} }, want: undefined }],
  ])('%s', (_name, { given, want }) => {
    expect(findCredential(scheme(given.scheme), toMockRequest({ headers: given.headers }))).toBe(want);
  });
});
