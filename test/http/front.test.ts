// The first middleware: the error boundary (never a bare 500, never a stack on the wire) and the request log.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MockError } from '../../src/engine/errors.js';
import { problemResponse } from '../../src/engine/render.js';
import { toMockError } from '../../src/http/front.js';
import type { Provider } from '../../src/providers/provider.js';
import { startApp, type StartedApp } from '../helpers/app.js';
import { problemOf } from '../helpers/listen.js';

describe('toMockError', () => {
  it.each([
    ['a MockError, as it is', { given: new MockError('auth.missing', 'no credentials'), want: { code: 'auth.missing', unexpected: 0 } }],
    ['a malformed percent-encoding, as the client’s', { given: new URIError('URI malformed'), want: { code: 'request.parameter_invalid', unexpected: 0 } }],
    ['anything else, as authmock’s own and reported', { given: new TypeError('x is undefined'), want: { code: 'internal', unexpected: 1 } }],
  ])('%s', (_name, { given, want }) => {
    const reported: Error[] = [];
    expect(toMockError(given, (e) => reported.push(e)).code).toBe(want.code);
    expect(reported).toHaveLength(want.unexpected);
  });
});

describe('a handler that throws', () => {
  const logged: Array<{ obj: object; msg?: string }> = [];
  let app: StartedApp;
  const pets: Provider = {
    name: 'pets',
    basePath: '/pets',
    fixtureSchema: {},
    seed: () => 0,
    renderError: (error) => problemResponse(error),
    verifiers: {},
    handlers: {
      listPets: () => {
        throw new TypeError('secret internals');
      },
    },
    describeState: () => ({}),
  };
  beforeAll(async () => {
    const logger = { info() {}, warn() {}, error: (obj: object, msg?: string) => void logged.push({ obj, msg }) };
    app = await startApp({ providers: [pets], logger });
  });
  afterAll(() => app.close());

  it('answers a 500 problem that says where to look, without the error’s own words', async () => {
    const res = await fetch(`${app.url}/pets`);
    expect(res.status).toBe(500);
    expect(problemOf(res)?.code).toBe('internal');
    expect(await res.text()).not.toContain('secret internals');
    expect(logged.map((l) => l.msg)).toContain('request failed');
  });

  it('keeps the request in the request log with its operation and status', async () => {
    await fetch(`${app.url}/pets`);
    const kept = app.mock.worlds.requests(app.mock.worlds.main).at(-1);
    expect(kept).toMatchObject({ method: 'GET', path: '/pets', operation_id: 'listPets', status: 500 });
  });
});
