// What the middlewares of one request share through ctx.state, and the request's headers as the engine reads them.

import type { IncomingMessage } from 'node:http';
import type { LiveWorld } from '../world/worlds.js';
import type { HeaderBag } from '../engine/types.js';

export interface RequestState {
  live: LiveWorld;
  operationId: string | null;
  auth: string;
  problem: string | null;
  /** The parsed request body, for the request log (undefined when the operation takes none). */
  body: unknown;
  /** The request's headers (see toHeaderBag). */
  headers: HeaderBag;
}

/**
 * Single headers as strings, repeated ones as arrays (so that a credential sent twice can be refused). The bag has no
 * prototype, like the query object: a header named `__proto__` or `constructor` is a plain entry, and a name never
 * sent reads as undefined.
 */
export function toHeaderBag(req: IncomingMessage): HeaderBag {
  const bag = Object.create(null) as Record<string, string | string[]>;
  for (const [name, values = []] of Object.entries(req.headersDistinct)) bag[name] = values.length === 1 ? values[0]! : values;
  return bag;
}
