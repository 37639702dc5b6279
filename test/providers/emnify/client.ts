// Shared by the emnify tests: the fixture credentials, request helpers and the emnify error-shape assertions.

import { expect } from 'vitest';
import type { StartedMock } from '../../helpers/harness.js';
import { problemOf } from '../../helpers/listen.js';

export const USER = { username: 'user@domain.com', password: '2fd4e1c67a2d28fced849ee1bb76e7391b93eb12', id: 5678, org: 1234 };
export const OTHER_USER = { username: 'other@domain.com', password: '425a9edd2b595647549aad12cb096ebff11d0209', id: 8765, org: 4321 };
export const APP_TOKEN = 'kNTktNTA1My00YzdhLTg0NjEtZGVtby1hcHAtdG9rZW4';
export const REVOKED_APP_TOKEN = 'rEvOkEd-dEmO-aPp-ToKeN-0000000000000000000000';
export const MINUTE = 60_000;

export function emnify(mock: StartedMock, path: string, init: { method?: string; token?: string; headers?: Record<string, string>; json?: unknown } = {}): Promise<Response> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token !== undefined) headers['authorization'] = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.json);
  }
  return fetch(`${mock.url}/emnify/api/v1${path}`, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
}

export const authenticate = (mock: StartedMock, json: unknown, headers?: Record<string, string>): Promise<Response> =>
  emnify(mock, '/authenticate', { json, ...(headers ? { headers } : {}) });

export async function login(mock: StartedMock, user = USER): Promise<{ auth_token: string; refresh_token: string }> {
  const res = await authenticate(mock, { username: user.username, password: user.password });
  expect(res.status).toBe(200);
  return (await res.json()) as { auth_token: string; refresh_token: string };
}

export async function appLogin(mock: StartedMock, token = APP_TOKEN): Promise<string> {
  const res = await authenticate(mock, { application_token: token });
  expect(res.status).toBe(200);
  return ((await res.json()) as { auth_token: string }).auth_token;
}

export const payloadOf = (jwt: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

export const headerOf = (jwt: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(jwt.split('.')[0] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

/** emnify's usual error body, exactly these three keys. */
export async function expectEmnifyError(res: Response, status: number, errorCode: number, errorToken: string): Promise<void> {
  expect(res.status).toBe(status);
  const body = (await res.json()) as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(['error_code', 'error_token', 'message']);
  expect(body).toMatchObject({ error_code: errorCode, error_token: errorToken });
  expect(typeof body['message']).toBe('string');
  expect(res.headers.get('www-authenticate')).toBeNull();
  expect(problemOf(res)?.code).toBeTruthy();
}

/** The one odd emnify answer: `{"message":"token contains an invalid number of segments"}` and nothing else. */
export async function expectSegmentsError(res: Response): Promise<void> {
  expect(res.status).toBe(401);
  expect(await res.json()).toEqual({ message: 'token contains an invalid number of segments' });
}

export const listEndpoints = (mock: StartedMock, token: string, query = ''): Promise<Response> =>
  emnify(mock, `/endpoint${query ? `?${query}` : ''}`, { token });
