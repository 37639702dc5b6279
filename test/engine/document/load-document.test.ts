// Loading a document: 3.0 and 3.1 bundled and dereferenced once; what cannot load is named by file, pointer and reason.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDocument, DocumentError } from '../../../src/engine/document/load-document.js';

const dir = mkdtempSync(join(tmpdir(), 'authmock-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Write the files of one document into a folder of its own (the first file is the root); gives the root's path. */
function write(...texts: Array<[name: string, text: string]>): string {
  const folder = mkdtempSync(join(dir, 'doc-'));
  for (const [name, text] of texts) writeFileSync(join(folder, name), text);
  return join(folder, texts[0]![0]);
}

const info = `info: { title: t, version: '1' }`;

const PETS = `openapi: 3.0.3
${info}
paths:
  /pets/{id}:
    get:
      parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]
      responses:
        '200':
          description: pet
          content: { application/json: { schema: { $ref: 'pet.yaml#/Pet' } } }
`;
const PET = `Pet: { type: object, properties: { name: { type: string }, parent: { $ref: '#/Pet' } } }
`;

describe('loadDocument', () => {
  it('bundles files into one document, keeps its $refs in `bundled`, and dereferences `document` (recursion as a cycle)', async () => {
    const loaded = await loadDocument(write(['openapi.yaml', PETS], ['pet.yaml', PET]));
    const content = (loaded.document.paths!['/pets/{id}']!['get'] as { responses: Record<string, { content: Record<string, { schema: Record<string, unknown> }> }> }).responses['200']!.content['application/json']!.schema;
    const parent = (content['properties'] as Record<string, Record<string, Record<string, unknown>>>)['parent']!;
    expect(parent['properties']!['parent']).toBe(parent);
    expect(JSON.stringify(loaded.bundled)).toContain('"$ref"');
    expect(loaded.pointers?.get(content)).toMatch(/^\/(components|paths)\//);
  });

  it('accepts an http scheme written in capitals (scheme names are case-insensitive)', async () => {
    const file = write(['openapi.yaml', `openapi: 3.1.0\n${info}\npaths: {}\ncomponents: { securitySchemes: { T: { type: http, scheme: Bearer, bearerFormat: JWT } } }\n`]);
    const loaded = await loadDocument(file);
    expect((loaded.document.components!['securitySchemes']!['T'] as Record<string, unknown>)['scheme']).toBe('Bearer');
  });

  it.each<[string, { given: Array<[string, string]>; want: { pointer: string; reason: RegExp } }]>([
    [
      'a $ref to nowhere, at the $ref',
      {
        given: [['openapi.yaml', `openapi: 3.1.0\n${info}\npaths:\n  /a:\n    get:\n      responses:\n        '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Missing' } } } }\n`]],
        want: { pointer: '/paths/~1a/get/responses/200/content/application~1json/schema/$ref', reason: /Missing/ },
      },
    ],
    ['a Swagger 2.0 document', { given: [['openapi.yaml', `swagger: '2.0'\n${info}\npaths: {}\n`]], want: { pointer: '/openapi', reason: /^authmock serves OpenAPI 3\.0 and 3\.1 documents$/ } }],
    ['an OpenAPI 4 version', { given: [['openapi.yaml', `openapi: 4.0.0\n${info}\npaths: {}\n`]], want: { pointer: '', reason: /Unsupported OpenAPI version: 4\.0\.0/ } }],
    [
      'a response without a description, at the response',
      { given: [['openapi.yaml', `openapi: 3.0.3\n${info}\npaths:\n  /a:\n    get:\n      responses:\n        '200': {}\n`]], want: { pointer: '/paths/~1a/get/responses/200', reason: /required property 'description'/ } },
    ],
    ['text that is no YAML, with line and column', { given: [['openapi.yaml', `openapi: 3.1.0\n${info}\npaths: {\n`]], want: { pointer: '', reason: /^Error parsing .*\(4:1\)$/ } }],
    ['a missing file', { given: [], want: { pointer: '', reason: /^Error opening file .*ENOENT/ } }],
  ])('refuses %s with a DocumentError naming the file', async (_name, { given, want }) => {
    const file = given.length > 0 ? write(...given) : join(dir, 'nowhere.yaml');
    const loading = loadDocument(file);
    await expect(loading).rejects.toThrow(DocumentError);
    await expect(loading).rejects.toMatchObject({ code: 'document.invalid', file, pointer: want.pointer, reason: expect.stringMatching(want.reason) });
    await expect(loading).rejects.toThrow(file);
  });
});
