// Check every pact interaction against the document without running anything: operation, security, parameters,
// request body, response status and body, reusing the engine's compiled validators (pure: no Koa, no socket).
// Bi-directional semantics: a request must satisfy the document as it is (the consumer sends exactly that), while a
// response is an expectation that names only the fields the consumer uses: its fields must exist with the documented
// types, but fields it leaves out are not missing (see partial-schema.ts).

import { MockError } from '../engine/errors.js';
import { compileOperation, type CompiledOperation } from '../engine/compile.js';
import { sampleFromSchema } from '../engine/example.js';
import { findCredential } from '../engine/authenticate.js';
import { buildOperationIndex } from '../engine/document/operation-index.js';
import type { LoadedDocument } from '../engine/document/load-document.js';
import { toPointer } from '../engine/document/json-pointer.js';
import type { CredentialResolver, JsonSchema, MockRequest, MockResponse, Operation } from '../engine/types.js';
import type { Provider } from '../providers/provider.js';
import { createAjvSet, schemaSourceOf } from '../engine/validate/ajv.js';
import { findResponse } from '../engine/validate/response.js';
import { findUndocumentedFields, toPartialSchema, withPartialResponses } from './partial-schema.js';
import { acceptable } from '../engine/negotiate.js';
import { mediaTypeOf } from '../engine/validate/parse-body.js';
import { matchMediaType } from '../engine/validate/request-body.js';
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
  /** 'warning': worth knowing, not a failure (absent: a finding that fails the check). */
  severity?: 'warning';
}

export interface CheckOptions {
  /**
   * Providers whose credential resolvers say where a credential may travel beyond the document's schemes
   * (a provider may also read one from the body). Without them only the document's schemes count.
   */
  providers?: ReadonlyArray<Pick<Provider, 'name' | 'basePath' | 'credentialFrom'>>;
  /**
   * Fields of a pact's response body that the schema does not name (and would let through) are findings, as
   * PactFlow's swagger-mock-validator has them; by default they are warnings.
   */
  strictFields?: boolean;
}

export interface PactChecker {
  check(pact: PactFile): Finding[];
}


/** `/header/x` (parameters) or `/headers/x` (bodies) → `/request/headers/x`; `/path/guid` → `/request/path`. */
function requestPointer(pointer: string | undefined): string {
  if (!pointer) return '/request';
  if (pointer.startsWith('/path/')) return '/request/path';
  if (pointer.startsWith('/header/')) return `/request/headers/${pointer.slice('/header/'.length).toLowerCase()}`;
  if (pointer.startsWith('/cookie/')) return '/request/headers/cookie';
  return `/request${pointer}`;
}

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value.join(', ') : value);

/** Repeated header lines are one comma-separated value (RFC 9110 §5.3), as a server reads them; cookies join with `; `. */
function joinHeaders(headers: Readonly<Record<string, string | string[]>>): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(headers)) out[name] = Array.isArray(value) ? value.join(name === 'cookie' ? '; ' : ', ') : value;
  return out;
}

function toMockRequest(request: PactRequest, path: string, params: Record<string, string>): MockRequest {
  const body = request.body === undefined ? undefined : structuredClone(request.body.value);
  return {
    method: request.method as MockRequest['method'],
    path,
    params,
    query: request.query,
    headers: joinHeaders(request.headers),
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
  const pointer = toPointer(['request', scheme.in === 'query' ? 'query' : 'headers', scheme.paramName]);
  const wanted = op.security.map((alternative) => alternative.map(describeScheme).join(' + ')).join(' or ');
  return { pointer, message: `missing credential: ${op.operationId} is secured (${wanted}) and the request carries none of it` };
}

/** An `Accept` header that allows none of the media types the expected response is documented in. */
function notAcceptable(op: Operation, req: MockRequest, status: number): Omit<Finding, 'pact' | 'interaction'> | undefined {
  const accept = req.headers['accept'];
  const documented = findResponse(op.responses, status);
  if (accept === undefined || !documented || documented.content.length === 0) return undefined;
  if (acceptable(documented.content, accept).length > 0) return undefined;
  return {
    pointer: '/request/headers/accept',
    message: `${op.operationId}: Accept ${single(accept)} allows none of the media types documented for status ${status} (${documented.content.map((m) => m.mediaType).join(', ')})`,
  };
}

export function createPactChecker(loaded: LoadedDocument, options: CheckOptions = {}): PactChecker {
  const providers = options.providers ?? [];
  const ops = buildOperationIndex(loaded, new Map(providers.map((p) => [p.name, p.basePath])));
  const matcher: OperationMatcher = createOperationMatcher(ops, loaded.document['servers']);
  // Responses are expectations, which state only the fields the consumer relies on (partial-schema.ts).
  const schemas = schemaSourceOf(loaded, (schema) => toPartialSchema(schema as JsonSchema));
  const ajv = createAjvSet(loaded.document.openapi, schemas ? { schemas } : {});
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
    if (!request || !response) {
      return [{ pointer: '', severity: 'warning', message: 'not an HTTP interaction (a message?): check-pacts checks HTTP interactions only, so this one is not checked' }];
    }
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
    for (const [name, value] of Object.entries(params)) {
      if (value === '') out.push({ pointer: '/request/path', message: `${op.operationId}: path parameter '${name}' is blank in ${request.path}` });
    }
    // A request without credentials that expects 401/403 is the consumer testing its error path, not a mistake.
    const negative = response.status === 401 || response.status === 403;
    const missing = negative ? undefined : missingCredential(op, req, resolversOf(op));
    if (missing) out.push(missing);
    const accept = notAcceptable(op, req, response.status);
    if (accept) out.push(accept);
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
    else out.push(...undocumentedFields(op, response, contentType));
    return out;
  }

  /** Response fields the document never names (an open schema lets them through): warnings, findings with strictFields. */
  function undocumentedFields(op: Operation, response: PactResponse, contentType: string | undefined): Array<Omit<Finding, 'pact' | 'interaction'>> {
    const documented = findResponse(op.responses, response.status);
    if (!documented || response.body === undefined) return [];
    const mediaType = mediaTypeOf(contentType);
    const media = mediaType ? matchMediaType(documented.content, mediaType) : documented.content[0];
    if (!media?.schema) return [];
    const pointers = [...new Set(findUndocumentedFields(media.schema, response.body.value).map((f) => f.pointer))];
    return pointers.map((pointer) => ({
      pointer: `/response/body${pointer}`,
      message: `${op.operationId}: response /body${pointer} is not in the document (the schema allows other fields, but the provider never promised this one)`,
      ...(options.strictFields ? {} : { severity: 'warning' as const }),
    }));
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
export function checkPacts(files: ReadonlyArray<string>, loaded: LoadedDocument, options: CheckOptions = {}): Finding[] {
  const checker = createPactChecker(loaded, options);
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
  return findings
    .map((f) => `${f.severity === 'warning' ? 'warning: ' : ''}${f.pact}${f.interaction ? ` › ${f.interaction}` : ''}${f.pointer ? ` › ${f.pointer}` : ''}: ${f.message}`)
    .join('\n');
}
