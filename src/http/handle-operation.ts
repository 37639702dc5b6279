// The Koa side of one operation: build a MockRequest from the context, run the pipeline, send the result.

import type { Context } from 'koa';
import { MockError, isMockError } from '../engine/errors.js';
import type { CompiledOperation } from '../engine/compile.js';
import { errorResponse, toProblem } from '../engine/render.js';
import { runPipeline, type Fault, type PipelineDeps } from '../engine/run.js';
import type { LiveWorld } from '../world/worlds.js';
import type { HeaderBag, HttpMethod, MockRequest } from '../engine/types.js';
import type { Provider } from '../providers/provider.js';
import { mediaTypeOf, parseBody } from '../engine/validate/parse-body.js';
import { readBody } from './read-body.js';
import { sendResponse } from './send.js';
import type { RequestState } from './request-state.js';

export interface OperationMiddlewareOptions {
  bodyLimit: number;
  maxDepth: number;
  strict: boolean;
  /** Decide and consume a fault for this operation in this world (the runtime keeps the list). */
  takeFault(runtime: LiveWorld, operationId: string): Fault | undefined;
}

/**
 * The prototype of every header bag: an empty object with no prototype of its own, so a bag inherits no names
 * (`constructor`, `__proto__` and the like are plain own keys when sent). Unlike Object.create(null), a bag made from
 * it starts as a fast V8 object, and each header read is a cached lookup rather than a dictionary probe.
 */
const HEADER_BAG_PROTOTYPE: object = Object.freeze(Object.create(null) as object);

/**
 * Single headers as strings, repeated ones as arrays: what Node's headersDistinct gives, built straight from
 * rawHeaders in one pass (headersDistinct makes an array for every header first).
 */
export function toHeaderBag(ctx: Context): HeaderBag {
  const raw = ctx.req.rawHeaders;
  const out = Object.create(HEADER_BAG_PROTOTYPE) as Record<string, string | string[]>;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    const value = raw[i + 1]!;
    const previous = out[name];
    if (previous === undefined) out[name] = value;
    else if (typeof previous === 'string') out[name] = [previous, value];
    else previous.push(value);
  }
  return out;
}

export function createOperationMiddleware(compiled: CompiledOperation, provider: Provider | undefined, options: OperationMiddlewareOptions) {
  const declaresBody = compiled.op.requestBody !== undefined;
  return async (ctx: Context): Promise<void> => {
    const state = ctx.state as RequestState;
    state.operationId = compiled.op.operationId;
    const headers = state.headers ?? toHeaderBag(ctx);
    const contentLength = headers['content-length'];
    const req: MockRequest = {
      method: ctx.method as HttpMethod,
      path: ctx.path,
      params: (ctx as unknown as { params?: Record<string, string> }).params ?? {},
      query: ctx.query as MockRequest['query'],
      headers,
      body: undefined,
      mediaType: mediaTypeOf(typeof headers['content-type'] === 'string' ? headers['content-type'] : undefined),
      contentLength: typeof contentLength === 'string' ? Number(contentLength) : undefined,
      remoteAddress: ctx.req.socket.remoteAddress,
    };
    try {
      if (declaresBody) {
        const raw = await readBody(ctx.req, options.bodyLimit);
        const parsed = parseBody(raw, typeof headers['content-type'] === 'string' ? headers['content-type'] : undefined, { maxDepth: options.maxDepth });
        req.body = parsed?.value;
        state.body = req.body;
        if (!parsed) req.mediaType = undefined;
      }
    } catch (error) {
      if (!isMockError(error)) throw error;
      respondError(ctx, state, error, provider);
      return;
    }
    const deps: PipelineDeps = {
      world: state.runtime.world,
      provider,
      strict: options.strict,
      takeFault: (id) => options.takeFault(state.runtime, id),
    };
    const result = await runPipeline(compiled, req, deps);
    state.auth = result.auth;
    state.problem = result.problems[0]?.code ?? null;
    sendResponse(ctx, result.response, result.problems);
  };
}

export function respondError(ctx: Context, state: RequestState, error: MockError, provider: Provider | undefined): void {
  state.problem = error.code;
  sendResponse(ctx, errorResponse(error, provider, ctx.path), [toProblem(error)]);
}
