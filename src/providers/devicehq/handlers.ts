// DeviceHQ's operations by operationId: open (POST/PUT) and close a session, info, test, and the device list.

import { toIso } from '../../world/clock.js';
import { MockError } from '../../engine/errors.js';
import type { Handler, HandlerContext, MockRequest, MockResponse } from '../../engine/types.js';
import { findApiKey, type KeyPrincipal, type SessionPrincipal } from './credentials.js';
import { closeSession, findAccountByKeyHash, hashApiKey, openSession, slideSession, ACCOUNTS, type DevicehqAccount } from './records.js';
import { JSON_API, unknownKey } from './wire.js';

const JSONAPI_VERSION = { version: '1.0' } as const;


export interface DevicehqHandlerOptions {
  sessionTtlMs: number;
  lengthCheck: (req: MockRequest) => MockError | undefined;
  defaultLimit: number;
  maxLimit: number;
}

const ok = (body: unknown): MockResponse => ({ status: 200, body, contentType: JSON_API });

/** The key's hash: verified by the engine (header, query) or, for the anonymous `{}` alternative, read from the body here. */
function keyHashOf(ctx: HandlerContext): string {
  const principal = (ctx.auth.principals.get('DeviceHQApiKey') ?? ctx.auth.principals.get('DeviceHQApiKeyQuery')) as KeyPrincipal | undefined;
  if (principal) return principal.keyHash;
  const found = findApiKey(ctx.req);
  if (found instanceof MockError) throw found;
  if (found === undefined) {
    throw new MockError('auth.missing', 'no API key: send it in X-API-KEY, as ?api_key= or as the JSON body {"api_key": "..."}');
  }
  if (typeof found.value !== 'string') {
    throw new MockError('request.body_invalid', 'api_key in the body must be a string', { pointer: '/body/api_key' });
  }
  return hashApiKey(found.value);
}

function sessionOf(ctx: HandlerContext): SessionPrincipal {
  const principal = (ctx.auth.principals.get('DeviceHQSessionToken') ?? ctx.auth.principals.get('DeviceHQSessionTokenQuery')) as
    | SessionPrincipal
    | undefined;
  if (!principal) throw new MockError('auth.missing', 'no session token: send X-AUTH-TOKEN or ?token=');
  return principal;
}

/** A non-negative integer query parameter, or the fallback when absent or not an integer. */
export function integerParam(raw: string | string[] | undefined, fallback: number): number {
  const text = Array.isArray(raw) ? raw[0] : raw;
  if (text === undefined || !/^\d{1,9}$/.test(text)) return fallback;
  return Number(text);
}

export function createDevicehqHandlers(options: DevicehqHandlerOptions): Record<string, Handler> {
  const createSession: Handler = async (ctx) => {
    const missingLength = options.lengthCheck(ctx.req);
    if (missingLength) throw missingLength;
    const keyHash = keyHashOf(ctx);
    const now = ctx.world.clock.now();
    // Find the account and replace its session in one write: 50 parallel sign-ins leave exactly one live token.
    const opened = await ctx.world.store.write((tx) => {
      const account = findAccountByKeyHash(tx, keyHash);
      return account ? openSession(tx, account.id, now, options.sessionTtlMs) : undefined;
    });
    if (!opened) throw unknownKey();
    return ok({ meta: { token: opened.token, expires: toIso(opened.session.expiresAt), jsonapi: JSONAPI_VERSION } });
  };

  /** The request is served: move the session's expiry (a failed request never gets here, so it never slides). */
  const slide = async (ctx: HandlerContext, now: number): Promise<void> => {
    const { tokenHash } = sessionOf(ctx);
    const result = await ctx.world.store.write((tx) => slideSession(tx, tokenHash, now, options.sessionTtlMs));
    if (result instanceof MockError) throw result;
  };

  return {
    devicehqCreateSession: createSession,
    devicehqCreateSessionPut: createSession,

    async devicehqCloseSession(ctx) {
      const { tokenHash } = sessionOf(ctx);
      const closed = await ctx.world.store.write((tx) => closeSession(tx, tokenHash));
      if (!closed) throw new MockError('auth.invalid', 'session was closed by a concurrent request');
      return ok({ meta: { message: 'Session closed' } });
    },

    devicehqInfo: (ctx) =>
      ok({ meta: { api_version: '2', server_time: toIso(ctx.world.clock.now()), jsonapi: JSONAPI_VERSION } }),

    async devicehqTest(ctx) {
      const now = ctx.world.clock.now();
      await slide(ctx, now);
      return ok({ meta: { message: 'OK', timestamp: toIso(now) } });
    },

    async devicehqListDevices(ctx) {
      const { accountId } = sessionOf(ctx);
      const account = await ctx.world.store.read((tx) => tx.get<DevicehqAccount>(ACCOUNTS, accountId));
      if (!account) throw new MockError('auth.invalid', 'the account of this session no longer exists');
      await slide(ctx, ctx.world.clock.now());
      const limit = Math.min(Math.max(integerParam(ctx.req.query['limit'], options.defaultLimit), 1), options.maxLimit);
      const skip = integerParam(ctx.req.query['skip'], 0);
      const data = account.devices.slice(skip, skip + limit).map((device) => ({
        id: device.id,
        type: 'devices',
        attributes: { name: device.name, serial: device.serial, status: device.status, created_at: device.created_at },
      }));
      return ok({ data, meta: { total: account.devices.length } });
    },
  };
}
