// The mock pipeline as plain functions: authenticate → validate → fault → handle → check the response. No HTTP here.

import { MockError, isMockError } from './errors.js';
import { authenticate } from './authenticate.js';
import type { AuthOutcome, MockProblem, MockRequest, MockResponse, OperationOwner, World } from './types.js';
import type { CompiledOperation } from './compile.js';
import { exampleResponse } from './example.js';
import { findResponse } from './validate/response.js';
import { errorResponse, problemResponse, toProblem } from './render.js';
import { isJsonMediaType, mediaTypeOf } from './validate/parse-body.js';

export interface Fault {
  id: string;
  operationId: string;
  latencyMs: number | null;
  status: number | null;
  /** Calls left; null = until cleared. */
  times: number | null;
  probability: number | null;
  /** Answer what the provider answers for this reason (a key of its `faultProblems`), or null. */
  problem?: string | null;
}

export interface PipelineDeps {
  world: World;
  provider: OperationOwner | undefined;
  strict: boolean;
  /** Decide and consume a fault for this operation (the app keeps the list). */
  takeFault?: (operationId: string) => Fault | undefined;
  sleep?: (ms: number) => Promise<void>;
  /** Problems already found before the pipeline (e.g. while reading the body). */
  problems?: MockProblem[];
}

export interface PipelineResult {
  response: MockResponse;
  problems: MockProblem[];
  auth: string;
}

export const contentTypeOf = (res: MockResponse): string | undefined =>
  res.contentType === null
    ? undefined
    : (res.contentType ??
      (res.body === undefined ? undefined : typeof res.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json'));

/** Before authentication has run (never changed: a failure builds its own outcome). */
const NO_AUTH: AuthOutcome = { principals: new Map(), summary: 'none' };

/** Errors the engine raises about the request or the mock itself (a fault, a full disk); a provider may not document each of them. */
const isRequestProblem = (e: MockError): boolean => e.code.startsWith('request.') || e.code === 'fault.injected' || e.code === 'state.unwritable';

export async function runPipeline(compiled: CompiledOperation, req: MockRequest, deps: PipelineDeps): Promise<PipelineResult> {
  const { op } = compiled;
  const problems: MockProblem[] = deps.problems ? [...deps.problems] : [];
  const warn = (p: MockProblem): void => void problems.push(p);
  let auth: AuthOutcome = NO_AUTH;
  let response: MockResponse;
  let fromEngine = false;
  /** Rendered from the document's examples (not by a provider's handler). */
  let fromDocument = false;
  try {
    auth = await authenticate(op, req, deps.world, deps.provider);
    compiled.parameters(req, warn);
    compiled.body?.(req.mediaType, req.body);
    const fault = deps.takeFault?.(op.operationId);
    if (fault?.latencyMs) await (deps.sleep ?? defaultSleep)(fault.latencyMs);
    if (fault?.status) {
      throw new MockError('fault.injected', `fault ${fault.id} forced status ${fault.status}`, { status: fault.status });
    }
    const forced = fault?.problem ? deps.provider?.faultProblems?.[fault.problem]?.(`fault ${fault.id} forced problem ${fault.problem}`, op) : undefined;
    if (forced) throw forced;
    // A forced fault answers before any credential use is spent.
    for (const commit of auth.commits ?? []) {
      const spent = await commit();
      if (spent) throw spent;
    }
    const handler = deps.provider?.handlers[op.operationId];
    response = handler ? await handler({ req, op, world: deps.world, auth, warn }) : exampleResponse(op, req);
    fromDocument = !handler;
  } catch (thrown) {
    if (!isMockError(thrown)) throw thrown;
    const error = asDocumented(op, thrown);
    problems.unshift(toProblem(error));
    if (error.code.startsWith('auth.')) auth = { principals: new Map(), summary: `failed:${error.code}` };
    // Any other document: answer an error with the example documented for its status, as Prism does.
    const documented = deps.provider ? undefined : documentedError(op, req, error);
    fromDocument = documented !== undefined;
    response = documented ?? errorResponse(error, deps.provider, req.path);
    fromEngine = isRequestProblem(error) || !deps.provider;
  }
  const violation = compiled.response(response, contentTypeOf(response));
  if (violation) {
    const problem: MockProblem = { code: 'response.invalid', detail: `response ${violation.detail}`, pointer: violation.pointer };
    if (deps.strict && !fromEngine) {
      return { response: problemResponse(new MockError('response.invalid', problem.detail, { pointer: violation.pointer })), problems: [problem, ...problems], auth: auth.summary };
    }
    problems.push(problem);
  }
  return { response: fromDocument ? encodeJsonString(response) : response, problems, auth: auth.summary };
}

/** An example that is a JSON string (`hello`) for a JSON media type goes on the wire as JSON (`"hello"`). */
function encodeJsonString(response: MockResponse): MockResponse {
  if (typeof response.body !== 'string') return response;
  const mediaType = mediaTypeOf(contentTypeOf(response));
  return mediaType && isJsonMediaType(mediaType) ? { ...response, body: JSON.stringify(response.body) } : response;
}

/** A request that breaks the schema is a 400, unless the operation documents 422 (and no 400) for that. */
function asDocumented(op: CompiledOperation['op'], error: MockError): MockError {
  if (error.status !== 400 || (error.code !== 'request.body_invalid' && error.code !== 'request.parameter_invalid')) return error;
  const documents = (status: string): boolean => op.responses.some((r) => r.status === status);
  if (documents('400') || !documents('422')) return error;
  return new MockError(error.code, error.message, { status: 422, headers: error.headers, meta: error.meta, ...(error.pointer ? { pointer: error.pointer } : {}) });
}

/**
 * The response the document gives for the error's status (exact, `4XX` or `default`), in its media type and shape;
 * undefined when it documents none with a body (then problem+json). Accept and Prefer do not apply to errors.
 */
function documentedError(op: CompiledOperation['op'], req: MockRequest, error: MockError): MockResponse | undefined {
  const spec = findResponse(op.responses, error.status);
  if (!spec || spec.content.length === 0) return undefined;
  try {
    const example = exampleResponse({ ...op, responses: [spec] }, { ...req, headers: { ...req.headers, prefer: undefined, accept: undefined } });
    return { ...example, status: error.status, headers: { ...example.headers, ...error.headers } };
  } catch {
    return undefined; // nothing it documents can be sent (say, XML without a text example)
  }
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
