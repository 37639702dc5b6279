// What the middlewares of one request share through ctx.state.

import type { LiveWorld } from '../world/worlds.js';
import type { HeaderBag } from '../engine/types.js';

export interface RequestState {
  runtime: LiveWorld;
  operationId: string | null;
  auth: string;
  problem: string | null;
  /** The parsed request body, for the request log (undefined when the operation takes none). */
  body: unknown;
  /** The request's headers, read once from rawHeaders (see toHeaderBag). */
  headers: HeaderBag;
}
