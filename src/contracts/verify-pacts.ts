// Verify any team's pacts against a fresh authmock, one new sandbox per pact, with authmock's provider states:
// a readable report, JUnit XML on request, and every unknown or failing provider state named.

// Pact phones home unless told not to; authmock must run offline (set before pact-js is loaded below).
process.env['PACT_DO_NOT_TRACK'] = 'true';

import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { VerifierOptions } from '@pact-foundation/pact';
import { startServer, type RunningServer } from '../server.js';
import { resolveSettings, type Settings } from '../config.js';
import type { Operation } from '../engine/types.js';
import { REGISTRY } from '../providers/registry.js';
import { expandPactPaths, PactFileError, readPactFile, type PactFile } from './pact-file.js';
import { createOperationMatcher, resolvePrefix } from './resolve-operation.js';
import { formatReport, stripAnsi, toJunit, type InteractionResult, type PactResult } from './pact-report.js';
import { createVerifierStates, type StateProblem } from './state-handlers.js';

export type { InteractionResult, PactResult } from './pact-report.js';

export interface VerifyPactsOptions {
  /** Pact files, or directories of them (`*.json`). */
  files: ReadonlyArray<string>;
  /** Write JUnit XML here. */
  junit?: string;
  /** Also verify the pacts a Pact Broker holds for authmock's providers (credentials from PACT_BROKER_TOKEN etc.). */
  brokerUrl?: string;
  /** Provider names to ask the broker for (default: `authmock-<name>` of every registered provider). */
  brokerProviders?: ReadonlyArray<string>;
  /** Start authmock with another document or fixtures. */
  server?: Partial<Pick<Settings, 'document' | 'fixtures' | 'providerSettings'>>;
  /** Pact's own log level (default 'error'). */
  logLevel?: 'error' | 'warn' | 'info' | 'debug';
}

export interface VerifyPactsResult {
  ok: boolean;
  report: string;
  pacts: PactResult[];
}

export const DEFAULT_BROKER_PROVIDERS: ReadonlyArray<string> = REGISTRY.names.map((name) => `authmock-${name}`);

interface VerifierJson {
  result?: boolean;
  interactionResults?: Array<{ description?: string; result?: string; duration?: string }>;
  errors?: Array<{ interaction?: string; mismatch?: { type?: string; message?: string; mismatches?: Array<{ mismatch?: string; path?: string; key?: string }> } }>;
}


function parseVerifierJson(text: string): VerifierJson | undefined {
  try {
    const json = JSON.parse(text) as unknown;
    return typeof json === 'object' && json !== null ? (json as VerifierJson) : undefined;
  } catch {
    return undefined;
  }
}

function mismatchMessages(error: NonNullable<VerifierJson['errors']>[number]): string[] {
  const m = error.mismatch;
  if (!m) return ['verification failed'];
  if (m.type === 'error' || !Array.isArray(m.mismatches)) return [stripAnsi(m.message ?? 'verification failed')];
  return m.mismatches.map((x) => stripAnsi(`${x.path && x.path !== '/' ? `${x.path}: ` : ''}${x.mismatch ?? 'mismatch'}`));
}

/** The mount (`/<provider>`) under which most of the pact's requests name an operation of the running mock. */
export function resolveMount(pact: PactFile, operations: ReadonlyArray<Operation>): string {
  const requests = pact.interactions.flatMap((i) => (i.request ? [i.request] : []));
  return resolvePrefix(requests, createOperationMatcher(operations)).add;
}

/** The verifier's durations ("135ms", "1.3s", "1m 2s") in seconds; undefined when unreadable. */
export function toSeconds(duration: string | undefined): number | undefined {
  if (!duration) return undefined;
  let total = 0;
  let matched = false;
  for (const [, value, unit] of duration.matchAll(/(\d+(?:\.\d+)?)\s*(ms|s|m|h)\b/g)) {
    matched = true;
    total += Number(value) * ({ ms: 0.001, s: 1, m: 60, h: 3600 } as Record<string, number>)[unit!]!;
  }
  return matched ? Math.round(total * 1000) / 1000 : undefined;
}

/** How the verifier names an interaction in its errors: `... Given A And B - description` (states in pact order). */
const errorSuffix = (description: string, states: ReadonlyArray<string>): string =>
  `${states.length ? ` Given ${states.join(' And ')}` : ''} - ${description}`;

