// What every provider state is built from: its types, parameter readers, and a world's three handles (fixtures
// seeded into its store, its own HTTP API, its clock).

import { createHash } from 'node:crypto';
import { createProviders } from '../providers/registry.js';
import { createFixtureValidator, seedStore } from '../world/fixtures.js';
import type { World } from '../engine/types.js';
import type { Provider } from '../providers/provider.js';

export interface StateContext {
  world: World;
  /** Where this world answers over HTTP: the mock's URL, or `<url>/_sandbox/<id>` for a sandbox. */
  baseUrl: string;
}

export type StateParams = Readonly<Record<string, unknown>>;
/** Values a pact injects with `fromProviderState('${name}', example)`. */
export type InjectedValues = Record<string, string | number | boolean>;
export type ProviderStateHandler = (params: StateParams, ctx: StateContext) => Promise<InjectedValues | undefined>;

export interface ProviderStateDefinition {
  provider: 'any' | 'duet' | 'devicehq' | 'rfcx' | 'emnify';
  summary: string;
  /** Parameter → what it means (and its default). */
  params: Readonly<Record<string, string>>;
  /** Parameters of the example in contracts/README.md. */
  example: StateParams;
  /** Injected value → what it holds. */
  returns: Readonly<Record<string, string>>;
  setup: ProviderStateHandler;
}

/** A state that cannot be set up (bad parameter, the mock refused a call): the message says which state and why. */
export class ProviderStateError extends Error {
  readonly code = 'state.setup_failed' as const;
  constructor(message: string) {
    super(message);
    this.name = 'ProviderStateError';
  }
}

/** Credentials of the default fixtures (fixtures/default.yaml) that states fall back on. */
export const DEFAULTS = {
  duetApplicationToken: 'duet-iphone-app-token',
  devicehqApiKey: '5sHszZNuTfmgs58VGA',
  rfcxEmail: 'demo@rfcx.example',
  emnifyUsername: 'user@domain.com',
  emnifyPasswordSha1: '2fd4e1c67a2d28fced849ee1bb76e7391b93eb12',
  emnifyOrganisationId: 1234,
} as const;

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

let cachedKit: { providers: Provider[]; validate: ReturnType<typeof createFixtureValidator> } | undefined;
/** Providers (for their `seed` and `basePath`) and the fixture validator, built once on first use. */
const providerKit = (): NonNullable<typeof cachedKit> => {
  cachedKit ??= (() => {
    const providers = createProviders();
    return { providers, validate: createFixtureValidator(providers) };
  })();
  return cachedKit;
};

export const basePath = (name: string): string => providerKit().providers.find((p) => p.name === name)?.basePath ?? `/${name}`;

/** Seed fixtures in the fixtures file's own format (validated by the providers' schemas) into the world's store. */
export async function seed(ctx: StateContext, fixtures: Record<string, unknown>): Promise<void> {
  const { providers, validate } = providerKit();
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
    body = ''; // Content-Length: 0 (DeviceHQ refuses a POST without it)
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
