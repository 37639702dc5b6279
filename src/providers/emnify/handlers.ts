// emnify's operations by operationId: /authenticate, the application tokens, and the endpoint list (paged with
// page/per_page, the X-Total-* and X-Sort headers).

import type { Handler } from '../../engine/types.js';
import { createApplicationToken, listApplicationTokens, updateApplicationToken } from './application-tokens.js';
import { createAuthenticateHandler } from './authenticate.js';
import { callerOf } from './credentials.js';
import type { JwtService } from './jwt.js';
import { EMNIFY, type EndpointRecord } from './records.js';
import type { Keyring } from './signing-key.js';
import { validationError } from './wire.js';

export const DEFAULT_PER_PAGE = 1000;

export const MAX_PER_PAGE = 1000;

function positiveInt(value: string | string[] | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const text = Array.isArray(value) ? value[0] ?? '' : value;
  if (!/^[1-9]\d{0,8}$/.test(text) || Number(text) > max) {
    throw validationError(`${name} must be an integer from 1 to ${max}`, `/query/${name}`);
  }
  return Number(text);
}

/** GET /api/v1/endpoint: the caller's organisation's endpoints by id. */
const listEndpoints: Handler = async (ctx) => {
  const org = callerOf(ctx).claims['esc.org'];
  const page = positiveInt(ctx.req.query['page'], 'page', 1, 999_999_999);
  const perPage = positiveInt(ctx.req.query['per_page'], 'per_page', DEFAULT_PER_PAGE, MAX_PER_PAGE);
  const all = await ctx.world.store.read((tx) =>
    [...tx.values<EndpointRecord>(EMNIFY.endpoints)].filter((r) => r.orgId === org).map((r) => r.endpoint).sort((a, b) => a.id - b.id),
  );
  const totalPages = Math.max(1, Math.ceil(all.length / perPage));
  const start = (page - 1) * perPage;
  return {
    status: 200,
    headers: {
      'X-Total-Pages': String(totalPages),
      'X-Current-Page': String(page),
      'X-Count-Per-Page': String(perPage),
      'X-Total-Count': String(all.length),
      // Recorded beside the paging headers in the official Python SDK's cassettes: the list is sorted by id.
      'X-Sort': 'id',
    },
    body: all.slice(start, start + perPage),
  };
};

export function createEmnifyHandlers(jwt: JwtService, keyring: Keyring): Readonly<Record<string, Handler>> {
  return {
    emnifyAuthenticate: createAuthenticateHandler(jwt, keyring),
    emnifyListApplicationTokens: listApplicationTokens,
    emnifyCreateApplicationToken: createApplicationToken,
    emnifyUpdateApplicationToken: updateApplicationToken,
    emnifyListEndpoints: listEndpoints,
  };
}
