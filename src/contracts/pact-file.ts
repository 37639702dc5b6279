// Read pact files of any specification (V2, V3, V4) into one plain shape: HTTP interactions, their states and parsed bodies.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isJsonMediaType, isMultipartFile, mediaTypeOf, parseMultipart, parseRailsForm } from '../engine/validate/parse-body.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface PactState {
  name: string;
  params: Readonly<Record<string, unknown>>;
}

export interface PactBody {
  /** The media type (no parameters) from the Content-Type header or the V4 body, if any. */
  mediaType: string | undefined;
  /** JSON value, Rails-nested form object, or text; matchers' example values as the pact stores them. */
  value: unknown;
}

export interface PactHttpMessage {
  /** Lower-case names; a repeated header gives an array. */
  headers: Record<string, string | string[]>;
  body: PactBody | undefined;
}

export interface PactRequest extends PactHttpMessage {
  method: string;
  /** Path without the query string, as the pact stores it. */
  path: string;
  /** Query parameters; a repeated name gives an array. */
  query: Record<string, string | string[]>;
}

export interface PactResponse extends PactHttpMessage {
  status: number;
}

export interface PactInteraction {
  /** Position in the pact file's `interactions` array. */
  index: number;
  description: string;
  states: ReadonlyArray<PactState>;
  /** Undefined for non-HTTP interactions (V4 messages), which authmock does not serve. */
  request: PactRequest | undefined;
  response: PactResponse | undefined;
}

export interface PactFile {
  file: string;
  consumer: string;
  provider: string;
  /** '2.0.0', '3.0.0', '4.0' ... as the metadata says ('' when missing). */
  specification: string;
  interactions: PactInteraction[];
}

export class PactFileError extends Error {
  readonly code = 'pact.invalid' as const;
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'PactFileError';
  }
}

function toHeaders(raw: unknown): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  if (!isObj(raw)) return out;
  for (const [name, value] of Object.entries(raw)) {
    const values = (Array.isArray(value) ? value : [value]).map((v) => String(v));
    const key = name.toLowerCase();
    const previous = out[key];
    const all = previous === undefined ? values : [...(Array.isArray(previous) ? previous : [previous]), ...values];
    out[key] = all.length === 1 ? all[0]! : all;
  }
  return out;
}

function toQuery(raw: unknown, pathQuery: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  const add = (name: string, value: string): void => {
    const previous = out[name];
    out[name] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  };
  if (pathQuery) for (const [k, v] of new URLSearchParams(pathQuery)) add(k, v);
  if (typeof raw === 'string') for (const [k, v] of new URLSearchParams(raw)) add(k, v);
  else if (isObj(raw)) for (const [k, v] of Object.entries(raw)) for (const item of Array.isArray(v) ? v : [v]) add(k, String(item));
  return out;
}

function parseText(text: string, mediaType: string | undefined): unknown {
  if (mediaType && isJsonMediaType(mediaType)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  if (mediaType === 'application/x-www-form-urlencoded') {
    try {
      return parseRailsForm(text, { maxDepth: 32 });
    } catch {
      return text; // a field name the mock would refuse; the request check reports the body as it is
    }
  }
  return text;
}

/** Files as the body validator sees them, their names (a checked body is cloned, which would lose their class). */
function filesAsNames(value: unknown): unknown {
  if (isMultipartFile(value)) return value.filename;
  if (Array.isArray(value)) return value.map(filesAsNames);
  if (isObj(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, filesAsNames(v)]));
  return value;
}

/** A multipart body as the mock reads it; pacts store it base64-encoded (or as its text). Unreadable: the text. */
function parseMultipartText(text: string, contentType: string | undefined): unknown {
  const raw = Buffer.from(text, 'latin1');
  const decoded = /^[A-Za-z0-9+/=\s]+$/.test(text) ? Buffer.from(text, 'base64') : raw;
  try {
    return filesAsNames(parseMultipart(decoded.subarray(0, 2).toString() === '--' ? decoded : raw, contentType ?? '', { maxDepth: 32 }));
  } catch {
    return text;
  }
}

