// Fixtures: read a YAML file, validate it against the providers' schemas, seed a store. Bad files fail with file, path, reason.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Clock } from '../clock.js';
import { writeCacheFile } from '../spec/cache-dir.js';
import type { Provider } from '../types.js';
import type { Compiler } from '../validation/ajv.js';
import { loadAjv } from '../validation/ajv-modules.js';
import type { Store } from './store.js';


export type Fixtures = Readonly<Record<string, unknown>>;

/** A validator compiler of its own when none is given (ajv loads only then). */
function createFixtureAjv(): Compiler {
  const { Ajv2020, addFormats } = loadAjv();
  return addFormats(new Ajv2020({ strict: false, allErrors: false, validateSchema: false }));
}

export class FixtureError extends Error {
  readonly code = 'fixtures.invalid' as const;
  constructor(
    readonly file: string,
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${file}${path ? ` at ${path}` : ''}: ${reason}`);
    this.name = 'FixtureError';
  }
}

export type FixtureValidator = (file: string, value: unknown) => Fixtures;

export function createFixtureValidator(providers: ReadonlyArray<Provider>, compiler?: Compiler): FixtureValidator {
  const ajv = compiler ?? createFixtureAjv();
  const validate = ajv.compile({
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(providers.map((p) => [p.name, p.fixtureSchema])),
  });
  return (file, value) => {
    if (value === null || value === undefined) return {};
    if (!validate(value)) {
      const error = validate.errors?.[0];
      const params = (error?.params ?? {}) as Record<string, unknown>;
      const extra = params['additionalProperty'] ?? params['missingProperty'];
      const path = `${error?.instancePath ?? ''}${typeof extra === 'string' ? `/${extra}` : ''}` || '/';
      throw new FixtureError(file, path, `${error?.message ?? 'invalid'}${typeof extra === 'string' ? ` ('${extra}')` : ''}`);
    }
    return value as Fixtures;
  };
}

export interface LoadFixturesOptions {
  /**
   * A private cache directory (see cache-dir.ts): the parsed file is kept there as JSON under the hash of its text,
   * so a start with unchanged fixtures neither loads the YAML parser nor parses. Validation runs on every load.
   */
  cacheDir?: string | null;
}

export async function loadFixtures(file: string, validate: FixtureValidator, options: LoadFixturesOptions = {}): Promise<Fixtures> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new FixtureError(file, '', `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return validate(file, options.cacheDir ? await parseCached(file, text, options.cacheDir) : await parseYaml(file, text));
}

async function parseYaml(file: string, text: string): Promise<unknown> {
  const { parse } = await import('yaml');
  try {
    return parse(text);
  } catch (error) {
    const e = error as { linePos?: Array<{ line: number; col: number }>; message: string };
    const at = e.linePos?.[0];
    throw new FixtureError(file, at ? `line ${at.line}, column ${at.col}` : '', `not valid YAML: ${e.message.split('\n')[0]}`);
  }
}

async function parseCached(file: string, text: string, cacheDir: string): Promise<unknown> {
  const entry = join(cacheDir, `fixtures-${createHash('sha256').update(text).digest('hex').slice(0, 32)}.json`);
  try {
    return JSON.parse(await readFile(entry, 'utf8')) as unknown;
  } catch {
    // Not cached yet (or unreadable): parse the YAML.
  }
  const value = await parseYaml(file, text);
  try {
    // Only what JSON keeps exactly (YAML's .inf or a Date would not survive): anything else is parsed every time.
    const json = JSON.stringify(value);
    if (json !== undefined && isDeepStrictEqual(JSON.parse(json), value)) await writeCacheFile(entry, json);
  } catch {
    // A cache that cannot be written only costs the next start its speed.
  }
  return value;
}

/** Seed every provider's section in one atomic write; returns how many items each provider added. */
export async function seedStore(store: Store, providers: ReadonlyArray<Provider>, fixtures: Fixtures, clock: Clock): Promise<Record<string, number>> {
  return store.write((tx) => {
    const added: Record<string, number> = {};
    for (const provider of providers) {
      const section = fixtures[provider.name];
      added[provider.name] = section === undefined ? 0 : provider.seed(tx, section, { clock });
    }
    return added;
  });
}
