// The pipeline without a socket: authenticate → validate → fault → commit → handle → check the response, as a table.

import { beforeAll, describe, expect, it } from 'vitest';
import { MockError } from '../../src/engine/errors.js';
import { runPipeline, type Fault, type PipelineDeps, type PipelineResult } from '../../src/engine/run.js';
import type { Handler, MockProblem, MockRequest, MockResponse, Verifier } from '../../src/engine/types.js';
import type { Provider } from '../../src/providers/provider.js';
import { createStubProvider, createTestWorld, loadTestDocument, toMockRequest, type TestDocument } from '../helpers/document.js';

const Error_ = { type: 'object', required: ['code'], properties: { code: { type: 'string' } } };
const Pet = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name'],
  properties: { id: { type: 'integer' }, name: { type: 'string' } },
};
const json = (schema: unknown, extra: Record<string, unknown> = {}) => ({ content: { 'application/json': { schema, ...extra } } });

const DOCUMENT = {
  openapi: '3.1.0',
  info: { title: 'pets', version: '1' },
  paths: {
    '/pets': {
      post: {
        operationId: 'createPet',
        security: [{ Key: [] }],
        requestBody: { required: true, ...json({ type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1 } } }) },
        responses: { '201': { description: 'made', ...json(Pet) }, '400': { description: 'bad', ...json(Error_) }, '401': { description: 'no', ...json(Error_) } },
      },
      get: {
        operationId: 'listPets',
        security: [],
        parameters: [
          { name: 'limit', in: 'query', schema: { type: 'integer', maximum: 10 } },
          { name: 'sort', in: 'query', 'x-authmock-lenient': true, schema: { enum: ['name', 'id'] } },
        ],
        responses: { '200': { description: 'pets', ...json({ type: 'array', items: Pet }, { example: [{ id: 1, name: 'Rex' }] }) } },
      },
    },
    '/pets/{petId}': {
      get: {
        operationId: 'showPet',
        security: [{ Key: [] }],
        parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'integer' } }],
        responses: {
          '200': { description: 'pet', ...json(Pet) },
          '400': { description: 'bad', ...json(Error_) },
          '401': { description: 'no key', ...json(Error_, { example: { code: 'documented-401' } }) },
          '404': { description: 'none', ...json(Error_) },
        },
      },
      patch: {
        operationId: 'renamePet',
        security: [],
        parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'integer' } }],
        requestBody: { required: true, ...json({ type: 'object', required: ['name'], properties: { name: { type: 'string' } } }) },
        responses: { '200': { description: 'pet', ...json(Pet) }, '422': { description: 'invalid', ...json(Error_, { example: { code: 'documented-422' } }) } },
      },
    },
    '/greeting': {
      get: { operationId: 'greet', security: [], responses: { '200': { description: 'hi', ...json({ type: 'string' }, { example: 'hello' }) } } },
    },
  },
  components: { securitySchemes: { Key: { type: 'apiKey', in: 'header', name: 'X-Key' } } },
};

let doc: TestDocument;
beforeAll(async () => {
  doc = await loadTestDocument(DOCUMENT);
});

/** The provider's own wire format, so a test can tell it from the engine's problem+json. */
const renderError = (error: MockError): MockResponse => ({ status: error.status, body: { code: error.code, wire: 'pets' } });

/** `good` is a valid key; `once` is valid and its use is spent by the commit (counted in `spent`). */
function createPetsProvider(handlers: Record<string, Handler>, counters = { spent: 0 }): Provider {
  const verify: Verifier = ({ credential }) => {
    if (credential === 'good') return { ok: true, principal: { key: credential } };
    if (credential === 'once') {
      return { ok: true, principal: { key: credential }, commit: async () => (counters.spent++ === 0 ? undefined : new MockError('auth.exhausted', 'used up')) };
    }
    return { ok: false, error: new MockError('auth.invalid', 'unknown key') };
  };
  return createStubProvider({
    name: 'pets',
    basePath: '/pets',
    renderError,
    verifiers: { Key: verify },
    handlers,
    faultProblems: { 'auth.expired': (detail) => new MockError('auth.expired', detail || 'expired') },
  });
}

