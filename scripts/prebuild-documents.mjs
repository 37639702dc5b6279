#!/usr/bin/env node
// After tsc: bundle and validate the documents authmock ships into dist/documents/, so that a start skips that work.
// A document that does not validate fails the build, named by file, pointer and reason.

import { fileURLToPath, pathToFileURL } from 'node:url';

const dist = new URL('../dist/', import.meta.url);
const { ADMIN_DOCUMENT, DEFAULT_DOCUMENT, PREBUILT_DOCUMENTS } = await import(new URL('paths.js', dist).href);
const { bundleDocument } = await import(new URL('engine/document/load-document.js', dist).href);
const { writePrebuilt } = await import(new URL('engine/document/prebuilt.js', dist).href);

/** Write the build output of each shipped document; gives the files written. */
export async function prebuildDocuments(files = [DEFAULT_DOCUMENT, ADMIN_DOCUMENT], dir = PREBUILT_DOCUMENTS) {
  const written = [];
  for (const file of files) written.push(await writePrebuilt(dir, file, await bundleDocument(file)));
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await prebuildDocuments();
  } catch (error) {
    process.stderr.write(`authmock build: ${error.message}\n`);
    process.exitCode = 1;
  }
}
