// Engine tests without a socket: load a small document written in the test, compile its operations, build requests.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileOperation, type CompiledOperation } from '../../src/engine/compile.js';
import { loadDocument, type LoadedDocument } from '../../src/engine/document/load-document.js';
import { buildOperationIndex } from '../../src/engine/document/operation-index.js';
import { createAjvSet, schemaSourceOf, type AjvSet } from '../../src/engine/validate/ajv.js';
import type { MockRequest, Operation, World } from '../../src/engine/types.js';
import type { Provider } from '../../src/providers/provider.js';
import { createFixedClock } from '../../src/world/clock.js';
import { createMemoryStore } from '../../src/world/memory-store.js';

export const TEST_START = Date.parse('2026-01-01T00:00:00Z');

export interface TestDocument {
  loaded: LoadedDocument;
  operations: Operation[];
  ajv: AjvSet;
  /** Warnings the compilers gave (unknown formats, schemas left unchecked). */
  warnings: string[];
  /** The operation with this id; throws when the document has none. */
  op(operationId: string): Operation;
  /** The operation compiled as the app compiles it (once per id). */
  compiled(operationId: string): CompiledOperation;
}

/** The validators of a document as the app makes them: the one place tests call createAjvSet with a document. */
export function createTestAjvSet(loaded: LoadedDocument, warn?: (message: string) => void): AjvSet {
  return createAjvSet(loaded.document.openapi, { schemas: schemaSourceOf(loaded), ...(warn ? { warn } : {}) });
}

/**
 * Load a document given as an object (written to a temporary JSON file) or as a path, with loadDocument and
 * buildOperationIndex as the app does; `basePaths` assigns operations to providers.
 */
export async function loadTestDocument(source: object | string, basePaths: ReadonlyMap<string, string> = new Map()): Promise<TestDocument> {
  let loaded: LoadedDocument;
  if (typeof source === 'string') loaded = await loadDocument(source);
  else {
    const dir = mkdtempSync(join(tmpdir(), 'authmock-document-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(source));
      loaded = await loadDocument(file);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const operations = buildOperationIndex(loaded, basePaths);
  const warnings: string[] = [];
  const ajv = createTestAjvSet(loaded, (message) => warnings.push(message));
  const cache = new Map<string, CompiledOperation>();
  const op = (operationId: string): Operation => {
    const found = operations.find((o) => o.operationId === operationId);
    if (!found) throw new Error(`the test document has no operation ${operationId}`);
    return found;
  };
  const compiled = (operationId: string): CompiledOperation => {
    let c = cache.get(operationId);
    if (!c) cache.set(operationId, (c = compileOperation(op(operationId), ajv)));
    return c;
  };
  return { loaded, operations, ajv, warnings, op, compiled };
}

/** A request as http/ hands it to the engine: lower-case headers, decoded path parameters, nothing sent by default. */
export function toMockRequest(given: Partial<MockRequest> = {}): MockRequest {
  return {
    method: 'GET',
    path: '/',
    params: {},
    query: {},
    headers: {},
    body: undefined,
    mediaType: undefined,
    contentLength: undefined,
    remoteAddress: '127.0.0.1',
    ...given,
  };
}

/** A world with an empty memory store and a frozen clock at TEST_START. */
export function createTestWorld(id = 'main'): World {
  return { id, store: createMemoryStore(), clock: createFixedClock(TEST_START) };
}

/** A provider that does nothing but what the test gives it (its error format, verifiers, handlers, state). */
export function createStubProvider(overrides: Partial<Provider> = {}): Provider {
  return {
    name: 'stub',
    basePath: '/stub',
    fixtureSchema: {},
    seed: () => 0,
    renderError: (error) => ({ status: error.status, body: { code: error.code } }),
    verifiers: {},
    handlers: {},
    describeState: () => ({}),
    ...overrides,
  };
}
