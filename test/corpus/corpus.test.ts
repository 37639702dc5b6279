// The corpus (issue 15): small documents and pacts that reproduce what real-world documents do. Each document loads
// and answers as the table says; each (document, pact) pair gets the check-pacts verdict the table says, and where
// that differs from swagger-mock-validator's the table says why.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/config.js';
import { createApp } from '../../src/http/app.js';
import { createPactChecker, type PactChecker } from '../../src/contracts/check-pacts.js';
import { readPactFile } from '../../src/contracts/pact-file.js';
import { loadDocument } from '../../src/engine/document/load-document.js';
import { listen, problemOf } from '../helpers/listen.js';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

const servers = new Map<string, Promise<{ url: string; close(): Promise<void> }>>();
/** One mock per document (strict: an answer that breaks the document would be a 500). */
function serve(document: string): Promise<{ url: string; close(): Promise<void> }> {
  let server = servers.get(document);
  if (!server) {
    server = (async () => {
      const mock = await createApp({ documents: [await loadDocument(here(`documents/${document}`))], providers: [], settings: resolveSettings({ strict: true }) });
      const listening = await listen(mock.callback());
      return { url: listening.url, close: async () => (mock.close(), listening.close()) };
    })();
    servers.set(document, server);
  }
  return server;
}
afterAll(async () => {
  for (const server of servers.values()) await (await server).close();
});

interface Exchange {
  request: { method?: string; path: string; headers?: Record<string, string>; body?: unknown };
  want: { status: number; type?: string; text?: string; json?: unknown; problem?: string; detail?: RegExp };
}

const JSON_BODY = { 'content-type': 'application/json' };

describe('each document of the corpus loads and answers as documented', () => {
  it.each<[string, string, Exchange]>([
    ['recursive-tree.yaml', 'serves the recursive example', { request: { path: '/trees/1' }, want: { status: 200, json: { name: 'root', children: [{ name: 'leaf', children: [] }] } } }],
    [
      'recursive-tree.yaml',
      'checks a request body three levels down the recursion',
      {
        request: { method: 'PUT', path: '/trees/1', headers: JSON_BODY, body: { name: 'r', children: [{ name: 'a', children: [{ name: 3 }] }] } },
        want: { status: 400, problem: 'request.body_invalid', detail: /\/children\/0\/children\/0\/name must be string/ },
      },
    ],
    ['recursive-tree.yaml', 'accepts a valid deep tree', { request: { method: 'PUT', path: '/trees/1', headers: JSON_BODY, body: { name: 'r', children: [{ name: 'a', children: [{ name: 'b' }] }] } }, want: { status: 204 } }],
    ['openapi30-dialect.yaml', 'compiles a pattern the u flag refuses (^[a-zA-Z0-9_\\-\\:]+$)', { request: { path: '/files/ns:f_1' }, want: { status: 200 } }],
    ['openapi30-dialect.yaml', 'still enforces that pattern', { request: { path: '/files/ns%20f_1' }, want: { status: 400, problem: 'request.parameter_invalid', detail: /must match pattern/ } }],
    [
      'openapi30-dialect.yaml',
      'serves an example with a $id key as data',
      { request: { path: '/files/f_1' }, want: { status: 200, json: { $id: 'https://example.com/not-a-schema-id', id: 'f_1', size: 10, owner: null, note: null } } },
    ],
    [
      'openapi30-dialect.yaml',
      'accepts null for nullable beside allOf and nullable without a type',
      { request: { method: 'POST', path: '/files', headers: JSON_BODY, body: { id: 'f', size: 99, owner: null, note: null } }, want: { status: 201 } },
    ],
    [
      'openapi30-dialect.yaml',
      'still checks the allOf of a nullable field',
      { request: { method: 'POST', path: '/files', headers: JSON_BODY, body: { id: 'f', size: 1, owner: {} } }, want: { status: 400, problem: 'request.body_invalid' } },
    ],
    [
      'openapi30-dialect.yaml',
      'reads boolean exclusiveMaximum as 3.0 means it',
      { request: { method: 'POST', path: '/files', headers: JSON_BODY, body: { id: 'f', size: 100 } }, want: { status: 400, problem: 'request.body_invalid', detail: /\/size must be < 100/ } },
    ],
    ['bearer-scheme.yaml', 'refuses a request without the token of `scheme: Bearer`', { request: { path: '/board' }, want: { status: 401, json: { error: 'unauthorized' }, problem: 'auth.missing' } }],
    ['bearer-scheme.yaml', 'accepts a bearer token for `scheme: Bearer`', { request: { path: '/board', headers: { authorization: 'Bearer abc' } }, want: { status: 200, json: ['.', 'X', 'O'] } }],
    ['negotiation.yaml', 'sends a JSON string example as JSON', { request: { path: '/greeting' }, want: { status: 200, type: 'application/json; charset=utf-8', text: '"hello"' } }],
    ['negotiation.yaml', 'serves XML from its text example when asked for XML', { request: { path: '/pets/1', headers: { accept: 'application/xml' } }, want: { status: 200, type: 'application/xml', text: '<pet><name>Rex</name></pet>' } }],
    ['negotiation.yaml', 'follows Accept qualities', { request: { path: '/pets/1', headers: { accept: 'application/json;q=0.5, application/xml' } }, want: { status: 200, type: 'application/xml' } }],
    ['negotiation.yaml', 'answers 406 when Accept allows no documented type', { request: { path: '/pets/1', headers: { accept: 'text/csv' } }, want: { status: 406, problem: 'request.not_acceptable', detail: /application\/json, application\/xml/ } }],
    ['negotiation.yaml', 'refuses XML it has no text for rather than label JSON as XML', { request: { path: '/reports' }, want: { status: 406, problem: 'request.not_acceptable' } }],
    [
      'negotiation.yaml',
      'serves Prefer: code=404 from default',
      { request: { path: '/pets/1', headers: { prefer: 'code=404' } }, want: { status: 404, type: 'application/problem+json; charset=utf-8', json: { title: 'something went wrong', status: 500 } } },
    ],
    ['negotiation.yaml', 'serves a named example', { request: { path: '/pets/1', headers: { prefer: 'example=tom' } }, want: { status: 200, json: { name: 'Tom' } } }],
    ['negotiation.yaml', 'names the examples that exist for an unknown one', { request: { path: '/pets/1', headers: { prefer: 'example=nope' } }, want: { status: 400, problem: 'request.prefer_unknown', detail: /rex, tom/ } }],
    ['negotiation.yaml', 'names the codes that exist for an undocumented one', { request: { path: '/greeting', headers: { prefer: 'code=404' } }, want: { status: 400, problem: 'request.prefer_unknown', detail: /documented: 200/ } }],
    [
      'negotiation.yaml',
      "answers a request error in the default response's media type and shape",
      { request: { method: 'POST', path: '/jobs', headers: JSON_BODY, body: {} }, want: { status: 400, type: 'application/vnd.error+json; charset=utf-8', json: { message: 'accepted' }, problem: 'request.body_invalid' } },
    ],
    ['negotiation.yaml', 'serves a media type documented with a parameter', { request: { path: '/charset', headers: { accept: 'application/json' } }, want: { status: 200, type: 'application/json; charset=utf-8', json: { ok: true } } }],
    ['negotiation.yaml', 'reads a comma-separated array header', { request: { path: '/search', headers: { 'x-tags': 'a, b' } }, want: { status: 200, json: ['found'] } }],
    ['undeclared-path-parameter.yaml', 'serves a path whose parameter the document forgot to declare', { request: { path: '/things/abc' }, want: { status: 200 } }],
  ])('%s: %s', async (document, _name, { request, want }) => {
    const { url } = await serve(document);
    const res = await fetch(url + request.path, {
      method: request.method ?? 'GET',
      headers: request.headers ?? {},
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    });
    const text = await res.text();
    expect(res.status, text).toBe(want.status);
    if (want.type) expect(res.headers.get('content-type')).toBe(want.type);
    if (want.text !== undefined) expect(text).toBe(want.text);
    if (want.json !== undefined) expect(JSON.parse(text)).toEqual(want.json);
    const problem = problemOf(res);
    if (want.problem) expect(problem?.code).toBe(want.problem);
    else expect(problem?.code).toBeUndefined();
    if (want.detail) expect(problem?.detail).toMatch(want.detail);
  });
});

