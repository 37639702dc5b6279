// The last middleware: `GET /` is the index, a path no operation documents is a 404 naming the nearest operations.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type StartedApp } from '../helpers/app.js';
import { problemOf } from '../helpers/listen.js';

let app: StartedApp;
beforeAll(async () => void (app = await startApp()));
afterAll(() => app.close());
const call = (path: string, init?: RequestInit): Promise<Response> => fetch(`${app.url}${path}`, init);

describe('GET /', () => {
  it('answers the index as JSON, with links from the Host the client used', async () => {
    const res = await call('/');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ name: 'authmock', docs: `${app.url}/docs`, admin: `${app.url}/__admin`, providers: {} });
  });

  it('answers a browser with HTML', async () => {
    const res = await call('/', { headers: { accept: 'text/html' } });
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('<h1>authmock</h1>');
  });

  it('answers HEAD without a body', async () => {
    const res = await call('/', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });

  it('is a 404 for another method', async () => {
    expect((await call('/', { method: 'POST' })).status).toBe(404);
  });
});

describe('a path no operation documents', () => {
  it.each([
    ['a typo', { given: '/petz', want: 'GET /pets' }],
    ['an extra segment', { given: '/pets/1/toys', want: 'GET /pets/{petId}' }],
    ['a blank path parameter', { given: '/pets//', want: 'GET /pets' }],
  ])('%s: 404 problem+json with the nearest operations', async (_name, { given, want }) => {
    const res = await call(given);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await res.json()) as { code: string; instance: string; closest: Array<{ method: string; path: string; operation_id: string }> };
    expect(body.code).toBe('route.not_found');
    expect(body.instance).toBe(given);
    expect(body.closest.map((c) => `${c.method} ${c.path}`)).toContain(want);
    expect(problemOf(res)?.detail).toContain('nearest:');
  });
});
