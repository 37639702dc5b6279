// Load the docs site once: validate and bundle the document, read Swagger UI; the server-specific files on demand.

import { renderCoverageScript } from './coverage-table.js';
import { loadDocument } from '../engine/document/load-document.js';
import { FLOWS } from './flows.js';
import { renderFlowsHtml } from './sequence-svg.js';
import {
  renderAdminSpecScript,
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
  /** The control API's document, shown below the providers (authmock's own docs). */
  admin?: string;
  /** The providers whose flows are drawn as sequence diagrams (authmock's own document only). */
  flows?: ReadonlyArray<string>;
}

export interface DocsSite {
  title: string;
  /** The bundled document: one object, every $ref internal (`#/components/...`), servers as written. */
  document: BundledDocument;
  /** The files that do not depend on the server: index.html, docs-init.js and Swagger UI's own, by name. */
  files: ReadonlyMap<string, SiteFile>;
  /** The spec files this site has: openapi.json and spec.js, and the admin ones when it shows the control API. */
  specFileNames: ReadonlyArray<SpecFileName>;
  /** openapi.json or spec.js (or their admin-) for a server URL ("Try it out" sends requests there); undefined when absent. */
  specFile(name: SpecFileName, serverUrl: string): SiteFile | undefined;
}

/** The generated files whose content depends on the server URL (the admin ones only when the site shows it). */
export const SPEC_FILE_NAMES = ['openapi.json', 'spec.js', 'admin-openapi.json', 'admin-spec.js'] as const;
export type SpecFileName = (typeof SPEC_FILE_NAMES)[number];

export const isSpecFileName = (name: string): name is SpecFileName => (SPEC_FILE_NAMES as ReadonlyArray<string>).includes(name);

/** Validate the document (a broken one fails here with file, pointer and reason) and bundle it. */
export async function bundleDocument(file: string): Promise<BundledDocument> {
  await loadDocument(file);
  // Loaded here, not at the top: a server whose /docs nobody opens never pays for swagger-parser at start-up.
  const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
  return (await SwaggerParser.bundle(file)) as unknown as BundledDocument;
}

export async function loadDocsSite(options: DocsSiteOptions): Promise<DocsSite> {
  const dir = swaggerUiDistDir();
  const [document, admin, vendor, version] = await Promise.all([
    bundleDocument(options.document),
    options.admin ? bundleDocument(options.admin) : undefined,
    readSwaggerUiFiles(dir),
    swaggerUiVersion(dir),
  ]);
  const title = titleOf(document, options.title);
  const generated = (name: string, body: string): SiteFile => ({ name, contentType: contentTypeFor(name), body, immutable: false });
  const wanted = new Set(options.flows ?? []);
  const flowsHtml = renderFlowsHtml(FLOWS.filter((f) => wanted.has(f.provider)));
  const index = renderIndexHtml(title, version, { flowsHtml, admin: admin !== undefined });
  const files = new Map<string, SiteFile>();
  const coverage = admin === undefined ? [] : [generated('coverage.js', renderCoverageScript())];
  for (const file of [generated('index.html', index), generated('docs-init.js', renderInitScript()), ...coverage, ...vendor]) {
    files.set(file.name, file);
  }
  const specFileNames = SPEC_FILE_NAMES.filter((name) => admin !== undefined || !name.startsWith('admin-'));
  return {
    title,
    document,
    files,
    specFileNames,
    specFile(name, serverUrl) {
      if (name.startsWith('admin-')) {
        if (!admin) return undefined;
        const served = withServer(admin, serverUrl);
        return generated(name, name === 'admin-spec.js' ? renderAdminSpecScript(served) : `${JSON.stringify(served, null, 2)}\n`);
      }
      const served = withServer(document, serverUrl);
      return generated(name, name === 'spec.js' ? renderSpecScript(served) : `${JSON.stringify(served, null, 2)}\n`);
    },
  };
}
