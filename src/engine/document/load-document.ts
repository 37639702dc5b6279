// Load an OpenAPI 3.0/3.1 document once: parse, validate and dereference with swagger-parser; fail with file, pointer and reason.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ensurePrivateDir, writeCacheFile } from './cache-dir.js';
import { dereferenceInternal } from './dereference.js';

export type OpenApiDocument = Record<string, unknown> & {
  openapi: string;
  paths?: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
};

export interface LoadedDocument {
  file: string;
  /** Fully dereferenced document: every $ref replaced by its target (recursive schemas are circular objects). */
  document: OpenApiDocument;
  /** sha256 of the bundled document: names what was validated and compiled from it. */
  hash: string;
  /** The bundled document ($refs kept): what validators are compiled against. */
  bundled?: OpenApiDocument;
  /** Where each object of `document` sits in `bundled` (a JSON pointer). */
  pointers?: WeakMap<object, string>;
}

export class SpecError extends Error {
  readonly code = 'spec.invalid' as const;
  constructor(
    readonly file: string,
    readonly pointer: string,
    readonly reason: string,
  ) {
    super(`${file}${pointer ? `#${pointer}` : ''}: ${reason}`);
    this.name = 'SpecError';
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
        const hit = found(value, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
        if (hit) return hit;
      }
      return undefined;
    };
    return found(parse(await readFile(file, 'utf8')) as unknown, '') ?? '';
  } catch {
    return '';
  }
}

async function describe(file: string, error: unknown): Promise<SpecError> {
  const err = error as { message?: string; details?: ValidationDetail[]; path?: Array<string | number>; targetRef?: string };
  const detail = err.details?.[0];
  let pointer = detail?.instancePath ?? (Array.isArray(err.path) ? `/${err.path.join('/')}` : '');
  if (!pointer && typeof err.targetRef === 'string') pointer = await findRef(file, err.targetRef);
  const firstLine = (err.message ?? String(error)).split('\n')[0] ?? 'invalid document';
  const reason = detail?.message ? `${detail.message}${detail.params ? ` ${JSON.stringify(detail.params)}` : ''}` : firstLine;
  return new SpecError(file, pointer, reason);
}

export interface LoadOptions {
  /**
   * Where to remember documents that passed validation (~1 s of swagger-parser work), with the hash of every file
   * they are made of; a document that changes in any file is validated again. Null turns the cache off.
   */
  cacheDir?: string | null;
}

interface CacheEntry {
  format: 'authmock-spec-cache';
  version: 1;
  files: Array<{ path: string; sha256: string }>;
  bundled: OpenApiDocument;
}

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const entryPath = (dir: string, file: string): string => join(dir, `spec-${sha256(resolve(file)).slice(0, 32)}.json`);

async function fromCache(dir: string, file: string): Promise<OpenApiDocument | undefined> {
  try {
    const entry = JSON.parse(await readFile(entryPath(dir, file), 'utf8')) as CacheEntry;
    if (entry.format !== 'authmock-spec-cache' || entry.version !== 1) return undefined;
    // All files read at once: a document of a thousand files (DigitalOcean) is checked in one round of reads.
    const same = await Promise.all(entry.files.map(async (f) => sha256(await readFile(f.path)) === f.sha256));
    return same.every(Boolean) ? entry.bundled : undefined;
  } catch {
    return undefined;
  }
}

async function toCache(dir: string, file: string, files: string[], bundled: OpenApiDocument): Promise<void> {
  try {
    const entry: CacheEntry = {
      format: 'authmock-spec-cache',
      version: 1,
      files: await Promise.all(files.map(async (path) => ({ path, sha256: sha256(await readFile(path)) }))),
      bundled,
    };
    await writeCacheFile(entryPath(dir, file), JSON.stringify(entry));
  } catch {
    // A cache that cannot be written only costs the next start its speed.
  }
}

async function validateFresh(file: string): Promise<{ bundled: OpenApiDocument; files: string[] }> {
  // Loaded only when the cache cannot answer: swagger-parser and its YAML parser are a third of a cold start.
  const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
  const parser = new SwaggerParser();
  const bundled = (await parser.bundle(file)) as unknown as OpenApiDocument;
  const files = parser.$refs.paths().filter((p) => !/^https?:/.test(p));
  await SwaggerParser.validate(withLowerCaseHttpSchemes(structuredClone(bundled)) as never);
  return { bundled, files };
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

export async function loadDocument(file: string, options: LoadOptions = {}): Promise<LoadedDocument> {
  const dir = options.cacheDir === undefined ? null : options.cacheDir;
  const usable = dir !== null && (await ensurePrivateDir(dir));
  let bundled = usable ? await fromCache(dir, file) : undefined;
  if (!bundled) {
    let fresh;
    try {
      fresh = await validateFresh(file);
    } catch (error) {
      throw await describe(file, error);
    }
    bundled = fresh.bundled;
    if (usable) await toCache(dir, file, fresh.files, bundled);
  }
  if (typeof bundled.openapi !== 'string' || !/^3\.[01]\./.test(bundled.openapi)) {
    throw new SpecError(file, '/openapi', 'authmock serves OpenAPI 3.0 and 3.1 documents');
  }
  const hash = sha256(JSON.stringify(bundled));
  let dereferenced;
  try {
    dereferenced = dereferenceInternal(bundled);
  } catch (error) {
    throw new SpecError(file, '', (error as Error).message);
  }
  return { file, document: dereferenced.document as OpenApiDocument, hash, bundled, pointers: dereferenced.pointers };
}
