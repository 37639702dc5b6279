// The Swagger UI files the docs site needs, read from the installed swagger-ui-dist package (no CDN, works offline).

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface SiteFile {
  /** File name inside the site, e.g. `swagger-ui.css`. */
  name: string;
  contentType: string;
  body: string | Buffer;
  /** Vendor files never change for one installed version; generated ones may change with the document. */
  immutable: boolean;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/** The content type of a site file, from its extension (files without one, like LICENSE, are plain text). */
export function contentTypeFor(name: string): string {
  const dot = name.lastIndexOf('.');
  return (dot === -1 ? undefined : CONTENT_TYPES[name.slice(dot)]) ?? 'text/plain; charset=utf-8';
}

/**
 * The files copied from swagger-ui-dist: the bundle (core and the APIs preset), its stylesheet, the favicons and the
 * licence. The standalone preset (the top bar that loads other URLs) is left out: the site shows one document.
 */
export const SWAGGER_UI_FILES = [
  'swagger-ui-bundle.js',
  'swagger-ui.css',
  'favicon-32x32.png',
  'favicon-16x16.png',
  'LICENSE',
  'NOTICE',
] as const;

/** The folder of the installed swagger-ui-dist package. */
export function swaggerUiDistDir(): string {
  return dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
}

/** The installed swagger-ui-dist version (shown in the page footer and used to tell cached copies apart). */
export async function swaggerUiVersion(dir = swaggerUiDistDir()): Promise<string> {
  const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}

/** Read every vendor file once (about 2 MB). */
export async function readSwaggerUiFiles(dir = swaggerUiDistDir()): Promise<SiteFile[]> {
  return Promise.all(
    SWAGGER_UI_FILES.map(async (name) => ({
      name,
      contentType: contentTypeFor(name),
      body: await readFile(join(dir, name)),
      immutable: true,
    })),
  );
}
