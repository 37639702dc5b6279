// Turn raw path, query, header and cookie values into typed parameters by OpenAPI style/explode, then validate (pure).

import { MockError } from '../errors.js';
import type { JsonSchema, MockProblem, MockRequest, Operation, ParameterSpec } from '../types.js';
import { compileValue, toViolation, type AjvSet, type ValidateFunction } from './ajv.js';

type Raw = string | string[] | undefined;
type Obj = Record<string, unknown>;

const schemaTypes = (schema: JsonSchema): string[] => {
  if (typeof schema !== 'object') return [];
  const t = schema['type'];
  return Array.isArray(t) ? (t as string[]) : typeof t === 'string' ? [t] : [];
};

const DELIMITERS: Readonly<Record<string, string>> = { form: ',', simple: ',', spaceDelimited: ' ', pipeDelimited: '|' };

export function parseCookies(header: Raw): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const line of Array.isArray(header) ? header : header ? [header] : []) {
    for (const part of line.split(';')) {
      const eq = part.indexOf('=');
      if (eq < 1) continue;
      const name = part.slice(0, eq).trim();
      if (!cookies.has(name)) cookies.set(name, part.slice(eq + 1).trim());
    }
  }
  return cookies;
}

function rawValue(param: ParameterSpec, req: MockRequest, cookies: () => Map<string, string>): Raw {
  switch (param.in) {
    case 'path':
      return req.params[param.name];
    case 'query':
      return req.query[param.name];
    case 'header':
      return req.headers[param.name];
    case 'cookie':
      return cookies().get(param.name);
  }
}

function deepObject(name: string, query: MockRequest['query']): Obj | undefined {
  let out: Obj | undefined;
  const prefix = `${name}[`;
  for (const [key, value] of Object.entries(query)) {
    if (!key.startsWith(prefix) || !key.endsWith(']')) continue;
    out ??= Object.create(null) as Obj;
    out[key.slice(prefix.length, -1)] = value;
  }
  return out;
}

/** What `shape` needs to know of a parameter's schema, worked out once at start-up. */
interface Shape {
  isArray: boolean;
  isObject: boolean;
}

/** A value ready for the schema, or a MockError for a repeated single value. */
function shape(param: ParameterSpec, { isArray, isObject }: Shape, raw: Raw, req: MockRequest): unknown {
  if (param.in === 'query' && param.style === 'deepObject') return deepObject(param.name, req.query);
  if (raw === undefined) return undefined;
  if (isArray) {
    const list = Array.isArray(raw) ? raw : [raw];
    if (param.in === 'query' && param.explode && param.style === 'form') return list;
    const delimiter = DELIMITERS[param.style] ?? ',';
    return list.flatMap((v) => v.split(delimiter)).map((v) => (param.in === 'header' ? v.trim() : v));
  }
  if (Array.isArray(raw)) {
    if (raw.length > 1) {
      throw new MockError('request.parameter_repeated', `${param.in} parameter '${param.name}' was sent ${raw.length} times; one value is expected`, {
        pointer: `/${param.in}/${param.name}`,
      });
    }
    raw = raw[0];
  }
  if (isObject && typeof raw === 'string') {
    const parts = raw.split(',');
    const out = Object.create(null) as Obj;
    for (let i = 0; i + 1 < parts.length; i += 2) out[parts[i]!] = parts[i + 1];
    return out;
  }
  return raw;
}

export interface ParameterValidator {
  /** Checks every parameter; throws MockError on a bad value, warns on a lenient one. */
  (req: MockRequest, warn: (problem: MockProblem) => void): void;
}

interface Compiled {
  param: ParameterSpec;
  shape: Shape;
  validate: ValidateFunction;
}

export function compileParameters(op: Operation, ajv: AjvSet): ParameterValidator {
  const compiled: Compiled[] = op.parameters.map((param) => {
    const types = schemaTypes(param.schema);
    return {
      param,
      shape: { isArray: types.includes('array'), isObject: types.includes('object') },
      validate: compileValue(ajv.coercing, param.schema, param.required),
    };
  });
  const needsCookies = op.parameters.some((p) => p.in === 'cookie');
  return (req, warn) => {
    let cookieJar: Map<string, string> | undefined;
    const cookies = (): Map<string, string> => (cookieJar ??= needsCookies ? parseCookies(req.headers['cookie']) : new Map());
    for (const { param, shape: known, validate } of compiled) {
      const value = shape(param, known, rawValue(param, req, cookies), req);
      // An absent optional parameter passes by definition (`{}` against `required: []`): no validator call.
      if (value === undefined && !param.required) continue;
      const holder: Obj = {};
      if (value !== undefined) holder['value'] = value;
      if (!validate(holder)) {
        const { detail } = toViolation(validate.errors, `/${param.in}/${param.name}`);
        const text = detail.replace(`/${param.in}/${param.name}/value`, `${param.in} parameter '${param.name}'`).replace(
          `/${param.in}/${param.name}`,
          `${param.in} parameter '${param.name}'`,
        );
        if (param.lenient) {
          warn({ code: 'warning.lenient_parameter', detail: `${text} (served anyway: the real API does not reject it)`, pointer: `/${param.in}/${param.name}` });
          continue;
        }
        throw new MockError('request.parameter_invalid', text, { pointer: `/${param.in}/${param.name}` });
      }
    }
  };
}
