// The docs site loaded once: its title, its fixed files, the spec files per server URL, the control API and flows only when asked.

import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleDocument, isSpecFileName, loadDocsSite, SPEC_FILE_NAMES, type DocsSite } from '../../src/docs/docs-site.js';
import { ADMIN_DOCUMENT } from '../../src/paths.js';
import { PETSTORE } from '../helpers/app.js';

const BROKEN = fileURLToPath(new URL('../corpus/broken/dangling-ref.yaml', import.meta.url));
const text = (body: string | Buffer | undefined): string => (body === undefined ? '' : body.toString());

let plain: DocsSite;
let full: DocsSite;
beforeAll(async () => {
  [plain, full] = await Promise.all([loadDocsSite({ document: PETSTORE }), loadDocsSite({ document: PETSTORE, admin: ADMIN_DOCUMENT, title: 'My & mock', flows: ['emnify'] })]);
});

describe('isSpecFileName', () => {
  it.each<[string, boolean]>([
    ['openapi.json', true],
    ['spec.js', true],
    ['admin-openapi.json', true],
    ['admin-spec.js', true],
    ['index.html', false],
    ['OPENAPI.JSON', false],
    ['', false],
  ])('%s: %s', (name, want) => {
    expect(isSpecFileName(name)).toBe(want);
  });
});

describe('loadDocsSite', () => {
  it.each<[string, { given: () => DocsSite; want: { title: string; specFileNames: readonly string[]; coverage: boolean } }]>([
    ['a document alone: its own title, no control API', { given: () => plain, want: { title: 'Third-party petstore (for the example fallback)', specFileNames: ['openapi.json', 'spec.js'], coverage: false } }],
    ['with the control API and a title', { given: () => full, want: { title: 'My & mock', specFileNames: SPEC_FILE_NAMES, coverage: true } }],
  ])('%s', (_name, { given, want }) => {
    const site = given();
    expect(site.title).toBe(want.title);
    expect(site.specFileNames).toEqual(want.specFileNames);
    expect(site.files.has('coverage.js')).toBe(want.coverage);
    expect([...site.files.keys()]).toEqual(expect.arrayContaining(['index.html', 'docs-init.js', 'swagger-ui.css', 'swagger-ui-bundle.js']));
    expect(site.files.get('index.html')).toMatchObject({ contentType: expect.stringMatching(/^text\/html/), immutable: false });
  });

  it('puts the flows asked for, and only those, on the page', () => {
    expect(text(full.files.get('index.html')?.body)).toContain('id="flow-emnify"');
    expect(text(full.files.get('index.html')?.body)).not.toContain('id="flow-duet"');
    expect(text(plain.files.get('index.html')?.body)).not.toContain('class="flows"');
  });

  it.each<[string, { given: { name: (typeof SPEC_FILE_NAMES)[number]; url: string }; want: RegExp }]>([
    ['openapi.json names the server it is served from', { given: { name: 'openapi.json', url: 'http://127.0.0.1:4010' }, want: /"servers": \[\s*\{\s*"url": "http:\/\/127\.0\.0\.1:4010"/ }],
    ['spec.js is the same document as a script', { given: { name: 'spec.js', url: 'http://127.0.0.1:4010/_sandbox/s1' }, want: /^\/\/ [^\n]*\nwindow\.AUTHMOCK_SPEC = \{.*"url":"http:\/\/127\.0\.0\.1:4010\/_sandbox\/s1"/s }],
    ['admin-openapi.json is the control API', { given: { name: 'admin-openapi.json', url: 'http://h' }, want: /"\/__admin\// }],
    ['admin-spec.js is the control API as a script', { given: { name: 'admin-spec.js', url: 'http://h' }, want: /^\/\/ [^\n]*\nwindow\.AUTHMOCK_ADMIN_SPEC = / }],
  ])('%s', (_name, { given, want }) => {
    const file = full.specFile(given.name, given.url);
    expect(file).toMatchObject({ name: given.name, immutable: false });
    expect(text(file?.body)).toMatch(want);
  });

  it('has no control API files when it shows none', () => {
    expect(plain.specFile('admin-openapi.json', 'http://h')).toBeUndefined();
    expect(plain.specFile('admin-spec.js', 'http://h')).toBeUndefined();
  });

  it('leaves the loaded document as written: each server URL is a fresh copy', () => {
    plain.specFile('openapi.json', 'http://one');
    expect(JSON.stringify(plain.document)).not.toContain('http://one');
    expect(text(plain.specFile('openapi.json', 'http://two')?.body)).not.toContain('http://one');
  });
});

describe('bundleDocument', () => {
  it('bundles a document into one object with only internal $refs', async () => {
    const bundled = await bundleDocument(ADMIN_DOCUMENT);
    const refs = [...JSON.stringify(bundled).matchAll(/"\$ref":"([^"]*)"/g)].map((m) => m[1]!);
    expect(refs.every((ref) => ref.startsWith('#/'))).toBe(true);
  });

  it('refuses a broken document, naming its file', async () => {
    await expect(bundleDocument(BROKEN)).rejects.toThrow(/dangling-ref\.yaml/);
  });
});
