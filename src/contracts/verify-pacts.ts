// Verify any team's pacts against a fresh authmock, one new sandbox per pact, with authmock's provider states:
// a readable report, JUnit XML on request, and every unknown or failing provider state named.

// Pact phones home unless told not to; authmock must run offline (set before pact-js is loaded below).
process.env['PACT_DO_NOT_TRACK'] = 'true';

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { VerifierOptions } from '@pact-foundation/pact';
import { startServer, type RunningServer, type ServerOptions } from '../server.js';
import type { Operation } from '../types.js';
import { expandPactPaths, PactFileError, readPactFile, type PactFile } from './pact-file.js';
import { createOperationMatcher, resolvePrefix } from './resolve-operation.js';
import { formatReport, toJunit, type InteractionResult, type PactResult } from './pact-report.js';
import { createVerifierStates, type StateProblem } from './state-handlers.js';

export type { InteractionResult, PactResult } from './pact-report.js';

export interface VerifyPactsOptions {
  /** Pact files, or directories of them (`*.json`). */
  files: ReadonlyArray<string>;
  /** Write JUnit XML here. */
  junit?: string;
  /** Also verify the pacts a Pact Broker holds for authmock's providers (credentials from PACT_BROKER_TOKEN etc.). */
  brokerUrl?: string;
  /** Provider names to ask the broker for (default: authmock-duet, authmock-devicehq, authmock-rfcx, authmock-emnify). */
  brokerProviders?: ReadonlyArray<string>;
  /** Start authmock with another document or fixtures. */
  server?: Pick<ServerOptions, 'document' | 'fixtures' | 'providerOptions'>;
  /** Pact's own log level (default 'error'). */
  logLevel?: 'error' | 'warn' | 'info' | 'debug';
}

export interface VerifyPactsResult {
  ok: boolean;
  report: string;
  pacts: PactResult[];
}

export const DEFAULT_BROKER_PROVIDERS = ['authmock-duet', 'authmock-devicehq', 'authmock-rfcx', 'authmock-emnify'] as const;

interface VerifierJson {
  result?: boolean;
  interactionResults?: Array<{ description?: string; result?: string }>;
  errors?: Array<{ interaction?: string; mismatch?: { type?: string; message?: string; mismatches?: Array<{ mismatch?: string; path?: string; key?: string }> } }>;
}

const stripAnsi = (s: string): string => s.replace(/\u001b\[[0-9;]*m/g, '');

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

/** The mount (`/duet`, ...) under which most of the pact's requests name an operation of the running mock. */
export function resolveMount(pact: PactFile, operations: ReadonlyArray<Operation>): string {
  const requests = pact.interactions.flatMap((i) => (i.request ? [i.request] : []));
  return resolvePrefix(requests, createOperationMatcher(operations)).add;
}

/**
 * Map the verifier's JSON onto the pact's interactions (in file order; descriptions may repeat). Errors that name no
 * interaction (a pact that failed to load) come back as `unmatched`.
 */
function toInteractionResults(pact: PactFile | undefined, json: VerifierJson | undefined): { interactions: InteractionResult[]; unmatched: string[] } {
  const results = json?.interactionResults ?? [];
  const errors = [...(json?.errors ?? [])];
  const takeErrors = (description: string): string[] => {
    const index = errors.findIndex((e) => stripAnsi(e.interaction ?? '').endsWith(` - ${description}`));
    if (index === -1) return [];
    const [error] = errors.splice(index, 1);
    return mismatchMessages(error!);
  };
  const unmatched = (): string[] => errors.map((e) => `${stripAnsi(e.interaction ?? 'verification')}: ${mismatchMessages(e).join('; ')}`);
  if (pact) {
    const interactions = pact.interactions.map((interaction) => {
      const messages = takeErrors(interaction.description);
      const outcome = results.find((r) => r.description === interaction.description)?.result;
      const ran = results.some((r) => r.description === interaction.description);
      return {
        description: interaction.description,
        states: interaction.states.map((s) => s.name),
        ok: messages.length === 0 && ran && outcome !== 'Error' && outcome !== 'Failed',
        messages: messages.length > 0 || ran ? messages : ['not verified (the verifier did not run this interaction)'],
      };
    });
    return { interactions, unmatched: unmatched() };
  }
  const interactions = results.map((r) => {
    const messages = takeErrors(r.description ?? '');
    return { description: r.description ?? '', states: [], ok: messages.length === 0 && r.result !== 'Error', messages };
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
}

async function runOne(Verifier: VerifierClass, running: RunningServer, target: RunTarget, startTime: number, logLevel: VerifyPactsOptions['logLevel']): Promise<PactResult> {
  const result: PactResult = { source: target.source, consumer: target.consumer, provider: target.provider, ok: false, interactions: [], problems: [] };
  const sandbox = await createSandbox(running);
  try {
    const world = running.mock.runtime.get(sandbox.id)?.world;
    if (!world) throw new Error(`sandbox ${sandbox.id} vanished`);
    const states = createVerifierStates({ world, baseUrl: `${running.url}${sandbox.basePath}` }, { startTime });
    let json: VerifierJson | undefined;
    try {
      const out = await new Verifier({
        provider: target.provider,
        providerBaseUrl: `${running.url}${sandbox.basePath}${target.mount}`,
        stateHandlers: states.stateHandlers as VerifierOptions['stateHandlers'],
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
  const running = await startServer({ host: '127.0.0.1', port: 0, strict: true, ...options.server });
  try {
    const operations = running.mock.operations.map((c) => c.op);
    const startTime = Math.floor(running.mock.runtime.main.world.clock.now() / 1000) * 1000;
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
