// What the middlewares of one request share through ctx.state.

import type { WorldRuntime } from '../runtime.js';
import type { HeaderBag } from '../types.js';

export interface RequestState {
  runtime: WorldRuntime;
  operationId: string | null;
  auth: string;
  problem: string | null;
  /** The parsed request body, for the request log (undefined when the operation takes none). */
  body: unknown;
  /** The request's headers, read once from rawHeaders (see toHeaderBag). */
  headers: HeaderBag;
}
