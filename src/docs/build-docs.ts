// `authmock docs`: write the static API reference (Swagger UI + the bundled document) into a folder.

import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DEFAULT_SERVER_URL, toServerUrl } from './docs-page.js';
import { ADMIN_DOCUMENT, DEFAULT_DOCUMENT } from '../paths.js';
import { loadDocsSite } from './docs-site.js';
import { FLOWS } from './flows.js';

export interface BuildDocsOptions {
  /** The OpenAPI document's root file. */
  document: string;
  /** The folder to write into (created if missing; files of the same name are replaced, others kept). */
  out: string;
  title?: string;
  /** Where "Try it out" sends requests (default http://127.0.0.1:4010, `authmock serve`'s default). */
  serverUrl?: string;
}

export interface BuiltDocs {
  /** The absolute path of index.html: open it in a browser, no server needed. */
  index: string;
  /** Every file written, absolute paths. */
  files: string[];
  serverUrl: string;
}

export class DocsError extends Error {
  readonly code = 'docs.server_url_invalid' as const;
  constructor(readonly serverUrl: string) {
    super(`server URL '${serverUrl}' is not an absolute http(s) URL such as http://192.168.1.20:4010`);
    this.name = 'DocsError';
  }
}

export async function buildDocs(options: BuildDocsOptions): Promise<BuiltDocs> {
  const serverUrl = options.serverUrl === undefined ? DEFAULT_SERVER_URL : toServerUrl(options.serverUrl);
  if (serverUrl === undefined) throw new DocsError(options.serverUrl ?? '');
  // authmock's own document: its control API and the four flows' diagrams go on the page too.
  const own = resolve(options.document) === DEFAULT_DOCUMENT;
  const site = await loadDocsSite({
    document: options.document,
    ...(options.title === undefined ? {} : { title: options.title }),
    ...(own ? { admin: ADMIN_DOCUMENT, flows: FLOWS.map((f) => f.provider) } : {}),
  });
  const out = resolve(options.out);
  await mkdir(out, { recursive: true });
  const files = [...site.files.values(), ...site.specFileNames.flatMap((name) => site.specFile(name, serverUrl) ?? [])];
  const written = await Promise.all(
    files.map(async (file) => {
      const path = join(out, file.name);
      await writeFile(path, file.body);
      return path;
    }),
  );
  return { index: join(out, 'index.html'), files: written, serverUrl };
}
