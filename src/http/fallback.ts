// The last middleware: a request no operation took. `GET /` is the index; any other path no operation documents is a
// 404 naming the nearest operations (a documented path with another method is left to allowedMethods: 405).

import type { Middleware } from 'koa';
import { toOrigin } from '../docs/docs-page.js';
import { MockError } from '../engine/errors.js';
import { problemResponse } from '../engine/render.js';
import type { Operation } from '../engine/types.js';
import { indexResponse, nearestOperations } from './not-found.js';
import type { RequestState } from './request-state.js';
import { sendResponse } from './send.js';

export interface FallbackOptions {
  operations: ReadonlyArray<Operation>;
  providers: ReadonlyArray<{ name: string; basePath: string }>;
  docsPath: string | undefined;
}

export function createFallback(options: FallbackOptions): Middleware {
  return (ctx) => {
    // The router matched the path with another method: allowedMethods (earlier in the chain) answers 405 or OPTIONS.
    if ((ctx as { matched?: unknown[] }).matched?.length) return;
    if (ctx.path === '/' && (ctx.method === 'GET' || ctx.method === 'HEAD')) {
      // The Host the client used (when it is a plain host[:port]), so that the links work from a phone too.
      const info = { origin: toOrigin(ctx.protocol, ctx.get('host')) ?? '', providers: options.providers, docsPath: options.docsPath };
      sendResponse(ctx, indexResponse(info, /text\/html/.test(ctx.get('accept'))), []);
      return;
    }
    const nearest = nearestOperations(options.operations, ctx.method, ctx.path);
    const listed = nearest.length ? `; nearest: ${nearest.map((n) => `${n.method} ${n.path}`).join(', ')}` : '';
    const error = new MockError('route.not_found', `no operation in the document matches ${ctx.method} ${ctx.path}${listed}`);
    (ctx.state as RequestState).problem = error.code;
    const response = problemResponse(error, ctx.path);
    if (nearest.length) response.body = { ...(response.body as object), closest: nearest.map((n) => ({ method: n.method, path: n.path, operation_id: n.operationId })) };
    sendResponse(ctx, response, [{ code: error.code, detail: error.message }]);
  };
}
