// Build the pure operation index from a dereferenced document: what the router, validators and security read.

import type {
  HttpMethod,
  JsonSchema,
  MediaSpec,
  Operation,
  ParameterSpec,
  ResponseSpec,
  SecurityRequirement,
  SecuritySchemeSpec,
} from '../types.js';
import { DocumentError, type LoadedDocument } from './load-document.js';
import { toPointer } from './json-pointer.js';
import { templateNames } from '../routes.js';

const METHODS: ReadonlyArray<HttpMethod> = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const asObj = (v: unknown): Obj => (isObj(v) ? v : {});

function toExamples(media: Obj): MediaSpec['examples'] {
  const out: Array<{ name: string; value: unknown }> = [];
  if ('example' in media) out.push({ name: 'example', value: media['example'] });
  for (const [name, ex] of Object.entries(asObj(media['examples']))) {
    if (isObj(ex) && 'value' in ex) out.push({ name, value: ex['value'] });
  }
  const schema = asObj(media['schema']);
  if (out.length === 0 && 'example' in schema) out.push({ name: 'schema', value: schema['example'] });
  if (out.length === 0 && Array.isArray(schema['examples']) && schema['examples'].length > 0) {
    out.push({ name: 'schema', value: schema['examples'][0] });
  }
  return out;
}

function toMedia(content: unknown): MediaSpec[] {
  return Object.entries(asObj(content)).map(([mediaType, media]) => ({
    mediaType: mediaType.toLowerCase(),
    schema: isObj(asObj(media)['schema']) || typeof asObj(media)['schema'] === 'boolean'
      ? (asObj(media)['schema'] as JsonSchema)
      : undefined,
    examples: toExamples(asObj(media)),
  }));
}

function toParameter(raw: Obj): ParameterSpec {
  const location = raw['in'] as ParameterSpec['in'];
  const style = typeof raw['style'] === 'string' ? raw['style'] : location === 'query' || location === 'cookie' ? 'form' : 'simple';
  const schema = (isObj(raw['schema']) ? raw['schema'] : isObj(raw['content']) ? asObj(Object.values(raw['content'])[0])['schema'] ?? {} : {}) as JsonSchema;
  return {
    name: String(raw['name']),
    in: location,
    required: raw['required'] === true || location === 'path',
    schema,
    style,
    explode: typeof raw['explode'] === 'boolean' ? raw['explode'] : style === 'form',
    lenient: raw['x-authmock-lenient'] === true,
  };
}

function toResponses(raw: Obj): ResponseSpec[] {
  return Object.entries(raw).map(([status, response]) => {
    const r = asObj(response);
    return {
      status: status.toUpperCase(),
      description: typeof r['description'] === 'string' ? r['description'] : '',
      headers: Object.entries(asObj(r['headers'])).map(([name, h]) => ({
        name: name.toLowerCase(),
        required: asObj(h)['required'] === true,
        schema: (asObj(h)['schema'] ?? {}) as JsonSchema,
      })),
      content: toMedia(r['content']),
    };
  });
}

function toSchemes(document: Obj): Map<string, SecuritySchemeSpec> {
  const schemes = new Map<string, SecuritySchemeSpec>();
  for (const [name, raw] of Object.entries(asObj(asObj(document['components'])['securitySchemes']))) {
    const s = asObj(raw);
    const type = s['type'] as SecuritySchemeSpec['type'];
    if (type === 'apiKey') {
      const where = s['in'] as SecuritySchemeSpec['in'];
      const paramName = String(s['name']);
      schemes.set(name, { name, type, in: where, paramName: where === 'header' ? paramName.toLowerCase() : paramName, httpScheme: undefined });
    } else {
      const httpScheme = typeof s['scheme'] === 'string' ? s['scheme'].toLowerCase() : 'bearer';
      schemes.set(name, { name, type, in: 'header', paramName: 'authorization', httpScheme });
    }
  }
  return schemes;
}

function toSecurity(file: string, pointer: string, raw: unknown, schemes: Map<string, SecuritySchemeSpec>): SecurityRequirement[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((alternative, i) =>
    Object.keys(asObj(alternative)).map((name) => {
      const scheme = schemes.get(name);
      if (!scheme) throw new DocumentError(file, `${pointer}/${i}/${name}`, `security scheme '${name}' is not defined`);
      return scheme;
    }),
  );
}

/** Which provider owns a path: the longest registered base path that prefixes it. */
export function providerFor(path: string, basePaths: ReadonlyMap<string, string>): string | null {
  let best: string | null = null;
  let bestLength = -1;
  for (const [name, base] of basePaths) {
    if ((path === base || path.startsWith(`${base}/`)) && base.length > bestLength) {
      best = name;
      bestLength = base.length;
    }
  }
  return best;
}


export function buildOperationIndex(loaded: LoadedDocument, basePaths: ReadonlyMap<string, string> = new Map()): Operation[] {
  const { document, file } = loaded;
  const schemes = toSchemes(document);
  const globalSecurity = document['security'];
  const operations: Operation[] = [];
  const seenIds = new Set<string>();
  for (const [path, rawItem] of Object.entries(asObj(document['paths']))) {
    const item = asObj(rawItem);
    const shared = Array.isArray(item['parameters']) ? (item['parameters'] as Obj[]) : [];
    for (const method of METHODS) {
      const raw = item[method.toLowerCase()];
      if (!isObj(raw)) continue;
      const pointer = toPointer(['paths', path, method.toLowerCase()]);
      const operationId = typeof raw['operationId'] === 'string' ? raw['operationId'] : `${method} ${path}`;
      if (seenIds.has(operationId)) throw new DocumentError(file, `${pointer}/operationId`, `operationId '${operationId}' is used twice`);
      seenIds.add(operationId);
      const own = Array.isArray(raw['parameters']) ? (raw['parameters'] as Obj[]) : [];
      const byKey = new Map<string, ParameterSpec>();
      for (const p of [...shared, ...own]) {
        const param = toParameter(p);
        byKey.set(`${param.in}:${param.in === 'header' ? param.name.toLowerCase() : param.name}`, param);
      }
      // A template parameter the document forgot to declare is taken as a string, as Prism does, rather than
      // refusing the whole document.
      for (const name of templateNames(path)) {
        if (!byKey.has(`path:${name}`)) byKey.set(`path:${name}`, toParameter({ name, in: 'path', required: true, schema: { type: 'string' } }));
      }
      const body = isObj(raw['requestBody']) ? raw['requestBody'] : undefined;
      const extensions: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(raw)) if (k.startsWith('x-')) extensions[k] = v;
      operations.push({
        operationId,
        method,
        path,
        provider: providerFor(path, basePaths),
        summary: typeof raw['summary'] === 'string' ? raw['summary'] : '',
        parameters: [...byKey.values()].map((p) => (p.in === 'header' ? { ...p, name: p.name.toLowerCase() } : p)),
        requestBody: body ? { required: body['required'] === true, content: toMedia(body['content']) } : undefined,
        responses: toResponses(asObj(raw['responses'])),
        security: toSecurity(file, `${pointer}/security`, raw['security'] ?? globalSecurity, schemes),
        extensions,
      });
    }
  }
  return operations;
}
