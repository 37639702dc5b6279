// What the middlewares of one request share through ctx.state.

import type { Fault } from '../pipeline/run.js';
import type { WorldRuntime } from '../runtime.js';

export interface RequestState {
  runtime: WorldRuntime;
  operationId: string | null;
  auth: string;
  problem: string | null;
  takeFault(operationId: string): Fault | undefined;
}
