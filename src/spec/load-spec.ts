// Load an OpenAPI 3.0/3.1 document once: parse, validate and dereference with swagger-parser; fail with file, pointer and reason.

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

export async function loadSpec(file: string): Promise<LoadedSpec> {
  let document: OpenApiDocument;
  try {
    document = (await SwaggerParser.validate(file)) as unknown as OpenApiDocument;
  } catch (error) {
    throw describe(file, error);
  }
  if (typeof document.openapi !== 'string' || !/^3\.[01]\./.test(document.openapi)) {
    throw new SpecError(file, '/openapi', 'authmock serves OpenAPI 3.0 and 3.1 documents');
  }
  return { file, document };
}
