// emnify's application-token handlers called directly on a seeded world: listing per organisation, creating, revoking, each refusal.

import { beforeEach, describe, expect, it } from 'vitest';
import type { MockResponse, Operation, World } from '../../../src/engine/types.js';
import { createApplicationToken, listApplicationTokens, toWire, updateApplicationToken } from '../../../src/providers/emnify/application-tokens.js';
import { seedEmnify } from '../../../src/providers/emnify/fixtures.js';
import type { EmnifyClaims } from '../../../src/providers/emnify/jwt.js';
import { APP_TOKEN_REVOKED, appTokenHash, EMNIFY, type AppTokenRecord } from '../../../src/providers/emnify/records.js';
import { createTestWorld, TEST_START, toMockRequest } from '../../helpers/document.js';

const FIXTURES = {
  organisations: [{ id: 1234, name: 'Demo Org' }, { id: 4321, name: 'Other Org' }],
  users: [
    { id: 5678, username: 'user@domain.com', name: 'Demo User', organisation_id: 1234, password_sha1: 'a'.repeat(40) },
    { id: 8765, username: 'other@domain.com', name: 'Other User', organisation_id: 4321, password_sha1: 'b'.repeat(40) },
  ],
  application_tokens: [
    { id: 2, token: 'tok-two', description: 'second', creator_id: 5678, created: '2025-06-01T09:30:00Z', status: 'activated', expiry_date: null, ip: null },
    { id: 1, token: 'tok-one', description: 'first', creator_id: 5678, created: '2025-03-15T14:00:00Z', status: 'revoked', expiry_date: '2027-01-01', ip: '10.0.0.0/8' },
    { id: 3, token: 'tok-other', description: 'other org', creator_id: 8765, status: 'activated', expiry_date: null, ip: null },
  ],
};

const DEMO: EmnifyClaims = { sub: 'user@domain.com', 'esc.org': 1234, 'esc.orgName': 'Demo Org', 'esc.user': 5678 };
let world: World;

beforeEach(async () => {
  world = createTestWorld();
  await world.store.write((tx) => seedEmnify(tx, FIXTURES, { clock: world.clock }));
});

/** Call a handler as the engine does once the bearer is verified (the caller's claims as the EmnifyBearer principal). */
async function call(handler: typeof listApplicationTokens, given: { body?: unknown; id?: string; claims?: EmnifyClaims } = {}): Promise<MockResponse> {
  const req = toMockRequest({ method: 'POST', path: '/emnify/api/v1/application_token', body: given.body, params: given.id === undefined ? {} : { id: given.id } });
  const principals = new Map([['EmnifyBearer', { claims: given.claims ?? DEMO, jti: 'j', exp: 0 }]]);
  return handler({ req, op: {} as Operation, world, auth: { principals, summary: 'EmnifyBearer' }, warn: () => undefined });
}

const record = (id: number) => world.store.read((tx) => tx.get<AppTokenRecord>(EMNIFY.appTokens, String(id)));

describe('listApplicationTokens', () => {
  it("lists the caller's organisation's tokens by id, as emnify writes them", async () => {
    const response = await call(listApplicationTokens);
    expect(response.body).toEqual([
      { id: 1, description: 'first', created: '2025-03-15T14:00:00.000+0000', status: { id: 1, description: 'Revoked' }, expiry_date: '2027-01-01T23:59:59.999+0000', ip: '10.0.0.0/8', creator: { id: 5678, name: 'Demo User', username: 'user@domain.com' } },
      { id: 2, description: 'second', created: '2025-06-01T09:30:00.000+0000', status: { id: 0, description: 'Activated' }, expiry_date: null, ip: null, creator: { id: 5678, name: 'Demo User', username: 'user@domain.com' } },
    ]);
  });

  it("never shows another organisation's tokens, nor any token itself", async () => {
    const other = await call(listApplicationTokens, { claims: { ...DEMO, 'esc.org': 4321, 'esc.user': 8765 } });
    expect((other.body as Array<{ id: number }>).map((t) => t.id)).toEqual([3]);
    expect(JSON.stringify((await call(listApplicationTokens)).body)).not.toMatch(/tok-|hash/);
  });

  it('refuses a call without a verified bearer', async () => {
    const req = toMockRequest();
    await expect(Promise.resolve().then(() => listApplicationTokens({ req, op: {} as Operation, world, auth: { principals: new Map(), summary: 'none' }, warn: () => undefined }))).rejects.toThrow(
      expect.objectContaining({ code: 'auth.missing' }),
    );
  });
});

