// A request that matches nothing names the nearest documented operations; `GET /` says where everything is.

import { describe, expect, it } from 'vitest';
import { useMock } from '../helpers/harness.js';
import { problemOf } from '../helpers/listen.js';

const mock = useMock();

describe('a request that matches no operation', () => {
  it.each([
    ['a typo in the last segment', 'GET', '/devicehq/api/v2/tset', 'GET /devicehq/api/v2/test'],
    ['the wrong API version', 'POST', '/devicehq/api/v1/session', 'POST /devicehq/api/v2/session'],
    ['a missing base path', 'POST', '/api/v1/authenticate', 'POST /emnify/api/v1/authenticate'],
  ])('%s: 404 with the closest match first', async (_, method, path, nearest) => {
    const res = await fetch(`${mock().url}${path}`, { method });
    expect(res.status).toBe(404);
    const body = (await res.json()) as { code: string; closest: Array<{ method: string; path: string }> };
    expect(body.code).toBe('route.not_found');
    expect(body.closest.length).toBeGreaterThan(0);
    expect(`${body.closest[0]!.method} ${body.closest[0]!.path}`).toBe(nearest);
    expect(problemOf(res)?.detail).toContain(`nearest: ${nearest}`);
  });
});

describe('GET /', () => {
  it('points to /docs, the admin API and the four base URLs (JSON)', async () => {
    const res = await fetch(`${mock().url}/`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      name: 'authmock',
      docs: `${mock().url}/docs`,
      admin: `${mock().url}/__admin`,
      providers: {
        duet: `${mock().url}/duet`,
        devicehq: `${mock().url}/devicehq`,
        rfcx: `${mock().url}/rfcx`,
        emnify: `${mock().url}/emnify`,
      },
    });
  });

  it('answers a browser with links', async () => {
    const res = await fetch(`${mock().url}/`, { headers: { accept: 'text/html' } });
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain(`<a href="${mock().url}/docs">`);
    expect(html).toContain(`<a href="${mock().url}/emnify">`);
  });
});
