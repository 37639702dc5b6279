// Serve the API reference under /docs: the same site `authmock docs` writes, with "Try it out" aimed at this server.

import type { Middleware } from 'koa';
import { MockError } from '../engine/errors.js';
import { toOrigin } from '../docs/docs-page.js';
import { isSpecFileName, loadDocsSite, type DocsSite, type DocsSiteOptions } from '../docs/docs-site.js';
import type { SiteFile } from '../docs/swagger-ui-assets.js';
import { problemResponse } from '../engine/render.js';
import { sendResponse } from './send.js';

export const DOCS_PATH = '/docs';

/** Swagger UI's files change only with the installed version; the generated ones follow the document. */
const CACHE_VENDOR = 'public, max-age=86400';
const CACHE_GENERATED = 'no-cache';

export type DocsMiddlewareOptions = DocsSiteOptions;

/**
 * GET/HEAD /docs → redirect to /docs/; /docs/ (or /docs/index.html) the page; /docs/openapi.json and /docs/spec.js the
 * bundled document with `servers: [{url: <this request's origin>}]`; Swagger UI's files. Anything else goes to next().
 * The document is validated and bundled once, on the first request under /docs (not per request, and not at all for
 * an app whose docs nobody opens); a failed build is retried on the next request.
 */
export function createDocsMiddleware(options: DocsMiddlewareOptions): Middleware {
  let loading: Promise<DocsSite> | undefined;
  const site = (): Promise<DocsSite> => {
    loading ??= loadDocsSite(options).catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };

  const answer: Middleware = async (ctx, next) => {
    if (ctx.path === DOCS_PATH) {
      ctx.status = 302;
      ctx.set('location', `${DOCS_PATH}/${ctx.querystring ? `?${ctx.querystring}` : ''}`);
      ctx.set('cache-control', CACHE_GENERATED);
      return;
    }
    if (!ctx.path.startsWith(`${DOCS_PATH}/`)) return next();
    const name = ctx.path.slice(DOCS_PATH.length + 1) || 'index.html';

    if (isSpecFileName(name)) {
      // The raw header, not ctx.host (which Koa trims of user info and list items): anything odd is refused.
      const origin = toOrigin(ctx.protocol, ctx.get('host') || ctx.get(':authority'));
      if (origin === undefined) {
        const error = new MockError('request.header_invalid', 'the Host header must be a host name or IP address with an optional port');
        sendResponse(ctx, problemResponse(error, ctx.path), [{ code: error.code, detail: error.message }]);
        return;
      }
      const file = (await site()).specFile(name, origin);
      if (!file) return next();
      return serve(ctx, file);
    }

    const file = (await site()).files.get(name);
    if (!file) return next();
    serve(ctx, file);
  };
  // Not async itself: every other request passes through without a promise of its own (~5 µs per request).
  return (ctx, next) => ((ctx.method === 'GET' || ctx.method === 'HEAD') && ctx.path.startsWith(DOCS_PATH) ? answer(ctx, next) : next());
}

function serve(ctx: Parameters<Middleware>[0], file: SiteFile): void {
  ctx.status = 200;
  ctx.type = file.contentType;
  ctx.set('cache-control', file.immutable ? CACHE_VENDOR : CACHE_GENERATED);
  ctx.set('x-content-type-options', 'nosniff');
  ctx.body = file.body;
}
