// A Koa context on a fake socket, for the tests of http/ modules that write the response themselves: no port, no network.

import Koa, { type Context } from 'koa';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';

export interface FakeExchange {
  ctx: Context;
  /** What was written: status, headers (lower-case names) and the body passed to res.end, as text. */
  sent(): { status: number; headers: Record<string, string>; body: string; ended: boolean };
}

/** A context for `method url` with these headers and, when given, this request body (readable once from ctx.req). */
export function createFakeExchange(method: string, url: string, headers: Record<string, string> = {}, body?: string): FakeExchange {
  const req = new IncomingMessage(new Socket());
  req.method = method;
  req.url = url;
  const lowered = Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value] as const);
  req.rawHeaders = Object.entries(headers).flat();
  req.headers = Object.fromEntries(lowered);
  req.headersDistinct = Object.fromEntries(lowered.map(([name, value]) => [name, [value]]));
  if (body !== undefined) req.push(Buffer.from(body));
  req.push(null);
  const res = new ServerResponse(req);
  let written = '';
  const end = res.end.bind(res);
  res.end = ((chunk?: unknown) => {
    if (typeof chunk === 'string' || Buffer.isBuffer(chunk)) written += chunk.toString();
    return end();
  }) as typeof res.end;
  const ctx = new Koa().createContext(req, res);
  return {
    ctx,
    sent: () => ({
      status: res.statusCode,
      headers: Object.fromEntries(Object.entries(res.getHeaders()).map(([name, value]) => [name, String(value)])),
      body: written,
      ended: res.writableEnded,
    }),
  };
}
