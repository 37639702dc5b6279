// Compile everything an operation needs once, at start-up: parameter, body and response validators.

import type { Operation } from '../types.js';
import type { AjvSet } from '../validation/ajv.js';
import { compileParameters, type ParameterValidator } from '../validation/parameters.js';
import { compileRequestBody, type BodyValidator } from '../validation/request-body.js';
import { compileResponses, type ResponseValidator } from '../validation/response.js';

export interface CompiledOperation {
  op: Operation;
  parameters: ParameterValidator;
  body: BodyValidator | undefined;
  response: ResponseValidator;
}

export function compileOperation(op: Operation, ajv: AjvSet): CompiledOperation {
  return {
    op,
    parameters: compileParameters(op, ajv),
    body: compileRequestBody(op, ajv),
    response: compileResponses(op, ajv),
  };
}
