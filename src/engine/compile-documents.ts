// Every operation of the documents served, indexed and compiled once at start (or on first use), and the route table.

import { compileOperation, type CompiledOperation } from './compile.js';
import { buildOperationIndex } from './document/operation-index.js';
import type { LoadedDocument } from './document/load-document.js';
import { createRouteTable, type RouteTable } from './routes.js';
import { createAjvSet, schemaSourceOf, type AjvSet } from './validate/ajv.js';
import { noValidatorCache, openValidatorCache } from './validate/precompiled.js';

export interface CompiledDocuments {
  operations: ReadonlyArray<CompiledOperation>;
  routes: RouteTable;
  /** Keep the validators compiled so far for the next start. */
  save(): Promise<void>;
}

export interface CompileOptions {
  /** Owner name → base path: operations under it belong to that owner (`Operation.provider`). */
  basePaths: ReadonlyMap<string, string>;
  warn(file: string, message: string): void;
  /** Where precompiled validators are kept between starts; none when undefined. */
  cacheDir: string | undefined;
}

/**
 * The owned operations (a provider's, the control API's) compile now, from precompiled validators once cached; another
 * document's operations compile on first use (warmOperations does the rest in the background).
 */
export async function compileDocuments(documents: ReadonlyArray<LoadedDocument>, options: CompileOptions): Promise<CompiledDocuments> {
  const operations: CompiledOperation[] = [];
  const compilers: AjvSet[] = [];
  for (const document of documents) {
    const ops = buildOperationIndex(document, options.basePaths);
    const owned = ops.some((op) => op.provider !== null);
    const cache = owned && options.cacheDir && document.hash ? await openValidatorCache(options.cacheDir, document.hash) : noValidatorCache;
    const ajv = createAjvSet(document.document.openapi, cache, { schemas: schemaSourceOf(document), warn: (message) => options.warn(document.file, message) });
    compilers.push(ajv);
    for (const op of ops) operations.push(compileOperation(op, ajv, op.provider !== null));
  }
  return {
    operations,
    routes: createRouteTable(operations.map((c) => c.op)),
    save: async () => void (await Promise.all(compilers.map((c) => c.save()))),
  };
}
