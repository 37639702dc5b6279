// Mount the route table on @koa/router: one route per operation, under its route's pattern, literal paths first.

import { METHODS } from 'node:http';
import Router from '@koa/router';
import type { CompiledOperation } from '../engine/compile.js';
import type { RouteTable } from '../engine/routes.js';
import type { Operation, OperationOwner } from '../engine/types.js';
import { createOperationMiddleware, type OperationMiddlewareOptions } from './handle-operation.js';

/**
 * The router of every operation. Routes are registered as the table's patterns (RegExp paths), so that the router
 * matches exactly as the table does (case-insensitive, `{id}` one non-empty segment, dots and `%2F` inside it), and
 * in the table's order, so that the first route matching is the literal one. Every method Node knows is "implemented",
 * so that allowedMethods() answers an undocumented method with 405 rather than 501. A documented OPTIONS operation is
 * not mounted: OPTIONS is the CORS preflight on every documented path.
 */
export function createOperationsRouter(
  table: RouteTable,
  compiled: ReadonlyArray<CompiledOperation>,
  ownerOf: (op: Operation) => OperationOwner | undefined,
  options: OperationMiddlewareOptions,
): Router {
  const byOperation = new Map(compiled.map((c) => [c.op, c]));
  const router = new Router({ methods: [...METHODS] });
  for (const route of table.routes) {
    // An explicit HEAD operation before the GET one (whose route answers HEAD too).
    const ops = [...route.operations.values()].filter((op) => op.method !== 'OPTIONS').sort((a, b) => Number(b.method === 'HEAD') - Number(a.method === 'HEAD'));
    for (const op of ops) {
      const middleware = createOperationMiddleware(byOperation.get(op)!, route, ownerOf(op), options);
      router.register(route.pattern, [op.method], middleware, { name: op.operationId, pathAsRegExp: true });
    }
  }
  return router;
}
