// The auth-aware admin handlers as tables over stub providers: a fault's problem checked, a credential ended by its provider, coverage.

import { beforeAll, describe, expect, it } from 'vitest';
import { checkFaultProblem, createCredentialHandlers, type CredentialAdminOptions } from '../../src/admin/admin-credentials.js';
import { MockError } from '../../src/engine/errors.js';
import type { MockResponse, Operation, World } from '../../src/engine/types.js';
import type { CredentialEnd, Provider } from '../../src/providers/provider.js';
import { createCoverageLog, recordCoverage } from '../../src/world/coverage.js';
import type { LiveWorld } from '../../src/world/worlds.js';
import { createStubProvider, createTestWorld, loadTestDocument, toMockRequest } from '../helpers/document.js';

const r = (description: string) => ({ description });
const DOCUMENT = {
  openapi: '3.1.0',
  info: { title: 'admin credentials', version: '1' },
  paths: {
    '/alpha/login': { post: { operationId: 'alphaLogin', responses: { '200': r('ok'), '401': r('no') } } },
    '/beta/open': { get: { operationId: 'betaOpen', responses: { '200': r('ok') } } },
    '/other': { get: { operationId: 'notOurs', responses: { '200': r('ok') } } },
  },
};

/** alpha ends the credential 'alpha-token' and answers expired/locked problems where a 401 is documented; beta ends nothing. */
const ended: Array<[string, string, CredentialEnd]> = [];
const alpha = createStubProvider({
  name: 'alpha',
  basePath: '/alpha',
  faultProblems: {
    expired: (detail, op) => (op.responses.some((x) => x.status === '401') ? new MockError('auth.expired', detail) : undefined),
    locked: (detail) => new MockError('auth.rate_limited', detail),
  },
  endCredential: async (world: World, credential: string, how: CredentialEnd) => {
    if (credential !== 'alpha-token') return false;
    ended.push([world.id, credential, how]);
    return true;
  },
});
const beta: Provider = createStubProvider({ name: 'beta', basePath: '/beta', endCredential: async () => false });

let options: CredentialAdminOptions;
const world = createTestWorld('w1');
const coverage = createCoverageLog();
beforeAll(async () => {
  const doc = await loadTestDocument(DOCUMENT, new Map([['alpha', '/alpha'], ['beta', '/beta']]));
  options = { providers: [beta, alpha], operations: () => doc.operations, liveWorldOf: () => ({ coverage }) as unknown as LiveWorld };
});

describe('checkFaultProblem', () => {
  it.each<[string, { given: { operationId: string; problem: unknown }; want: string | null }]>([
    ['no problem', { given: { operationId: 'alphaLogin', problem: undefined }, want: null }],
    ['null', { given: { operationId: 'alphaLogin', problem: null }, want: null }],
    ['a problem the provider answers there', { given: { operationId: 'alphaLogin', problem: 'expired' }, want: 'expired' }],
    ['another it answers anywhere', { given: { operationId: 'alphaLogin', problem: 'locked' }, want: 'locked' }],
  ])('%s', (_name, { given, want }) => {
    expect(checkFaultProblem(options, given.operationId, given.problem)).toBe(want);
  });

  it.each<[string, { given: { operationId: string; problem: unknown }; want: string }]>([
    ['an unknown code, naming those it knows', { given: { operationId: 'alphaLogin', problem: 'gone' }, want: "problem 'gone' is not one alpha's operation 'alphaLogin' can answer: use one of expired, locked" }],
    ['a provider with no problems', { given: { operationId: 'betaOpen', problem: 'expired' }, want: "problem 'expired' is not one beta's operation 'betaOpen' can answer; use status instead" }],
    ['an operation of no provider', { given: { operationId: 'notOurs', problem: 'expired' }, want: "'notOurs' (no provider of authmock's own)" }],
    ['an unknown operation', { given: { operationId: 'nowhere', problem: 'expired' }, want: "'nowhere' (no provider of authmock's own) can answer; use status instead" }],
    ['a problem that is no string', { given: { operationId: 'alphaLogin', problem: 5 }, want: "problem '5' is not one" }],
    ['a long problem is cut in the message', { given: { operationId: 'alphaLogin', problem: 'x'.repeat(500) }, want: `problem '${'x'.repeat(60)}' is not` }],
  ])('refuses %s with 400', (_name, { given, want }) => {
    expect(() => checkFaultProblem(options, given.operationId, given.problem)).toThrow(
      expect.objectContaining({ code: 'validation.failed', status: 400, pointer: '/body/problem', message: expect.stringContaining(want) }),
    );
  });

  it('the expired problem is not offered where the operation documents no 401', () => {
    expect(() => checkFaultProblem({ ...options, operations: () => options.operations().map((o) => (o.operationId === 'alphaLogin' ? { ...o, responses: o.responses.filter((x) => x.status !== '401') } : o)) }, 'alphaLogin', 'expired')).toThrow(
      expect.objectContaining({ message: expect.stringContaining('use one of locked') }),
    );
  });
});