const MESSAGE_NOT_SUPPORTED = 'a message interaction: not supported (authmock verifies HTTP interactions only); not verified';

/**
 * Map the verifier's JSON onto the pact's interactions. Descriptions repeat (one request under several provider
 * states), so an error is matched by its description and its states, and a result by its place among the results
 * with that description. Errors that name no interaction (a pact that failed to load) come back as `unmatched`.
 */
function toInteractionResults(pact: PactFile | undefined, json: VerifierJson | undefined): { interactions: InteractionResult[]; unmatched: string[] } {
  const results = json?.interactionResults ?? [];
  const errors = [...(json?.errors ?? [])];
  const takeErrors = (description: string, states: ReadonlyArray<string> | undefined): string[] => {
    const names = errors.map((e) => stripAnsi(e.interaction ?? ''));
    // Exactly this interaction (consumer, provider, states, description); else, as before, by its description alone.
    const exact = pact && states ? `Verifying a pact between ${pact.consumer} and ${pact.provider}${errorSuffix(description, states)}` : undefined;
    let index = exact === undefined ? -1 : names.indexOf(exact);
    if (index === -1 && states) {
      // The names the verifier printed may differ (a pact without a provider name): the states and description then.
      const suffix = errorSuffix(description, states);
      index = names.findIndex((name) => name.endsWith(suffix) && (states.length > 0 || !name.slice(0, -suffix.length).includes(' Given ')));
    }
    if (index === -1 && !states) index = names.findIndex((name) => name.endsWith(` - ${description}`));
    if (index === -1) return [];
    const [error] = errors.splice(index, 1);
    return mismatchMessages(error!);
  };
  const unmatched = (): string[] => errors.map((e) => `${stripAnsi(e.interaction ?? 'verification')}: ${mismatchMessages(e).join('; ')}`);
  if (pact) {
    const seen = new Map<string, number>();
    const interactions = pact.interactions.map((interaction): InteractionResult => {
      const states = interaction.states.map((s) => s.name);
      if (!interaction.request) {
        // The verifier's own result for it (if it tried) is dropped with the others of this description's turn.
        return { description: interaction.description, states, ok: true, skipped: MESSAGE_NOT_SUPPORTED, messages: [] };
      }
      const messages = takeErrors(interaction.description, states);
      const turn = seen.get(interaction.description) ?? 0;
      seen.set(interaction.description, turn + 1);
      const result = results.filter((r) => r.description === interaction.description)[turn];
      const ran = result !== undefined;
      const seconds = toSeconds(result?.duration);
      return {
        description: interaction.description,
        states,
        ok: messages.length === 0 && ran && result.result !== 'Error' && result.result !== 'Failed',
        messages: messages.length > 0 || ran ? messages : ['not verified (the verifier did not run this interaction)'],
        ...(seconds === undefined ? {} : { seconds }),
      };
    });
    return { interactions, unmatched: unmatched() };
  }
  const interactions = results.map((r): InteractionResult => {
    const messages = takeErrors(r.description ?? '', undefined);
    const seconds = toSeconds(r.duration);
    return { description: r.description ?? '', states: [], ok: messages.length === 0 && r.result !== 'Error', messages, ...(seconds === undefined ? {} : { seconds }) };
  });
  return { interactions, unmatched: unmatched() };
}

/** Unknown and failed states fail every interaction that uses them; any left over are problems of the whole pact. */
function applyStateProblems(result: PactResult, problems: ReadonlyArray<StateProblem>): void {
  for (const problem of problems) {
    const users = result.interactions.filter((i) => i.states.includes(problem.state));
    for (const i of users) {
      i.ok = false;
      i.messages.unshift(problem.message);
    }
    if (users.length === 0) result.problems.push(problem.message);
  }
}

type VerifierClass = new (options: VerifierOptions) => { verifyProvider(): Promise<unknown> };

async function loadVerifier(): Promise<VerifierClass> {
  const pact = (await import('@pact-foundation/pact')) as unknown as { Verifier?: VerifierClass; default?: { Verifier: VerifierClass } };
  const Verifier = pact.Verifier ?? pact.default?.Verifier;
  if (!Verifier) throw new Error('@pact-foundation/pact does not export Verifier');
  return Verifier;
}

