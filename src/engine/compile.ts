// Compile everything an operation needs once: parameter, body and response validators, at start-up or on first use.

import type { Operation } from './types.js';
import type { AjvSet } from './validate/ajv.js';
import { compileParameters, type ParameterValidator } from './validate/parameters.js';
import { compileRequestBody, type BodyValidator } from './validate/request-body.js';
import { compileResponses, type ResponseValidator } from './validate/response.js';

export interface CompiledOperation {
  op: Operation;
  parameters: ParameterValidator;
  body: BodyValidator | undefined;
  response: ResponseValidator;
  /** Compile now whatever is still waiting for its first use. */
  warm(): void;
}

/**
 * The operation's validators, each compiled on its first use, so that a document starts answering before all of
 * them are compiled (warmOperations compiles the rest in the background; together about 0.3 s of start-up).
 */
export function compileOperation(op: Operation, ajv: AjvSet): CompiledOperation {
  let parameters: ParameterValidator | undefined;
  let body: BodyValidator | null | undefined;
  let response: ResponseValidator | undefined;
  const bodyNow = (): BodyValidator | null => (body === undefined ? (body = compileRequestBody(op, ajv) ?? null) : body);
  const compiled: CompiledOperation = {
    op,
    parameters: (req, warn) => (parameters ??= compileParameters(op, ajv))(req, warn),
    body: op.requestBody
      ? Object.assign((mediaType: string | undefined, value: unknown) => bodyNow()!(mediaType, value), {
          mediaTypes: op.requestBody.content.map((m) => m.mediaType),
          required: op.requestBody.required,
        })
      : undefined,
    response: (res, contentType) => (response ??= compileResponses(op, ajv))(res, contentType),
    warm() {
      parameters ??= compileParameters(op, ajv);
      bodyNow();
      response ??= compileResponses(op, ajv);
    },
  };
  return compiled;
}

/** Compile what is still waiting, one operation per turn of the event loop, until done or `stopped()`. */
export async function warmOperations(operations: ReadonlyArray<CompiledOperation>, stopped: () => boolean = () => false): Promise<void> {
  for (const c of operations) {
    if (stopped()) return;
    c.warm();
    await new Promise((resolve) => setImmediate(resolve));
  }
}
