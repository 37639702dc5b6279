// The control API's own contract: its access rule (the admin token) and its handlers, without a socket.

import { describe, expect, it } from 'vitest';
import { createAdminApi, toOperationOwner } from '../../src/admin/admin-api.js';
import { resolveSettings } from '../../src/config.js';
import type { Worlds } from '../../src/world/worlds.js';

const api = (adminToken: string | undefined) =>
  createAdminApi({
    worlds: () => ({}) as Worlds,
    providers: [],
    validateFixtures: (_where, value) => value as never,
    operationIds: () => new Set(),
    operations: () => [],
    settings: resolveSettings({ adminToken }),
    uptimeMs: () => 0,
  });

describe('authorize', () => {
  it.each([
    ['no token set, none sent', { given: [undefined, undefined], want: undefined }],
    ['no token set, one sent', { given: [undefined, 'whatever1'], want: 'admin token is not valid' }],
    ['a token set, none sent', { given: ['s3cret-token', undefined], want: 'this authmock runs with --admin-token: send Authorization: Bearer <token>' }],
    ['a token set, another sent', { given: ['s3cret-token', 's3cret-tokeN'], want: 'admin token is not valid' }],
    ['a token set, it sent', { given: ['s3cret-token', 's3cret-token'], want: undefined }],
  ] as const)('%s', (_name, { given: [token, sent], want }) => {
    const refused = api(token).authorize(sent);
    expect(refused?.message).toBe(want);
    if (refused) expect(refused.code).toBe('admin.unauthorized');
  });
});

describe('toOperationOwner', () => {
  it('answers errors as problem+json', () => {
    const owner = toOperationOwner(api(undefined));
    const refused = api('s3cret-token').authorize(undefined)!;
    expect(owner.renderError(refused)).toMatchObject({ status: 401, contentType: 'application/problem+json', body: { code: 'admin.unauthorized' } });
  });

  it('keeps every handler behind the token rule', async () => {
    const owner = toOperationOwner(api('s3cret-token'));
    const health = owner.handlers['adminHealth']!;
    const anonymous = { principals: new Map(), summary: 'anonymous' };
    expect(() => health({ auth: anonymous } as never)).toThrow(expect.objectContaining({ code: 'admin.unauthorized' }));
    const admitted = { principals: new Map([['AdminToken', { admin: true }]]), summary: 'AdminToken' };
    expect(await health({ auth: admitted } as never)).toMatchObject({ status: 200, body: { status: 'ok' } });
  });
});
