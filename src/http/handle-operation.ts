// The Koa side of one operation: build a MockRequest from the context, run the pipeline, send the result.

import type { Context } from 'koa';
import { MockError, isMockError } from '../engine/errors.js';
import type { CompiledOperation } from '../engine/compile.js';
import { errorResponse, toProblem } from '../engine/render.js';
import { runPipeline, type Fault, type PipelineDeps } from '../engine/run.js';
import type { LiveWorld } from '../world/worlds.js';
import type { HttpMethod, MockRequest, OperationOwner } from '../engine/types.js';
import { toParams, type Route } from '../engine/routes.js';
import { mediaTypeOf, parseBody } from '../engine/validate/parse-body.js';
import { readBody } from './read-body.js';
import { sendResponse } from './send.js';
import type { RequestState } from './request-state.js';

export interface OperationMiddlewareOptions {
  bodyLimit: number;
  maxDepth: number;
  strict: boolean;
  /** Decide and consume a fault for this operation in this world (the live world keeps the list). */
  takeFault(live: LiveWorld, operationId: string): Fault | undefined;
}

/**
 * The middleware of one operation, mounted on the router under its route's pattern: its path parameters are the
 * router's captures (`ctx.captures`), named and decoded by the route table.
 */
export function createOperationMiddleware(compiled: CompiledOperation, route: Route, provider: OperationOwner | undefined, options: OperationMiddlewareOptions) {
  const declaresBody = compiled.op.requestBody !== undefined;
  return async (ctx: Context): Promise<void> => {
    const state = ctx.state as RequestState;
    state.operationId = compiled.op.operationId;
    const { headers } = state;
    const contentLength = headers['content-length'];
    const req: MockRequest = {
      method: ctx.method as HttpMethod,
      path: ctx.path,
      params: toParams(route, (ctx as { captures?: string[] }).captures ?? []),
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
      world: state.live.world,
      provider,
      strict: options.strict,
      takeFault: (id) => options.takeFault(state.live, id),
    };
    const result = await runPipeline(compiled, req, deps);
    state.auth = result.auth;
    state.problem = result.problems[0]?.code ?? null;
    sendResponse(ctx, result.response, result.problems);
  };
}

export function respondError(ctx: Context, state: RequestState, error: MockError, provider: OperationOwner | undefined): void {
  state.problem = error.code;
  sendResponse(ctx, errorResponse(error, provider, ctx.path), [toProblem(error)]);
}
