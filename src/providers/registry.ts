// The ONE list of providers, in a fixed order: options, names, states, flows and the providers themselves derive from it.

import type { Flow, Provider, ProviderModule, ProviderOption, ProviderStates } from './provider.js';
import { duet } from './duet/index.js';
import { devicehq } from './devicehq/index.js';
import { rfcx } from './rfcx/index.js';
import { emnify } from './emnify/index.js';

/** Every provider authmock ships. */
export const PROVIDERS: ReadonlyArray<ProviderModule> = [duet, devicehq, rfcx, emnify];

/** Settings per provider name, as each module's `readSettings` returns them (or its create options, in tests). */
export type ProviderSettings = Readonly<Record<string, unknown>>;

export interface Registry {
  readonly modules: ReadonlyArray<ProviderModule>;
  readonly names: ReadonlyArray<string>;
  /** Every provider's own command-line options, in registry order. */
  readonly options: ReadonlyArray<ProviderOption>;
  /** The Pact provider states of every provider, in registry order. */
  readonly states: ProviderStates;
  readonly flows: ReadonlyArray<Flow>;
  /** Option values as given (absent ones undefined) → settings per provider; throws ProviderOptionError. */
  readSettings(values: Readonly<Record<string, string | undefined>>): ProviderSettings;
  /** A fresh instance of every provider (no state is shared between apps); one not in `settings` gets those of no options. */
  create(settings: ProviderSettings): Provider[];
}

/** A registry over these modules: the shipped PROVIDERS, or more of them in a test. */
export function createRegistry(modules: ReadonlyArray<ProviderModule>): Registry {
  const names = modules.map((m) => m.name);
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated !== undefined) throw new Error(`two providers are named '${repeated}'`);
  return {
    modules,
    names,
    options: modules.flatMap((m) => m.options),
    states: Object.assign({}, ...modules.map((m) => m.states)) as ProviderStates,
    flows: modules.map((m) => m.flow),
    readSettings: (values) => Object.fromEntries(modules.map((m) => [m.name, m.readSettings(values)])),
    create: (settings) => modules.map((m) => m.create(settings[m.name] ?? m.readSettings({}))),
  };
}

/** The registry of the providers authmock ships. */
export const REGISTRY: Registry = createRegistry(PROVIDERS);

/** A fresh instance of every shipped provider. */
export const createProviders = (settings: ProviderSettings = {}): Provider[] => REGISTRY.create(settings);