const HANDLERS: Record<string, Handler> = {
  createPet: ({ req }) => ({ status: 201, body: { id: 7, name: (req.body as { name: string }).name } }),
  showPet: ({ req }) => ({ status: 200, body: { id: Number(req.params['petId']), name: 'Rex' } }),
  listPets: () => ({ status: 200, body: [] }),
};

interface Given {
  operationId: string;
  req: Partial<MockRequest>;
  handlers?: Record<string, Handler>;
  /** No provider: any other document. */
  anyDocument?: boolean;
  strict?: boolean;
  fault?: Partial<Fault>;
}

interface Want {
  status: number;
  body?: unknown;
  contentType?: string;
  /** Codes of the problems X-Mock-Problem would carry, headline first. */
  problems: string[];
  auth?: string;
}

const fault = (partial: Partial<Fault>): Fault => ({ id: 'f1', operationId: 'showPet', latencyMs: null, status: null, times: 1, probability: null, problem: null, ...partial });

async function run(given: Given, deps: Partial<PipelineDeps> = {}): Promise<PipelineResult> {
  const provider = given.anyDocument ? undefined : createPetsProvider(given.handlers ?? HANDLERS);
  const faults = given.fault ? [fault(given.fault)] : [];
  return runPipeline(doc.compiled(given.operationId), toMockRequest(given.req), {
    world: createTestWorld(),
    provider,
    strict: given.strict ?? true,
    takeFault: (id) => (faults[0]?.operationId === id ? faults.shift() : undefined),
    sleep: async () => undefined,
    ...deps,
  });
}

const codes = (problems: ReadonlyArray<MockProblem>): string[] => problems.map((p) => p.code);
const KEY = { 'x-key': 'good' };
const JSON_BODY = (body: unknown): Partial<MockRequest> => ({ method: 'POST', path: '/pets', headers: { ...KEY, 'content-type': 'application/json' }, body, mediaType: 'application/json' });