async function createSandbox(running: RunningServer): Promise<{ id: string; basePath: string }> {
  const res = await fetch(`${running.url}/__admin/sandboxes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  if (res.status !== 201) throw new Error(`could not create a sandbox: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { id: string; base_path: string };
  return { id: body.id, basePath: body.base_path };
}

interface RunTarget {
  source: string;
  pact: PactFile | undefined;
  consumer: string;
  provider: string;
  /** Verifier options that say where the pacts come from. */
  pactSource: Partial<VerifierOptions>;
  mount: string;
  /** Per interaction (by index), the `${name}`s its request takes from provider states (ProviderState generators). */
  stateVariables: ReadonlyArray<ReadonlyArray<string>>;
}

/** The `${name}` expressions of every ProviderState generator in a raw interaction's request. */
export function providerStateVariables(rawInteraction: unknown): string[] {
  const names = new Set<string>();
  const walk = (v: unknown, depth: number): void => {
    if (depth > 12 || typeof v !== 'object' || v === null) return;
    const o = v as Record<string, unknown>;
    if (o['type'] === 'ProviderState' && typeof o['expression'] === 'string') {
      for (const [, name] of o['expression'].matchAll(/\$\{([^}]+)\}/g)) names.add(name!.trim());
    }
    for (const child of Object.values(o)) walk(child, depth + 1);
  };
  walk((rawInteraction as { request?: unknown } | null)?.request, 0);
  return [...names];
}

