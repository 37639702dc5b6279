// OPTIONS and 405 for documented paths: @koa/router's allowedMethods() decides, this answers as authmock does
// (a CORS preflight with 204; a 405 as problem+json), both with `Allow`.

import type { Router, RouterContext, RouterMiddleware } from '@koa/router';
import type { Context } from 'koa';
import { MockError } from '../engine/errors.js';
import { problemResponse } from '../engine/render.js';
import type { RequestState } from './request-state.js';
import { CORS_HEADERS, sendResponse } from './send.js';

/** A plain list of header names; anything else could smuggle bytes into the echoed header. */
const HEADER_LIST = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+(?:[ \t]*,[ \t]*[A-Za-z0-9!#$%&'*+.^_`|~-]+)*$/;

/** The request's `Access-Control-Request-Headers` when it is a plain token list, else `*`. */
export const toAllowedHeaders = (requested: string): string => (HEADER_LIST.test(requested) ? requested : '*');

function answerPreflight(ctx: Context, allow: string): void {
  ctx.status = 204;
  ctx.set({
    ...CORS_HEADERS,
    allow,
    'access-control-allow-methods': allow,
    'access-control-allow-headers': toAllowedHeaders(ctx.get('access-control-request-headers')),
    'access-control-max-age': '600',
  });
}

function refuseMethod(ctx: Context, allow: string): void {
  const error = new MockError('route.method_not_allowed', `${ctx.method} is not documented for ${ctx.path}; allowed: ${allow}`);
  (ctx.state as RequestState).problem = error.code;
  const response = problemResponse(error, ctx.path);
  response.headers = { ...response.headers, allow };
  sendResponse(ctx, response, [{ code: error.code, detail: error.message }]);
}

/**
 * Around the router's allowedMethods(), which sets `Allow` when a documented path is asked with another method (its
 * own answer: 200 for OPTIONS, 405 otherwise). This answers OPTIONS as a CORS preflight (204) and 405 as
 * problem+json, OPTIONS added to the list (this middleware answers it on every documented path).
 */
export function createAllowedMethods(router: Router): RouterMiddleware {
  const allowedMethods = router.allowedMethods();
  return async (ctx: RouterContext, next) => {
    await allowedMethods(ctx, next);
    const listed = ctx.response.get('allow');
    if (listed === '' || ctx.respond === false) return;
    const allow = `${listed}, OPTIONS`;
    if (ctx.method === 'OPTIONS') answerPreflight(ctx, allow);
    else if (ctx.status === 405) refuseMethod(ctx, allow);
  };
}
