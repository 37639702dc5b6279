// A DeviceHQ client for the tests: one mock per file, requests, and the checks every DeviceHQ answer gets.

import { connect } from 'node:net';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { DEFAULT_START, startMock, type StartedMock } from '../../helpers/harness.js';
import { problemOf } from '../../helpers/listen.js';

export const KEY = '5sHszZNuTfmgs58VGA';
export const OTHER_KEY = 'Z9yXwVuTsRqPoNmLkJ';
export const JSON_API = 'application/vnd.api+json; charset=utf-8';
export const FIVE_MINUTES = 300_000;
export const iso = (ms: number): string => new Date(ms).toISOString();

export let mock: StartedMock;
export let base: string;

/** One mock for the test file, back to the fixtures and the start time before each test (`mock` and `base` are set). */
export function useDevicehqMock(): void {
  beforeAll(async () => {
    mock = await startMock();
    base = `${mock.url}/devicehq/api/v2`;
  });
  afterAll(() => mock.close());
  beforeEach(async () => {
    await mock.world.store.reset();
    mock.clock.set(DEFAULT_START);
  });
}

export type Headers = Record<string, string>;
export interface SessionBody {
  meta: { token: string; expires: string; jsonapi: { version: string } };
}

export const call = (path: string, init: RequestInit = {}): Promise<Response> => fetch(`${base}${path}`, init);
export const withToken = (token: string, path = '/test', init: RequestInit = {}): Promise<Response> =>
  call(path, { ...init, headers: { 'X-AUTH-TOKEN': token, ...(init.headers as Headers | undefined) } });
export const open = (headers: Headers = { 'X-API-KEY': KEY }, method = 'POST', query = ''): Promise<Response> =>
  call(`/session${query}`, { method, headers: { 'Content-Type': 'application/json', ...headers } });

export async function tokenFor(key = KEY): Promise<string> {
  const res = await open({ 'X-API-KEY': key });
  expect(res.status).toBe(200);
  return ((await res.json()) as SessionBody).meta.token;
}

export async function expectSession(res: Response, expires = iso(mock.clock.now() + FIVE_MINUTES)): Promise<string> {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe(JSON_API);
  const body = (await res.json()) as SessionBody;
  expect(body).toEqual({ meta: { token: expect.stringMatching(/^[A-Za-z0-9]{14}$/), expires, jsonapi: { version: '1.0' } } });
  return body.meta.token;
}

export const TITLES: Record<number, string> = {
  400: 'Credentials given in more than one place',
  401: 'Credentials invalid',
};

export async function expectError(res: Response, status: number, code: string, title?: string): Promise<string> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe(JSON_API);
  const body = (await res.json()) as { errors: Array<{ status: string; title: string; detail: string }> };
  expect(body).toEqual({ errors: [{ status: String(status), title: expect.any(String), detail: expect.any(String) }] });
  if (title) expect(body.errors[0]!.title).toBe(title);
  expect(problemOf(res)?.code).toBe(code);
  expect(res.headers.get('www-authenticate')).toBeNull();
  return body.errors[0]!.detail;
}

export const liveSessions = async (): Promise<number> =>
  ((await (await fetch(`${mock.url}/__admin/state`)).json()) as { providers: { devicehq: { live_sessions: number } } }).providers.devicehq.live_sessions;

/** A chunked body: no Content-Length header at all. */
export const chunked = (text: string): ReadableStream<Uint8Array> =>
  new ReadableStream({
    pull(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });

/** A raw HTTP/1.1 exchange for what fetch cannot send: no body and no Content-Length (as curl -X POST), one header twice. */
export function rawRequest(method: string, path: string, headers: ReadonlyArray<[string, string]>): Promise<{ status: number; type: string | undefined; body: string }> {
  const url = new URL(`${base}${path}`);
  const head = [`${method} ${url.pathname}${url.search} HTTP/1.1`, `Host: ${url.host}`, 'Connection: close', ...headers.map(([n, v]) => `${n}: ${v}`)];
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.end(`${head.join('\r\n')}\r\n\r\n`));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const [top = '', body = ''] = text.split('\r\n\r\n', 2);
      const lines = top.split('\r\n');
      const type = lines.find((l) => l.toLowerCase().startsWith('content-type:'))?.slice('content-type:'.length).trim();
      resolve({ status: Number(lines[0]?.split(' ')[1]), type, body });
    });
  });
}
