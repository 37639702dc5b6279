// DeviceHQ's wire format, without a socket: JSON:API `errors[]` for every failure; a session-only fault on a key route is none.

import { describe, expect, it } from 'vitest';
import { MockError } from '../../../src/engine/errors.js';
import type { Operation } from '../../../src/engine/types.js';
import { devicehqFaultProblems, JSON_API, renderDevicehqError, unknownKey } from '../../../src/providers/devicehq/wire.js';

const opSecuredBy = (scheme: string): Operation => ({ security: [[{ name: scheme }]] }) as unknown as Operation;

describe('renderDevicehqError', () => {
  it.each([
    ['an unknown API key', { given: unknownKey(), want: { status: 401, title: 'Credentials invalid', detail: 'Invalid API key: it was never issued or has been replaced by a newer key' } }],
    ['a missing Content-Length', { given: new MockError('request.length_required', 'Content-Length header is required'), want: { status: 411, title: 'Content-Length required', detail: 'Content-Length header is required' } }],
    ['a key given twice (400, as the key routes document)', { given: new MockError('auth.conflict', 'API key given in more than one place'), want: { status: 400, title: 'Credentials given in more than one place', detail: 'API key given in more than one place' } }],
  ])('%s', (_, { given, want }) => {
    expect(renderDevicehqError(given)).toEqual({
      status: want.status,
      body: { errors: [{ status: String(want.status), title: want.title, detail: want.detail }] },
      contentType: JSON_API,
    });
  });
});

describe('devicehqFaultProblems', () => {
  it.each([
    ['a session expires on a session route', { given: { problem: 'auth.expired', scheme: 'DeviceHQSessionToken' }, want: 'auth.expired' }],
    ['a session is closed on a session route', { given: { problem: 'auth.revoked', scheme: 'DeviceHQSessionTokenQuery' }, want: 'auth.revoked' }],
    ['an API-key route has no session to expire', { given: { problem: 'auth.expired', scheme: 'DeviceHQApiKey' }, want: undefined }],
    ['an API-key route has no session to close', { given: { problem: 'auth.revoked', scheme: 'DeviceHQApiKey' }, want: undefined }],
    ['any route may refuse a credential', { given: { problem: 'auth.invalid', scheme: 'DeviceHQApiKey' }, want: 'auth.invalid' }],
  ])('%s', (_, { given, want }) => {
    expect(devicehqFaultProblems[given.problem]!('', opSecuredBy(given.scheme))?.code).toBe(want);
  });
});