describe('createCredentialHandlers', () => {
  const call = async (operationId: string, body: unknown): Promise<MockResponse> =>
    createCredentialHandlers(options)[operationId]!({ req: toMockRequest({ method: 'POST', body }), op: {} as Operation, world, auth: { principals: new Map(), summary: 'admin' }, warn: () => undefined });

  it.each<[string, { given: { operationId: string }; want: { body: unknown; how: CredentialEnd } }]>([
    ['expire: the provider that holds it ends it', { given: { operationId: 'adminExpireCredential' }, want: { body: { provider: 'alpha', expired: true }, how: 'expire' } }],
    ['revoke: the same, as a revocation', { given: { operationId: 'adminRevokeCredential' }, want: { body: { provider: 'alpha', revoked: true }, how: 'revoke' } }],
  ])('%s', async (_name, { given, want }) => {
    ended.length = 0;
    expect(await call(given.operationId, { credential: 'alpha-token' })).toEqual({ status: 200, body: want.body });
    expect(ended).toEqual([['w1', 'alpha-token', want.how]]);
  });

  it.each<[string, { given: unknown; want: { code: string; status: number; message: RegExp } }]>([
    ['no body', { given: undefined, want: { code: 'validation.failed', status: 400, message: /credential must be the token/ } }],
    ['an empty credential', { given: { credential: '' }, want: { code: 'validation.failed', status: 400, message: /1 to 4096 characters/ } }],
    ['a credential that is no string', { given: { credential: 42 }, want: { code: 'validation.failed', status: 400, message: /credential must be/ } }],
    ['a credential over 4096 characters', { given: { credential: 'x'.repeat(4097) }, want: { code: 'validation.failed', status: 400, message: /credential must be/ } }],
    ['a credential no provider holds, shown by its first 4 characters only', { given: { credential: 'secret-token-value' }, want: { code: 'state.not_found', status: 404, message: /^no live credential of any provider in this world is 'secr…'/ } }],
  ])('refuses %s', async (_name, { given, want }) => {
    await expect(call('adminRevokeCredential', given)).rejects.toThrow(expect.objectContaining({ code: want.code, status: want.status, pointer: '/body/credential', message: expect.stringMatching(want.message) }));
  });

  it('a credential of exactly 4096 characters is looked for', async () => {
    await expect(call('adminRevokeCredential', { credential: 'x'.repeat(4096) })).rejects.toThrow(expect.objectContaining({ code: 'state.not_found' }));
  });

  it("coverage is the world's own, over the providers' operations", async () => {
    recordCoverage(coverage, 'alphaLogin', 401, 'expired');
    const response = await call('adminGetCoverage', undefined);
    const body = response.body as { operations: Array<{ operation_id: string; requests: number }> };
    expect(body.operations.map((o) => [o.operation_id, o.requests])).toEqual([['alphaLogin', 1], ['betaOpen', 0]]);
  });
});
