// Pact files of every specification read into one shape, as tables: states, paths and queries, headers, bodies, refusals.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { expandPactPaths, parsePact, readPactFile, type PactInteraction } from '../../src/contracts/pact-file.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/pacts/${name}`, import.meta.url));

/** A pact of this specification with one interaction. */
const pactOf = (version: string, interaction: Record<string, unknown>) => ({
  consumer: { name: 'app' },
  provider: { name: 'authmock' },
  interactions: [{ description: 'the interaction', request: { method: 'get', path: '/x' }, response: { status: 200 }, ...interaction }],
  metadata: { pactSpecification: { version } },
});

const only = (version: string, interaction: Record<string, unknown>): PactInteraction => parsePact('p.json', pactOf(version, interaction)).interactions[0]!;

describe('parsePact: states', () => {
  it.each<[string, { given: Record<string, unknown>; want: unknown }]>([
    ['V2 providerState', { given: { providerState: 'a user exists' }, want: [{ name: 'a user exists', params: {} }] }],
    ['V2 empty providerState: none', { given: { providerState: '' }, want: [] }],
    ['V3 providerStates with params', { given: { providerStates: [{ name: 'a', params: { id: 1 } }, { name: 'b' }] }, want: [{ name: 'a', params: { id: 1 } }, { name: 'b', params: {} }] }],
    ['V3 entries that are not objects are skipped', { given: { providerStates: ['x', { name: 'a' }] }, want: [{ name: 'a', params: {} }] }],
    ['no state', { given: {}, want: [] }],
  ])('%s', (_name, { given, want }) => {
    expect(only('3.0.0', given).states).toEqual(want);
  });
});

describe('parsePact: requests', () => {
  it.each<[string, { given: Record<string, unknown>; want: unknown }]>([
    ['the method upper-cased, the path as stored', { given: { method: 'post', path: '/a/b%20c' }, want: { method: 'POST', path: '/a/b%20c', query: {} } }],
    ['no method: GET; no path: /', { given: {}, want: { method: 'GET', path: '/', query: {} } }],
    ['a query in the path is split off', { given: { path: '/a?page=2&tag=x' }, want: { path: '/a', query: { page: '2', tag: 'x' } } }],
    ['a V2 query string', { given: { path: '/a', query: 'tag=x&tag=y' }, want: { query: { tag: ['x', 'y'] } } }],
    ['a V3 query object with arrays', { given: { path: '/a', query: { tag: ['x', 'y'], n: ['1'] } }, want: { query: { tag: ['x', 'y'], n: '1' } } }],
    ['the path\'s query and the query field together', { given: { path: '/a?tag=x', query: { tag: ['y'] } }, want: { query: { tag: ['x', 'y'] } } }],
    ['header names lower-cased, values as text', { given: { headers: { 'X-Api-Key': 'k', 'X-Count': 3 } }, want: { headers: { 'x-api-key': 'k', 'x-count': '3' } } }],
    ['a header repeated by case, or given as a list, is an array', { given: { headers: { Accept: 'a/b', accept: ['c/d'] } }, want: { headers: { accept: ['a/b', 'c/d'] } } }],
  ])('%s', (_name, { given, want }) => {
    expect({ ...only('3.0.0', { request: given }).request }).toMatchObject(want as object);
  });
});

