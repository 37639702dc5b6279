// OPTIONS and 405 on documented paths: decided by @koa/router's allowedMethods(), answered as CORS 204 or problem+json.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toAllowedHeaders } from '../../src/http/allowed-methods.js';
import { startApp, type StartedApp } from '../helpers/app.js';
import { problemOf } from '../helpers/listen.js';

let app: StartedApp;
beforeAll(async () => void (app = await startApp()));
afterAll(() => app.close());
const call = (path: string, init?: RequestInit): Promise<Response> => fetch(`${app.url}${path}`, init);

describe('toAllowedHeaders', () => {
  it.each([
    ['a token list, echoed', { given: 'content-type, authorization', want: 'content-type, authorization' }],
    ['one name', { given: 'x-api-key', want: 'x-api-key' }],
    ['nothing asked', { given: '', want: '*' }],
    ['a value that is no token list', { given: 'content-type\r\nx-evil: 1', want: '*' }],
    ['a trailing comma', { given: 'a,', want: '*' }],
  ])('%s', (_name, { given, want }) => {
    expect(toAllowedHeaders(given)).toBe(want);
  });
});

describe('OPTIONS', () => {
  it('answers a preflight with 204, the methods, the headers asked and max-age 600', async () => {
    const res = await call(`/pets`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-api-key' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-methods')?.split(', ').sort()).toEqual(['GET', 'HEAD', 'OPTIONS', 'POST']);
    expect(res.headers.get('allow')).toBe(res.headers.get('access-control-allow-methods'));
    expect(res.headers.get('access-control-allow-headers')).toBe('content-type, x-api-key');
    expect(res.headers.get('access-control-max-age')).toBe('600');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.text()).toBe('');
  });

  it('answers a templated path, in another letter case, too', async () => {
    const res = await call(`/PETS/7`, { method: 'OPTIONS' });
    expect(res.status).toBe(204);
    expect(res.headers.get('allow')?.split(', ')).toContain('GET');
  });

  it('leaves an undocumented path to the 404', async () => {
    const res = await call(`/owners`, { method: 'OPTIONS' });
    expect(res.status).toBe(404);
    expect(problemOf(res)?.code).toBe('route.not_found');
  });
});

describe('405', () => {
  it.each([
    ['a method another operation of the path has', 'DELETE'],
    ['a method no operation has', 'PATCH'],
    ['a method outside the usual verbs', 'PROPFIND'],
  ])('answers %s with a problem and Allow', async (_name, method) => {
    const res = await call(`/pets`, { method });
    expect(res.status).toBe(405);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.headers.get('allow')?.split(', ').sort()).toEqual(['GET', 'HEAD', 'OPTIONS', 'POST']);
    expect(await res.json()).toMatchObject({ status: 405, code: 'route.method_not_allowed', instance: '/pets' });
  });
});
