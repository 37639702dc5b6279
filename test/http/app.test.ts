// The engine on a third-party document: routing, 404/405, HEAD/OPTIONS, parameters, bodies, security, example fallback.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type StartedApp } from '../helpers/app.js';
import { problemOf } from '../helpers/listen.js';

let app: StartedApp;
let base: string;

beforeAll(async () => {
  app = await startApp();
  base = app.url;
});
afterAll(() => app.close());

const call = (path: string, init?: RequestInit): Promise<Response> => fetch(`${base}${path}`, init);

describe('routing', () => {
  it('answers a documented GET from the first example of its lowest 2xx', async () => {
    const res = await call('/pets');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([
      { id: 1, name: 'Rex', tag: null },
      { id: 2, name: 'Tom', tag: 'cat' },
    ]);
  });

  it('honours Prefer: example=name and Prefer: code=NNN', async () => {
    expect(await (await call('/pets', { headers: { prefer: 'example=empty' } })).json()).toEqual([]);
    const res = await call('/pets/7', { headers: { prefer: 'code=404', authorization: 'Bearer abc' } });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ code: 404, message: 'no such pet' });
  });

  it('answers unknown paths with a 404 problem', async () => {
    const res = await call('/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ status: 404, code: 'route.not_found' });
    expect(problemOf(res)?.code).toBe('route.not_found');
  });

  it('answers a known path with another method with 405 and Allow', async () => {
    const res = await call('/pets', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')?.split(', ').sort()).toEqual(['GET', 'HEAD', 'OPTIONS', 'POST']);
    expect(await res.json()).toMatchObject({ status: 405, code: 'route.method_not_allowed' });
  });

  it('answers HEAD like GET without a body', async () => {
    const res = await call('/pets', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(0);
    expect(await res.text()).toBe('');
  });

  it('answers a CORS preflight for every documented path', async () => {
    const res = await call('/pets/3', { method: 'OPTIONS', headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'GET' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toContain('GET');
  });
});

describe('parameters', () => {
  it.each([
    ['an integer out of range', '/pets?limit=1000', 'request.parameter_invalid'],
    ['a non-integer', '/pets?limit=ten', 'request.parameter_invalid'],
    ['a repeated single value', '/pets?limit=1&limit=2', 'request.parameter_repeated'],
    ['a path parameter of the wrong type', '/pets/abc', 'request.parameter_invalid'],
  ])('rejects %s with 400 and names the parameter', async (_name, path, code) => {
    const res = await call(path, { headers: { authorization: 'Bearer t' } });
    expect(res.status).toBe(400);
    expect(problemOf(res)?.code).toBe(code);
  });

  it('accepts form explode=false arrays and coerces integers', async () => {
    const res = await call('/pets?limit=5&tags=a,b');
    expect(res.status).toBe(200);
  });

  it('validates header parameters', async () => {
    const res = await call('/pets', { headers: { 'x-trace': 'NOT-HEX' } });
    expect(res.status).toBe(400);
    expect(problemOf(res)?.detail).toContain("header parameter 'x-trace'");
  });
});

describe('bodies and security', () => {
  const post = (body: string, headers: Record<string, string>): Promise<Response> =>
    call('/pets', { method: 'POST', body, headers: { 'x-api-key': 'k', ...headers } });

  it('serves a valid JSON or form body', async () => {
    expect((await post('{"name":"Rex"}', { 'content-type': 'application/json' })).status).toBe(201);
    expect((await post('name=Rex&age=3', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(201);
  });

  it.each([
    ['malformed JSON', '{"name":', { 'content-type': 'application/json' }, 400, 'request.body_malformed'],
    ['a field the schema forbids', '{"name":"a","extra":1}', { 'content-type': 'application/json' }, 400, 'request.body_invalid'],
    ['a missing required field', '{}', { 'content-type': 'application/json' }, 400, 'request.body_invalid'],
    ['an undeclared content type', 'name=a', { 'content-type': 'text/csv' }, 415, 'request.content_type'],
    ['a body without content type', '{"name":"a"}', { 'content-type': '' }, 415, 'request.content_type'],
    ['a compressed body', '{"name":"a"}', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, 415, 'request.content_encoding'],
    ['deep nesting', `${'['.repeat(100)}${']'.repeat(100)}`, { 'content-type': 'application/json' }, 400, 'request.body_too_deep'],
    ['a __proto__ key', '{"name":"a","__proto__":{"x":1}}', { 'content-type': 'application/json' }, 400, 'request.body_malformed'],
    ['a form __proto__ field', 'name=a&__proto__[x]=1', { 'content-type': 'application/x-www-form-urlencoded' }, 400, 'request.body_malformed'],
  ])('refuses %s with %s', async (_name, body, headers, status, code) => {
    const res = await post(body, headers as Record<string, string>);
    expect(res.status).toBe(status);
    expect(problemOf(res)?.code).toBe(code);
  });

  it('refuses an oversize body with 413', async () => {
    const res = await post(JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) }), { 'content-type': 'application/json' });
    expect(res.status).toBe(413);
  });

  it('answers the documented 401 when credentials are missing', async () => {
    const res = await call('/pets', { method: 'POST', body: '{"name":"a"}', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(401);
    expect(problemOf(res)?.code).toBe('auth.missing');
  });

  it('accepts any one complete alternative of an OR of AND sets', async () => {
    expect((await call('/pets/1', { headers: { authorization: 'Bearer x' } })).status).toBe(200);
    expect((await call('/pets/1?secret=s', { headers: { 'x-api-key': 'k' } })).status).toBe(200);
    expect((await call('/pets/1', { headers: { 'x-api-key': 'k' } })).status).toBe(401);
  });
});
