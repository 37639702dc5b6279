// Coverage as tables, without a socket: auth outcomes from the request log, counts per operation, what was never seen, the Markdown.

import { beforeAll, describe, expect, it } from 'vitest';
import { MockError } from '../../src/engine/errors.js';
import type { Operation } from '../../src/engine/types.js';
import {
  coverageMarkdown,
  coverageReport,
  createCoverageLog,
  documentedOutcomes,
  outcomeOfAuth,
  recordCoverage,
  type AuthOutcomeName,
  type CoverageReport,
} from '../../src/world/coverage.js';
import { createStubProvider, loadTestDocument, type TestDocument } from '../helpers/document.js';

const r = (description: string) => ({ description });
const DOCUMENT = {
  openapi: '3.1.0',
  info: { title: 'coverage', version: '1' },
  components: { securitySchemes: { Key: { type: 'apiKey', in: 'header', name: 'X-Key' } } },
  paths: {
    '/stub/items': {
      get: { operationId: 'listItems', security: [{ Key: [] }], responses: { '200': r('items'), '401': r('no key'), '429': r('slow down') } },
      post: { operationId: 'makeItem', security: [{ Key: [] }, {}], responses: { '201': r('made'), '401': r('bad key'), '4XX': r('refused') } },
    },
    '/stub/open': { get: { operationId: 'open', security: [], responses: { '200': r('ok'), default: r('error') } } },
    '/other/thing': { get: { operationId: 'notOurs', responses: { '200': r('ok') } } },
  },
};

/** The stub answers a missing key, an expired key and a rate limit as a real provider would. */
const provider = createStubProvider({
  faultProblems: {
    missing: (detail) => new MockError('auth.missing', detail),
    expired: (detail) => new MockError('auth.expired', detail),
    limited: (detail) => new MockError('auth.rate_limited', detail),
    other: (detail) => new MockError('fault.injected', detail),
    none: () => undefined,
  },
});

let doc: TestDocument;
let ops: Operation[];
beforeAll(async () => {
  doc = await loadTestDocument(DOCUMENT, new Map([['stub', '/stub']]));
  ops = doc.operations;
});

describe('outcomeOfAuth', () => {
  it.each<[string, { given: string; want: AuthOutcomeName | undefined }]>([
    ['accepted credentials', { given: 'apiKey:Key', want: 'ok' }],
    ['an operation that needs none', { given: 'anonymous', want: 'ok' }],
    ['not authenticated at all (refused before)', { given: 'none', want: undefined }],
    ['missing', { given: 'failed:auth.missing', want: 'missing' }],
    ['malformed counts as invalid', { given: 'failed:auth.malformed', want: 'invalid' }],
    ['given twice counts as invalid', { given: 'failed:auth.conflict', want: 'invalid' }],
    ['used up counts as expired', { given: 'failed:auth.exhausted', want: 'expired' }],
    ['forbidden is the wrong type', { given: 'failed:auth.forbidden', want: 'wrong type' }],
    ['rate-limited', { given: 'failed:auth.rate_limited', want: 'rate-limited' }],
    ['a failure that is no auth outcome', { given: 'failed:request.body_invalid', want: undefined }],
  ])('%s', (_name, { given, want }) => {
    expect(outcomeOfAuth(given)).toBe(want);
  });
});

describe('documentedOutcomes', () => {
  it.each<[string, { given: { operationId: string; withProvider: boolean }; want: AuthOutcomeName[] }]>([
    ['a 401 and a 429 documented: missing, expired, rate-limited', { given: { operationId: 'listItems', withProvider: true }, want: ['ok', 'missing', 'expired', 'rate-limited'] }],
    ['credentials optional: never missing', { given: { operationId: 'makeItem', withProvider: true }, want: ['ok', 'expired'] }],
    ['no credentials needed', { given: { operationId: 'open', withProvider: true }, want: ['ok'] }],
    ['no provider: only ok', { given: { operationId: 'listItems', withProvider: false }, want: ['ok'] }],
  ])('%s', (_name, { given, want }) => {
    expect(documentedOutcomes(doc.op(given.operationId), given.withProvider ? provider : undefined)).toEqual(want);
  });
});

