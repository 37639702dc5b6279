// What every provider state is built from: its types, parameter readers, and a world's three handles (fixtures
// seeded into its store, its own HTTP API, its clock).

import { createHash } from 'node:crypto';
import { createFixtureValidator, seedStore } from '../world/fixtures.js';
import type { Provider, StateContext, StateParams } from '../providers/provider.js';

export type {
  InjectedValues,
  ProviderStateDefinition,
  ProviderStateHandler,
  StateContext,
  StateParams,
} from '../providers/provider.js';

/** A state that cannot be set up (bad parameter, the mock refused a call): the message says which state and why. */
export class ProviderStateError extends Error {
  readonly code = 'state.setup_failed' as const;
  constructor(message: string) {
    super(message);
    this.name = 'ProviderStateError';
  }
}

// ---- parameters ---------------------------------------------------------------------------------------------

export function text(params: StateParams, name: string, fallback?: string): string {
  const value = params[name];
  if (value === undefined || value === null || value === '') {
    if (fallback !== undefined) return fallback;
    throw new ProviderStateError(`parameter '${name}' is required`);
  }
  if (typeof value !== 'string' && typeof value !== 'number') throw new ProviderStateError(`parameter '${name}' must be a string`);
  return String(value);
}

export function count(params: StateParams, name: string, fallback?: number): number {
  const value = params[name];
  if (value === undefined || value === null || value === '') {
    if (fallback !== undefined) return fallback;
    throw new ProviderStateError(`parameter '${name}' is required`);
  }
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isFinite(n) || n < 0) throw new ProviderStateError(`parameter '${name}' must be a number of 0 or more (got ${JSON.stringify(value)})`);
  return n;
}

export const digest = (text: string): string => createHash('sha256').update(text).digest('hex');

// ---- the world: fixtures, HTTP, clock -----------------------------------------------------------------------

/** The fixture validator of a set of providers, built on first use (compiling their schemas is the costly part). */
const validators = new WeakMap<ReadonlyArray<Provider>, ReturnType<typeof createFixtureValidator>>();
let shipped: ReadonlyArray<Provider> | undefined;

/**
 * The running mock's providers, or (states run without one) every registered provider. Imported when first needed:
 * the registry imports every provider, whose states import this kit.
 */
async function providersOf(ctx: StateContext): Promise<ReadonlyArray<Provider>> {
  if (ctx.providers) return ctx.providers;
  shipped ??= (await import('../providers/registry.js')).REGISTRY.create({});
  return shipped;
}

/** Where a provider is mounted: as the running mock says, else at `/<name>` (where every provider mounts by default). */
export const basePath = (ctx: StateContext, name: string): string => ctx.providers?.find((p) => p.name === name)?.basePath ?? `/${name}`;

/** Seed fixtures in the fixtures file's own format (validated by the providers' schemas) into the world's store. */
export async function seed(ctx: StateContext, fixtures: Record<string, unknown>): Promise<void> {
  const providers = await providersOf(ctx);
  let validate = validators.get(providers);
  if (!validate) validators.set(providers, (validate = createFixtureValidator(providers)));
  let valid;
  try {
    valid = validate('provider state', fixtures);
  } catch (error) {
    throw new ProviderStateError(`the state's fixtures are invalid: ${(error as Error).message}`);
  }
  await seedStore(ctx.world.store, providers, valid, ctx.world.clock);
}

export interface Reply {
  status: number;
  body: unknown;
}

export async function call(ctx: StateContext, method: string, path: string, init: { headers?: Record<string, string>; json?: unknown } = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...init.headers };
  let body: string | undefined;
  if (init.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.json);
  } else if (method === 'POST' || method === 'PUT') {
    body = ''; // Content-Length: 0 (a provider may refuse a POST without it)
  }
  const res = await fetch(`${ctx.baseUrl}${path}`, { method, headers, body });
  const raw = await res.text();
  let parsed: unknown = raw;
  try {
    parsed = raw === '' ? undefined : (JSON.parse(raw) as unknown);
  } catch {
    // plain text
  }
  return { status: res.status, body: parsed };
}

export function expectStatus(reply: Reply, status: number, what: string): Record<string, unknown> {
  if (reply.status !== status) {
    throw new ProviderStateError(`${what}: the mock answered ${reply.status} ${JSON.stringify(reply.body)?.slice(0, 300) ?? ''}`);
  }
  return typeof reply.body === 'object' && reply.body !== null ? (reply.body as Record<string, unknown>) : {};
}

export const advance = (ctx: StateContext, minutes: number): void => ctx.world.clock.advance(Math.round(minutes * 60_000));

/** End a live credential of this world through the admin API, as its provider ends it (`expire` or `revoke`). */
export async function endCredential(ctx: StateContext, how: 'expire' | 'revoke', credential: string): Promise<void> {
  expectStatus(await call(ctx, 'POST', `/__admin/credentials/${how}`, { json: { credential } }), 200, `${how === 'expire' ? 'expiring' : 'revoking'} the credential`);
}
