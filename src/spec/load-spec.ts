// Load an OpenAPI 3.0/3.1 document once: parse, validate and dereference with swagger-parser; fail with file, pointer and reason.

import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';

export type OpenApiDocument = Record<string, unknown> & {
  openapi: string;
  paths?: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
};

export interface LoadedSpec {
  file: string;
  /** Fully dereferenced document: every $ref replaced by its target. */
  document: OpenApiDocument;
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

function describe(file: string, error: unknown): SpecError {
  const err = error as { message?: string; details?: ValidationDetail[]; path?: Array<string | number> };
  const detail = err.details?.[0];
  const pointer = detail?.instancePath ?? (Array.isArray(err.path) ? `/${err.path.join('/')}` : '');
  const firstLine = (err.message ?? String(error)).split('\n')[0] ?? 'invalid document';
  const reason = detail?.message ? `${detail.message}${detail.params ? ` ${JSON.stringify(detail.params)}` : ''}` : firstLine;
  return new SpecError(file, pointer, reason);
}

export interface LoadOptions {
  /**
   * Where to remember documents that passed the (slow, ~1 s) JSON Schema validation, by a hash of every file they
   * are made of. A document that changes in any file is validated again. Null turns the cache off.
   */
  cacheDir?: string | null;
}

const defaultCacheDir = (): string => join(tmpdir(), 'authmock-cache');

async function validatedBefore(cacheDir: string | null, hash: string): Promise<boolean> {
  if (!cacheDir) return false;
  return readFile(join(cacheDir, `${hash}.ok`), 'utf8').then(
    (text) => text === hash,
    () => false,
  );
}

async function remember(cacheDir: string | null, hash: string): Promise<void> {
  if (!cacheDir) return;
  await mkdir(cacheDir, { recursive: true })
    .then(() => writeFile(join(cacheDir, `${hash}.ok`), hash))
    .catch(() => undefined); // a read-only disk only costs the next start its speed
}

export async function loadSpec(file: string, options: LoadOptions = {}): Promise<LoadedSpec> {
  const cacheDir = options.cacheDir === undefined ? defaultCacheDir() : options.cacheDir;
  let document: OpenApiDocument;
  try {
    const parser = new SwaggerParser();
    const $refs = await parser.resolve(file);
    const hash = createHash('sha256');
    hash.update(`swagger-parser/${SwaggerParser.name}\0`);
    for (const path of $refs.paths()) hash.update(`${path}\0${JSON.stringify($refs.get(`${path}#`))}\0`);
    const digest = hash.digest('hex');
    const skipSchema = await validatedBefore(cacheDir, digest);
    document = (await parser.validate(file, { validate: { schema: !skipSchema, spec: true } })) as unknown as OpenApiDocument;
    if (!skipSchema) await remember(cacheDir, digest);
  } catch (error) {
    throw describe(file, error);
  }
  if (typeof document.openapi !== 'string' || !/^3\.[01]\./.test(document.openapi)) {
    throw new SpecError(file, '/openapi', 'authmock serves OpenAPI 3.0 and 3.1 documents');
  }
  return { file, document };
}
