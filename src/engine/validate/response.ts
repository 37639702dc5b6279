// Check every response against the document: status declared, required headers, content type and body schema (pure).

import type { MockResponse, Operation, ResponseSpec } from '../types.js';
import { compileValue, toViolation, type AjvSet, type ValidateFunction } from './ajv.js';
import { matchMediaType } from './request-body.js';
import { isJsonMediaType, mediaTypeOf } from './parse-body.js';

export interface ResponseViolation {
  pointer: string;
  detail: string;
}

export type ResponseValidator = (res: MockResponse, contentType: string | undefined) => ResponseViolation | undefined;

interface CompiledResponse {
  status: string;
  spec: ResponseSpec;
  bodies: Map<string, ValidateFunction | undefined>;
  headers: Array<{ name: string; required: boolean; validate: ValidateFunction }>;
}

/** The response object that documents a status: exact code, then `4XX`, then `default`. */
export function findResponse<T extends { status: string }>(responses: ReadonlyArray<T>, status: number): T | undefined {
  const code = String(status);
  return (
    responses.find((r) => r.status === code) ??
    responses.find((r) => r.status === `${code[0]}XX`) ??
    responses.find((r) => r.status === 'DEFAULT')
  );
}

/** Whether a schema can describe a string as it stands (a `type` that names string, or no type at all). */
function describesString(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return schema !== false;
  const type = (schema as Record<string, unknown>)['type'];
  return type === undefined ? !('properties' in schema) : type === 'string' || (Array.isArray(type) && type.includes('string'));
}

/** A response header by its lower-case name, whatever case the handler wrote it in. */
function headerValue(headers: Readonly<Record<string, string>>, lowerName: string): string | undefined {
  if (Object.hasOwn(headers, lowerName)) return headers[lowerName];
  for (const name in headers) if (name.toLowerCase() === lowerName) return headers[name];
  return undefined;
}

export function compileResponses(op: Operation, ajv: AjvSet): ResponseValidator {
  const compiled: CompiledResponse[] = op.responses.map((spec) => ({
    status: spec.status,
    spec,
    bodies: new Map(spec.content.map((m) => [m.mediaType, m.schema === undefined ? undefined : ajv.response.compile(m.schema as object)])),
    headers: spec.headers
      .filter((h) => h.name !== 'content-type')
      .map((h) => ({ name: h.name, required: h.required, validate: compileValue(ajv.coercing, h.schema, false) })),
  }));
  // The documented response for each status sent, looked up once per status (exact, then 4XX, then default).
  const byStatus = new Map<number, CompiledResponse | null>();
  const entryFor = (status: number): CompiledResponse | undefined => {
    let entry = byStatus.get(status);
    if (entry === undefined) {
      entry = findResponse(compiled, status) ?? null;
      if (byStatus.size < 1000) byStatus.set(status, entry);
    }
    return entry ?? undefined;
  };
  return (res, contentType) => {
    const entry = entryFor(res.status);
    if (!entry) return { pointer: '/status', detail: `status ${res.status} is not documented for ${op.operationId}` };
    const headers = res.headers;
    for (const h of entry.headers) {
      const actual = headers ? headerValue(headers, h.name) : undefined;
      if (actual === undefined) {
        if (h.required) return { pointer: `/headers/${h.name}`, detail: `required response header ${h.name} is missing` };
        continue;
      }
      if (!h.validate({ value: actual })) return toViolation(h.validate.errors, `/headers/${h.name}`);
    }
    const hasBody = res.body !== undefined && res.body !== '';
    if (!hasBody) return undefined;
    if (entry.spec.content.length === 0) return { pointer: '/body', detail: `status ${res.status} of ${op.operationId} documents no body` };
    const mediaType = mediaTypeOf(contentType);
    const media = mediaType
      ? matchMediaType(entry.spec.content, mediaType)
      : entry.spec.content.find((m) => m.mediaType.startsWith('text/')) ?? entry.spec.content[0];
    if (!media) return { pointer: '/headers/content-type', detail: `content type ${mediaType} is not documented for status ${res.status}` };
    const validate = entry.bodies.get(media.mediaType);
    // Text in a media type that is not JSON (XML, CSV) is not parsed: only a schema of a string can judge it.
    if (typeof res.body === 'string' && !isJsonMediaType(mediaTypeOf(media.mediaType) ?? '') && !describesString(media.schema)) return undefined;
    if (validate && !validate(res.body)) return toViolation(validate.errors, '/body');
    return undefined;
  };
}
