// The route table mounted on @koa/router: which operation a request reaches and the path parameters it sees.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemResponse } from '../../src/engine/render.js';
import type { Handler } from '../../src/engine/types.js';
import type { Provider } from '../../src/providers/provider.js';
import { startApp, type StartedApp } from '../helpers/app.js';

const ROUTES = new URL('../fixtures/routes.yaml', import.meta.url).pathname;

/** Every handler answers which operation ran and the parameters it was given. */
const echo: Handler = ({ op, req }) => ({ status: 200, body: { operation: op.operationId, params: req.params } });
const items: Provider = {
  name: 'items',
  basePath: '/items',
  fixtureSchema: {},
  seed: () => 0,
  renderError: (error) => problemResponse(error),
  verifiers: {},
  handlers: { getItem: echo, listMine: echo, getItemFile: echo, itemFileOptions: echo },
  describeState: () => ({}),
};

let app: StartedApp;
beforeAll(async () => void (app = await startApp({ document: ROUTES, providers: [items] })));
afterAll(() => app.close());

describe('routing', () => {
  it.each([
    ['a literal path before the template listed first', { given: '/items/mine', want: { operation: 'listMine', params: {} } }],
    ['a template, the parameter named as the document names it', { given: '/items/7', want: { operation: 'getItem', params: { 'item-id': '7' } } }],
    ['a parameter with %2F, decoded', { given: '/items/a%2Fb', want: { operation: 'getItem', params: { 'item-id': 'a/b' } } }],
    ['a parameter with a malformed encoding, as sent', { given: '/items/%E0%A4', want: { operation: 'getItem', params: { 'item-id': '%E0%A4' } } }],
    ['text after the parameter in its segment', { given: '/items/files/report.json', want: { operation: 'getItemFile', params: { name: 'report' } } }],
    ['another letter case (as @koa/router always matched)', { given: '/ITEMS/Mine', want: { operation: 'listMine', params: {} } }],
    ['a trailing slash', { given: '/items/7/', want: { operation: 'getItem', params: { 'item-id': '7' } } }],
  ])('%s', async (_name, { given, want }) => {
    const res = await fetch(`${app.url}${given}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(want);
  });

  it('answers HEAD with the GET operation, without a body', async () => {
    const res = await fetch(`${app.url}/items/7`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });

  it('keeps OPTIONS for the CORS preflight even where the document has an OPTIONS operation', async () => {
    const res = await fetch(`${app.url}/items/files/report.json`, { method: 'OPTIONS' });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-methods')).toContain('GET');
  });

  it('does not route a blank parameter', async () => {
    expect((await fetch(`${app.url}/items//`)).status).toBe(404);
  });
});
