// A small emnify client driven through expire → refresh → revoke, then GET /__admin/coverage says what it reached.

import { describe, expect, it } from 'vitest';
import { useMock } from '../helpers/harness.js';

const mock = useMock();
const json = { 'content-type': 'application/json' };

interface OperationCoverage {
  operation_id: string;
  requests: number;
  responses: Array<{ name: string; count: number }>;
  auth_outcomes: Array<{ name: string; count: number }>;
  never_seen: { responses: string[]; auth_outcomes: string[] };
}

/** The client under test: keeps its tokens, renews the auth_token with the refresh token on 1103, logs in again otherwise. */
function createClient(url: string) {
  let tokens: { auth_token: string; refresh_token: string } | undefined;
  const authenticate = async (body: unknown): Promise<Response> =>
    fetch(`${url}/emnify/api/v1/authenticate`, { method: 'POST', headers: json, body: JSON.stringify(body) });
  const login = async (): Promise<void> => {
    tokens = (await (await authenticate({ username: 'user@domain.com', password: '2fd4e1c67a2d28fced849ee1bb76e7391b93eb12' })).json()) as typeof tokens;
  };
  return {
    tokens: () => tokens!,
    async listEndpoints(): Promise<number> {
      if (!tokens) await login();
      const get = (): Promise<Response> => fetch(`${url}/emnify/api/v1/endpoint`, { headers: { authorization: `Bearer ${tokens!.auth_token}` } });
      let res = await get();
      if (res.status === 401 && ((await res.json()) as { error_code: number }).error_code === 1103) {
        const renewed = await authenticate({ refresh_token: tokens!.refresh_token });
        if (renewed.ok) tokens = { ...tokens!, auth_token: ((await renewed.json()) as { auth_token: string }).auth_token };
        else await login();
        res = await get();
      } else if (res.status === 401) {
        await login();
        res = await get();
      }
      return res.status;
    },
  };
}

const admin = (path: string, body?: unknown): Promise<Response> =>
  fetch(`${mock().url}/__admin${path}`, body === undefined ? {} : { method: 'POST', headers: json, body: JSON.stringify(body) });
const coverageOf = async (id: string): Promise<OperationCoverage> => {
  const report = (await (await admin('/coverage')).json()) as { operations: OperationCoverage[] };
  return report.operations.find((o) => o.operation_id === id)!;
};
const count = (rows: Array<{ name: string; count: number }>, name: string): number | undefined => rows.find((r) => r.name === name)?.count;

describe('GET /__admin/coverage', () => {
  it('counts what a client met through expire → refresh → revoke, and what it never met', async () => {
    await admin('/reset', {});
    const client = createClient(mock().url);
    expect(await client.listEndpoints()).toBe(200);
    await admin('/credentials/expire', { credential: client.tokens().auth_token });
    expect(await client.listEndpoints()).toBe(200); // 1103, then renewed with the refresh token
    await admin('/credentials/revoke', { credential: client.tokens().auth_token });
    expect(await client.listEndpoints()).toBe(200); // 1102, then a new login

    const list = await coverageOf('emnifyListEndpoints');
    expect(list.requests).toBe(5);
    expect(count(list.responses, '200')).toBe(3);
    expect(count(list.responses, '401')).toBe(2);
    expect(count(list.auth_outcomes, 'ok')).toBe(3);
    expect(count(list.auth_outcomes, 'expired')).toBe(1);
    expect(count(list.auth_outcomes, 'revoked')).toBe(1);
    expect(list.never_seen.auth_outcomes).toContain('missing');
    expect(list.never_seen.auth_outcomes).not.toContain('expired');

    const auth = await coverageOf('emnifyAuthenticate');
    expect(count(auth.responses, '200')).toBe(3); // login, refresh, login again
    expect(auth.never_seen.auth_outcomes).toEqual(expect.arrayContaining(['invalid', 'rate-limited']));
    expect(auth.never_seen.responses).toContain('429');

    const untouched = await coverageOf('devicehqTest');
    expect(untouched.requests).toBe(0);
    expect(untouched.never_seen.auth_outcomes).toEqual(expect.arrayContaining(['ok', 'missing', 'invalid', 'expired']));
  });

  it('starts again from nothing after POST /__admin/reset, and counts each sandbox apart', async () => {
    await createClient(mock().url).listEndpoints();
    expect((await coverageOf('emnifyListEndpoints')).requests).toBeGreaterThan(0);
    await admin('/reset', {});
    expect((await coverageOf('emnifyListEndpoints')).requests).toBe(0);

    const { base_path } = (await (await admin('/sandboxes', {})).json()) as { base_path: string };
    await createClient(`${mock().url}${base_path}`).listEndpoints();
    const sandbox = (await (await fetch(`${mock().url}${base_path}/__admin/coverage`)).json()) as { operations: OperationCoverage[] };
    expect(sandbox.operations.find((o) => o.operation_id === 'emnifyListEndpoints')!.requests).toBe(1);
    expect((await coverageOf('emnifyListEndpoints')).requests).toBe(0);
  });
});
