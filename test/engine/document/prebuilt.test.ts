// Documents prebuilt at build time: the same result as the full load while their files are unchanged, the full load once any changes.

import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleDocument, loadDocument, SpecError, type LoadedDocument } from '../../../src/engine/document/load-document.js';
import { readPrebuilt, writePrebuilt } from '../../../src/engine/document/prebuilt.js';
import { ADMIN_DOCUMENT, DEFAULT_DOCUMENT } from '../../../src/paths.js';

const work = mkdtempSync(join(tmpdir(), 'authmock-prebuilt-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the shipped openapi/ folder and a build output for its root document; gives their paths. */
async function copyAndPrebuild(): Promise<{ file: string; dir: string; output: string }> {
  const base = mkdtempSync(join(work, 'copy-'));
  cpSync(join(DEFAULT_DOCUMENT, '..'), join(base, 'openapi'), { recursive: true });
  const file = join(base, 'openapi', 'authmock.yaml');
  const dir = join(base, 'dist', 'documents');
  const output = await writePrebuilt(dir, file, await bundleDocument(file));
  return { file, dir, output };
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
function retitle(output: string, title: string): void {
  const entry = JSON.parse(readFileSync(output, 'utf8')) as { bundled: { info: { title: string } } };
  entry.bundled.info.title = title;
  writeFileSync(output, JSON.stringify(entry));
}

const titleOf = (loaded: LoadedDocument): unknown => (loaded.document['info'] as { title: string }).title;

describe('prebuilt documents', () => {
  it.each([
    ['openapi/authmock.yaml (five files)', DEFAULT_DOCUMENT],
    ['openapi/admin.yaml', ADMIN_DOCUMENT],
  ])('%s loads from the build output exactly as from its sources', async (_name, file) => {
    const dir = mkdtempSync(join(work, 'out-'));
    await writePrebuilt(dir, file, await bundleDocument(file));
    const fast = await loadDocument(file, { prebuilt: dir });
    const full = await loadDocument(file, { prebuilt: null });
    expect(fast.bundled).toEqual(full.bundled);
    expect(fast.document).toEqual(full.document);
    expect(pointersOf(fast)).toEqual(pointersOf(full));
    expect(fast.file).toBe(full.file);
  });

  it('is what a start uses while every source file is unchanged', async () => {
    const { file, dir, output } = await copyAndPrebuild();
    retitle(output, 'from the build');
    expect(titleOf(await loadDocument(file, { prebuilt: dir }))).toBe('from the build');
  });

  it('is not used once a file the document refers to changes: a valid edit is served', async () => {
    const { file, dir, output } = await copyAndPrebuild();
    retitle(output, 'from the build');
    appendFileSync(join(file, '..', 'devicehq.yaml'), '\n# edited after the build\n');
    await expect(readPrebuilt(file, dir)).resolves.toBeUndefined();
    expect(titleOf(await loadDocument(file, { prebuilt: dir }))).not.toBe('from the build');
  });

  it('is not used once the root file changes: an invalid edit is refused with a SpecError', async () => {
    const { file, dir } = await copyAndPrebuild();
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^openapi: .*$/m, 'openapi: 4.0.0'));
    const loading = loadDocument(file, { prebuilt: dir });
    await expect(loading).rejects.toThrow(SpecError);
    await expect(loading).rejects.toMatchObject({ code: 'spec.invalid', file, reason: expect.stringMatching(/Unsupported OpenAPI version: 4\.0\.0/) });
  });

  it('belongs to its own path: a document elsewhere with the same name and content is loaded from its sources', async () => {
    const { dir, output } = await copyAndPrebuild();
    retitle(output, 'from the build');
    const other = mkdtempSync(join(work, 'other-'));
    cpSync(join(DEFAULT_DOCUMENT, '..'), other, { recursive: true });
    expect(titleOf(await loadDocument(join(other, 'authmock.yaml'), { prebuilt: dir }))).not.toBe('from the build');
  });

  it.each([
    ['absent', (_output: string) => rmSync(_output)],
    ['not JSON', (output: string) => writeFileSync(output, '{ "format": 1, "bund')],
    ['from another format', (output: string) => writeFileSync(output, readFileSync(output, 'utf8').replace('"format":1', '"format":0'))],
  ])('when the build output is %s, the document is bundled and validated from its sources', async (_name, spoil) => {
    const { file, dir, output } = await copyAndPrebuild();
    retitle(output, 'from the build');
    spoil(output);
    await expect(readPrebuilt(file, dir)).resolves.toBeUndefined();
    const loaded = await loadDocument(file, { prebuilt: dir });
    expect(titleOf(loaded)).not.toBe('from the build');
    expect(loaded.document.paths?.['/devicehq/api/v2/test']).toBeDefined();
  });
});
