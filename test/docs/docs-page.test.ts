// The docs site's generated parts: the servers override, Host and server URL checks, and script-safe spec.js.

import { describe, expect, it } from 'vitest';
import {
  renderIndexHtml,
  renderInitScript,
  renderSpecScript,
  SWAGGER_UI_CONFIG,
  titleOf,
  toOrigin,
  toServerUrl,
  withServer,
  type BundledDocument,
} from '../../src/docs/docs-page.js';

const doc = (): BundledDocument => ({
  openapi: '3.1.0',
  info: { title: 'Demo' },
  servers: [{ url: '/' }],
  paths: {
    '/a': { servers: [{ url: 'https://elsewhere.example' }], get: { servers: [{ url: 'https://op.example' }], responses: {} } },
    '/b': { post: { responses: {} } },
  },
});

describe('withServer', () => {
  it('replaces the root servers and drops path-item and operation servers, leaving the input alone', () => {
    const input = doc();
    const before = JSON.stringify(input);
    const out = withServer(input, 'http://127.0.0.1:4010');
    expect(out.servers).toEqual([{ url: 'http://127.0.0.1:4010', description: 'this authmock' }]);
    expect(JSON.stringify(out.paths)).not.toContain('servers');
    expect((out.paths as Record<string, Record<string, unknown>>)['/b']).toEqual({ post: { responses: {} } });
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe('toOrigin', () => {
  it.each([
    ['a host and port', { given: ['http', '127.0.0.1:4010'], want: 'http://127.0.0.1:4010' }],
    ['a name over https', { given: ['https', 'mock.local'], want: 'https://mock.local' }],
    ['an IPv6 literal', { given: ['http', '[::1]:4010'], want: 'http://[::1]:4010' }],
    ['an empty Host', { given: ['http', ''], want: undefined }],
    ['a path in the Host', { given: ['http', 'evil.example/x'], want: undefined }],
    ['a quote', { given: ['http', 'a"b'], want: undefined }],
    ['markup', { given: ['http', '<script>'], want: undefined }],
    ['a space', { given: ['http', 'a b'], want: undefined }],
    ['another scheme', { given: ['javascript', 'a'], want: undefined }],
  ] as const)('%s', (_name, { given, want }) => {
    expect(toOrigin(given[0], given[1])).toBe(want);
  });
});

describe('toServerUrl', () => {
  it.each([
    ['an origin', { given: 'http://192.168.1.20:4010', want: 'http://192.168.1.20:4010' }],
    ['a trailing slash', { given: 'https://mock.example/', want: 'https://mock.example' }],
    ['a base path', { given: 'http://h:1/base/', want: 'http://h:1/base' }],
    ['a relative URL', { given: '/mock', want: undefined }],
    ['another scheme', { given: 'ftp://h', want: undefined }],
    ['credentials', { given: 'http://u:p@h', want: undefined }],
    ['a query', { given: 'http://h/?x=1', want: undefined }],
  ] as const)('%s', (_name, { given, want }) => {
    expect(toServerUrl(given)).toBe(want);
  });
});

describe('page files', () => {
  it('spec.js sets window.AUTHMOCK_SPEC and cannot be broken out of', () => {
    const text = renderSpecScript({ openapi: '3.1.0', info: { title: '</script><b>\u2028' } });
    expect(text).not.toContain('</script>');
    expect(text).not.toContain('\u2028');
    const window: { AUTHMOCK_SPEC?: unknown } = {};
    new Function('window', text)(window);
    expect(window.AUTHMOCK_SPEC).toEqual({ openapi: '3.1.0', info: { title: '</script><b>\u2028' } });
  });

  it('docs-init.js passes the agreed Swagger UI options', () => {
    const calls: Array<Record<string, unknown>> = [];
    const bundle = Object.assign((config: Record<string, unknown>) => calls.push(config), { presets: { apis: 'apis' } });
    const window = { AUTHMOCK_SPEC: { openapi: '3.1.0' }, addEventListener: (_: string, f: () => void) => f() };
    new Function('window', 'SwaggerUIBundle', renderInitScript())(window, bundle);
    expect(calls[0]).toMatchObject({
      ...SWAGGER_UI_CONFIG,
      deepLinking: true,
      tryItOutEnabled: true,
      persistAuthorization: true,
      displayOperationId: true,
      filter: true,
      docExpansion: 'list',
      spec: { openapi: '3.1.0' },
    });
  });

  it('index.html uses relative URLs only and escapes the title', () => {
    const html = renderIndexHtml('<A & B>', '5.0.0');
    expect(html).toContain('<title>&lt;A &amp; B&gt;</title>');
    expect(html.match(/(?:src|href)="([^"]+)"/g)?.every((m) => m.includes('"./'))).toBe(true);
  });

  it.each([
    ['the option', { given: ['X', 'Demo'], want: 'X' }],
    ['info.title', { given: [undefined, 'Demo'], want: 'Demo' }],
    ['the fallback', { given: [undefined, ''], want: 'authmock' }],
  ] as const)('titleOf takes %s', (_name, { given, want }) => {
    expect(titleOf({ openapi: '3.1.0', info: { title: given[1] } }, given[0])).toBe(want);
  });
});