describe('coverageReport', () => {
  const report = (entries: Array<[string | null, number, AuthOutcomeName | undefined]>): CoverageReport => {
    const log = createCoverageLog();
    for (const [operationId, status, outcome] of entries) recordCoverage(log, operationId, status, outcome);
    return coverageReport(log, ops, [provider]);
  };

  it('lists only the providers\' operations, everything never seen when nothing was', () => {
    const { operations, gaps } = report([]);
    expect(operations.map((o) => o.operation_id)).toEqual(['listItems', 'makeItem', 'open']);
    expect(operations[0]).toEqual({
      operation_id: 'listItems',
      provider: 'stub',
      method: 'GET',
      path: '/stub/items',
      requests: 0,
      responses: [{ name: '200', count: 0 }, { name: '401', count: 0 }, { name: '429', count: 0 }],
      auth_outcomes: [{ name: 'ok', count: 0 }, { name: 'missing', count: 0 }, { name: 'expired', count: 0 }, { name: 'rate-limited', count: 0 }],
      never_seen: { responses: ['200', '401', '429'], auth_outcomes: ['ok', 'missing', 'expired', 'rate-limited'] },
    });
    expect(gaps).toBe(3);
  });

  it.each<[string, { given: Array<[string | null, number, AuthOutcomeName | undefined]>; want: { operationId: string; requests: number; responses: unknown; auth_outcomes: unknown } }]>([
    [
      'counts per status and outcome',
      {
        given: [['listItems', 200, 'ok'], ['listItems', 200, 'ok'], ['listItems', 401, 'expired']],
        want: { operationId: 'listItems', requests: 3, responses: [{ name: '200', count: 2 }, { name: '401', count: 1 }, { name: '429', count: 0 }], auth_outcomes: [{ name: 'ok', count: 2 }, { name: 'missing', count: 0 }, { name: 'expired', count: 1 }, { name: 'rate-limited', count: 0 }] },
      },
    ],
    [
      'a status under a range or default counts there',
      { given: [['makeItem', 403, 'wrong type'], ['open', 500, undefined]], want: { operationId: 'makeItem', requests: 1, responses: [{ name: '201', count: 0 }, { name: '401', count: 0 }, { name: '4XX', count: 1 }], auth_outcomes: [{ name: 'ok', count: 0 }, { name: 'expired', count: 0 }, { name: 'wrong type (undocumented)', count: 1 }] } },
    ],
    [
      'an undocumented status is listed as such',
      { given: [['listItems', 503, undefined]], want: { operationId: 'listItems', requests: 1, responses: [{ name: '200', count: 0 }, { name: '401', count: 0 }, { name: '429', count: 0 }, { name: '503 (undocumented)', count: 1 }], auth_outcomes: expect.any(Array) } },
    ],
    ['a request matching no operation is not recorded', { given: [[null, 404, undefined]], want: { operationId: 'open', requests: 0, responses: [{ name: '200', count: 0 }, { name: 'DEFAULT', count: 0 }], auth_outcomes: [{ name: 'ok', count: 0 }] } }],
  ])('%s', (_name, { given, want }) => {
    const row = report(given).operations.find((o) => o.operation_id === want.operationId)!;
    expect({ operationId: row.operation_id, requests: row.requests, responses: row.responses, auth_outcomes: row.auth_outcomes }).toEqual(want);
  });

  it('an operation with everything seen is no gap', () => {
    const { operations, gaps } = report([['open', 200, 'ok'], ['open', 500, 'ok']]);
    expect(operations.find((o) => o.operation_id === 'open')!.never_seen).toEqual({ responses: [], auth_outcomes: [] });
    expect(gaps).toBe(2);
  });
});

describe('coverageMarkdown', () => {
  it('is one table row per operation: counts, never-seen struck through and listed', () => {
    const log = createCoverageLog();
    recordCoverage(log, 'open', 200, 'ok');
    recordCoverage(log, 'open', 200, 'ok');
    const markdown = coverageMarkdown(coverageReport(log, ops, [provider]), 'Pact coverage');
    expect(markdown.split('\n')).toEqual([
      '# Pact coverage',
      '',
      '3 operations, 3 with documented responses or auth outcomes never seen.',
      '',
      '| operation | requests | responses | auth outcomes | never seen |',
      '| --- | --- | --- | --- | --- |',
      '| `listItems` (GET /stub/items) | 0 | ~~200~~ 0, ~~401~~ 0, ~~429~~ 0 | ~~ok~~ 0, ~~missing~~ 0, ~~expired~~ 0, ~~rate-limited~~ 0 | 200, 401, 429, ok, missing, expired, rate-limited |',
      '| `makeItem` (POST /stub/items) | 0 | ~~201~~ 0, ~~401~~ 0, ~~4XX~~ 0 | ~~ok~~ 0, ~~expired~~ 0 | 201, 401, 4XX, ok, expired |',
      '| `open` (GET /stub/open) | 2 | 200 ×2, ~~DEFAULT~~ 0 | ok ×2 | DEFAULT |',
      '',
    ]);
  });

  it('says — when nothing is missing', () => {
    const log = createCoverageLog();
    recordCoverage(log, 'open', 200, 'ok');
    recordCoverage(log, 'open', 500, undefined);
    expect(coverageMarkdown(coverageReport(log, [doc.op('open')], [provider]))).toContain('| `open` (GET /stub/open) | 2 | 200 ×1, DEFAULT ×1 | ok ×1 | — |');
  });
});
