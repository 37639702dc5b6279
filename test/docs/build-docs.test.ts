// `buildDocs`: the static site written to a folder — files, the bundled document with its servers, Swagger UI assets.

import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocs, type BuiltDocs } from '../../src/docs/build-docs.js';
import { DEFAULT_SERVER_URL } from '../../src/docs/docs-page.js';
import { SWAGGER_UI_FILES, swaggerUiDistDir } from '../../src/docs/swagger-ui-assets.js';
import { DEFAULT_DOCUMENT } from '../../src/paths.js';

const tempDir = (): Promise<string> => mkdtemp(join(tmpdir(), 'authmock-docs-'));
const readJson = async (file: string): Promise<Record<string, unknown>> => JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;

describe('buildDocs on the authmock document', () => {
  let out: string;
  let built: BuiltDocs;
  beforeAll(async () => {
    out = await tempDir();
    built = await buildDocs({ document: DEFAULT_DOCUMENT, out });
  });

  it('writes the page, its scripts, the document and the Swagger UI files', async () => {
    expect((await readdir(out)).sort()).toEqual(
      ['index.html', 'docs-init.js', 'spec.js', 'openapi.json', 'admin-spec.js', 'admin-openapi.json', 'coverage.js', ...SWAGGER_UI_FILES].sort(),
    );
    expect(built.index).toBe(join(out, 'index.html'));
    expect(built.files).toHaveLength(7 + SWAGGER_UI_FILES.length);
    expect(built.serverUrl).toBe(DEFAULT_SERVER_URL);
  });

  it('copies Swagger UI byte for byte from swagger-ui-dist', async () => {
    for (const name of SWAGGER_UI_FILES) {
      expect((await readFile(join(out, name))).equals(await readFile(join(swaggerUiDistDir(), name)))).toBe(true);
    }
  });

  it('writes openapi.json bundled: one file, only internal $refs, servers pointing at the mock', async () => {
    const text = await readFile(join(out, 'openapi.json'), 'utf8');
    const document = JSON.parse(text) as { servers: unknown; paths: Record<string, unknown>; tags: Array<{ name: string }> };
    expect(document.servers).toEqual([{ url: 'http://127.0.0.1:4010', description: 'this authmock' }]);
    const refs = [...text.matchAll(/"\$ref": "([^"]*)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(10);
    expect(refs.every((ref) => ref.startsWith('#/'))).toBe(true);
    expect(document.tags.map((t) => t.name)).toEqual(['Duet', 'DeviceHQ', 'RFCx', 'emnify']);
    expect(Object.keys(document.paths)).toContain('/emnify/api/v1/authenticate');
  });

  it('writes a document that is still a valid OpenAPI document on its own', async () => {
    const copy = join(await tempDir(), 'openapi.json');
    await writeFile(copy, await readFile(join(out, 'openapi.json')));
    await expect(SwaggerParser.validate(copy)).resolves.toMatchObject({ openapi: '3.1.0' });
  });

  it('writes spec.js with the same document, for pages opened from file://', async () => {
    const window: { AUTHMOCK_SPEC?: unknown } = {};
    new Function('window', await readFile(join(out, 'spec.js'), 'utf8'))(window);
    expect(window.AUTHMOCK_SPEC).toEqual(await readJson(join(out, 'openapi.json')));
  });

  it('writes an index.html that loads only files it ships (no CDN)', async () => {
    const html = await readFile(join(out, 'index.html'), 'utf8');
    // Links within the page (#flows, #admin-api) fetch nothing.
    const urls = [...html.matchAll(/(?:src|href)="([^"#][^"]*)"/g)].map((m) => m[1]!);
    expect(urls.sort()).toEqual(
      ['./swagger-ui.css', './favicon-32x32.png', './favicon-16x16.png', './openapi.json', './swagger-ui-bundle.js', './spec.js', './admin-spec.js', './coverage.js', './docs-init.js'].sort(),
    );
    expect(html).toContain('<title>authmock — four real API authentication flows</title>');
  });
});

describe('buildDocs options', () => {
  it('points "Try it out" at --server-url and uses the title given', async () => {
    const out = join(await tempDir(), 'nested', 'site');
    const built = await buildDocs({ document: DEFAULT_DOCUMENT, out, title: 'Team docs', serverUrl: 'http://192.168.1.20:8080/' });
    expect(built.serverUrl).toBe('http://192.168.1.20:8080');
    expect((await readJson(join(out, 'openapi.json')))['servers']).toEqual([{ url: 'http://192.168.1.20:8080', description: 'this authmock' }]);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toContain('<title>Team docs</title>');
  });

  it('refuses a server URL that is not absolute http(s)', async () => {
    await expect(buildDocs({ document: DEFAULT_DOCUMENT, out: await tempDir(), serverUrl: 'localhost:4010' })).rejects.toMatchObject({
      code: 'docs.server_url_invalid',
    });
  });

  it('fails on a broken document with the file and the reason, writing nothing', async () => {
    const dir = await tempDir();
    const document = join(dir, 'broken.yaml');
    await writeFile(document, 'openapi: 3.1.0\ninfo: { title: x }\npaths: {}\n');
    const out = join(dir, 'out');
    await expect(buildDocs({ document, out })).rejects.toMatchObject({ code: 'document.invalid', file: document });
    await expect(readdir(out)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
