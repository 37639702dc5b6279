// The provider-state vocabulary of pacts against authmock: each state sets one world up through its store (seeded in
// the fixtures' own format), its clock and its own HTTP API, and returns the values a pact may inject (`${token}`).
// contracts/README.md documents every state; test/contracts/provider-states.test.ts keeps the two in step.

import { devicehqStates } from '../providers/devicehq/states.js';
import { duetStates } from '../providers/duet/states.js';
import { emnifyStates } from '../providers/emnify/states.js';
import type { ProviderStateDefinition, ProviderStateHandler, StateParams } from './state-kit.js';
import { rfcxStates } from '../providers/rfcx/states.js';

export {
  DEFAULTS,
  ProviderStateError,
  type InjectedValues,
  type ProviderStateDefinition,
  type ProviderStateHandler,
  type StateContext,
  type StateParams,
} from './state-kit.js';

export const providerStateCatalog: Readonly<Record<string, ProviderStateDefinition>> = {
  'the default fixtures': {
    provider: 'any',
    summary: 'Nothing beyond the reset every interaction gets: the default fixtures and a fresh clock.',
    params: {},
    example: {},
    returns: {},
    setup: async () => undefined,
  },
  ...duetStates,
  ...devicehqStates,
  ...rfcxStates,
  ...emnifyStates,
};

/** The registry: state name (with `{param}` placeholders) → handler. */
export const providerStates: Readonly<Record<string, ProviderStateHandler>> = Object.fromEntries(
  Object.entries(providerStateCatalog).map(([name, definition]) => [name, definition.setup]),
);

const templates = Object.keys(providerStateCatalog).map((name) => {
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
});

export interface ResolvedState {
  /** The registry name (template). */
  name: string;
  handler: ProviderStateHandler;
  /** Values taken from the state name, with the pact's own params over them. */
  params: StateParams;
}

/**
 * The handler for a state as a pact names it: the template itself (`a DeviceHQ session idle for {minutes} minutes`,
 * params from the pact) or the template filled in (`a DeviceHQ session idle for 6 minutes`, params from the name).
 */
export function resolveProviderState(state: string, params: StateParams = {}): ResolvedState | undefined {
  const exact = providerStates[state];
  if (exact) return { name: state, handler: exact, params };
  for (const t of templates) {
    const m = t.regex.exec(state.trim());
    if (!m) continue;
    const fromName: Record<string, unknown> = {};
    t.names.forEach((n, i) => (fromName[n] = m[i + 1]));
    return { name: t.name, handler: providerStates[t.name]!, params: { ...fromName, ...params } };
  }
  return undefined;
}
