// The Verifier's state options without a Verifier, as tables: state names met, unknown and failing states recorded, resets, bodies restored.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createVerifierStates, toRailsForm } from '../../src/contracts/state-handlers.js';
import { parseRailsForm } from '../../src/engine/validate/parse-body.js';
import { createTestWorld, TEST_START } from '../helpers/document.js';

const START = Date.parse('2026-03-01T12:00:00Z');

/** A request as the pact-js proxy hands it to requestFilter: its path or url, headers and parsed body. */
const toProxied = (given: { url: string; path?: string; headers?: Record<string, string>; body?: unknown }) =>
  ({ url: given.url, path: given.path, headers: { ...given.headers }, body: given.body }) as unknown as IncomingMessage & { body?: unknown };

function setUp(stateSetupPath?: string) {
  const world = createTestWorld();
  const states = createVerifierStates({ world, baseUrl: 'http://127.0.0.1:1' }, { startTime: START, ...(stateSetupPath ? { stateSetupPath } : {}) });
  const filter = (req: IncomingMessage): number => {
    let calls = 0;
    states.requestFilter(req, {} as ServerResponse, () => calls++);
    return calls;
  };
  return { world, states, filter };
}

describe('toRailsForm', () => {
  it.each<[string, { given: unknown; want: string }]>([
    ['flat fields', { given: { a: '1', b: 2 }, want: 'a=1&b=2' }],
    ['nested objects in brackets', { given: { account: { login: 'x' } }, want: 'account%5Blogin%5D=x' }],
    ['arrays with empty brackets', { given: { tags: ['a', 'b'] }, want: 'tags%5B%5D=a&tags%5B%5D=b' }],
    ['null is an empty value', { given: { a: null }, want: 'a=' }],
    ['reserved characters escaped', { given: { p: 'p w&=' }, want: 'p=p+w%26%3D' }],
    ['nothing', { given: {}, want: '' }],
  ])('%s', (_name, { given, want }) => {
    expect(toRailsForm(given)).toBe(want);
  });

  it('writes what the mock reads back', () => {
    const value = { account: { login: 'a@b.c', password: 'p w&=' }, tags: ['x', 'y'], plain: '1' };
    expect(parseRailsForm(toRailsForm(value), { maxDepth: 8 })).toEqual(value);
  });
});

describe('createVerifierStates: states met by name', () => {
  it.each<[string, { given: { setupPath?: string; url: string; path?: string; body: unknown }; want: string[] }]>([
    ['a state posted to /_pactSetup gets a handler by its exact name', { given: { url: '/_pactSetup', body: { state: 'the default fixtures' } }, want: ['the default fixtures'] }],
    ['the proxy\'s path wins over the url', { given: { url: '/other', path: '/_pactSetup', body: { state: 's' } }, want: ['s'] }],
    ['a query after the setup path', { given: { url: '/_pactSetup?x=1', body: { state: 's' } }, want: ['s'] }],
    ['another setup path, when told', { given: { setupPath: '/setup', url: '/setup', body: { state: 's' } }, want: ['s'] }],
    ['an ordinary request registers nothing', { given: { url: '/api/items', body: { state: 's' } }, want: [] }],
    ['no state name', { given: { url: '/_pactSetup', body: { action: 'setup' } }, want: [] }],
    ['an empty state name', { given: { url: '/_pactSetup', body: { state: '' } }, want: [] }],
  ])('%s', (_name, { given, want }) => {
    const { states, filter } = setUp(given.setupPath);
    expect(filter(toProxied(given))).toBe(1);
    expect(Object.keys(states.stateHandlers)).toEqual(want);
  });

  it('runs a known state and hands back its values', async () => {
    const { states, filter } = setUp();
    filter(toProxied({ url: '/_pactSetup', body: { state: 'the default fixtures' } }));
    await expect(states.stateHandlers['the default fixtures']!.setup({})).resolves.toBeUndefined();
    expect(states.problems).toEqual([]);
  });

  it('records an unknown state once, by name, and fails its setup', async () => {
    const { states, filter } = setUp();
    filter(toProxied({ url: '/_pactSetup', body: { state: 'a unicorn exists' } }));
    const handler = states.stateHandlers['a unicorn exists']!;
    await expect(handler.setup()).rejects.toThrow("unknown provider state 'a unicorn exists'");
    await expect(handler.setup()).rejects.toThrow();
    expect(states.problems).toEqual([{ state: 'a unicorn exists', kind: 'unknown', message: expect.stringContaining('contracts/README.md') }]);
  });

  it('records a state whose setup fails, with its reason', async () => {
    const { states, filter } = setUp();
    const name = 'a DeviceHQ session idle for {minutes} minutes';
    filter(toProxied({ url: '/_pactSetup', body: { state: name } }));
    await expect(states.stateHandlers[name]!.setup({ minutes: 'six' })).rejects.toThrow("parameter 'minutes' must be a number");
    expect(states.problems).toEqual([{ state: name, kind: 'failed', message: expect.stringContaining("could not be set up: parameter 'minutes' must be a number") }]);
  });
});

describe('createVerifierStates: beforeEach', () => {
  it('puts the world back to its fixtures and freezes the clock at the start time', async () => {
    const { world, states } = setUp();
    await world.store.write((tx) => tx.set('users', 'u1', { id: 'u1' }));
    await world.store.markBaseline();
    await world.store.write((tx) => tx.set('users', 'u2', { id: 'u2' }));
    world.clock.freeze(false);
    world.clock.set(TEST_START);
    await states.beforeEach();
    expect(await world.store.snapshot()).toEqual({ users: { u1: { id: 'u1' } } });
    expect(world.clock.state()).toMatchObject({ now: START, frozen: true });
  });
});

describe('createVerifierStates: bodies the proxy re-encoded', () => {
  it.each<[string, { given: { url?: string; headers: Record<string, string>; body: unknown }; want: { body: unknown; headers: Record<string, string | undefined> } }]>([
    [
      'a form body turned into an object is a form again, with its length',
      {
        given: { headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '99' }, body: { user: { email: 'a@x' } } },
        want: { body: 'user%5Bemail%5D=a%40x', headers: { 'content-length': '21' } },
      },
    ],
    [
      'a JSON body is JSON with its length, chunking dropped',
      { given: { headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, body: { a: 'é' } }, want: { body: '{"a":"é"}', headers: { 'content-length': '10', 'transfer-encoding': undefined } } },
    ],
    ['raw bytes are left alone', { given: { headers: { 'content-length': '3' }, body: Buffer.from('abc') }, want: { body: 'abc', headers: { 'content-length': '3' } } }],
    ['no body is left alone', { given: { headers: {}, body: undefined }, want: { body: undefined, headers: { 'content-length': undefined } } }],
    ['a state change is not touched', { given: { url: '/_pactSetup', headers: { 'content-type': 'application/json' }, body: { state: 's' } }, want: { body: { state: 's' }, headers: { 'content-length': undefined } } }],
  ])('%s', (_name, { given, want }) => {
    const { filter } = setUp();
    const req = toProxied({ url: given.url ?? '/api', headers: given.headers, body: given.body });
    filter(req);
    expect(Buffer.isBuffer(req.body) ? req.body.toString('utf8') : req.body).toEqual(want.body);
    for (const [name, value] of Object.entries(want.headers)) expect([name, req.headers[name]]).toEqual([name, value]);
  });
});
