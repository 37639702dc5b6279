// The provider-state vocabulary of pacts against authmock: each state sets one world up through its store (seeded in
// the fixtures' own format), its clock and its own HTTP API, and returns the values a pact may inject (`${token}`).
// contracts/README.md documents every state; test/contracts/provider-states.test.ts keeps the two in step.

import { REGISTRY, type Registry } from '../providers/registry.js';
import type { ProviderStateDefinition, ProviderStateHandler, StateParams } from './state-kit.js';

export {
  ProviderStateError,
  type InjectedValues,
  type ProviderStateDefinition,
  type ProviderStateHandler,
  type StateContext,
  type StateParams,
} from './state-kit.js';

/** Every state of a registry's providers, after the one state that belongs to none. */
export function createStateCatalog(registry: Registry): Readonly<Record<string, ProviderStateDefinition>> {
  return {
    'the default fixtures': {
      provider: 'any',
      summary: 'Nothing beyond the reset every interaction gets: the default fixtures and a fresh clock.',
      params: {},
      example: {},
      returns: {},
      setup: async () => undefined,
    },
    ...registry.states,
  };
}

export const providerStateCatalog = createStateCatalog(REGISTRY);

/** The registry: state name (with `{param}` placeholders) → handler. */
export const providerStates: Readonly<Record<string, ProviderStateHandler>> = toHandlers(providerStateCatalog);

function toHandlers(catalog: Readonly<Record<string, ProviderStateDefinition>>): Readonly<Record<string, ProviderStateHandler>> {
  return Object.fromEntries(Object.entries(catalog).map(([name, definition]) => [name, definition.setup]));
}

/** `a session idle for {minutes} minutes` → a pattern that finds `minutes` in a filled-in name. */
function toTemplate(name: string): { name: string; names: string[]; regex: RegExp } {
  const names: string[] = [];
  const source = name
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const m = /^\{([^}]+)\}$/.exec(part);
      if (!m) return part.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
      names.push(m[1]!);
      return '(.+?)';
    })
    .join('');
  return { name, names, regex: new RegExp(`^${source}$`, 'i') };
}

export interface ResolvedState {
  /** The registry name (template). */
  name: string;
  handler: ProviderStateHandler;
  /** Values taken from the state name, with the pact's own params over them. */
  params: StateParams;
}

export type StateResolver = (state: string, params?: StateParams) => ResolvedState | undefined;

/**
 * The handler for a state as a pact names it: the template itself (`a session idle for {minutes} minutes`,
 * params from the pact) or the template filled in (`a session idle for 6 minutes`, params from the name).
 */
export function createStateResolver(catalog: Readonly<Record<string, ProviderStateDefinition>>): StateResolver {
  const handlers = toHandlers(catalog);
  const templates = Object.keys(catalog).map(toTemplate);
  return (state, params = {}) => {
    const exact = handlers[state];
    if (exact) return { name: state, handler: exact, params };
    for (const t of templates) {
      const m = t.regex.exec(state.trim());
      if (!m) continue;
      const fromName: Record<string, unknown> = {};
      t.names.forEach((n, i) => (fromName[n] = m[i + 1]));
      return { name: t.name, handler: handlers[t.name]!, params: { ...fromName, ...params } };
    }
    return undefined;
  };
}

export const resolveProviderState: StateResolver = createStateResolver(providerStateCatalog);
