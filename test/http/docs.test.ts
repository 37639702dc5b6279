// /docs on a small Koa app: redirect, page, per-request servers from Host, bad Host → 400, unknown files fall through.

import { request as httpRequest } from 'node:http';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { swaggerUiDistDir } from '../../src/docs/swagger-ui-assets.js';
import { createDocsMiddleware } from '../../src/http/docs.js';
import { DEFAULT_DOCUMENT } from '../../src/paths.js';
import { listen } from '../helpers/listen.js';

let base: string;
let close: () => Promise<void>;

beforeAll(async () => {
  const app = new Koa();
  app.use(createDocsMiddleware({ document: DEFAULT_DOCUMENT }));
  app.use((ctx) => {
    ctx.status = 404;
    ctx.body = `next() for ${ctx.method} ${ctx.path}`;
  });
  const server = await listen(app.callback());
  base = server.url;
  close = server.close;
});
afterAll(() => close());

const get = (path: string, init?: RequestInit): Promise<Response> => fetch(`${base}${path}`, { redirect: 'manual', ...init });

/** A raw GET with any Host header (fetch does not let a caller set Host). */
function getWithHost(path: string, host: string): Promise<{ status: number; type: string | undefined; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('createDocsMiddleware', () => {
  it('redirects /docs to /docs/, keeping the query', async () => {
    const res = await get('/docs?x=1');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/docs/?x=1');
  });

  it.each(['/docs/', '/docs/index.html'])('serves the page at %s', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const html = await res.text();
    expect(html).toContain('<div id="swagger-ui"></div>');
    expect(html).toContain('<script src="./spec.js"');
  });

  it('serves openapi.json with servers set to the origin of the request', async () => {
    const res = await get('/docs/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const document = (await res.json()) as { servers: unknown; openapi: string };
    expect(document.openapi).toBe('3.1.0');
    expect(document.servers).toEqual([{ url: base, description: 'this authmock' }]);

    const viaLan = await getWithHost('/docs/openapi.json', '192.168.1.20:4010');
    expect((JSON.parse(viaLan.body) as { servers: unknown }).servers).toEqual([{ url: 'http://192.168.1.20:4010', description: 'this authmock' }]);
  });

  it('serves spec.js with the same servers, as a script', async () => {
    const res = await getWithHost('/docs/spec.js', 'mock.local:8080');
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/javascript; charset=utf-8');
    const window: { AUTHMOCK_SPEC?: { servers: unknown } } = {};
    new Function('window', res.body)(window);
    expect(window.AUTHMOCK_SPEC?.servers).toEqual([{ url: 'http://mock.local:8080', description: 'this authmock' }]);
  });

  it.each([
    ['a path', 'evil.example/x'],
    ['markup', 'a"><script>'],
    ['a space', 'mock local:80'],
    ['a user name', 'user@mock.local'],
    ['a list', 'a.example,b.example'],
  ])('answers 400 problem+json for a Host header holding %s', async (_name, host) => {
    const res = await getWithHost('/docs/openapi.json', host);
    expect(res.status).toBe(400);
    expect(res.type).toBe('application/problem+json; charset=utf-8');
    expect(JSON.parse(res.body)).toMatchObject({ status: 400, code: 'request.header_invalid' });
    expect(res.body).not.toContain('<script>');
  });

  it('serves Swagger UI files with their content types and a long Cache-Control', async () => {
    const cases = [
      ['swagger-ui-bundle.js', 'text/javascript; charset=utf-8'],
      ['swagger-ui.css', 'text/css; charset=utf-8'],
      ['favicon-32x32.png', 'image/png'],
    ] as const;
    for (const [name, type] of cases) {
      const res = await get(`/docs/${name}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await res.arrayBuffer()).equals(await readFile(join(swaggerUiDistDir(), name)))).toBe(true);
    }
  });

  it('answers HEAD without a body', async () => {
    const res = await get('/docs/swagger-ui.css', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });

  it.each([
    ['an unknown file', 'GET', '/docs/nope.js'],
    ['a file swagger-ui-dist has but the site does not serve', 'GET', '/docs/swagger-ui-bundle.js.map'],
    ['a path traversal', 'GET', '/docs/..%2Fpackage.json'],
    ['a POST', 'POST', '/docs/'],
    ['a path that only starts like /docs', 'GET', '/docsx'],
    ['another route', 'GET', '/duet/1'],
  ])('passes %s to next()', async (_name, method, path) => {
    const res = await get(path, { method });
    expect(res.status).toBe(404);
    expect(await res.text()).toMatch(/^next\(\) for /);
  });
});

describe('createDocsMiddleware builds once', () => {
  const petstore = (title: string): string =>
    `openapi: 3.1.0\ninfo: { title: ${title}, version: '1' }\npaths:\n  /pets:\n    get:\n      responses:\n        '200': { description: ok }\n`;

  it('reads the document on the first request only, and retries a build that failed', async () => {
    const document = join(await mkdtemp(join(tmpdir(), 'authmock-docs-')), 'pets.yaml');
    const app = new Koa();
    app.silent = true;
    app.use(createDocsMiddleware({ document }));
    const server = await listen(app.callback());
    try {
      expect((await fetch(`${server.url}/docs/openapi.json`)).status).toBe(500); // no file yet
      await writeFile(document, petstore('First'));
      const first = (await (await fetch(`${server.url}/docs/openapi.json`)).json()) as { info: { title: string } };
      expect(first.info.title).toBe('First');
      await writeFile(document, petstore('Second'));
      const again = (await (await fetch(`${server.url}/docs/openapi.json`)).json()) as { info: { title: string } };
      expect(again.info.title).toBe('First');
      expect(await (await fetch(`${server.url}/docs/`)).text()).toContain('<title>First</title>');
    } finally {
      await server.close();
    }
  });
});
