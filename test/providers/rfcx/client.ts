// Shared by the RFCx tests: the fixture credentials, a small request helper, and the RFCx wire-format assertions.

import { request } from 'node:http';
import { expect } from 'vitest';
import { problemOf } from '../../helpers/listen.js';
import type { StartedMock } from '../../helpers/harness.js';
import { createRfcxProvider } from '../../../src/providers/rfcx/index.js';

export const GUARDIAN = { guid: 'df72c626229f', token: '5ffd69500c83b9d948f5d0852538b5b983453182' };
export const OTHER_GUARDIAN = { guid: 'a1b2c3d4e5f6', token: 'a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6q7r8s9t0' };
export const USER = {
  guid: '6f1e2d3c-4b5a-4c69-8e7f-9a0b1c2d3e4f',
  email: 'demo@rfcx.example',
  password: 'rfcx-demo-password',
  token: 'rfcxdemousertoken7k3m9q2x5c8v1b4n6z0a2s4',
};
export const TEMP = { guid: '0f8e7d6c-5b4a-4938-8271-605f4e3d2c1b', token: 'rfcxtemporarytoken4h6j8k0l2z4x6c8v0b2n4m' };
/** The fixture invite code, sent as RFCx clients send it: `x-auth-user: register`, `x-auth-token: <the whole code>`. */
export const INVITE = { user: 'register', token: 'ab12cd34' };

export const guardianAuth = (g = GUARDIAN): Record<string, string> => ({ 'x-auth-user': `guardian/${g.guid}`, 'x-auth-token': g.token });
export const userAuth = (token = USER.token, guid = USER.guid): Record<string, string> => ({ 'x-auth-user': `user/${guid}`, 'x-auth-token': token });

export interface Call {
  method?: string;
  headers?: Record<string, string>;
  query?: string;
  json?: unknown;
  form?: Record<string, string>;
  multipart?: Record<string, string>;
}

export function rfcx(mock: StartedMock, path: string, call: Call = {}): Promise<Response> {
  const headers: Record<string, string> = { ...call.headers };
  let body: string | FormData | undefined;
  if (call.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(call.json);
  } else if (call.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(call.form).toString();
  } else if (call.multipart) {
    const data = new FormData();
    for (const [k, v] of Object.entries(call.multipart)) data.append(k, v);
    body = data;
  }
  const method = call.method ?? (body === undefined ? 'GET' : 'POST');
  if (method === 'POST' && body === undefined) headers['content-length'] = '0';
  return fetch(`${mock.url}/rfcx${path}${call.query ? `?${call.query}` : ''}`, { method, headers, body });
}

export const checkin = (mock: StartedMock, guid: string, call: Call = {}): Promise<Response> =>
  rfcx(mock, `/v1/guardians/${guid}/checkins`, { method: 'POST', ...call });

/** A read-only call any credential the path rules allow may make (RFCx has no "who am I"): a guardian's software list. */
export const software = (mock: StartedMock, headers: Record<string, string>, guid = GUARDIAN.guid): Promise<Response> =>
  rfcx(mock, `/v1/guardians/${guid}/software/guardian`, { headers });

/** RFCx's credential failure: 401, the bare text `Unauthorized`, no content type, no WWW-Authenticate, reason in X-Mock-Problem. */
export async function expectUnauthorized(res: Response, code?: string): Promise<void> {
  expect(res.status).toBe(401);
  expect(await res.text()).toBe('Unauthorized');
  expect(res.headers.get('content-type')).toBeNull();
  expect(res.headers.get('www-authenticate')).toBeNull();
  const problem = problemOf(res);
  expect(problem?.code).toMatch(/^auth\./);
  if (code) expect(problem?.code).toBe(code);
}

/** Add RFCx fixtures to the running mock's store, through the provider's own seed (what /__admin/fixtures does). */
export async function seedRfcx(mock: StartedMock, section: Record<string, unknown>): Promise<void> {
  const provider = createRfcxProvider();
  await mock.world.store.write((tx) => provider.seed(tx, section, { clock: mock.clock }));
}

/** A request with repeated header lines (fetch would join them into one), answered as status, headers and text. */
export function rawRequest(
  mock: StartedMock,
  method: string,
  path: string,
  headers: Record<string, string | string[]>,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${mock.url}${path}`, { method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
