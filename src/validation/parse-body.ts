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

function assignPath(root: Obj, key: string, value: string, options: ParseOptions): void {
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
      node[part] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
    } else if (nextIsArray && i + 1 === parts.length - 1) {
      const existing = node[part];
      node[part] = Array.isArray(existing) ? [...existing, value] : existing === undefined ? [value] : [existing, value];
      return;
    } else {
      const child = node[part];
      if (child === undefined) node = node[part] = Object.create(null) as Obj;
      else if (typeof child === 'object' && child !== null && !Array.isArray(child)) node = child as Obj;
      else throw new MockError('request.body_malformed', `form field '${key}' conflicts with another field of the same name`);
    }
  }
}

/** Text fields of a multipart body (files become `{filename, size}`), Rails brackets applied to names. */
export function parseMultipart(body: Buffer, contentType: string, options: ParseOptions): Obj {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw new MockError('request.body_malformed', 'multipart body without a boundary parameter');
  const root = Object.create(null) as Obj;
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  if (start === -1) throw new MockError('request.body_malformed', 'multipart body does not contain its boundary');
  for (;;) {
    start += delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next === -1) throw new MockError('request.body_malformed', 'multipart body is truncated (no closing boundary)');
    const part = body.subarray(start + 2, next - 2); // skip CRLF after the boundary and before the next
    const split = part.indexOf('\r\n\r\n');
    if (split === -1) throw new MockError('request.body_malformed', 'multipart part without headers');
    const head = part.subarray(0, split).toString('latin1');
    const content = part.subarray(split + 4);
    const disposition = /content-disposition:[^\r\n]*?\bname="([^"]*)"(?:[^\r\n]*?\bfilename="([^"]*)")?/i.exec(head);
    if (!disposition) throw new MockError('request.body_malformed', 'multipart part without a Content-Disposition name');
    const name = disposition[1]!;
    const filename = disposition[2];
    if (filename !== undefined) {
      const file = { filename, size: content.length };
      assignPath(root, name, JSON.stringify(file), options);
    } else {
      assignPath(root, name, content.toString('utf8'), options);
    }
    start = next;
  }
  return root;
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
