// Parse a request body by media type (JSON, Rails-style forms, multipart), refusing what could poison state (pure).

import { MockError } from '../errors.js';

type Obj = Record<string, unknown>;

export interface ParsedBody {
  mediaType: string;
  value: unknown;
}

export interface ParseOptions {
  /** Deepest nesting of arrays/objects allowed. */
  maxDepth: number;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function mediaTypeOf(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const semi = contentType.indexOf(';');
  return (semi === -1 ? contentType : contentType.slice(0, semi)).trim().toLowerCase() || undefined;
}

export const isJsonMediaType = (mediaType: string): boolean =>
  mediaType === 'application/json' || (mediaType.startsWith('application/') && mediaType.endsWith('+json'));

/** Depth of bracket nesting outside strings, found in one pass before JSON.parse sees the text. */
function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) max = depth;
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}

function rejectProtoKeys(value: unknown, pointer: string): void {
  if (Array.isArray(value)) value.forEach((v, i) => rejectProtoKeys(v, `${pointer}/${i}`));
  else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (key === '__proto__') {
        throw new MockError('request.body_malformed', `${pointer}/__proto__ is a forbidden key`, { pointer: `${pointer}/__proto__` });
      }
      rejectProtoKeys((value as Obj)[key], `${pointer}/${key}`);
    }
  }
}

