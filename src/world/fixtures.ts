// Fixtures: read a YAML file, validate it against the providers' schemas, seed a store. Bad files fail with file, path, reason.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Clock } from './clock.js';
import { closestName } from '../did-you-mean.js';
import { readPrebuilt } from '../prebuilt.js';
import type { Provider } from '../providers/provider.js';
import type { Compiler } from '../engine/validate/ajv.js';
import { addFormats } from '../engine/validate/formats.js';
import type { Store } from './store.js';

export type Fixtures = Readonly<Record<string, unknown>>;

/** A validator compiler of its own when none is given. */
function createFixtureAjv(): Compiler {
  return addFormats(new Ajv2020({ strict: false, allErrors: false, validateSchema: false }));
}

/** One mistake in a fixtures file: where (a JSON pointer, or a line and column) and what. */
export interface FixtureProblem {
  path: string;
  reason: string;
}

export class FixtureError extends Error {
  readonly code = 'fixtures.invalid' as const;
  /** Every mistake found, the first one also as `path` and `reason`. */
  readonly problems: ReadonlyArray<FixtureProblem>;
  constructor(
    readonly file: string,
    readonly path: string,
    readonly reason: string,
    problems?: ReadonlyArray<FixtureProblem>,
  ) {
    const all = problems && problems.length > 0 ? problems : [{ path, reason }];
    const one = (p: FixtureProblem): string => `${p.path ? ` at ${p.path}` : ''}: ${p.reason}`;
    super(all.length === 1 ? `${file}${one(all[0]!)}` : `${file} has ${all.length} mistakes:\n${all.map((p) => `  - ${p.path || '/'}: ${p.reason}`).join('\n')}`);
    this.name = 'FixtureError';
    this.problems = all;
  }
}

export type FixtureValidator = (file: string, value: unknown) => Fixtures;

interface AjvIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
  parentSchema?: { properties?: Record<string, unknown> };
}

const MAX_PROBLEMS = 25;

/** Ajv's errors as a newcomer reads them: each with its path, a misspelt key named with the key it was meant to be. */
export function toFixtureProblems(errors: ReadonlyArray<AjvIssue>): FixtureProblem[] {
  // Branches of anyOf/oneOf/if say only "must match a schema": kept only when nothing more precise was found.
  const precise = errors.filter((e) => !['anyOf', 'oneOf', 'if', 'not'].includes(e.keyword));
  const seen = new Set<string>();
  const problems: FixtureProblem[] = [];
  for (const e of precise.length > 0 ? precise : errors) {
    let problem: FixtureProblem;
    const extra = e.params['additionalProperty'];
    const missing = e.params['missingProperty'];
    if (typeof extra === 'string') {
      const known = Object.keys(e.parentSchema?.properties ?? {});
      const guess = closestName(extra, known);
      problem = {
        path: `${e.instancePath}/${extra}`,
        reason: `unknown key '${extra}'${guess ? `; did you mean '${guess}'?` : known.length ? ` (known: ${known.join(', ')})` : ''}`,
      };
    } else if (typeof missing === 'string') {
      problem = { path: e.instancePath || '/', reason: `missing required key '${missing}'` };
    } else {
      const allowed = Array.isArray(e.params['allowedValues']) ? ` (${(e.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')})` : '';
      problem = { path: e.instancePath || '/', reason: `${e.message ?? 'invalid'}${allowed}` };
    }
    const key = `${problem.path}\u0000${problem.reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
    if (problems.length === MAX_PROBLEMS) break;
  }
  return problems;
}

/** The schema a fixtures file must meet for these providers: a section per provider, nothing else. */
function toFixturesSchema(providers: ReadonlyArray<Provider>): Record<string, unknown> {
  return {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(providers.map((p) => [p.name, p.fixtureSchema])),
  };
}

export function createFixtureValidator(providers: ReadonlyArray<Provider>, compiler?: Compiler): FixtureValidator {
  const ajv = compiler ?? createFixtureAjv();
  const schema = toFixturesSchema(providers);
  // Compiled on first use (~0.1 s): a start from the build's fixtures validates nothing until the admin API is given some.
  let validate: ReturnType<Compiler['compile']> | undefined;
  // Compiled only when a file is wrong: every mistake at once, with the schema that names the keys allowed there.
  let explain: ReturnType<Compiler['compile']> | undefined;
  return (file, value) => {
    if (value === null || value === undefined) return {};
    validate ??= ajv.compile(schema);
    if (!validate(value)) {
      explain ??= addFormats(new Ajv2020({ strict: false, allErrors: true, verbose: true, validateSchema: false })).compile(schema);
      explain(value);
      const problems = toFixtureProblems((explain.errors ?? validate.errors ?? []) as unknown as AjvIssue[]);
      const first = problems[0] ?? { path: '/', reason: 'invalid' };
      throw new FixtureError(file, first.path, first.reason, problems);
    }
    return value as Fixtures;
  };
}

export async function loadFixtures(file: string, validate: FixtureValidator): Promise<Fixtures> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new FixtureError(file, '', `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return validate(file, await parseYaml(file, text));
}

/** What the build keeps of a fixtures file: its content, and the sha256 of the schema it was found valid against. */
export interface PrebuiltFixtures {
  schema: string;
  fixtures: Fixtures;
}

const schemaHash = (providers: ReadonlyArray<Provider>): string => createHash('sha256').update(JSON.stringify(toFixturesSchema(providers))).digest('hex');

/** A fixtures file read and validated for these providers, as the build keeps it (scripts/prebuild.mjs). */
export async function toPrebuiltFixtures(file: string, providers: ReadonlyArray<Provider>): Promise<PrebuiltFixtures> {
  return { schema: schemaHash(providers), fixtures: await loadFixtures(file, createFixtureValidator(providers)) };
}

/**
 * The fixtures in `file` as the build validated them, when the file is byte-for-byte the one it read and these
 * providers ask for the same schema (saves reading YAML and compiling the validator at start, ~0.15 s); else undefined.
 */
export async function readPrebuiltFixtures(file: string, providers: ReadonlyArray<Provider>, dir: string): Promise<Fixtures | undefined> {
  const built = await readPrebuilt<PrebuiltFixtures>(file, dir);
  return built !== undefined && built.schema === schemaHash(providers) ? built.fixtures : undefined;
}

async function parseYaml(file: string, text: string): Promise<unknown> {
  // Imported here, not at the top: a start from the build's fixtures reads no YAML.
  const { parse } = await import('yaml');
  try {
    return parse(text);
  } catch (error) {
    const e = error as { linePos?: Array<{ line: number; col: number }>; message: string };
    const at = e.linePos?.[0];
    throw new FixtureError(file, at ? `line ${at.line}, column ${at.col}` : '', `not valid YAML: ${e.message.split('\n')[0]}`);
  }
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
