// Generated from the document: every secured operation called with no credentials answers its documented 401.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/engine/document/load-document.js';
import { buildOperationIndex } from '../../src/engine/document/operation-index.js';
import { DEFAULT_DOCUMENT } from '../../src/paths.js';
import type { Operation } from '../../src/engine/types.js';
import { startMock, type StartedMock } from '../helpers/harness.js';
import { problemOf } from '../helpers/listen.js';

const loaded = await loadDocument(DEFAULT_DOCUMENT);
const secured = buildOperationIndex(loaded).filter((op) => op.security.length > 0 && op.security.every((alt) => alt.length > 0));

/** A concrete URL for an operation: each path parameter from its example or a plausible value. */
function urlFor(op: Operation): string {
  return op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const param = op.parameters.find((p) => p.in === 'path' && p.name === name);
    const schema = (param?.schema ?? {}) as Record<string, unknown>;
    if (schema['type'] === 'integer') return '1';
    if (Array.isArray(schema['enum'])) return String(schema['enum'][0]);
    return 'df72c626229f';
  });
}

let mock: StartedMock;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock.close());

describe('no credentials', () => {
  it('covers every provider', () => {
    expect(new Set(secured.map((op) => op.path.split('/')[1]))).toEqual(new Set(['duet', 'devicehq', 'rfcx', 'emnify']));
  });

  it.each(secured.map((op) => [op.operationId, op] as const))('%s answers its documented 401', async (_id, op) => {
    const res = await fetch(`${mock.url}${urlFor(op)}`, { method: op.method, headers: op.requestBody ? { 'content-length': '0' } : {} });
    expect(res.status).toBe(401);
    expect(op.responses.some((r) => r.status === '401')).toBe(true);
    expect(problemOf(res)?.code).toMatch(/^auth\./);
    expect(res.headers.get('www-authenticate')).toBeNull();
  });
});
