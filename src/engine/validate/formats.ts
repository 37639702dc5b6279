// The string formats every validator checks: ajv-formats' full set, and OpenAPI's precision formats accepted as they are.

import type { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';

/** OpenAPI 3.0's int32, int64, float, double and the like only describe precision or encoding: any value passes. */
const DESCRIPTIVE_FORMATS = ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password'];

/** Teach `ajv` every format a document may name (ajv-formats' full checks, for formatMinimum/formatMaximum too). */
export function addFormats(ajv: Ajv): Ajv {
  // ajv-formats is CommonJS: under NodeNext its plugin is the module's `default`.
  ajvFormats.default(ajv);
  for (const format of DESCRIPTIVE_FORMATS) {
    if (!ajv.formats[format]) ajv.addFormat(format, true);
  }
  return ajv;
}
