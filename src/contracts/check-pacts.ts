// Check every pact interaction against the document without running anything: operation, security, parameters,
// request body, response status and body, reusing the engine's compiled validators (pure: no Koa, no socket).
// Bi-directional semantics: a request must satisfy the document as it is (the consumer sends exactly that), while a
// response is an expectation that names only the fields the consumer uses: its fields must exist with the documented
// types, but fields it leaves out are not missing (see partial-schema.ts).

import { MockError } from '../errors.js';
import { compileOperation, type CompiledOperation } from '../pipeline/compile.js';
import { sampleFromSchema } from '../pipeline/example.js';
import { findCredential } from '../security/authenticate.js';
import { buildOperationIndex } from '../spec/operation-index.js';
import type { LoadedSpec } from '../spec/load-spec.js';
import type { CredentialResolver, JsonSchema, MockRequest, MockResponse, Operation, Provider } from '../types.js';
import { createAjvSet, schemaSourceOf } from '../validation/ajv.js';
import { findResponse } from '../validation/response.js';
import { toPartialSchema, withPartialResponses } from './partial-schema.js';
import { PactFileError, readPactFile, type PactFile, type PactInteraction, type PactRequest, type PactResponse } from './pact-file.js';
import { createOperationMatcher, resolvePrefix, rewritePath, type OperationMatcher, type PathRewrite } from './resolve-operation.js';

export interface Finding {
  /** The pact file. */
  pact: string;
  /** The interaction's description ('' for a finding about the whole file). */
  interaction: string;
  /** JSON pointer into the interaction (`/request/headers/authorization`, `/response/body/auth_token`); header names lower-case. */
  pointer: string;
  message: string;
}

export interface CheckOptions {
  /**
   * Providers whose credential resolvers say where a credential may travel beyond the document's schemes
   * (RFCx also reads `auth_token` from the body). Without them only the document's schemes count.
   */
  providers?: ReadonlyArray<Pick<Provider, 'name' | 'basePath' | 'credentialFrom'>>;
}

export interface PactChecker {
  check(pact: PactFile): Finding[];
}

const escapePointer = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** `/header/x` (parameters) or `/headers/x` (bodies) → `/request/headers/x`; `/path/guid` → `/request/path`. */
function requestPointer(pointer: string | undefined): string {
  if (!pointer) return '/request';
  if (pointer.startsWith('/path/')) return '/request/path';
  if (pointer.startsWith('/header/')) return `/request/headers/${pointer.slice('/header/'.length).toLowerCase()}`;
  if (pointer.startsWith('/cookie/')) return '/request/headers/cookie';
  return `/request${pointer}`;
}

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value.join(', ') : value);

function toMockRequest(request: PactRequest, path: string, params: Record<string, string>): MockRequest {
  const body = request.body === undefined ? undefined : structuredClone(request.body.value);
  return {
    method: request.method as MockRequest['method'],
    path,
    params,
    query: request.query,
    headers: request.headers,
    body,
    mediaType: request.body?.mediaType,
    contentLength: undefined,
    remoteAddress: undefined,
  };
}

/**
 * A pact that leaves a documented header out says nothing about it, so required headers it does not mention get a
 * sample value; a header it does mention is checked as given.
 */
function toMockResponse(op: Operation, response: PactResponse): { res: MockResponse; contentType: string | undefined } {
  const headers: Record<string, string> = {};
  const documented = findResponse(op.responses, response.status);
  for (const h of documented?.headers ?? []) {
    if (h.required && response.headers[h.name] === undefined) headers[h.name] = String(sampleFromSchema(h.schema));
  }
  for (const [name, value] of Object.entries(response.headers)) headers[name] = single(value) ?? '';
  const contentType = single(response.headers['content-type']);
  return { res: { status: response.status, headers, body: response.body?.value }, contentType };
}

function describeScheme(s: Operation['security'][number][number]): string {
  const where = s.type === 'http' ? `Authorization: ${s.httpScheme ?? 'bearer'}` : s.in === 'query' ? `?${s.paramName}=` : s.paramName;
  return `${where} (${s.name})`;
}

/** A secured operation whose request carries none of its credential sets; present-but-odd credentials are the mock's business. */
function missingCredential(op: Operation, req: MockRequest, resolvers: Readonly<Record<string, CredentialResolver>> | undefined): Omit<Finding, 'pact' | 'interaction'> | undefined {
  if (op.security.length === 0 || op.security.some((alternative) => alternative.length === 0)) return undefined;
  let firstMissing: Operation['security'][number][number] | undefined;
  for (const alternative of op.security) {
    const missing = alternative.filter((scheme) => {
      const resolver = resolvers?.[scheme.name];
      return (resolver ? resolver(req) : findCredential(scheme, req)) === undefined;
    });
    if (missing.length === 0) return undefined;
    firstMissing ??= missing[0];
  }
  const scheme = firstMissing!;
  const pointer = scheme.in === 'query' ? `/request/query/${escapePointer(scheme.paramName)}` : `/request/headers/${escapePointer(scheme.paramName)}`;
  const wanted = op.security.map((alternative) => alternative.map(describeScheme).join(' + ')).join(' or ');
  return { pointer, message: `missing credential: ${op.operationId} is secured (${wanted}) and the request carries none of it` };
}

