// A fifth provider is one folder, one registry line, its document and its fixtures: a test-only provider, registered
// in a registry of its own (the shipped one is left alone), signs in, answers in its own wire format, shows in
// /__admin/state, has its fixtures checked and its Pact states run.

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createStateCatalog, createStateResolver } from '../../../src/contracts/provider-states.js';
import { PROVIDERS, REGISTRY, createRegistry } from '../../../src/providers/registry.js';
import { createFixtureValidator } from '../../../src/world/fixtures.js';
import { useMock } from '../../helpers/harness.js';
import { fifth } from './provider/index.js';

const here = (name: string): string => fileURLToPath(new URL(name, import.meta.url));
const registry = createRegistry([...PROVIDERS, fifth]);
const mock = useMock({
  document: here('fifth.yaml'),
  fixtures: here('fixtures.yaml'),
  registry,
  providerSettings: registry.readSettings({ 'fifth-realm': 'lab' }),
});

const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const signIn = (name: string, password: string): Promise<Response> => fetch(`${mock().url}/fifth/sign-in`, json({ name, password }));
const me = (token: string): Promise<Response> => fetch(`${mock().url}/fifth/me`, { headers: { 'x-fifth-token': token } });
const tokenOf = async (res: Response): Promise<string> => ((await res.json()) as { token: string }).token;

describe('a fifth provider, registered by a test', () => {
  it('joins a registry of its own: names, options and states derive from it; the shipped registry is untouched', () => {
    expect(registry.names).toEqual([...REGISTRY.names, 'fifth']);
    expect(REGISTRY.names).not.toContain('fifth');
    expect(registry.options.map((o) => o.name)).toContain('fifth-realm');
    expect(registry.flows.map((f) => f.provider)).toContain('fifth');
    expect(() => registry.readSettings({ 'fifth-realm': 'Not Letters' })).toThrow(expect.objectContaining({ code: 'provider.option' }));
    expect(() => createRegistry([...PROVIDERS, fifth, fifth])).toThrow("two providers are named 'fifth'");
  });

  it('signs in with its seeded user and uses the token', async () => {
    const res = await signIn('ada', 'lovelace-1815');
    expect(res.status).toBe(200);
    const token = await tokenOf(res);
    expect(token).toMatch(/^[0-9A-Za-z]{32}$/);
    const who = await me(token);
    expect(who.status).toBe(200);
    expect(await who.json()).toEqual({ name: 'ada', realm: 'lab' });
  });

  it.each([
    ['a wrong password', { given: () => signIn('ada', 'wrong'), want: { status: 401, kind: 'denied', code: 'auth.invalid' } }],
    ['an unknown token', { given: () => me('x'.repeat(32)), want: { status: 401, kind: 'denied', code: 'auth.invalid' } }],
    ['no token', { given: () => fetch(`${mock().url}/fifth/me`), want: { status: 401, kind: 'denied', code: 'auth.missing' } }],
    ['a body the document refuses', { given: () => fetch(`${mock().url}/fifth/sign-in`, json({ name: 'ada' })), want: { status: 400, kind: 'refused', code: 'request.body_invalid' } }],
  ])('answers %s in its own wire format, the reason in X-Mock-Problem', async (_, { given, want }) => {
    const res = await given();
    expect(res.status).toBe(want.status);
    expect(await res.json()).toEqual({ fault: { kind: want.kind } });
    expect(JSON.parse(res.headers.get('x-mock-problem') ?? '{}')).toMatchObject({ code: want.code });
  });

  it('shows its users and live tokens in /__admin/state, the token masked, and the admin API ends its tokens', async () => {
    const token = await tokenOf(await signIn('ada', 'lovelace-1815'));
    const state = (await (await fetch(`${mock().url}/__admin/state`)).json()) as Record<string, unknown>;
    const section = JSON.stringify(state);
    expect(section).toContain('"live_tokens":[{"name":"ada"');
    expect(section).not.toContain(token);
    const revoked = await fetch(`${mock().url}/__admin/credentials/revoke`, json({ credential: token }));
    expect(revoked.status).toBe(200);
    expect((await me(token)).status).toBe(401);
  });

  it('has its fixtures checked against its own schema, through the admin API and when loaded', async () => {
    const added = await fetch(`${mock().url}/__admin/fixtures`, json({ fifth: { users: [{ name: 'grace', password: 'hopper-1906' }] } }));
    expect(added.status).toBe(200);
    expect((await signIn('grace', 'hopper-1906')).status).toBe(200);
    const refused = await fetch(`${mock().url}/__admin/fixtures`, json({ fifth: { users: [{ name: 'grace' }] } }));
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect(await refused.text()).toContain("missing required key 'password'");
    const validate = createFixtureValidator(registry.create({}));
    expect(() => validate('fixtures.yaml', { fifth: { users: [{ name: 'x', password: 'y', admin: true }] } })).toThrow(/unknown key 'admin'/);
  });

  it('runs its Pact provider states, found through the registry', async () => {
    const resolve = createStateResolver(createStateCatalog(registry));
    const resolved = resolve('a fifth user grace signed in');
    expect(resolved).toMatchObject({ name: 'a fifth user {name} signed in', params: { name: 'grace' } });
    const injected = await resolved!.handler(resolved!.params, { world: mock().world, baseUrl: mock().url, providers: registry.create({}) });
    expect((await me(String(injected?.['token']))).status).toBe(200);
    expect(createStateResolver(createStateCatalog(REGISTRY))('a fifth user grace signed in')).toBeUndefined();
  });
});
