#!/usr/bin/env node
// After tsc: bundle and validate the documents authmock ships into dist/documents/, and validate its fixtures into
// dist/fixtures/, so that a start skips that work while those files are unchanged. Anything invalid fails the build.

import { pathToFileURL } from 'node:url';

const dist = new URL('../dist/', import.meta.url);
const { ADMIN_DOCUMENT, DEFAULT_DOCUMENT, DEFAULT_FIXTURES, PREBUILT_DOCUMENTS, PREBUILT_FIXTURES } = await import(new URL('paths.js', dist).href);
const { writePrebuilt } = await import(new URL('prebuilt.js', dist).href);
const { bundleDocument } = await import(new URL('engine/document/load-document.js', dist).href);
const { toPrebuiltFixtures } = await import(new URL('world/fixtures.js', dist).href);
const { createProviders } = await import(new URL('providers/registry.js', dist).href);

/** Write the build output of each shipped document and of the shipped fixtures (for every provider); gives the files written. */
export async function prebuild() {
  const written = [];
  for (const file of [DEFAULT_DOCUMENT, ADMIN_DOCUMENT]) {
    const { bundled, sources } = await bundleDocument(file);
    written.push(await writePrebuilt(PREBUILT_DOCUMENTS, file, sources, bundled));
  }
  written.push(await writePrebuilt(PREBUILT_FIXTURES, DEFAULT_FIXTURES, [DEFAULT_FIXTURES], await toPrebuiltFixtures(DEFAULT_FIXTURES, createProviders())));
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await prebuild();
  } catch (error) {
    process.stderr.write(`authmock build: ${error.message}\n`);
    process.exitCode = 1;
  }
}