/** V2/V3: the body is the JSON value itself (or a string for text and forms). V4: `{content, contentType, encoded}`. */
function toBody(raw: unknown, headers: Record<string, string | string[]>, v4: boolean): PactBody | undefined {
  const headerType = headers['content-type'];
  let mediaType = mediaTypeOf(Array.isArray(headerType) ? headerType[0] : headerType);
  const contentType = Array.isArray(headerType) ? headerType[0] : headerType;
  if (mediaType === 'multipart/form-data') {
    const content = v4 && isObj(raw) ? raw['content'] : raw;
    if (typeof content === 'string' && content !== '') return { mediaType, value: parseMultipartText(content, contentType) };
  }
  if (v4) {
    if (!isObj(raw) || !('content' in raw)) return undefined;
    mediaType ??= mediaTypeOf(typeof raw['contentType'] === 'string' ? raw['contentType'] : undefined);
    const content = raw['content'];
    if (raw['encoded'] === 'base64' && typeof content === 'string') return { mediaType, value: parseText(Buffer.from(content, 'base64').toString('utf8'), mediaType) };
    if (typeof content === 'string' && raw['encoded'] === 'json') return { mediaType, value: parseText(content, 'application/json') };
    return { mediaType, value: typeof content === 'string' ? parseText(content, mediaType) : content };
  }
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'string') {
    if (raw === '') return undefined;
    return { mediaType, value: parseText(raw, mediaType) };
  }
  return { mediaType: mediaType ?? 'application/json', value: raw };
}

function toStates(raw: Obj): PactState[] {
  if (Array.isArray(raw['providerStates'])) {
    return raw['providerStates'].filter(isObj).map((s) => ({
      name: String(s['name'] ?? ''),
      params: isObj(s['params']) ? s['params'] : {},
    }));
  }
  if (typeof raw['providerState'] === 'string' && raw['providerState'] !== '') return [{ name: raw['providerState'], params: {} }];
  return [];
}

function toInteraction(raw: unknown, index: number, v4: boolean): PactInteraction {
  const item = isObj(raw) ? raw : {};
  const description = typeof item['description'] === 'string' ? item['description'] : `interaction #${index}`;
  const states = toStates(item);
  const isHttp = !v4 || item['type'] === undefined || item['type'] === 'Synchronous/HTTP';
  if (!isHttp || !isObj(item['request']) || !isObj(item['response'])) return { index, description, states, request: undefined, response: undefined };
  const req = item['request'];
  const res = item['response'];
  const rawPath = typeof req['path'] === 'string' ? req['path'] : '/';
  const q = rawPath.indexOf('?');
  const requestHeaders = toHeaders(req['headers']);
  const responseHeaders = toHeaders(res['headers']);
  return {
    index,
    description,
    states,
    request: {
      method: String(req['method'] ?? 'GET').toUpperCase(),
      path: q === -1 ? rawPath : rawPath.slice(0, q),
      query: toQuery(req['query'], q === -1 ? '' : rawPath.slice(q + 1)),
      headers: requestHeaders,
      body: toBody(req['body'], requestHeaders, v4),
    },
    response: {
      status: typeof res['status'] === 'number' ? res['status'] : Number(res['status'] ?? 200),
      headers: responseHeaders,
      body: toBody(res['body'], responseHeaders, v4),
    },
  };
}

function specificationOf(json: Obj): string {
  const metadata = isObj(json['metadata']) ? json['metadata'] : {};
  for (const key of ['pactSpecification', 'pact-specification']) {
    const spec = metadata[key];
    if (isObj(spec) && typeof spec['version'] === 'string') return spec['version'];
  }
  return typeof metadata['pactSpecificationVersion'] === 'string' ? metadata['pactSpecificationVersion'] : '';
}

/** A parsed pact document (already JSON) in the common shape; throws PactFileError when it is not a pact. */
export function parsePact(file: string, json: unknown): PactFile {
  if (!isObj(json)) throw new PactFileError(file, 'not a JSON object');
  const interactions = json['interactions'] ?? json['messages'];
  if (!Array.isArray(interactions)) throw new PactFileError(file, "no 'interactions' array: not a pact file");
  const specification = specificationOf(json);
  const v4 = specification.startsWith('4');
  const name = (v: unknown): string => (isObj(v) && typeof v['name'] === 'string' ? v['name'] : '');
  return {
    file,
    consumer: name(json['consumer']),
    provider: name(json['provider']),
    specification,
    interactions: interactions.map((raw, i) => toInteraction(raw, i, v4)),
  };
}

export function readPactFile(file: string): PactFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    throw new PactFileError(file, `cannot be read as JSON (${(error as Error).message.split('\n')[0]})`);
  }
  return parsePact(file, json);
}

/** Files as given, directories replaced by the `*.json` files directly inside them (sorted); missing paths throw. */
export function expandPactPaths(paths: ReadonlyArray<string>): string[] {
  const out: string[] = [];
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      throw new PactFileError(path, 'no such file or directory');
    }
    if (!isDirectory) {
      out.push(path);
      continue;
    }
    const files = readdirSync(path)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => join(path, f));
    out.push(...files);
  }
  return out;
}
