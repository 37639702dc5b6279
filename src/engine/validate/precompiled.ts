// Precompiled validators: ajv's standalone code for every schema a document needs, saved once, loaded at later starts.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Ajv, ValidateFunction } from 'ajv';
import { writeCacheFile } from '../document/cache-dir.js';
import { FORMATS_VERSION } from './formats.js';
import { loadAjv } from './ajv-modules.js';
import { CONVERSION_VERSION } from '../document/to-json-schema.js';


const require = createRequire(import.meta.url);
const AJV_VERSION = (require('ajv/package.json') as { version: string }).version;
const AJV_DIR = dirname(require.resolve('ajv/package.json'));

export interface ValidatorCache {
  /** A key naming this schema for this compiler (null when the schema cannot be keyed, e.g. it is circular). */
  keyOf(kind: string, schema: unknown): string | null;
  get(key: string): ValidateFunction | undefined;
  remember(key: string, ajv: Ajv, fn: ValidateFunction): void;
  /** Write the module when anything was compiled that it did not have. */
  save(): Promise<void>;
}

export const noValidatorCache: ValidatorCache = {
  keyOf: () => null,
  get: () => undefined,
  remember: () => undefined,
  save: async () => undefined,
};

/** Absolute requires, so the module loads from the cache directory. */
const absolutise = (code: string): string => code.replace(/require\("ajv\/dist\//g, `require(${JSON.stringify(`${AJV_DIR}/dist/`).slice(0, -1)}`);

export async function openValidatorCache(dir: string, documentHash: string): Promise<ValidatorCache> {
  const file = join(dir, `validators-${documentHash.slice(0, 32)}-ajv${AJV_VERSION}-${FORMATS_VERSION}${CONVERSION_VERSION}.cjs`);
  // Read on first need: a document whose operations compile on first use starts without waiting for this file.
  let loaded: Record<string, ValidateFunction> | undefined;
  let source = '';
  const load = (): Record<string, ValidateFunction> => {
    if (loaded) return loaded;
    try {
      source = readFileSync(file, 'utf8');
      loaded = require(file) as Record<string, ValidateFunction>;
    } catch {
      loaded = {};
      source = '';
    }
    return loaded;
  };
  const fresh = new Map<string, string>();
  return {
    keyOf(kind, schema) {
      try {
        return createHash('sha1').update(`${kind}\0${JSON.stringify(schema)}`).digest('hex');
      } catch {
        return null;
      }
    },
    get: (key) => (Object.hasOwn(load(), key) ? load()[key] : undefined),
    remember(key, ajv, fn) {
      if (Object.hasOwn(load(), key) || fresh.has(key)) return;
      try {
        fresh.set(key, absolutise(loadAjv().standaloneCode(ajv, fn)));
      } catch {
        // A validator ajv cannot emit stands alone is simply compiled again next time.
      }
    },
    async save() {
      if (fresh.size === 0) return;
      const parts = [...fresh].map(
        ([key, code]) => `exports[${JSON.stringify(key)}] = (function () { const module = { exports: {} };\n${code}\nreturn module.exports; })();`,
      );
      const keep = source ? `${source}\n` : '"use strict";\n';
      try {
        await writeCacheFile(file, keep + parts.join('\n'));
        fresh.clear();
      } catch {
        // Unwritable cache: the next start compiles again.
      }
    },
  };
}
