// Loading a document: 3.0 and 3.1 bundled and dereferenced once; what cannot load is named by file, pointer and reason.

import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleDocument, loadDocument, DocumentError, type LoadedDocument } from '../../../src/engine/document/load-document.js';
import { ADMIN_DOCUMENT, DEFAULT_DOCUMENT } from '../../../src/paths.js';
import { writePrebuilt } from '../../../src/prebuilt.js';

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

/** A copy of the shipped openapi/ folder and the build output for its root document; gives their paths. */
async function copyAndPrebuild(): Promise<{ file: string; prebuilt: string; output: string }> {
  const base = mkdtempSync(join(dir, 'copy-'));
  cpSync(join(DEFAULT_DOCUMENT, '..'), join(base, 'openapi'), { recursive: true });
  const file = join(base, 'openapi', 'authmock.yaml');
  const prebuilt = join(base, 'dist', 'documents');
  const { bundled, sources } = await bundleDocument(file);
  return { file, prebuilt, output: await writePrebuilt(prebuilt, file, sources, bundled) };
}

/** Every object of the dereferenced document by its path, with the pointer `pointers` gives it (cycles visited once). */
function pointersOf(loaded: LoadedDocument): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  const seen = new Set<object>();
  const walk = (node: unknown, path: string): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (!Array.isArray(node)) out.set(path, loaded.pointers?.get(node));
    for (const [key, value] of Object.entries(node)) walk(value, `${path}/${key}`);
  };
  walk(loaded.document, '');
  return out;
}

/** Change the title in a build output, keeping its hashes: a load that shows this title read the build output. */
function retitle(output: string): void {
  const entry = JSON.parse(readFileSync(output, 'utf8')) as { value: { info: { title: string } } };
  entry.value.info.title = 'from the build';
  writeFileSync(output, JSON.stringify(entry));
}

const titleOf = (loaded: LoadedDocument): unknown => (loaded.document['info'] as { title: string }).title;

describe('loadDocument with the build output (dist/documents)', () => {
  it.each([
    ['openapi/authmock.yaml (five files)', DEFAULT_DOCUMENT],
    ['openapi/admin.yaml', ADMIN_DOCUMENT],
  ])('gives %s exactly as bundling and validating its sources does', async (_name, file) => {
    const prebuilt = mkdtempSync(join(dir, 'out-'));
    const { bundled, sources } = await bundleDocument(file);
    await writePrebuilt(prebuilt, file, sources, bundled);
    const fast = await loadDocument(file, { prebuilt });
    const full = await loadDocument(file, { prebuilt: null });
    expect(fast.bundled).toEqual(full.bundled);
    expect(fast.document).toEqual(full.document);
    expect(pointersOf(fast)).toEqual(pointersOf(full));
    expect(fast.file).toBe(full.file);
  });

  it('uses it while every file of the document is unchanged', async () => {
    const { file, prebuilt, output } = await copyAndPrebuild();
    retitle(output);
    expect(titleOf(await loadDocument(file, { prebuilt }))).toBe('from the build');
  });

  it('serves a valid edit made after the build, to a file the root refers to', async () => {
    const { file, prebuilt, output } = await copyAndPrebuild();
    retitle(output);
    appendFileSync(join(file, '..', 'devicehq.yaml'), '\n# edited after the build\n');
    expect(titleOf(await loadDocument(file, { prebuilt }))).toBe(titleOf(await loadDocument(DEFAULT_DOCUMENT, { prebuilt: null })));
  });

  it('refuses an invalid edit made after the build with a DocumentError', async () => {
    const { file, prebuilt } = await copyAndPrebuild();
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^openapi: .*$/m, 'openapi: 4.0.0'));
    const loading = loadDocument(file, { prebuilt });
    await expect(loading).rejects.toThrow(DocumentError);
    await expect(loading).rejects.toMatchObject({ code: 'document.invalid', file, reason: expect.stringMatching(/Unsupported OpenAPI version: 4\.0\.0/) });
  });
});
