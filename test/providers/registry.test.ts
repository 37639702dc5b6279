// The one list of providers: every other list (names, options, states, flows, the providers) derives from it.

import { describe, expect, it } from 'vitest';
import { PROVIDERS, REGISTRY, createProviders } from '../../src/providers/registry.js';

describe('the registry', () => {
  it('creates every provider it lists, in its order, each a fresh instance', () => {
    const first = createProviders();
    expect(first.map((p) => p.name)).toEqual(REGISTRY.names);
    expect(REGISTRY.names).toEqual(PROVIDERS.map((m) => m.name));
    expect(first.map((p) => p.basePath)).toEqual(REGISTRY.names.map((name) => `/${name}`));
    expect(createProviders()[0]).not.toBe(first[0]);
  });

  it.each(PROVIDERS.map((m) => [m.name, m] as const))("%s's states and flow say they are its own", (name, module) => {
    expect(Object.keys(module.states).length).toBeGreaterThan(0);
    for (const [state, definition] of Object.entries(module.states)) expect(definition.provider, state).toBe(name);
    expect(module.flow.provider).toBe(name);
    for (const state of Object.keys(module.states)) expect(REGISTRY.states[state]).toBe(module.states[state]);
  });

  it('gathers every provider option, and hands each provider the settings it read', () => {
    expect(REGISTRY.options.map((o) => o.name)).toEqual(PROVIDERS.flatMap((m) => m.options.map((o) => o.name)));
    const settings = REGISTRY.readSettings({ 'emnify-user-jwt-ttl': '60' });
    expect(settings['emnify']).toEqual({ authTokenTtlSeconds: 60 });
    expect(createProviders(settings).map((p) => p.name)).toEqual(REGISTRY.names);
  });
});