describe('createApplicationToken', () => {
  it.each<[string, { given: unknown; want: Partial<ReturnType<typeof toWire>> }]>([
    ['an empty body: no description, expiry or range', { given: {}, want: { description: null, expiry_date: null, ip: null } }],
    ['no body at all', { given: undefined, want: { description: null } }],
    ['a description, a date (its last millisecond) and a range', { given: { description: 'CI', expiry_date: '2026-06-30', ip: '203.0.113.0/24' }, want: { description: 'CI', expiry_date: '2026-06-30T23:59:59.999+0000', ip: '203.0.113.0/24' } }],
    ['an RFC 3339 expiry', { given: { expiry_date: '2026-02-01T10:00:00+02:00' }, want: { expiry_date: '2026-02-01T08:00:00.000+0000' } }],
    ['an IPv6 range', { given: { ip: '2001:db8::/32' }, want: { ip: '2001:db8::/32' } }],
  ])('%s', async (_name, { given, want }) => {
    const response = await call(createApplicationToken, { body: given });
    const { application_token } = response.body as { application_token: string };
    expect(application_token).toMatch(/^[A-Za-z0-9_-]{44}$/);
    const created = await record(4);
    expect(created).toMatchObject({ orgId: 1234, hash: appTokenHash(application_token), created: TEST_START, status: 0, creator: { id: 5678, name: 'Demo User', username: 'user@domain.com' } });
    expect(toWire(created!)).toMatchObject(want);
  });

  it('gives each new token the next free id and a token of its own', async () => {
    const a = (await call(createApplicationToken, { body: {} })).body as { application_token: string };
    const b = (await call(createApplicationToken, { body: {} })).body as { application_token: string };
    expect(a.application_token).not.toBe(b.application_token);
    expect((await record(4))?.hash).toBe(appTokenHash(a.application_token));
    expect((await record(5))?.hash).toBe(appTokenHash(b.application_token));
  });

  it.each<[string, { given: unknown; want: { detail: RegExp; pointer: string } }]>([
    ['a body that is no object', { given: 'x', want: { detail: /must be a JSON object/, pointer: '/body' } }],
    ['a description that is no string', { given: { description: 5 }, want: { detail: /description must be a string/, pointer: '/body/description' } }],
    ['an expiry that is no date', { given: { expiry_date: 'soon' }, want: { detail: /YYYY-MM-DD or an RFC 3339/, pointer: '/body/expiry_date' } }],
    ['an expiry in the past', { given: { expiry_date: '2025-12-31' }, want: { detail: /in the future/, pointer: '/body/expiry_date' } }],
    ['an expiry of now', { given: { expiry_date: new Date(TEST_START).toISOString() }, want: { detail: /in the future/, pointer: '/body/expiry_date' } }],
    ['a range that is no CIDR', { given: { ip: '10.0.0.1' }, want: { detail: /CIDR notation/, pointer: '/body/ip' } }],
    ['a range that is no string', { given: { ip: 10 }, want: { detail: /CIDR notation/, pointer: '/body/ip' } }],
  ])('refuses %s with 422, storing nothing', async (_name, { given, want }) => {
    await expect(call(createApplicationToken, { body: given })).rejects.toThrow(expect.objectContaining({ code: 'validation.failed', status: 422, pointer: want.pointer, message: expect.stringMatching(want.detail) }));
    expect(await record(4)).toBeUndefined();
  });
});

describe('updateApplicationToken', () => {
  it.each<[string, { given: { id: string; body: unknown }; want: { status: number; description: string } }]>([
    ['revoke an active token', { given: { id: '2', body: { status: { id: 1 } } }, want: { status: APP_TOKEN_REVOKED, description: 'second' } }],
    ['revoke a revoked one again: nothing changes, still 204', { given: { id: '1', body: { status: { id: 1 } } }, want: { status: APP_TOKEN_REVOKED, description: 'first' } }],
    ['keep an active token active with a new description', { given: { id: '2', body: { status: { id: 0 }, description: 'renamed' } }, want: { status: 0, description: 'renamed' } }],
    ['revoke with a new description', { given: { id: '2', body: { status: { id: 1 }, description: 'gone' } }, want: { status: APP_TOKEN_REVOKED, description: 'gone' } }],
  ])('%s', async (_name, { given, want }) => {
    expect(await call(updateApplicationToken, given)).toEqual({ status: 204 });
    expect(await record(Number(given.id))).toMatchObject(want);
  });

  it.each<[string, { given: { id: string; body: unknown }; want: { code: string; status: number; detail: RegExp } }]>([
    ['no status', { given: { id: '2', body: {} }, want: { code: 'validation.failed', status: 422, detail: /status\.id must be 0/ } }],
    ['a status id that is a string', { given: { id: '2', body: { status: { id: '1' } } }, want: { code: 'validation.failed', status: 422, detail: /status\.id must be 0/ } }],
    ['a description that is no string', { given: { id: '2', body: { status: { id: 1 }, description: null } }, want: { code: 'validation.failed', status: 422, detail: /description must be a string/ } }],
    ['re-activating a revoked token', { given: { id: '1', body: { status: { id: 0 } } }, want: { code: 'validation.failed', status: 422, detail: /cannot be re-activated/ } }],
    ["another organisation's token", { given: { id: '3', body: { status: { id: 1 } } }, want: { code: 'state.not_found', status: 404, detail: /no application token 3 in your organisation/ } }],
    ['an unknown id', { given: { id: '99', body: { status: { id: 1 } } }, want: { code: 'state.not_found', status: 404, detail: /no application token 99/ } }],
    ['an id with a leading zero', { given: { id: '02', body: { status: { id: 1 } } }, want: { code: 'state.not_found', status: 404, detail: /no application token 02/ } }],
    ['an id that is no number', { given: { id: 'constructor', body: { status: { id: 1 } } }, want: { code: 'state.not_found', status: 404, detail: /no application token/ } }],
  ])('refuses %s', async (_name, { given, want }) => {
    await expect(call(updateApplicationToken, given)).rejects.toThrow(expect.objectContaining({ code: want.code, status: want.status, message: expect.stringMatching(want.detail) }));
    expect(await record(3)).toMatchObject({ status: 0 });
  });
});