describe('runPipeline', () => {
  it.each<[string, { given: Given; want: Want }]>([
    ['a valid request reaches the handler', { given: { operationId: 'showPet', req: { params: { petId: '3' }, headers: KEY } }, want: { status: 200, body: { id: 3, name: 'Rex' }, problems: [], auth: 'Key' } }],
    [
      'no credential answers the provider’s 401',
      { given: { operationId: 'showPet', req: { params: { petId: '3' } } }, want: { status: 401, body: { code: 'auth.missing', wire: 'pets' }, problems: ['auth.missing'], auth: 'failed:auth.missing' } },
    ],
    [
      'a credential the verifier refuses answers its error',
      { given: { operationId: 'showPet', req: { params: { petId: '3' }, headers: { 'x-key': 'bad' } } }, want: { status: 401, body: { code: 'auth.invalid', wire: 'pets' }, problems: ['auth.invalid'], auth: 'failed:auth.invalid' } },
    ],
    [
      'a path parameter of the wrong type is a 400 in the provider’s format',
      { given: { operationId: 'showPet', req: { params: { petId: 'x' }, headers: KEY } }, want: { status: 400, body: { code: 'request.parameter_invalid', wire: 'pets' }, problems: ['request.parameter_invalid'], auth: 'Key' } },
    ],
    ['a body that breaks the schema is a 400', { given: { operationId: 'createPet', req: JSON_BODY({ name: '' }) }, want: { status: 400, body: { code: 'request.body_invalid', wire: 'pets' }, problems: ['request.body_invalid'] } }],
    ['a missing body is a 400', { given: { operationId: 'createPet', req: JSON_BODY(undefined) }, want: { status: 400, body: { code: 'request.body_missing', wire: 'pets' }, problems: ['request.body_missing'] } }],
    [
      'an operation documenting 422 and no 400 answers 422',
      { given: { operationId: 'renamePet', req: { method: 'PATCH', params: { petId: '1' }, body: {}, mediaType: 'application/json' } }, want: { status: 422, body: { code: 'request.body_invalid', wire: 'pets' }, problems: ['request.body_invalid'] } },
    ],
    [
      'any other document answers an error with the example documented for its status',
      { given: { operationId: 'showPet', anyDocument: true, req: { params: { petId: '3' } } }, want: { status: 401, body: { code: 'documented-401' }, contentType: 'application/json', problems: ['auth.missing'] } },
    ],
    [
      'any other document answers a 422 with its documented example too',
      { given: { operationId: 'renamePet', anyDocument: true, req: { method: 'PATCH', params: { petId: '1' }, body: {}, mediaType: 'application/json' } }, want: { status: 422, body: { code: 'documented-422' }, problems: ['request.body_invalid'] } },
    ],
    [
      'any other document answers problem+json for a status it does not document',
      {
        given: { operationId: 'listPets', anyDocument: true, req: { query: { limit: '99' } } },
        want: { status: 400, contentType: 'application/problem+json', problems: ['request.parameter_invalid', 'response.invalid'] },
      },
    ],
    ['any other document answers its example when no handler exists', { given: { operationId: 'listPets', anyDocument: true, req: {} }, want: { status: 200, body: [{ id: 1, name: 'Rex' }], problems: [], auth: 'none' } }],
    ['a JSON string example goes on the wire JSON-encoded', { given: { operationId: 'greet', anyDocument: true, req: {} }, want: { status: 200, body: '"hello"', contentType: 'application/json', problems: [] } }],
    [
      'a lenient parameter only warns',
      { given: { operationId: 'listPets', req: { query: { sort: 'age' } } }, want: { status: 200, body: [], problems: ['warning.lenient_parameter'], auth: 'none' } },
    ],
    [
      'a fault with a status answers it before the handler',
      { given: { operationId: 'showPet', req: { params: { petId: '3' }, headers: KEY }, fault: { status: 503 } }, want: { status: 503, body: { code: 'fault.injected', wire: 'pets' }, problems: ['fault.injected', 'response.invalid'], auth: 'Key' } },
    ],
    [
      'a fault naming a problem answers the provider’s own error for it',
      { given: { operationId: 'showPet', req: { params: { petId: '3' }, headers: KEY }, fault: { problem: 'auth.expired' } }, want: { status: 401, body: { code: 'auth.expired', wire: 'pets' }, problems: ['auth.expired'] } },
    ],
    [
      'a fault on another operation changes nothing',
      { given: { operationId: 'showPet', req: { params: { petId: '3' }, headers: KEY }, fault: { operationId: 'createPet', status: 500 } }, want: { status: 200, problems: [] } },
    ],
  ])('%s', async (_name, { given, want }) => {
    const result = await run(given);
    expect(result.response.status).toBe(want.status);
    if ('body' in want) expect(result.response.body).toEqual(want.body);
    if (want.contentType) expect(result.response.contentType).toBe(want.contentType);
    expect(codes(result.problems)).toEqual(want.problems);
    if (want.auth) expect(result.auth).toBe(want.auth);
  });

  it('consumes a fault once: the next request is served', async () => {
    const faults = [fault({ status: 500, times: 1 })];
    const deps = { takeFault: (id: string) => (faults[0]?.operationId === id ? faults.shift() : undefined) };
    const req = { params: { petId: '3' }, headers: KEY };
    expect((await run({ operationId: 'showPet', req }, deps)).response.status).toBe(500);
    expect((await run({ operationId: 'showPet', req }, deps)).response.status).toBe(200);
  });

  it('waits a fault’s latency with the injected sleep, then serves', async () => {
    const waited: number[] = [];
    const result = await run(
      { operationId: 'showPet', req: { params: { petId: '3' }, headers: KEY } },
      { takeFault: () => fault({ latencyMs: 250 }), sleep: async (ms) => void waited.push(ms) },
    );
    expect([result.response.status, waited]).toEqual([200, [250]]);
  });

  it('keeps problems found before the pipeline, behind the headline', async () => {
    const early: MockProblem = { code: 'warning.informational_header', detail: 'early' };
    const result = await run({ operationId: 'showPet', req: { params: { petId: 'x' }, headers: KEY } }, { problems: [early] });
    expect(codes(result.problems)).toEqual(['request.parameter_invalid', 'warning.informational_header']);
  });

  it('lets an error that is not a MockError through (the app turns it into a 500)', async () => {
    const handlers = { showPet: () => { throw new TypeError('handler bug'); } };
    await expect(run({ operationId: 'showPet', handlers, req: { params: { petId: '3' }, headers: KEY } })).rejects.toThrow(TypeError);
  });
});

