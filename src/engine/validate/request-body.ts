// Validate a parsed request body against the operation's media types, compiled once per operation (pure).

import { MockError } from '../errors.js';
import type { MediaSpec, Operation } from '../types.js';
import { toViolation, type AjvSet, type ValidateFunction } from './ajv.js';
import { isJsonMediaType, mediaTypeOf, withFilesAsText } from './parse-body.js';

export interface BodyValidator {
  /** Media types the operation accepts (lower case). */
  readonly mediaTypes: ReadonlyArray<string>;
  readonly required: boolean;
  (mediaType: string | undefined, body: unknown): void;
}

/**
 * The declared media type that serves a request's media type: exact, then `+json` ≈ JSON, then wildcards. Parameters
 * (`application/json; charset=utf-8`) are ignored on both sides.
 */
export function matchMediaType<T extends { mediaType: string }>(declared: ReadonlyArray<T>, actual: string): T | undefined {
  const bare = mediaTypeOf(actual) ?? actual;
  const base = (m: T): string => mediaTypeOf(m.mediaType) ?? m.mediaType;
  const exact = declared.find((m) => m.mediaType === actual) ?? declared.find((m) => base(m) === bare);
  if (exact) return exact;
  if (isJsonMediaType(bare)) {
    const json = declared.find((m) => isJsonMediaType(base(m)));
    if (json) return json;
  }
  const [type] = bare.split('/');
  return declared.find((m) => base(m) === `${type}/*`) ?? declared.find((m) => base(m) === '*/*');
}

const needsCoercion = (mediaType: string): boolean =>
  mediaType === 'application/x-www-form-urlencoded' || mediaType === 'multipart/form-data';

export function compileRequestBody(op: Operation, ajv: AjvSet): BodyValidator | undefined {
  const body = op.requestBody;
  if (!body) return undefined;
  const compiled = new Map<MediaSpec, ValidateFunction | undefined>();
  for (const media of body.content) {
    compiled.set(
      media,
      media.schema === undefined ? undefined : (needsCoercion(media.mediaType) ? ajv.coercing : ajv.strict).compile(media.schema as object),
    );
  }
  const mediaTypes = body.content.map((m) => m.mediaType);
  const validator = (mediaType: string | undefined, value: unknown): void => {
    if (value === undefined) {
      if (body.required) throw new MockError('request.body_missing', `this operation needs a body (${mediaTypes.join(' or ')})`, { pointer: '/body' });
      return;
    }
    const media = mediaType ? matchMediaType(body.content, mediaType) : undefined;
    if (!media) {
      throw new MockError('request.content_type', `Content-Type ${mediaType ?? '(none)'} is not accepted here; send ${mediaTypes.join(' or ')}`, {
        pointer: '/headers/content-type',
      });
    }
    const validate = compiled.get(media);
    // A multipart body's uploaded files are validated as their file names (see withFilesAsText).
    if (validate && !(mediaType === 'multipart/form-data' ? withFilesAsText(value, () => validate(value)) : validate(value))) {
      const { pointer, detail } = toViolation(validate.errors, '/body');
      throw new MockError('request.body_invalid', `request body ${detail.replace(/^\/body\/?/, '/')}`, { pointer });
    }
  };
  return Object.assign(validator, { mediaTypes, required: body.required });
}