describe('a document that cannot load', () => {
  it('names the file, the JSON pointer of the $ref to nowhere and the reason', async () => {
    const file = here('broken/dangling-ref.yaml');
    await expect(loadDocument(file)).rejects.toMatchObject({
      code: 'document.invalid',
      file,
      pointer: '/paths/~1things/get/responses/200/content/application~1json/schema/$ref',
      reason: expect.stringMatching(/#\/components\/schemas\/Missing/),
    });
  });
});

interface Pair {
  document: string;
  pact: string;
  /** check-pacts: pass, fail, or warn (passes, with warnings). */
  want: 'pass' | 'fail' | 'warn';
  /** swagger-mock-validator 15's verdict, measured with scripts/measure-documents.mjs --pairs --smv. */
  smv: 'pass' | 'fail';
  /** Why the verdicts differ, when they do. */
  note?: string;
}

const pairs = JSON.parse(readFileSync(here('pairs.json'), 'utf8')) as Pair[];
const checkers = new Map<string, Promise<{ plain: PactChecker; strict: PactChecker }>>();
function checkersFor(document: string): Promise<{ plain: PactChecker; strict: PactChecker }> {
  let found = checkers.get(document);
  if (!found) {
    found = loadDocument(here(document)).then((loaded) => ({ plain: createPactChecker(loaded), strict: createPactChecker(loaded, { strictFields: true }) }));
    checkers.set(document, found);
  }
  return found;
}

describe('check-pacts over the corpus pairs', () => {
  it.each(pairs.map((p) => [`${p.pact} against ${p.document}`, p] as const))('%s', async (_name, pair) => {
    const { plain } = await checkersFor(pair.document);
    const findings = plain.check(readPactFile(here(pair.pact)));
    const failing = findings.filter((f) => f.severity !== 'warning');
    const verdict = failing.length > 0 ? 'fail' : findings.length > 0 ? 'warn' : 'pass';
    expect(verdict, JSON.stringify(findings)).toBe(pair.want);
    if ((verdict === 'fail' ? 'fail' : 'pass') !== pair.smv) expect(pair.note, 'a disagreement with swagger-mock-validator is argued').toBeTruthy();
  });

  it('does not read a path the document lacks as a parameter under another path (/board as /pets/{id})', async () => {
    const { plain } = await checkersFor('documents/negotiation.yaml');
    expect(plain.check(readPactFile(here('pacts/board-negative.json')))).toEqual([
      expect.objectContaining({ pointer: '/request/path', message: 'no operation in the document matches GET /board' }),
    ]);
  });

  it('fails an undocumented response field with --strict-fields, as swagger-mock-validator does', async () => {
    const { strict } = await checkersFor('documents/negotiation.yaml');
    expect(strict.check(readPactFile(here('pacts/pet-extra-field.json')))).toEqual([
      expect.objectContaining({ pointer: '/response/body/colour', message: expect.stringMatching(/not in the document/) }),
    ]);
    expect(strict.check(readPactFile(here('pacts/pet-extra-field.json')))[0]).not.toHaveProperty('severity');
  });
});
