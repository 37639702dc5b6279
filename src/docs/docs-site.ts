// Load the docs site once: validate and bundle the document, read Swagger UI; the server-specific files on demand.

import { loadSpec } from '../spec/load-spec.js';
import {
  renderIndexHtml,
  renderInitScript,
  renderSpecScript,
  titleOf,
  withServer,
  type BundledDocument,
} from './docs-page.js';
import { contentTypeFor, readSwaggerUiFiles, swaggerUiDistDir, swaggerUiVersion, type SiteFile } from './swagger-ui-assets.js';

export interface DocsSiteOptions {
  /** The OpenAPI document's root file; other files it $refs are bundled into it. */
  document: string;
  /** The page title (default: the document's info.title). */
  title?: string;
}

export interface DocsSite {
  title: string;
  /** The bundled document: one object, every $ref internal (`#/components/...`), servers as written. */
  document: BundledDocument;
  /** The files that do not depend on the server: index.html, docs-init.js and Swagger UI's own, by name. */
  files: ReadonlyMap<string, SiteFile>;
  /** openapi.json or spec.js for a server URL ("Try it out" sends requests there). */
  specFile(name: SpecFileName, serverUrl: string): SiteFile;
}

/** The generated files whose content depends on the server URL. */
export const SPEC_FILE_NAMES = ['openapi.json', 'spec.js'] as const;
export type SpecFileName = (typeof SPEC_FILE_NAMES)[number];

export const isSpecFileName = (name: string): name is SpecFileName => (SPEC_FILE_NAMES as ReadonlyArray<string>).includes(name);

/** Validate the document (a broken one fails here with file, pointer and reason) and bundle it. */
export async function bundleDocument(file: string): Promise<BundledDocument> {
  await loadSpec(file);
  // Loaded here, not at the top: a server whose /docs nobody opens never pays for swagger-parser at start-up.
  const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
  return (await SwaggerParser.bundle(file)) as unknown as BundledDocument;
}

export async function loadDocsSite(options: DocsSiteOptions): Promise<DocsSite> {
  const dir = swaggerUiDistDir();
  const [document, vendor, version] = await Promise.all([bundleDocument(options.document), readSwaggerUiFiles(dir), swaggerUiVersion(dir)]);
  const title = titleOf(document, options.title);
  const generated = (name: string, body: string): SiteFile => ({ name, contentType: contentTypeFor(name), body, immutable: false });
  const files = new Map<string, SiteFile>();
  for (const file of [generated('index.html', renderIndexHtml(title, version)), generated('docs-init.js', renderInitScript()), ...vendor]) {
    files.set(file.name, file);
  }
  return {
    title,
    document,
    files,
    specFile(name, serverUrl) {
      const served = withServer(document, serverUrl);
      return generated(name, name === 'spec.js' ? renderSpecScript(served) : `${JSON.stringify(served, null, 2)}\n`);
    },
  };
}
