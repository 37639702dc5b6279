// The provider-state vocabulary: documented in contracts/README.md, resolvable by name, and each README example works.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ProviderStateError, providerStateCatalog, providerStates, resolveProviderState } from '../../src/contracts/provider-states.js';
import { DEFAULT_START, startMock, type StartedMock } from '../helpers/harness.js';

const readme = readFileSync(new URL('../../contracts/README.md', import.meta.url), 'utf8');
const names = Object.keys(providerStateCatalog);

describe('the vocabulary', () => {
  it('is documented in contracts/README.md: every state, its params and an example', () => {
    for (const [name, definition] of Object.entries(providerStateCatalog)) {
      const section = readme.split(`#### \`${name}\``)[1]?.split('#### ')[0];
      expect(section, name).toBeDefined();
      for (const param of Object.keys(definition.params)) expect(section, `${name}: ${param}`).toContain(`| \`${param}\` |`);
      for (const value of Object.keys(definition.returns)) expect(section, `${name}: ${value}`).toContain(`\`\${${value}}\``);
      expect(section, name).toContain(`pact.given('${name}'`);
    }
  });

  it('is the registry: one handler per documented state', () => {
    expect(Object.keys(providerStates)).toEqual(names);
  });
});

describe('resolveProviderState', () => {
  it.each([
    ['the name as listed, params from the pact', 'a DeviceHQ session idle for {minutes} minutes', { minutes: 6 }, { minutes: 6 }],
    ['the name filled in', 'a DeviceHQ session idle for 6 minutes', {}, { minutes: '6' }],
    ['a filled-in name with params that win', 'a DeviceHQ session idle for 6 minutes', { minutes: 4, api_key: 'k' }, { minutes: 4, api_key: 'k' }],
    [
      'two values in the name',
      'a registration code ab12cd34 with 0 redemptions left',
      {},
      { code: 'ab12cd34', remaining: '0' },
    ],
  ])('finds %s', (_label, state, params, want) => {
    const resolved = resolveProviderState(state, params);
    expect(resolved?.params).toEqual(want);
    expect(resolved?.handler).toBe(providerStates[resolved?.name ?? '']);
  });

  it('finds nothing for a state it does not know', () => {
    expect(resolveProviderState('a unicorn exists')).toBeUndefined();
    expect(resolveProviderState('a DeviceHQ session idle for minutes')).toBeUndefined();
  });
});

describe('each state, with its README example, on a live authmock', () => {
  let mock: StartedMock;
  beforeAll(async () => void (mock = await startMock()));
  afterAll(() => mock.close());
  beforeEach(async () => {
    await mock.world.store.reset();
    mock.clock.set(DEFAULT_START);
  });

  it.each(names)('%s', async (name) => {
    const definition = providerStateCatalog[name]!;
    const injected = await definition.setup(definition.example, { world: mock.world, baseUrl: mock.url });
    expect(Object.keys(injected ?? {}).sort()).toEqual(Object.keys(definition.returns).sort());
  });

  it('moves the clock for an idle DeviceHQ session, and the token then fails', async () => {
    const injected = await providerStates['a DeviceHQ session idle for {minutes} minutes']!({ minutes: 5.5 }, { world: mock.world, baseUrl: mock.url });
    expect(mock.clock.now()).toBe(DEFAULT_START + 330_000);
    const res = await fetch(`${mock.url}/devicehq/api/v2/test`, { headers: { 'x-auth-token': String(injected?.['token']) } });
    expect(res.status).toBe(401);
  });

  it('leaves a registration code with exactly the redemptions asked for', async () => {
    const injected = await providerStates['a registration code {code} with {remaining} redemptions left']!({ code: 'zz99yy88', remaining: 1 }, { world: mock.world, baseUrl: mock.url });
    const register = (guid: string) =>
      fetch(`${mock.url}/rfcx/v2/guardians/register`, {
        method: 'POST',
        headers: { 'x-auth-user': String(injected?.['auth_user']), 'x-auth-token': String(injected?.['token']), 'content-type': 'application/json' },
        body: JSON.stringify({ guid }),
      });
    expect((await register('aaaaaaaaaaa1')).status).toBe(200);
    expect((await register('aaaaaaaaaaa2')).status).toBe(401);
  });

  it('refuses a bad parameter by name', async () => {
    const setup = providerStates['a DeviceHQ session idle for {minutes} minutes']!({ minutes: 'six' }, { world: mock.world, baseUrl: mock.url });
    await expect(setup).rejects.toThrow(ProviderStateError);
    await expect(setup).rejects.toThrow("parameter 'minutes' must be a number");
  });
});
