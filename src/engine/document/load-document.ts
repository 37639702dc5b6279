// Load an OpenAPI 3.0/3.1 document once: parse and validate with swagger-parser (or take the build's), dereference; fail with file, pointer and reason.

import { readFile } from 'node:fs/promises';
import { PREBUILT_DOCUMENTS } from '../../paths.js';
import { readPrebuilt } from '../../prebuilt.js';
import { dereferenceInternal } from './dereference.js';
import { appendSegment } from './json-pointer.js';

export type OpenApiDocument = Record<string, unknown> & {
  openapi: string;
  paths?: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
};

export interface LoadedDocument {
  file: string;
  /** Fully dereferenced document: every $ref replaced by its target (recursive schemas are circular objects). */
  document: OpenApiDocument;
  /** The bundled document ($refs kept): what validators are compiled against. */
  bundled?: OpenApiDocument;
  /** Where each object of `document` sits in `bundled` (a JSON pointer). */
  pointers?: WeakMap<object, string>;
}

/** A document bundled into one and validated, with the files it was read from. */
export interface BundledDocument {
  bundled: OpenApiDocument;
  sources: string[];
}

export class DocumentError extends Error {
  readonly code = 'document.invalid' as const;
  constructor(
    readonly file: string,
    readonly pointer: string,
    readonly reason: string,
  ) {
    super(`${file}${pointer ? `#${pointer}` : ''}: ${reason}`);
    this.name = 'DocumentError';
  }
}

interface ValidationDetail {
  instancePath?: string;
  path?: Array<string | number>;
  message?: string;
  params?: Record<string, unknown>;
}

/** Where a `$ref` that points nowhere is written: the pointer of the first `$ref` with that text in the file. */
async function findRef(file: string, ref: string): Promise<string> {
  try {
    const { parse } = await import('yaml');
    const found = (node: unknown, pointer: string): string | undefined => {
      if (node === null || typeof node !== 'object') return undefined;
      if ((node as Record<string, unknown>)['$ref'] === ref) return `${pointer}/$ref`;
      for (const [key, value] of Object.entries(node)) {
        const hit = found(value, appendSegment(pointer, key));
        if (hit) return hit;
      }
      return undefined;
    };
    return found(parse(await readFile(file, 'utf8')) as unknown, '') ?? '';
  } catch {
    return '';
  }
}

async function describe(file: string, error: unknown): Promise<DocumentError> {
  const err = error as { message?: string; details?: ValidationDetail[]; path?: Array<string | number>; targetRef?: string };
  const detail = err.details?.[0];
  let pointer = detail?.instancePath ?? (Array.isArray(err.path) ? `/${err.path.join('/')}` : '');
  if (!pointer && typeof err.targetRef === 'string') pointer = await findRef(file, err.targetRef);
  const firstLine = (err.message ?? String(error)).split('\n')[0] ?? 'invalid document';
  const reason = detail?.message ? `${detail.message}${detail.params ? ` ${JSON.stringify(detail.params)}` : ''}` : firstLine;
  return new DocumentError(file, pointer, reason);
}

/**
 * Bundle the document's files into one ($refs kept) and validate it against the OpenAPI schema; gives it with the
 * files it was read from. swagger-parser is imported here, not at the top: a start from prebuilt documents never needs it.
 */
export async function bundleDocument(file: string): Promise<BundledDocument> {
  try {
    const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
    const parser = new SwaggerParser();
    const bundled = (await parser.bundle(file)) as unknown as OpenApiDocument;
    await SwaggerParser.validate(withLowerCaseHttpSchemes(structuredClone(bundled)) as never);
    return { bundled, sources: parser.$refs.paths() };
  } catch (error) {
    throw await describe(file, error);
  }
}

/**
 * HTTP authentication scheme names are case-insensitive (RFC 9110 §11.1): `scheme: Bearer` is valid, but the OpenAPI
 * 3.1 meta-schema only knows `bearer` (and refuses its `bearerFormat` otherwise). The copy that is validated says it
 * in lower case.
 */
function withLowerCaseHttpSchemes(document: OpenApiDocument): OpenApiDocument {
  for (const scheme of Object.values(document.components?.['securitySchemes'] ?? {})) {
    const s = scheme as Record<string, unknown> | null;
    if (s && s['type'] === 'http' && typeof s['scheme'] === 'string') s['scheme'] = s['scheme'].toLowerCase();
  }
  return document;
}

export interface LoadOptions {
  /** The folder of documents bundled and validated by the build (scripts/prebuild.mjs): default authmock's own, null for none. */
  prebuilt?: string | null;
}

/** The document in `file`: from the build's output while its files are unchanged, else bundled and validated now. */
export async function loadDocument(file: string, options: LoadOptions = {}): Promise<LoadedDocument> {
  const dir = options.prebuilt === undefined ? PREBUILT_DOCUMENTS : options.prebuilt;
  // Prebuilt: the shipped documents skip importing swagger-parser, bundling and validating (~0.65 s) while their files are unchanged.
  const bundled = (dir ? await readPrebuilt<OpenApiDocument>(file, dir) : undefined) ?? (await bundleDocument(file)).bundled;
  if (typeof bundled.openapi !== 'string' || !/^3\.[01]\./.test(bundled.openapi)) {
    throw new DocumentError(file, '/openapi', 'authmock serves OpenAPI 3.0 and 3.1 documents');
  }
  let dereferenced;
  try {
    dereferenced = dereferenceInternal(bundled);
  } catch (error) {
    throw new DocumentError(file, '', (error as Error).message);
  }
  return { file, document: dereferenced.document as OpenApiDocument, bundled, pointers: dereferenced.pointers };
}
