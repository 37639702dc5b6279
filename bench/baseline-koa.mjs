// The benchmark's floor: bare Koa + @koa/router answering authmock's benchmarked routes with the same bodies, no validation.
//
// Usage: node bench/baseline-koa.mjs PORT   (listens on 127.0.0.1 only; prints nothing)
// No authentication, no state, no document: each route builds the body authmock sends for the default fixtures.

import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Koa from 'koa';
import Router from '@koa/router';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.argv[2] ?? process.env.PORT ?? 0);

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'X-Mock-Problem, X-Total-Pages, X-Current-Page, X-Count-Per-Page, X-Total-Count, Retry-After',
};

/** emnify's endpoint list as authmock answers it for the default fixtures (organisation 1234), built once. */
async function loadEndpoints() {
  try {
    const { parse } = await import('yaml');
    const fixtures = parse(readFileSync(join(ROOT, 'fixtures', 'default.yaml'), 'utf8'));
    return fixtures.emnify.endpoints.filter((e) => e.organisation_id === 1234).map(({ organisation_id: _org, ...rest }) => rest);
  } catch {
    // Without the root install: a body of the same shape and about the same size (5 endpoints, ~2.4 kB).
    return Array.from({ length: 5 }, (_, i) => ({
      id: 101 + i,
      name: `Endpoint ${i + 1}`,
      tags: 'weather,north',
      created: '2025-01-10T08:00:00Z',
      last_updated: '2025-11-02T10:15:00Z',
      status: { id: 0, description: 'Enabled' },
      service_profile: { id: 11, name: 'Default Service Profile' },
      tariff_profile: { id: 21, name: 'Global Tariff' },
      sim: { id: 3001 + i, iccid: '8988303000000000101', imsi: '295050000000101', msisdn: '423663900101', status: { id: 1, description: 'Activated' } },
      imei: '356938035643801',
      imei_lock: false,
      ip_address: '100.96.0.101',
      ip_address_space: { id: 1 },
    }));
  }
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const randomToken = (length) => Array.from(randomBytes(length), (b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join('');

const SECRET = randomBytes(32);
const b64url = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
function signJwt(typ, claims) {
  const head = `${b64url({ alg: 'HS256', typ })}.${b64url(claims)}`;
  return `${head}.${createHmac('sha256', SECRET).update(head).digest('base64url')}`;
}

const startedAt = new Date();
const duetCreatedAt = startedAt.toUTCString().replace('GMT', '+0000');

function json(ctx, status, body, type = 'application/json; charset=utf-8', headers = {}) {
  ctx.set(CORS);
  ctx.set(headers);
  ctx.status = status;
  ctx.type = type;
  ctx.body = JSON.stringify(body);
}

async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  if (chunks.length === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}

export async function createBaseline() {
  const endpoints = await loadEndpoints();
  const router = new Router();

  router.get('/__admin/health', (ctx) =>
    json(ctx, 200, { status: 'ok', uptime_ms: Math.round(performance.now()), version: 'baseline' }));

  router.get('/devicehq/api/v2/test', (ctx) =>
    json(ctx, 200, { meta: { message: 'OK', timestamp: new Date().toISOString() } }, 'application/vnd.api+json; charset=utf-8'));

  router.post('/devicehq/api/v2/session', (ctx) =>
    json(
      ctx,
      200,
      { meta: { token: randomToken(14), expires: new Date(Date.now() + 300_000).toISOString(), jsonapi: { version: '1.0' } } },
      'application/vnd.api+json; charset=utf-8',
    ));

  router.get('/emnify/api/v1/endpoint', (ctx) => {
    ctx.set(CORS);
    ctx.set({ 'X-Total-Pages': '1', 'X-Current-Page': '1', 'X-Count-Per-Page': '1000', 'X-Total-Count': '5' });
    ctx.status = 200;
    ctx.type = 'application/json; charset=utf-8';
    // Serialised per request, as on every other route here and in any Koa app that answers a list.
    ctx.body = JSON.stringify(endpoints);
  });

  router.post('/emnify/api/v1/authenticate', async (ctx) => {
    await readJson(ctx.req);
    const iat = Math.floor(Date.now() / 1000);
    const claims = { sub: 'user@domain.com', 'esc.org': 1234, 'esc.orgName': 'Demo Org', 'esc.user': 5678, 'authmock.world': 'main', iss: 'authmock-emnify', aud: 'authmock-emnify-api', iat };
    json(ctx, 200, {
      auth_token: signJwt('JWT', { ...claims, token_use: 'auth', exp: iat + 14_400, jti: randomUUID().replaceAll('-', '') }),
      refresh_token: signJwt('refresh+jwt', { ...claims, token_use: 'refresh', exp: iat + 2_592_000, jti: randomUUID().replaceAll('-', '') }),
    });
  });

  router.post('/rfcx/v2/guardians/:guid/pings', async (ctx) => {
    await readJson(ctx.req);
    json(ctx, 200, { received: true, guid: ctx.params.guid });
  });

  router.get('/duet/1/account', (ctx) =>
    json(ctx, 200, { account: { id: 1, login: 'demo@duet.example', created_at: duetCreatedAt } }));

  router.post('/duet/1/account/sign_in', async (ctx) => {
    for await (const _chunk of ctx.req);
    json(ctx, 200, { account: { authentication_token: randomToken(60) } });
  });

  const app = new Koa();
  app.silent = true;
  app.use(router.routes());
  return app;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const app = await createBaseline();
  const server = app.listen(port, '127.0.0.1');
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
