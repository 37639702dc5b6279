// The first middleware: the request's state, the error boundary (errors in the owner's wire format, never a bare 500),
// and the request log (each world's list, and one log line).

import type { Context, Middleware } from 'koa';
import { MockError } from '../engine/errors.js';
import type { Operation } from '../engine/types.js';
import { monotonicNow, toIso } from '../world/clock.js';
import type { LoggedRequest, Worlds } from '../world/worlds.js';
import type { Logger } from '../logger.js';
import { respondError } from './handle-operation.js';
import { credentialHeaderNames, findCredential, maskBody, maskHeaders } from './request-log.js';
import { toHeaderBag, type RequestState } from './request-state.js';

export interface FrontOptions {
  worlds: Worlds;
  operations: ReadonlyArray<Operation>;
  logger: Logger;
}

/** An error that escaped the pipeline, as the client sees it: a malformed URL is the client's, anything else ours (`unexpected`). */
export function toMockError(error: unknown, unexpected: (error: Error) => void): MockError {
  if (error instanceof MockError) return error;
  if (error instanceof URIError) return new MockError('request.parameter_invalid', 'the URL has a malformed percent-encoding');
  unexpected(error as Error);
  return new MockError('internal', 'authmock failed while answering; see its log');
}

export function createFront({ worlds, operations, logger }: FrontOptions): Middleware {
  const byId = new Map(operations.map((op) => [op.operationId, { security: op.security, headers: credentialHeaderNames(op.security) }]));
  // Asked once: no log line is built when request lines are dropped anyway.
  const logRequests = logger.isLevelEnabled?.('info') !== false;

  /** What the request log keeps: the problem text whole, headers and body masked, the credential sent (masked). */
  const toLoggedRequest = (ctx: Context, state: RequestState, begin: number): LoggedRequest => {
    const problem = ctx.res.getHeader('x-mock-problem');
    const op = state.operationId ? byId.get(state.operationId) : undefined;
    return {
      at: state.live.world.clock.now(),
      method: ctx.method,
      path: ctx.path,
      operation_id: state.operationId,
      status: ctx.status,
      auth: state.auth,
      credential: op ? findCredential(op.security, state.headers, ctx.query) : null,
      problem: typeof problem === 'string' ? problem : null,
      duration_ms: Math.round((monotonicNow() - begin) * 1000) / 1000,
      request_headers: maskHeaders(state.headers, op?.headers ?? new Set()),
      request_body: maskBody(state.body) as LoggedRequest['request_body'],
    };
  };

  return async (ctx, next) => {
    const begin = monotonicNow();
    const state: RequestState = { live: worlds.main, operationId: null, auth: 'none', problem: null, body: undefined, headers: toHeaderBag(ctx.req) };
    ctx.state = state;
    try {
      await next();
    } catch (error) {
      const log = (e: Error): void => logger.error({ err: { message: e.message, stack: e.stack }, path: ctx.path }, 'request failed');
      respondError(ctx, state, toMockError(error, log), undefined);
    }
    const entry = toLoggedRequest(ctx, state, begin);
    worlds.record(state.live, entry);
    if (logRequests) {
      const { at, request_headers: _h, request_body: _b, credential: _c, ...line } = entry;
      // `time` is the logger's (real time); the mock clock, which tests move, is `mockTime`.
      logger.info({ ...line, mockTime: toIso(at) }, 'request');
    }
  };
}