function rawInteractions(file: string): unknown[] {
  try {
    const json = JSON.parse(readFileSync(file, 'utf8')) as { interactions?: unknown; messages?: unknown };
    const list = json.interactions ?? json.messages;
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

/**
 * Provider-state values a request takes but no state of its interaction gave: the pact's example value goes out
 * instead and the failure reads like the mock's fault, so the variable is named.
 */
function applyStateVariables(result: PactResult, wanted: ReadonlyArray<ReadonlyArray<string>>, given: ReadonlyMap<string, ReadonlySet<string>>): void {
  result.interactions.forEach((interaction, index) => {
    const ran = interaction.states.filter((s) => given.has(s));
    if (interaction.skipped || ran.length === 0) return;
    const offered = new Set(ran.flatMap((s) => [...given.get(s)!]));
    const missing = (wanted[index] ?? []).filter((name) => !offered.has(name));
    if (missing.length === 0) return;
    const list = missing.map((m) => `\${${m}}`).join(', ');
    const gives = offered.size ? `gives only ${[...offered].map((o) => `\${${o}}`).join(', ')}` : 'gives no values';
    interaction.ok = false;
    interaction.messages.unshift(`the request takes ${list} from the provider state, but ${ran.map((s) => `'${s}'`).join(' and ')} ${gives} (see contracts/README.md)`);
  });
}

async function runOne(Verifier: VerifierClass, running: RunningServer, target: RunTarget, startTime: number, logLevel: VerifyPactsOptions['logLevel']): Promise<PactResult> {
  const result: PactResult = { source: target.source, consumer: target.consumer, provider: target.provider, ok: false, interactions: [], problems: [] };
  const sandbox = await createSandbox(running);
  try {
    const world = running.mock.worlds.get(sandbox.id)?.world;
    if (!world) throw new Error(`sandbox ${sandbox.id} vanished`);
    const states = createVerifierStates({ world, baseUrl: `${running.url}${sandbox.basePath}` }, { startTime });
    // Which values each state handed back, to name a `${variable}` a request takes that no state gives.
    const given = new Map<string, Set<string>>();
    const stateHandlers = new Proxy(states.stateHandlers, {
      get(target, name) {
        const handler = Reflect.get(target, name) as { setup: (params?: unknown) => Promise<Record<string, unknown> | undefined> } | undefined;
        if (typeof name !== 'string' || !handler || typeof handler.setup !== 'function') return handler;
        return {
          ...handler,
          async setup(params?: unknown) {
            const values = await handler.setup(params);
            const keys = given.get(name) ?? new Set<string>();
            for (const key of Object.keys(values ?? {})) keys.add(key);
            given.set(name, keys);
            return values;
          },
        };
      },
    });
    let json: VerifierJson | undefined;
    if (target.pact && target.pact.interactions.every((i) => !i.request)) {
      // Only message interactions: nothing the verifier could run against an HTTP mock.
      result.interactions = toInteractionResults(target.pact, undefined).interactions;
      result.ok = true;
      return result;
    }
    try {
      const out = await new Verifier({
        provider: target.provider,
        providerBaseUrl: `${running.url}${sandbox.basePath}${target.mount}`,
        stateHandlers: stateHandlers as VerifierOptions['stateHandlers'],
        beforeEach: states.beforeEach,
        requestFilter: states.requestFilter as unknown as VerifierOptions['requestFilter'],
        logLevel: logLevel ?? 'error',
        ...target.pactSource,
      }).verifyProvider();
      json = parseVerifierJson(typeof out === 'string' ? out : '');
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      json = parseVerifierJson(text);
      if (!json) result.problems.push(`the verifier could not run: ${stripAnsi(text).split('\n')[0]}`);
    }
    const mapped = toInteractionResults(target.pact, json);
    result.interactions = mapped.interactions;
    result.problems.push(...mapped.unmatched);
    applyStateProblems(result, states.problems);
    applyStateVariables(result, target.stateVariables, given);
    if (json && json.result === false && result.interactions.every((i) => i.ok) && result.problems.length === 0) {
      result.problems.push('the verifier reported a failure that names no interaction');
    }
  } finally {
    await fetch(`${running.url}/__admin/sandboxes/${encodeURIComponent(sandbox.id)}`, { method: 'DELETE' }).catch(() => undefined);
  }
  result.ok = result.problems.length === 0 && result.interactions.every((i) => i.ok);
  return result;
}

function targetsFromFiles(files: ReadonlyArray<string>, operations: ReadonlyArray<Operation>, results: PactResult[]): RunTarget[] {
  const targets: RunTarget[] = [];
  for (const file of files) {
    let pact: PactFile;
    try {
      pact = readPactFile(file);
    } catch (error) {
      const message = error instanceof PactFileError ? error.message : (error as Error).message;
      results.push({ source: file, consumer: '', provider: '', ok: false, interactions: [], problems: [message] });
      continue;
    }
    targets.push({
      source: file,
      pact,
      consumer: pact.consumer,
      provider: pact.provider || 'authmock',
      pactSource: { pactUrls: [file] },
      mount: resolveMount(pact, operations),
      stateVariables: rawInteractions(file).map(providerStateVariables),
    });
  }
  return targets;
}

function targetsFromBroker(brokerUrl: string, providers: ReadonlyArray<string>, operations: ReadonlyArray<Operation>): RunTarget[] {
  const mounts = new Set(operations.map((op) => /^\/[^/{]+/.exec(op.path)?.[0]));
  return providers.map((provider) => {
    const guess = `/${provider.replace(/^authmock-/, '')}`;
    return {
      source: `broker:${provider}`,
      pact: undefined,
      consumer: '(broker)',
      provider,
      // Pact's recommended selection: the consumers' main branch and whatever is deployed or released.
      pactSource: { pactBrokerUrl: brokerUrl, consumerVersionSelectors: [{ mainBranch: true }, { deployedOrReleased: true }], failIfNoPactsFound: false },
      mount: mounts.has(guess) ? guess : '',
      stateVariables: [],
    };
  });
}

export async function verifyPacts(options: VerifyPactsOptions): Promise<VerifyPactsResult> {
  const results: PactResult[] = [];
  let files: string[] = [];
  try {
    files = expandPactPaths(options.files);
  } catch (error) {
    results.push({ source: (error as PactFileError).file ?? '', consumer: '', provider: '', ok: false, interactions: [], problems: [(error as Error).message] });
  }
  if (files.length === 0 && !options.brokerUrl && results.length === 0) {
    results.push({ source: options.files.join(' '), consumer: '', provider: '', ok: false, interactions: [], problems: ['no pact files found'] });
  }
  const Verifier = await loadVerifier();
  const running = await startServer({ settings: resolveSettings({ port: 0, strict: true, ...options.server }) });
  try {
    const operations = running.mock.operations.map((c) => c.op);
    const startTime = Math.floor(running.mock.worlds.main.world.clock.now() / 1000) * 1000;
    const targets = [
      ...targetsFromFiles(files, operations, results),
      ...(options.brokerUrl ? targetsFromBroker(options.brokerUrl, options.brokerProviders ?? DEFAULT_BROKER_PROVIDERS, operations) : []),
    ];
    for (const target of targets) results.push(await runOne(Verifier, running, target, startTime, options.logLevel));
  } finally {
    await running.close();
  }
  const ok = results.length > 0 && results.every((r) => r.ok);
  if (options.junit) {
    await mkdir(dirname(options.junit), { recursive: true });
    await writeFile(options.junit, toJunit(results));
  }
  return { ok, report: formatReport(results), pacts: results };
}
