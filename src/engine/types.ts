// The plain data that flows through the mock pipeline: operations from the document, requests, responses, handlers.

import type { ControllableClock } from '../world/clock.js';
import type { MockError, WarningCode, ProblemCode } from './errors.js';
import type { Store } from '../world/store.js';

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'TRACE';
export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';
export type JsonSchema = Record<string, unknown> | boolean;

export interface ParameterSpec {
  name: string;
  in: ParameterLocation;
  required: boolean;
  schema: JsonSchema;
  style: string;
  explode: boolean;
  /** `x-authmock-lenient: true`: a bad value only warns. */
  lenient: boolean;
}

export interface MediaSpec {
  mediaType: string;
  schema: JsonSchema | undefined;
  examples: ReadonlyArray<{ name: string; value: unknown }>;
}

export interface ResponseSpec {
  status: string; // '200', '4XX', 'default'
  description: string;
  headers: ReadonlyArray<{ name: string; required: boolean; schema: JsonSchema }>;
  content: ReadonlyArray<MediaSpec>;
}

export interface SecuritySchemeSpec {
  name: string;
  type: 'apiKey' | 'http' | 'oauth2' | 'openIdConnect' | 'mutualTLS';
  /** apiKey: where and under which name; http: 'header' / 'authorization'. */
  in: 'header' | 'query' | 'cookie';
  paramName: string;
  /** http schemes: 'bearer', 'basic', ... */
  httpScheme: string | undefined;
}

/** One alternative of an operation's `security`: all of these schemes together. Empty = anonymous allowed. */
export type SecurityRequirement = ReadonlyArray<SecuritySchemeSpec>;

export interface Operation {
  operationId: string;
  method: HttpMethod;
  /** The document's path template, e.g. `/api/v1/items/{id}/events`. */
  path: string;
  /** The provider whose base path holds this operation, or null (any other document). */
  provider: string | null;
  summary: string;
  parameters: ReadonlyArray<ParameterSpec>;
  requestBody: { required: boolean; content: ReadonlyArray<MediaSpec> } | undefined;
  responses: ReadonlyArray<ResponseSpec>;
  security: ReadonlyArray<SecurityRequirement>;
  /** The operation object's `x-` extensions. */
  extensions: Readonly<Record<string, unknown>>;
}

export type HeaderBag = Readonly<Record<string, string | string[] | undefined>>;

export interface MockRequest {
  method: HttpMethod;
  /** Path as the provider sees it (sandbox prefix removed), still percent-encoded. */
  path: string;
  /** Decoded path parameters. */
  params: Readonly<Record<string, string>>;
  /** Query parameters; a repeated name gives an array. Null-prototype object. */
  query: Readonly<Record<string, string | string[]>>;
  /** Lower-case header names; repeated headers give arrays (taken from Node's headersDistinct). */
  headers: HeaderBag;
  /** Parsed body (JSON value, or nested object for forms) or undefined when none was sent. */
  body: unknown;
  /** Media type of the body as sent (no parameters), or undefined. */
  mediaType: string | undefined;
  /** The Content-Length header as a number, or undefined when absent. */
  contentLength: number | undefined;
  remoteAddress: string | undefined;
}

export interface MockResponse {
  status: number;
  headers?: Record<string, string>;
  /** Objects and arrays are sent as JSON; strings as text; undefined as an empty body. */
  body?: unknown;
  /** Defaults: application/json for objects, text/plain; charset=utf-8 for strings, none for empty. */
  contentType?: string | null;
}

export interface MockProblem {
  code: ProblemCode | WarningCode;
  detail: string;
  pointer?: string;
}

/** Everything a flow may touch: one per app, one per sandbox. */
export interface World {
  id: string;
  store: Store;
  clock: ControllableClock;
}

export interface AuthOutcome {
  /** Principal per scheme name that was verified. */
  principals: ReadonlyMap<string, unknown>;
  /** Uses of the credentials to record once the request is accepted (see VerifyResult). */
  commits?: ReadonlyArray<() => Promise<MockError | undefined>>;
  /** Short text for the request log: 'anonymous', 'none', the scheme name, ... */
  summary: string;
}

export interface HandlerContext {
  req: MockRequest;
  op: Operation;
  world: World;
  auth: AuthOutcome;
  /** Add a warning to X-Mock-Problem without changing the response. */
  warn(problem: MockProblem): void;
}

export type Handler = (ctx: HandlerContext) => Promise<MockResponse> | MockResponse;

export interface VerifyInput {
  credential: string;
  scheme: SecuritySchemeSpec;
  req: MockRequest;
  op: Operation;
  world: World;
}

/**
 * `commit`, when given, is the credential's use (a redemption, a counted use): the engine runs it only once the
 * request has passed validation, so a refused request never spends anything. It re-checks atomically and returns a
 * MockError when the credential was spent in between.
 */
export type VerifyResult =
  | { ok: true; principal: unknown; commit?: () => Promise<MockError | undefined> }
  | { ok: false; error: MockError };
export type Verifier = (input: VerifyInput) => Promise<VerifyResult> | VerifyResult;

/**
 * Where a provider finds a scheme's credential when it is not (only) where the scheme says,
 * e.g. a provider that also reads the token from a body field. Return a MockError for conflicts.
 */
export type CredentialResolver = (req: MockRequest) => string | undefined | MockError;

/**
 * Whoever answers a set of operations (a provider, the control API): how credentials are found and verified, the
 * handlers, and the wire format of errors. The engine needs nothing more of either.
 */
export interface OperationOwner {
  /** The owner's own wire format for an error. */
  renderError(error: MockError): MockResponse;
  readonly credentialFrom?: Readonly<Record<string, CredentialResolver>>;
  readonly verifiers: Readonly<Record<string, Verifier>>;
  readonly handlers: Readonly<Record<string, Handler>>;
  /** Problem code → the owner's own error for it on an operation (POST /__admin/faults {"problem"}). */
  readonly faultProblems?: Readonly<Record<string, (detail: string, op: Operation) => MockError | undefined>>;
}
