// Which world a request runs in: a sandbox named by `/_sandbox/{id}/...` or `X-Mock-Sandbox: {id}`, else the main one.

import type { Middleware } from 'koa';
import { MockError } from '../engine/errors.js';
import type { Worlds } from '../world/worlds.js';
import { respondError } from './handle-operation.js';
import type { RequestState } from './request-state.js';

const PREFIX = '/_sandbox/';

/** The sandbox a request names, and the path it asks for inside it (the prefix taken off). */
export function toSandboxRequest(path: string, header: string | string[] | undefined): { id: string | undefined; path: string } {
  if (path.startsWith(PREFIX)) {
    const rest = path.slice(PREFIX.length);
    const slash = rest.indexOf('/');
    return slash === -1 ? { id: rest, path: '/' } : { id: rest.slice(0, slash), path: rest.slice(slash) };
  }
  return { id: header ? (Array.isArray(header) ? header.join(', ') : header) : undefined, path };
}

/** Put the named sandbox in `ctx.state.live`; an unknown one is answered here (it may have expired). */
export function createWorldSelection(worlds: Worlds): Middleware {
  return (ctx, next) => {
    const state = ctx.state as RequestState;
    const { id, path } = toSandboxRequest(ctx.path, state.headers['x-mock-sandbox']);
    if (id === undefined) return next();
    if (path !== ctx.path) ctx.path = path;
    const found = worlds.get(id);
    if (!found) {
      respondError(ctx, state, new MockError('state.not_found', 'no such sandbox (it may have expired): create one with POST /__admin/sandboxes'), undefined);
      return;
    }
    state.live = found;
    return next();
  };
}