describe('runPipeline: a credential’s use is committed only once the request is accepted', () => {
  const once = (body: unknown): Partial<MockRequest> => ({ ...JSON_BODY(body), headers: { 'x-key': 'once', 'content-type': 'application/json' } });

  it.each<[string, { given: { req: Partial<MockRequest>; fault?: Partial<Fault> }; want: { status: number; spent: number } }]>([
    ['a refused body spends nothing', { given: { req: once({ name: '' }) }, want: { status: 400, spent: 0 } }],
    ['a forced fault spends nothing', { given: { req: once({ name: 'Rex' }), fault: { operationId: 'createPet', status: 503 } }, want: { status: 503, spent: 0 } }],
    ['an accepted request spends one use', { given: { req: once({ name: 'Rex' }) }, want: { status: 201, spent: 1 } }],
  ])('%s', async (_name, { given, want }) => {
    const counters = { spent: 0 };
    const faults = given.fault ? [fault(given.fault)] : [];
    const result = await runPipeline(doc.compiled('createPet'), toMockRequest(given.req), {
      world: createTestWorld(),
      provider: createPetsProvider(HANDLERS, counters),
      strict: true,
      takeFault: () => faults.shift(),
    });
    expect([result.response.status, counters.spent]).toEqual([want.status, want.spent]);
  });

  it('answers the commit’s error when the use was spent in between', async () => {
    const counters = { spent: 1 };
    const result = await runPipeline(doc.compiled('createPet'), toMockRequest(once({ name: 'Rex' })), { world: createTestWorld(), provider: createPetsProvider(HANDLERS, counters), strict: true });
    expect([result.response.status, result.response.body, codes(result.problems)]).toEqual([401, { code: 'auth.exhausted', wire: 'pets' }, ['auth.exhausted']]);
  });
});

describe('runPipeline: responses that drift from the document', () => {
  const drifting: Record<string, Handler> = {
    showPet: () => ({ status: 200, body: { id: 1, name: 'Rex', owner: 'undocumented field' } }),
    listPets: () => ({ status: 418, body: 'teapot' }),
    createPet: () => ({ status: 201, body: { id: 'not-a-number', name: 'Rex' } }),
  };

  it.each<[string, { given: Given; want: { pointer: string } }]>([
    ['an undocumented field', { given: { operationId: 'showPet', handlers: drifting, req: { params: { petId: '1' }, headers: KEY } }, want: { pointer: '/body/owner' } }],
    ['an undocumented status', { given: { operationId: 'listPets', handlers: drifting, req: {} }, want: { pointer: '/status' } }],
    ['a field of the wrong type', { given: { operationId: 'createPet', handlers: drifting, req: JSON_BODY({ name: 'Rex' }) }, want: { pointer: '/body/id' } }],
  ])('strict: %s becomes a 500 problem naming it', async (_name, { given, want }) => {
    const { response, problems } = await run({ ...given, strict: true });
    expect(response.status).toBe(500);
    expect(response.contentType).toBe('application/problem+json');
    expect(response.body).toMatchObject({ code: 'response.invalid', status: 500 });
    expect(problems[0]).toMatchObject({ code: 'response.invalid', pointer: want.pointer });
  });

  it('not strict: serves the drifting response, with the violation as a warning', async () => {
    const { response, problems } = await run({ operationId: 'showPet', handlers: drifting, strict: false, req: { params: { petId: '1' }, headers: KEY } });
    expect([response.status, (response.body as Record<string, unknown>)['owner']]).toEqual([200, 'undocumented field']);
    expect(problems).toEqual([expect.objectContaining({ code: 'response.invalid', pointer: '/body/owner' })]);
  });

  it('strict: an engine error the operation does not document is still answered as is, with the violation noted', async () => {
    // listPets documents only 200: its 400 for a bad parameter is the engine's, not a drifting handler.
    const { response, problems } = await run({ operationId: 'listPets', strict: true, req: { query: { limit: '99' } } });
    expect([response.status, response.body]).toEqual([400, { code: 'request.parameter_invalid', wire: 'pets' }]);
    expect(codes(problems)).toEqual(['request.parameter_invalid', 'response.invalid']);
  });
});