describe('parsePact: bodies', () => {
  it.each<[string, { given: { version: string; headers?: Record<string, string>; body: unknown }; want: unknown }]>([
    ['V3 JSON value, no Content-Type: JSON', { given: { version: '3.0.0', body: { a: 1 } }, want: { mediaType: 'application/json', value: { a: 1 } } }],
    ['V2 JSON value with its type', { given: { version: '2.0.0', headers: { 'Content-Type': 'application/vnd.api+json' }, body: { data: [] } }, want: { mediaType: 'application/vnd.api+json', value: { data: [] } } }],
    ['a JSON text is parsed', { given: { version: '3.0.0', headers: { 'content-type': 'application/json' }, body: '{"a":1}' }, want: { mediaType: 'application/json', value: { a: 1 } } }],
    ['a JSON text that is not JSON stays text', { given: { version: '3.0.0', headers: { 'content-type': 'application/json' }, body: '{oops' }, want: { mediaType: 'application/json', value: '{oops' } }],
    [
      'a form read as the mock reads it, Rails nesting included',
      { given: { version: '3.0.0', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body: 'user[email]=a%40x&n=1' }, want: { mediaType: 'application/x-www-form-urlencoded', value: { user: { email: 'a@x' }, n: '1' } } },
    ],
    ['plain text', { given: { version: '3.0.0', headers: { 'content-type': 'text/plain' }, body: 'Unauthorized' }, want: { mediaType: 'text/plain', value: 'Unauthorized' } }],
    ['an empty string is no body', { given: { version: '3.0.0', body: '' }, want: undefined }],
    ['null is no body', { given: { version: '2.0.0', body: null }, want: undefined }],
    ['V4 content with its contentType', { given: { version: '4.0', body: { content: { a: 1 }, contentType: 'application/json' } }, want: { mediaType: 'application/json', value: { a: 1 } } }],
    ['V4 content encoded as JSON text', { given: { version: '4.0', body: { content: '{"a":2}', contentType: 'application/json', encoded: 'json' } }, want: { mediaType: 'application/json', value: { a: 2 } } }],
    [
      'V4 content encoded in base64',
      { given: { version: '4.0', body: { content: Buffer.from('{"a":3}').toString('base64'), contentType: 'application/json', encoded: 'base64' } }, want: { mediaType: 'application/json', value: { a: 3 } } },
    ],
    ['V4 without content: no body', { given: { version: '4.0', body: { contentType: 'application/json' } }, want: undefined }],
    ['V4: the header\'s type wins over the body\'s', { given: { version: '4.0', headers: { 'content-type': 'text/plain' }, body: { content: 'hi', contentType: 'application/json' } }, want: { mediaType: 'text/plain', value: 'hi' } }],
  ])('%s', (_name, { given, want }) => {
    const interaction = only(given.version, { request: { method: 'POST', path: '/x', headers: given.headers ?? {}, body: given.body } });
    expect(interaction.request!.body).toEqual(want);
  });

  it('reads a multipart body stored in base64 as the mock does, files by their names', () => {
    const boundary = 'XyZ';
    const raw = [`--${boundary}`, 'Content-Disposition: form-data; name="title"', '', 'hello', `--${boundary}`, 'Content-Disposition: form-data; name="file"; filename="a.txt"', 'Content-Type: text/plain', '', 'data', `--${boundary}--`, ''].join('\r\n');
    const interaction = only('3.0.0', { request: { method: 'POST', path: '/x', headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` }, body: Buffer.from(raw).toString('base64') } });
    expect(interaction.request!.body).toEqual({ mediaType: 'multipart/form-data', value: { title: 'hello', file: 'a.txt' } });
  });
});

describe('parsePact: the file', () => {
  it.each<[string, { given: unknown; want: unknown }]>([
    ['V3 metadata', { given: { consumer: { name: 'c' }, provider: { name: 'p' }, interactions: [], metadata: { pactSpecification: { version: '3.0.0' } } }, want: { consumer: 'c', provider: 'p', specification: '3.0.0', interactions: [] } }],
    ['V2 metadata spelled with a dash', { given: { interactions: [], metadata: { 'pact-specification': { version: '2.0.0' } } }, want: { consumer: '', provider: '', specification: '2.0.0' } }],
    ['V1 metadata', { given: { interactions: [], metadata: { pactSpecificationVersion: '1.0.0' } }, want: { specification: '1.0.0' } }],
    ['no metadata', { given: { interactions: [] }, want: { specification: '' } }],
  ])('%s', (_name, { given, want }) => {
    expect(parsePact('p.json', given)).toMatchObject(want as object);
  });

  it.each<[string, { given: Record<string, unknown>; want: { description: string; http: boolean } }]>([
    ['an interaction without a description is named by its position', { given: { description: undefined }, want: { description: 'interaction #0', http: true } }],
    ['a V4 HTTP interaction', { given: { type: 'Synchronous/HTTP' }, want: { description: 'the interaction', http: true } }],
    ['a V4 message is not HTTP', { given: { type: 'Asynchronous/Messages' }, want: { description: 'the interaction', http: false } }],
    ['no response: not HTTP', { given: { response: undefined }, want: { description: 'the interaction', http: false } }],
  ])('%s', (_name, { given, want }) => {
    const interaction = only('4.0', given);
    expect({ description: interaction.description, http: interaction.request !== undefined && interaction.response !== undefined }).toEqual(want);
  });

  it.each<[string, { given: unknown; want: RegExp }]>([
    ['not an object', { given: [], want: /^p\.json: not a JSON object$/ }],
    ['null', { given: null, want: /not a JSON object/ }],
    ['no interactions', { given: { consumer: { name: 'c' } }, want: /no 'interactions' array: not a pact file/ }],
    ['interactions that are no array', { given: { interactions: {} }, want: /no 'interactions' array/ }],
  ])('refuses %s', (_name, { given, want }) => {
    expect(() => parsePact('p.json', given)).toThrow(expect.objectContaining({ code: 'pact.invalid', file: 'p.json', message: expect.stringMatching(want) }));
  });

  it('takes a V4 messages array as interactions', () => {
    expect(parsePact('m.json', { messages: [{ description: 'm' }] }).interactions).toEqual([{ index: 0, description: 'm', states: [], request: undefined, response: undefined }]);
  });

  it('parses every format into the same interactions', () => {
    const v2 = readPactFile(fixture('wrong-field-type.json'));
    expect(v2.interactions[0]?.states).toEqual([{ name: 'an emnify user user@domain.com with password SHA-1 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12', params: {} }]);
    const v4 = readPactFile(fixture('missing-credential.json'));
    expect(v4.specification).toBe('4.0');
    expect(v4.interactions.map((i) => i.request?.query)).toEqual([{ page: '1' }, undefined]);
    expect(v4.interactions[0]?.response?.body?.value).toEqual([expect.objectContaining({ id: 101 })]);
  });
});

describe('readPactFile and expandPactPaths', () => {
  const dir = mkdtempSync(join(tmpdir(), 'authmock-pact-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'pacts'));
  writeFileSync(join(dir, 'pacts', 'b.json'), '{}');
  writeFileSync(join(dir, 'pacts', 'a.json'), '{}');
  writeFileSync(join(dir, 'pacts', 'notes.txt'), '');
  writeFileSync(join(dir, 'broken.json'), '{"interactions": [');

  it('refuses a file that is not JSON, saying so', () => {
    expect(() => readPactFile(join(dir, 'broken.json'))).toThrow(expect.objectContaining({ code: 'pact.invalid', message: expect.stringMatching(/broken\.json: cannot be read as JSON \(/) }));
  });

  it('refuses a missing file', () => {
    expect(() => readPactFile(join(dir, 'none.json'))).toThrow(expect.objectContaining({ code: 'pact.invalid' }));
  });

  it.each<[string, { given: string[]; want: string[] }]>([
    ['a file as given', { given: ['broken.json'], want: ['broken.json'] }],
    ['a directory: its .json entries, sorted', { given: ['pacts'], want: ['pacts/a.json', 'pacts/b.json'] }],
    ['in the order given', { given: ['broken.json', 'pacts'], want: ['broken.json', 'pacts/a.json', 'pacts/b.json'] }],
  ])('expands %s', (_name, { given, want }) => {
    expect(expandPactPaths(given.map((p) => join(dir, p)))).toEqual(want.map((p) => join(dir, p)));
  });

  it('refuses a path that does not exist, naming it', () => {
    const missing = join(dir, 'nowhere');
    expect(() => expandPactPaths([missing])).toThrow(expect.objectContaining({ code: 'pact.invalid', message: `${missing}: no such file or directory` }));
  });
});