function parseJson(text: string, options: ParseOptions): unknown {
  if (text.trim() === '') return undefined;
  if (jsonDepth(text) > options.maxDepth) {
    throw new MockError('request.body_too_deep', `JSON body nests deeper than ${options.maxDepth} levels`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new MockError('request.body_malformed', `body is not valid JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  if (text.includes('"__proto__"')) rejectProtoKeys(value, '');
  return value;
}

/** `account[login]=x&tags[]=a&tags[]=b` → `{account:{login:'x'}, tags:['a','b']}`; a repeated plain key becomes an array. */
export function parseRailsForm(text: string, options: ParseOptions): Obj {
  const root = Object.create(null) as Obj;
  for (const [key, value] of new URLSearchParams(text)) assignPath(root, key, value, options);
  return root;
}

function splitKey(key: string): string[] {
  const first = key.indexOf('[');
  if (first <= 0 || !key.endsWith(']')) return [key];
  const head = key.slice(0, first);
  const rest = key.slice(first + 1, -1).split('][');
  return [head, ...rest];
}

function assignPath(root: Obj, key: string, value: unknown, options: ParseOptions): void {
  const parts = splitKey(key);
  if (parts.length > options.maxDepth) {
    throw new MockError('request.body_too_deep', `form field nests deeper than ${options.maxDepth} levels`);
  }
  for (const part of parts) {
    if (FORBIDDEN_KEYS.has(part)) {
      throw new MockError('request.body_malformed', `form field name uses the forbidden key '${part}'`, { pointer: `/${part}` });
    }
  }
  let node: Obj = root;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const last = i === parts.length - 1;
    const nextIsArray = parts[i + 1] === '';
    if (part === '') continue; // handled by the parent as an array push
    if (last) {
      const existing = node[part];
      // Push in place: copying the array for each repeated key made a long `a[]=...` form quadratic.
      if (Array.isArray(existing)) existing.push(value);
      else node[part] = existing === undefined ? value : [existing, value];
    } else if (nextIsArray && i + 1 === parts.length - 1) {
      const existing = node[part];
      if (Array.isArray(existing)) existing.push(value);
      else node[part] = existing === undefined ? [value] : [existing, value];
      return;
    } else {
      const child = node[part];
      if (child === undefined) node = node[part] = Object.create(null) as Obj;
      else if (typeof child === 'object' && child !== null && !Array.isArray(child)) node = child as Obj;
      else throw new MockError('request.body_malformed', `form field '${key}' conflicts with another field of the same name`);
    }
  }
}

/** A file part of a multipart body, kept as metadata only: the mock never stores uploaded bytes. */
export class MultipartFile {
  constructor(
    readonly filename: string,
    /** The part's own Content-Type, lower-cased, or `application/octet-stream` when it sent none (RFC 7578 §4.4). */
    readonly contentType: string,
    readonly size: number,
  ) {}
  /** How a file appears in the request log and in JSON: its metadata. */
  toJSON(): { filename: string; content_type: string; size: number } {
    return { filename: this.filename, content_type: this.contentType, size: this.size };
  }
}

export const isMultipartFile = (value: unknown): value is MultipartFile => value instanceof MultipartFile;

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');
/** RFC 2046 §5.1.1: 1 to 70 characters from this set, not ending in a space. */
const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;
/** A part's header block larger than this is refused (Rack and busboy cap it similarly). */
const MAX_PART_HEADER_BYTES = 8 * 1024;

const malformed = (detail: string, pointer = '/body'): MockError => new MockError('request.body_malformed', `multipart body: ${detail}`, { pointer });

/** One parameter of a header value (`name="x"`, `name=x`, RFC 5987 `filename*=UTF-8''x`), or undefined. */
export function headerParameter(value: string, name: string): string | undefined {
  const pattern = /;\s*([^\s=;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
  let plain: string | undefined;
  let extended: string | undefined;
  for (let m = pattern.exec(value); m; m = pattern.exec(value)) {
    const key = m[1]!.toLowerCase();
    // Only `\"` is unescaped: browsers send Windows paths (`C:\photos\me.png`) with bare backslashes.
    const raw = m[2] !== undefined ? m[2].replace(/\\"/g, '"') : m[3]!.trim();
    if (key === name && plain === undefined) plain = raw;
    else if (key === `${name}*` && extended === undefined) {
      const star = /^([^']*)'[^']*'(.*)$/.exec(raw);
      try {
        extended = star ? decodeURIComponent(star[2]!) : undefined;
      } catch {
        throw malformed(`the ${name}* parameter is not valid percent-encoding`);
      }
    }
  }
  return extended ?? plain;
}

/** The boundary of a `multipart/form-data` Content-Type, checked against RFC 2046. */
export function multipartBoundary(contentType: string): string {
  const boundary = headerParameter(contentType.slice(contentType.indexOf(';') === -1 ? contentType.length : contentType.indexOf(';')), 'boundary');
  if (boundary === undefined || boundary === '') throw malformed('the Content-Type has no boundary parameter', '/headers/content-type');
  if (!BOUNDARY.test(boundary)) throw malformed('the boundary parameter is not 1 to 70 allowed characters (RFC 2046)', '/headers/content-type');
  return boundary;
}

function readPartHeaders(block: Buffer, index: number): { name: string; filename: string | undefined; contentType: string | undefined } {
  let disposition: string | undefined;
  let contentType: string | undefined;
  for (const line of block.toString('utf8').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw malformed(`part ${index} has a header line without a name and a colon`);
    const header = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (header === 'content-disposition') disposition = value;
    else if (header === 'content-type') contentType = value;
  }
  if (disposition === undefined || !/^form-data\s*(;|$)/i.test(disposition)) {
    throw malformed(`part ${index} has no Content-Disposition: form-data header`);
  }
  const name = headerParameter(disposition, 'name');
  if (name === undefined || name === '') throw malformed(`part ${index} has no name in its Content-Disposition`);
  return { name, filename: headerParameter(disposition, 'filename'), contentType };
}

/**
 * A `multipart/form-data` body (RFC 7578) as nested fields, Rails brackets applied to the part names: text parts
 * become strings, file parts (a `filename` parameter) become {@link MultipartFile} metadata. A file field sent empty
 * (`filename=""`, no bytes: a form whose file input was left empty) is left out, as Rack does. The body is already
 * bounded by the body limit; every way it can be broken is a `request.body_malformed` naming the part.
 */
export function parseMultipart(body: Buffer, contentType: string, options: ParseOptions): Obj {
  const boundary = multipartBoundary(contentType);
  const delimiter = Buffer.from(`--${boundary}`);
  const next = Buffer.from(`\r\n--${boundary}`);
  const root = Object.create(null) as Obj;
  // The first delimiter may follow a preamble, which is ignored (RFC 2046 §5.1.1).
  let at = body.subarray(0, delimiter.length).equals(delimiter) ? 0 : body.indexOf(next);
  if (at === -1) throw malformed('it does not contain its boundary');
  if (at > 0) at += 2;
  for (let index = 1; ; index++) {
    at += delimiter.length;
    if (body[at] === 0x2d && body[at + 1] === 0x2d) return root; // `--`: the close delimiter; the epilogue is ignored
    // Transport padding (spaces, tabs) may follow a delimiter before its CRLF.
    while (body[at] === 0x20 || body[at] === 0x09) at++;
    if (!body.subarray(at, at + 2).equals(CRLF)) throw malformed(`part ${index} does not start on a new line after the boundary`);
    at += 2;
    const end = body.indexOf(next, at);
    if (end === -1) throw malformed(`part ${index} is truncated (no closing boundary)`);
    const part = body.subarray(at, end);
    const split = part.subarray(0, 2).equals(CRLF) ? 0 : part.indexOf(HEADER_END);
    if (split === -1) throw malformed(`part ${index} has no blank line after its headers`);
    if (split > MAX_PART_HEADER_BYTES) throw malformed(`part ${index} has more than ${MAX_PART_HEADER_BYTES} bytes of headers`);
    const head = readPartHeaders(part.subarray(0, split), index);
    const content = part.subarray(split === 0 ? 2 : split + 4);
    if (head.filename === undefined) assignPath(root, head.name, content.toString('utf8'), options);
    else if (head.filename !== '' || content.length > 0) {
      const type = head.contentType?.split(';')[0]?.trim().toLowerCase() || 'application/octet-stream';
      assignPath(root, head.name, new MultipartFile(head.filename.replace(/^.*[\\/]/, ''), type, content.length), options);
    }
    at = end + 2;
  }
}

/**
 * Run `validate` with each uploaded file seen as its file name, then put the files back: a schema describes a file
 * part as `type: string, format: binary` (OpenAPI 3.0) or by `contentMediaType` (3.1), and both accept a string,
 * while handlers keep the metadata. In place, so that type coercion of the other fields still reaches the body.
 */
export function withFilesAsText<T>(value: unknown, validate: () => T): T {
  const swapped: Array<[Obj | unknown[], string | number, MultipartFile]> = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach((v, i) => (isMultipartFile(v) ? swapped.push([node, i, v]) : visit(v)));
    } else if (node !== null && typeof node === 'object' && !isMultipartFile(node)) {
      for (const key of Object.keys(node)) {
        const v = (node as Obj)[key];
        if (isMultipartFile(v)) swapped.push([node as Obj, key, v]);
        else visit(v);
      }
    }
  };
  visit(value);
  if (swapped.length === 0) return validate();
  for (const [parent, key, file] of swapped) (parent as Obj)[key as string] = file.filename;
  try {
    return validate();
  } finally {
    for (const [parent, key, file] of swapped) (parent as Obj)[key as string] = file;
  }
}

export function parseBody(raw: Buffer, contentType: string | undefined, options: ParseOptions): ParsedBody | undefined {
  const mediaType = mediaTypeOf(contentType);
  if (raw.length === 0) return undefined;
  if (!mediaType) throw new MockError('request.content_type', 'a request body was sent without a Content-Type header');
  if (isJsonMediaType(mediaType)) return { mediaType, value: parseJson(raw.toString('utf8'), options) };
  if (mediaType === 'application/x-www-form-urlencoded') return { mediaType, value: parseRailsForm(raw.toString('utf8'), options) };
  if (mediaType === 'multipart/form-data') return { mediaType, value: parseMultipart(raw, contentType!, options) };
  if (mediaType.startsWith('text/')) return { mediaType, value: raw.toString('utf8') };
  return { mediaType, value: raw };
}
