// ajv, loaded on first need: with every validator precompiled in the cache, a start never compiles and never loads it.

import { createRequire } from 'node:module';
import type { Ajv, Options, ValidateFunction, _ as CodeTag } from 'ajv';

const require = createRequire(import.meta.url);

export interface AjvModules {
  /** Draft-07 (OpenAPI 3.0) and 2020-12 (OpenAPI 3.1) validators. */
  Ajv: new (options: Options) => Ajv;
  Ajv2020: new (options: Options) => Ajv;
  addFormats: (ajv: Ajv) => Ajv;
  /** ajv's code template tag. */
  _: typeof CodeTag;
  standaloneCode: (ajv: Ajv, fn: ValidateFunction) => string;
}

/** CommonJS modules whose main export also sits on `default`. */
const main = <T>(module: unknown): T => ((module as { default?: T }).default ?? module) as T;

let loaded: AjvModules | undefined;

/** About 50 ms of module loading on the development machine, paid only by a start that has something to compile. */
export function loadAjv(): AjvModules {
  if (!loaded) {
    const core = require('ajv') as { default: AjvModules['Ajv']; _: AjvModules['_'] };
    loaded = {
      Ajv: main(core),
      Ajv2020: main(require('ajv/dist/2020.js')),
      addFormats: main(require('ajv-formats')),
      _: core._,
      standaloneCode: main(require('ajv/dist/standalone/index.js')),
    };
  }
  return loaded;
}
