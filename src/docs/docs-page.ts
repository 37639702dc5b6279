// The generated parts of the docs site (pure): index.html, the Swagger UI start script, spec.js and the servers override.

import { COVERAGE_SECTION, COVERAGE_STYLE } from './coverage-table.js';

export type BundledDocument = Record<string, unknown> & { openapi: string; info?: { title?: string } };

/** Where "Try it out" sends requests when the site is built without a server URL: `authmock serve`'s default. */
export const DEFAULT_SERVER_URL = 'http://127.0.0.1:4010';

/** Swagger UI options (https://swagger.io/docs/open-source-tools/swagger-ui/usage/configuration/). */
export const SWAGGER_UI_CONFIG = {
  dom_id: '#swagger-ui',
  deepLinking: true,
  tryItOutEnabled: true,
  persistAuthorization: true,
  displayOperationId: true,
  displayRequestDuration: true,
  filter: true,
  docExpansion: 'list',
  showExtensions: true,
  showCommonExtensions: true,
  defaultModelsExpandDepth: 0,
  // No online validator badge: the site never talks to anything but the mock.
  validatorUrl: null,
} as const;

const PATH_ITEM_OPERATIONS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * The document with one server, `url`, so that "Try it out" calls the mock. Server lists on path items and operations
 * are dropped too, since they would win over the root list. The input is not changed.
 */
export function withServer(document: BundledDocument, url: string): BundledDocument {
  const paths = document.paths as Record<string, Record<string, unknown>> | undefined;
  const copy: BundledDocument = { ...document, servers: [{ url, description: 'this authmock' }] };
  if (paths && typeof paths === 'object') {
    copy.paths = Object.fromEntries(Object.entries(paths).map(([path, item]) => [path, withoutServers(item)]));
  }
  return copy;
}

function withoutServers(item: Record<string, unknown>): Record<string, unknown> {
  if (!item || typeof item !== 'object') return item;
  const { servers: _dropped, ...rest } = item;
  for (const method of PATH_ITEM_OPERATIONS) {
    const op = rest[method] as Record<string, unknown> | undefined;
    if (op && typeof op === 'object' && 'servers' in op) {
      const { servers: _opServers, ...opRest } = op;
      rest[method] = opRest;
    }
  }
  return rest;
}

/** Only host names, IPv4/IPv6 literals and a port: nothing that could inject into a URL or a script. */
const HOST = /^[A-Za-z0-9.:\-[\]]{1,255}$/;

/** `protocol://host` for a request, or undefined when the Host header holds anything else. */
export function toOrigin(protocol: string, host: string): string | undefined {
  if (!HOST.test(host) || (protocol !== 'http' && protocol !== 'https')) return undefined;
  return `${protocol}://${host}`;
}

/** A server URL from the command line: absolute http(s), without a trailing slash; undefined when it is not one. */
export function toServerUrl(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username || url.password || url.search || url.hash) return undefined;
  return url.href.replace(/\/+$/, '');
}

/** JSON that is also safe inside a script (no `</script>`, no U+2028/2029 line terminators). */
const toScriptJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/** spec.js: the document as a script, since a page opened from file:// may not fetch openapi.json. */
export function renderSpecScript(document: BundledDocument): string {
  return `// The OpenAPI document shown by this page (also in openapi.json).\nwindow.AUTHMOCK_SPEC = ${toScriptJson(document)};\n`;
}

/** admin-spec.js: the control API's document as a script (shown below the providers). */
export function renderAdminSpecScript(document: BundledDocument): string {
  return `// The control API (/__admin) shown by this page (also in admin-openapi.json).\nwindow.AUTHMOCK_ADMIN_SPEC = ${toScriptJson(document)};\n`;
}

/**
 * docs-init.js: starts Swagger UI on window.AUTHMOCK_SPEC with SWAGGER_UI_CONFIG, and a second one on
 * window.AUTHMOCK_ADMIN_SPEC (the control API) when admin-spec.js set it.
 */