export function createPactChecker(spec: LoadedSpec, options: CheckOptions = {}): PactChecker {
  const providers = options.providers ?? [];
  const ops = buildOperationIndex(spec, new Map(providers.map((p) => [p.name, p.basePath])));
  const matcher: OperationMatcher = createOperationMatcher(ops, spec.document['servers']);
  // Responses are expectations, which state only the fields the consumer relies on (partial-schema.ts).
  const schemas = schemaSourceOf(spec, (schema) => toPartialSchema(schema as JsonSchema));
  const ajv = createAjvSet(spec.document.openapi, undefined, schemas ? { schemas } : {});
  const compiled = new Map<Operation, CompiledOperation>();
  const compile = (op: Operation): CompiledOperation => {
    let c = compiled.get(op);
    if (!c) compiled.set(op, (c = compileOperation(schemas ? op : withPartialResponses(op), ajv)));
    return c;
  };
  const resolversOf = (op: Operation): Readonly<Record<string, CredentialResolver>> | undefined =>
    providers.find((p) => p.name === op.provider)?.credentialFrom;

  function checkInteraction(interaction: PactInteraction, rewrite: PathRewrite): Array<Omit<Finding, 'pact' | 'interaction'>> {
    const { request, response } = interaction;
    if (!request || !response) return []; // a message interaction: nothing authmock serves
    const path = rewritePath(request.path, rewrite) ?? request.path;
    const found = matcher.match(request.method, path);
    if (found.kind === 'none') return [{ pointer: '/request/path', message: `no operation in the document matches ${request.method} ${request.path}` }];
    if (found.kind === 'method') {
      return [{ pointer: '/request/method', message: `${request.method} is not documented for ${request.path} (documented: ${found.allowed.join(', ')})` }];
    }
    const { op, params } = found;
    const c = compile(op);
    const out: Array<Omit<Finding, 'pact' | 'interaction'>> = [];
    const req = toMockRequest(request, path, params);
    const missing = missingCredential(op, req, resolversOf(op));
    if (missing) out.push(missing);
    const asFinding = (error: unknown): void => {
      if (!(error instanceof MockError)) throw error;
      out.push({ pointer: requestPointer(error.pointer), message: `${op.operationId}: ${error.message}` });
    };
    try {
      c.parameters(req, () => undefined);
    } catch (error) {
      asFinding(error);
    }
    if (c.body) {
      try {
        c.body(req.mediaType, req.body);
      } catch (error) {
        asFinding(error);
      }
    } else if (req.body !== undefined) {
      out.push({ pointer: '/request/body', message: `${op.operationId} documents no request body, but the request has one` });
    }
    const { res, contentType } = toMockResponse(op, response);
    const violation = c.response(res, contentType);
    if (violation) out.push({ pointer: `/response${violation.pointer}`, message: `${op.operationId}: response ${violation.detail}` });
    return out;
  }

  return {
    check(pact) {
      const requests = pact.interactions.flatMap((i) => (i.request ? [i.request] : []));
      const rewrite = resolvePrefix(requests, matcher);
      return pact.interactions.flatMap((interaction) =>
        checkInteraction(interaction, rewrite).map((f) => ({ pact: pact.file, interaction: interaction.description, ...f })),
      );
    },
  };
}

/** Every finding for every interaction of every file; a file that is not a readable pact is one finding. */
export function checkPacts(files: ReadonlyArray<string>, spec: LoadedSpec, options: CheckOptions = {}): Finding[] {
  const checker = createPactChecker(spec, options);
  return files.flatMap((file) => {
    let pact: PactFile;
    try {
      pact = readPactFile(file);
    } catch (error) {
      if (error instanceof PactFileError) return [{ pact: file, interaction: '', pointer: '', message: error.message }];
      throw error;
    }
    return checker.check(pact);
  });
}

/** Findings as text, one per line, grouped by pact and interaction. */
export function formatFindings(findings: ReadonlyArray<Finding>): string {
  return findings.map((f) => `${f.pact}${f.interaction ? ` › ${f.interaction}` : ''}${f.pointer ? ` › ${f.pointer}` : ''}: ${f.message}`).join('\n');
}
