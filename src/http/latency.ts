// Added latency per request (--latency): a random wait in [minMs, maxMs] before the request is answered.

import type { Middleware } from 'koa';
import type { Latency } from '../config.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createLatency({ minMs, maxMs }: Latency): Middleware {
  return async (_ctx, next) => {
    await sleep(minMs + Math.random() * (maxMs - minMs));
    await next();
  };
}