export function renderInitScript(): string {
  return `// Start Swagger UI on the document that spec.js put in window.AUTHMOCK_SPEC (and on the admin API's, if any).
window.addEventListener('load', function () {
  var config = ${JSON.stringify(SWAGGER_UI_CONFIG, null, 2).replace(/\n/g, '\n  ')};
  config.spec = window.AUTHMOCK_SPEC;
  config.presets = [SwaggerUIBundle.presets.apis];
  config.layout = 'BaseLayout';
  window.ui = SwaggerUIBundle(config);
  if (window.AUTHMOCK_ADMIN_SPEC) {
    var admin = Object.assign({}, config, { spec: window.AUTHMOCK_ADMIN_SPEC, dom_id: '#swagger-ui-admin', deepLinking: false });
    window.adminUi = SwaggerUIBundle(admin);
  }
});
`;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The page title: the option, else the document's info.title, else "authmock". */
export function titleOf(document: BundledDocument, title?: string): string {
  return title ?? (typeof document.info?.title === 'string' && document.info.title ? document.info.title : 'authmock');
}

export interface IndexExtras {
  /** The flows section (sequence diagrams), already HTML. */
  flowsHtml?: string;
  /** Show the control API (admin-spec.js) below the providers. */
  admin?: boolean;
}

/** index.html: every URL relative, so the same page works under /docs/ and from a folder on disk. */
export function renderIndexHtml(title: string, swaggerUiVersion: string, extras: IndexExtras = {}): string {
  const nav = extras.admin || extras.flowsHtml
    ? `<nav class="authmock-nav">${extras.flowsHtml ? '<a href="#flows">Flows</a> · ' : ''}<a href="#swagger-ui">Providers</a>${extras.admin ? ' · <a href="#admin-api">Admin API (/__admin)</a> · <a href="#coverage">Coverage</a>' : ''}</nav>`
    : '';
  const admin = extras.admin
    ? `\n    <h2 id="admin-api" class="authmock-section">Admin API: clock, sandboxes, faults, state, request log (/__admin)</h2>\n    <div id="swagger-ui-admin"></div>${COVERAGE_SECTION}`
    : '';
  return `<!DOCTYPE html>
<!-- API reference generated by authmock from the OpenAPI document, rendered with Swagger UI ${escapeHtml(swaggerUiVersion)}. -->
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="generator" content="authmock docs (swagger-ui-dist ${escapeHtml(swaggerUiVersion)})">
    <title>${escapeHtml(title)}</title>
    <link rel="stylesheet" href="./swagger-ui.css">
    <link rel="icon" type="image/png" href="./favicon-32x32.png" sizes="32x32">
    <link rel="icon" type="image/png" href="./favicon-16x16.png" sizes="16x16">
    <style>
      body { margin: 0; background: #fafafa; }
      /* Code blocks in a document's descriptions: keep their lines whole. */
      .swagger-ui .markdown pre, .swagger-ui .renderedMarkdown pre { white-space: pre; overflow-x: auto; }
      .swagger-ui .markdown pre code, .swagger-ui .renderedMarkdown pre code { white-space: pre; color: #3b4151; font-weight: 400; }
      .authmock-nav, .flows, .authmock-section { max-width: 1420px; margin: 0 auto; padding: 12px 20px; font-family: sans-serif; color: #3b4151; box-sizing: border-box; }
      .flows summary { cursor: pointer; font-weight: 600; font-size: 16px; }
      .flows figure { margin: 16px 0; overflow-x: auto; }
      .flows figcaption { font-weight: 600; margin-bottom: 6px; }
      .authmock-section { font-size: 22px; border-top: 1px solid #ddd; margin-top: 24px; }${extras.admin ? COVERAGE_STYLE : ''}
    </style>
  </head>
  <body>
    <noscript>This API reference needs JavaScript. The document itself is <a href="./openapi.json">openapi.json</a>.</noscript>
    ${nav}
    ${extras.flowsHtml ?? ''}
    <div id="swagger-ui"></div>${admin}
    <script src="./swagger-ui-bundle.js" charset="utf-8"></script>
    <script src="./spec.js" charset="utf-8"></script>${extras.admin ? '\n    <script src="./admin-spec.js" charset="utf-8"></script>\n    <script src="./coverage.js" charset="utf-8"></script>' : ''}
    <script src="./docs-init.js" charset="utf-8"></script>
  </body>
</html>
`;
}
