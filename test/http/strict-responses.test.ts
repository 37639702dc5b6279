// Strict response validation: a handler that drifts from the document becomes a 500 problem naming the violation.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/config.js';
import { createApp } from '../../src/http/app.js';
import { MockError } from '../../src/engine/errors.js';
import { problemResponse } from '../../src/engine/render.js';
import { loadDocument } from '../../src/engine/document/load-document.js';
import type { Handler } from '../../src/engine/types.js';
import type { Provider } from '../../src/providers/provider.js';
import { listen, problemOf } from '../helpers/listen.js';

const PETSTORE = new URL('../fixtures/petstore.yaml', import.meta.url).pathname;

const petProvider = (handlers: Record<string, Handler>): Provider => ({
  name: 'pets',
  basePath: '/pets',
  fixtureSchema: {},
  seed: () => 0,
  renderError: (error: MockError) => problemResponse(error),
  verifiers: {},
  handlers,
  describeState: () => ({}),
});

const handlers: Record<string, Handler> = {
  showPet: ({ req }) => ({ status: 200, body: { id: Number(req.params['petId']), name: 'Rex', owner: 'undocumented field' } }),
  listPets: () => ({ status: 418, body: 'teapot' }),
  createPet: () => ({ status: 201, body: { id: 'not-a-number', name: 'Rex' } }),
};

async function start(strict: boolean): Promise<{ url: string; close(): Promise<void> }> {
  const mock = await createApp({ documents: [await loadDocument(PETSTORE)], providers: [petProvider(handlers)], settings: resolveSettings({ strict }) });
  const server = await listen(mock.callback());
  return { url: server.url, close: async () => (mock.close(), server.close()) };
}

describe('strict response validation', () => {
  let strict: { url: string; close(): Promise<void> };
  let lenient: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    [strict, lenient] = await Promise.all([start(true), start(false)]);
  });
  afterAll(async () => {
    await Promise.all([strict.close(), lenient.close()]);
  });

  it.each([
    ['an undocumented field', '/pets/1', { authorization: 'Bearer t' }, undefined, '/body/owner'],
    ['an undocumented status', '/pets', {}, undefined, '/status'],
    ['a field of the wrong type', '/pets', { 'x-api-key': 'k', 'content-type': 'application/json' }, '{"name":"Rex"}', '/body/id'],
  ])('turns %s into a 500 problem that names it', async (_name, path, headers, body, pointer) => {
    const res = await fetch(`${strict.url}${path}`, { method: body ? 'POST' : 'GET', headers, body });
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = problemOf(res);
    expect(problem?.code).toBe('response.invalid');
    expect(problem?.pointer).toBe(pointer);
    expect(JSON.stringify(await res.json())).toContain('response');
  });

  it('serves the drifting response when not strict, with a warning header', async () => {
    const res = await fetch(`${lenient.url}/pets/1`, { headers: { authorization: 'Bearer t' } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Record<string, unknown>)['owner']).toBe('undocumented field');
    expect(problemOf(res)?.code).toBe('response.invalid');
  });
});
