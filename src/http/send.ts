// Write a MockResponse straight to the socket (Koa's own body handling bypassed for exact wire formats).

import type { Context } from 'koa';
import type { MockProblem, MockResponse } from '../engine/types.js';
import { contentTypeOf } from '../engine/run.js';
import { problemHeader } from '../engine/render.js';

export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'X-Mock-Problem, X-Total-Pages, X-Current-Page, X-Count-Per-Page, X-Total-Count, Retry-After',
};

const CORS_ENTRIES = Object.entries(CORS_HEADERS);

const BODYLESS = new Set([204, 205, 304]);

/** Header values that could split a response or are not Latin-1 are never written. */
const safeHeaderValue = (value: string): boolean => !/[^\t\x20-\x7e\x80-\xff]/.test(value);

export function sendResponse(ctx: Context, response: MockResponse, problems: ReadonlyArray<MockProblem>): void {
  ctx.respond = false;
  const res = ctx.res;
  ctx.status = response.status; // for loggers reading ctx.status
  res.statusCode = response.status;
  for (const [name, value] of CORS_ENTRIES) res.setHeader(name, value);
  const headers = response.headers;
  if (headers) {
    for (const name in headers) {
      const value = headers[name]!;
      if (safeHeaderValue(value)) res.setHeader(name, value);
    }
  }
  const problem = problemHeader(problems);
  if (problem) res.setHeader('x-mock-problem', problem);
  if (BODYLESS.has(response.status) || response.body === undefined) {
    if (!BODYLESS.has(response.status)) res.setHeader('content-length', '0');
    res.end();
    return;
  }
  const type = contentTypeOf(response);
  const payload =
    typeof response.body === 'string' || Buffer.isBuffer(response.body) ? response.body : JSON.stringify(response.body);
  if (type) res.setHeader('content-type', type.includes('json') && !type.includes('charset') ? `${type}; charset=utf-8` : type);
  res.setHeader('content-length', String(Buffer.byteLength(payload)));
  if (ctx.method === 'HEAD') res.end();
  else res.end(payload);
}
