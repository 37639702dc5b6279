// Every operation of the documents served, indexed once with its validators (compiled on first use), and the route table.

import { compileOperation, type CompiledOperation } from './compile.js';
import { buildOperationIndex } from './document/operation-index.js';
import type { LoadedDocument } from './document/load-document.js';
import { createRouteTable, type RouteTable } from './routes.js';
import { createAjvSet, schemaSourceOf } from './validate/ajv.js';

export interface CompiledDocuments {
  operations: ReadonlyArray<CompiledOperation>;
  routes: RouteTable;
}

export interface CompileOptions {
  /** Owner name → base path: operations under it belong to that owner (`Operation.provider`). */
  basePaths: ReadonlyMap<string, string>;
  warn(file: string, message: string): void;
}

/** Every operation's validators compile on first use; warmOperations compiles the rest in the background after start. */
export function compileDocuments(documents: ReadonlyArray<LoadedDocument>, options: CompileOptions): CompiledDocuments {
  const operations: CompiledOperation[] = [];
  for (const document of documents) {
    const ops = buildOperationIndex(document, options.basePaths);
    const ajv = createAjvSet(document.document.openapi, { schemas: schemaSourceOf(document), warn: (message) => options.warn(document.file, message) });
    for (const op of ops) operations.push(compileOperation(op, ajv));
  }
  return {
    operations,
    routes: createRouteTable(operations.map((c) => c.op)),
  };
}
