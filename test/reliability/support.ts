// Shared by the reliability suites: a raw HTTP/1.1 exchange over a socket, the fixture credentials, and
// `expectProviderFormat`, which checks that a refusal is in the provider's own wire format plus an X-Mock-Problem code.

import { connect } from 'node:net';
import { expect } from 'vitest';

export type Provider = 'duet' | 'devicehq' | 'rfcx' | 'emnify' | 'problem';

/** A fixed emnify HS384 key (≥ 48 bytes) so that tests can sign crafted JWTs with jose. */
export const JWT_SECRET = 'reliability-suite-emnify-hs384-key-0123456789abcdef';
/** authmock's emnify issuer and the audience recorded in emnify's traffic. */
export const JWT_ISSUER = 'authmock001@spc-frontend';
export const JWT_AUDIENCE = '/api/v1/authentication';

export const DUET = { app: 'duet-iphone-app-token', login: 'demo@duet.example', password: 'duet-demo-password' };
export const DEVICEHQ = { key: '5sHszZNuTfmgs58VGA', otherKey: 'Z9yXwVuTsRqPoNmLkJ' };
export const RFCX = {
  guardian: { guid: 'df72c626229f', token: '5ffd69500c83b9d948f5d0852538b5b983453182' },
  other: { guid: 'a1b2c3d4e5f6', token: 'a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6q7r8s9t0' },
  user: { guid: '6f1e2d3c-4b5a-4c69-8e7f-9a0b1c2d3e4f', email: 'demo@rfcx.example', password: 'rfcx-demo-password', token: 'rfcxdemousertoken7k3m9q2x5c8v1b4n6z0a2s4' },
  temp: { guid: '0f8e7d6c-5b4a-4938-8271-605f4e3d2c1b', token: 'rfcxtemporarytoken4h6j8k0l2z4x6c8v0b2n4m' },
  /** Invite code ab12cd34, sent whole as RFCx clients send it: x-auth-user: register, x-auth-token: ab12cd34. */
  invite: { user: 'register', token: 'ab12cd34' },
};
export const EMNIFY = {
  username: 'user@domain.com',
  password: '2fd4e1c67a2d28fced849ee1bb76e7391b93eb12',
  appToken: 'kNTktNTA1My00YzdhLTg0NjEtZGVtby1hcHAtdG9rZW4',
  otherOrgAppTokenId: 3,
};

export interface RawRequest {
  method: string;
  /** Sent as is (percent-encoding untouched). */
  path: string;
  /** A string[] value sends the header once per item; a Buffer is sent byte for byte. */
  headers?: Record<string, string | Buffer | ReadonlyArray<string>>;
  body?: string | Buffer;
  /** Leave out the Content-Length the exchange would otherwise add for a body. */
  noContentLength?: boolean;
}

export interface RawResponse {
  status: number;
  /** Lower-case names; repeated headers give arrays. Values decoded as latin1 (the bytes on the wire). */
  headers: Record<string, string | string[]>;
  /** The header block exactly as received. */
  headerBytes: Buffer;
  body: Buffer;
  text: string;
}

export function header(res: RawResponse, name: string): string | undefined {
  const v = res.headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

/** Build the request bytes: Host and Connection: close first, then the given headers, then the body. */
export function requestBytes(host: string, req: RawRequest): Buffer {
  const parts: Buffer[] = [Buffer.from(`${req.method} ${req.path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n`, 'latin1')];
  const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body, 'utf8');
  const names = new Set(Object.keys(req.headers ?? {}).map((n) => n.toLowerCase()));
  for (const [name, value] of Object.entries(req.headers ?? {})) {
    const values: ReadonlyArray<string | Buffer> = Array.isArray(value) ? (value as string[]) : [value as string | Buffer];
    for (const v of values) {
      parts.push(Buffer.from(`${name}: `, 'latin1'), Buffer.isBuffer(v) ? v : Buffer.from(v, 'utf8'), Buffer.from('\r\n', 'latin1'));
    }
  }
  if (body !== undefined && !req.noContentLength && !names.has('content-length') && !names.has('transfer-encoding')) {
    parts.push(Buffer.from(`Content-Length: ${body.length}\r\n`, 'latin1'));
  }
  parts.push(Buffer.from('\r\n', 'latin1'));
  if (body !== undefined) parts.push(body);
  return Buffer.concat(parts);
}

export function parseResponse(raw: Buffer): RawResponse {
  const end = raw.indexOf('\r\n\r\n');
  if (end === -1) throw new Error(`no complete response head in ${raw.length} bytes: ${raw.subarray(0, 200).toString('latin1')}`);
  const headerBytes = raw.subarray(0, end);
  const [statusLine = '', ...lines] = headerBytes.toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
  const headers: Record<string, string | string[]> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    const prev = headers[name];
    headers[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  let body = raw.subarray(end + 4);
  const length = headers['content-length'];
  if (typeof length === 'string') body = body.subarray(0, Number(length));
  else if (headers['transfer-encoding'] === 'chunked') body = dechunk(body);
  return { status, headers, headerBytes, body, text: body.toString('utf8') };
}

function dechunk(data: Buffer): Buffer {
  const out: Buffer[] = [];
  let at = 0;
  for (let guard = 0; guard < 100_000 && at < data.length; guard++) {
    const eol = data.indexOf('\r\n', at);
    if (eol === -1) break;
    const size = parseInt(data.subarray(at, eol).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) break;
    out.push(data.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(out);
}

/**
 * One request on its own socket (Connection: close); resolves with what the server answered. The server may
 * answer and close while a large body is still being written (413): whatever arrived is parsed.
 */
export function exchange(baseUrl: string, req: RawRequest, timeoutMs = 15_000): Promise<RawResponse> {
  const url = new URL(baseUrl);
  const bytes = requestBytes(url.host, req);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect({ host: url.hostname, port: Number(url.port) });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms to ${req.method} ${req.path.slice(0, 100)}`));
    }, timeoutMs);
    let failure: Error | undefined;
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('error', (e) => (failure = e));
    socket.on('close', () => {
      clearTimeout(timer);
      const raw = Buffer.concat(chunks);
      if (raw.length === 0) return reject(failure ?? new Error('the server closed the connection without answering'));
      try {
        resolve(parseResponse(raw));
      } catch (error) {
        reject(error);
      }
    });
    // No half-close: Node's server may drop a request whose client sent FIN before the answer was ready.
    socket.on('connect', () => socket.write(bytes));
  });
}

/** X-Mock-Problem parsed: must be JSON with a string `code`. */
export function problemOf(res: RawResponse): { code: string; detail?: string } {
  const raw = header(res, 'x-mock-problem');
  expect(raw, 'X-Mock-Problem header').toBeTypeOf('string');
  const parsed = JSON.parse(raw!) as { code?: unknown; detail?: string };
  expect(parsed.code, 'X-Mock-Problem code').toBeTypeOf('string');
  return parsed as { code: string; detail?: string };
}

const jsonOf = (res: RawResponse): Record<string, unknown> => {
  let value: unknown;
  expect(() => (value = JSON.parse(res.text)), `body is JSON: ${res.text.slice(0, 200)}`).not.toThrow();
  expect(value, 'body is a JSON object').toBeTypeOf('object');
  expect(Array.isArray(value)).toBe(false);
  return value as Record<string, unknown>;
};

const isRfcxLogin401 = (body: Record<string, unknown>): boolean =>
  body['message'] === 'invalid email or password' && JSON.stringify(body['error']) === '{"status":401}';

/**
 * A refusal in the provider's own wire format (see BEHAVIOUR.md), with an X-Mock-Problem code:
 * - duet: 401 → `401 Unauthorized` text or empty; other 4xx → JSON `{"errors":{...}}`;
 * - devicehq: `application/vnd.api+json` with `{"errors":[{"detail":...}]}`;
 * - rfcx: 401 → exactly `Unauthorized`, no content type (the login's JSON 401 aside); other 4xx → `{"message","error":{"status"}}`;
 * - emnify: `{"error_code","error_token","message"}`, or `{"message"}` only for a malformed bearer;
 * - problem: `application/problem+json` (the /__admin routes and unknown routes).
 * Never a WWW-Authenticate header.
 */
export function expectProviderFormat(provider: Provider, res: RawResponse): { code: string } {
  expect(res.status, `status of ${res.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  expect(header(res, 'www-authenticate')).toBeUndefined();
  const type = header(res, 'content-type');
  switch (provider) {
    case 'duet':
      if (res.status === 401) {
        expect(['', '401 Unauthorized']).toContain(res.text);
      } else {
        expect(type).toMatch(/^application\/json/);
        const body = jsonOf(res);
        expect(Object.keys(body)).toEqual(['errors']);
        expect(body['errors']).toBeTypeOf('object');
        expect(Array.isArray(body['errors'])).toBe(false);
      }
      break;
    case 'devicehq': {
      expect(type).toMatch(/^application\/vnd\.api\+json/);
      const body = jsonOf(res);
      expect(Array.isArray(body['errors'])).toBe(true);
      const errors = body['errors'] as Array<Record<string, unknown>>;
      expect(errors.length).toBeGreaterThan(0);
      for (const e of errors) expect(e['detail']).toBeTypeOf('string');
      break;
    }
    case 'rfcx':
      if (res.status === 401 && res.text === 'Unauthorized') {
        expect(type).toBeUndefined();
      } else {
        const body = jsonOf(res);
        if (res.status === 401) expect(isRfcxLogin401(body), `RFCx 401 body ${res.text}`).toBe(true);
        expect(body['message']).toBeTypeOf('string');
        expect(body['error']).toEqual({ status: res.status });
      }
      break;
    case 'emnify': {
      expect(type).toMatch(/^application\/json/);
      const body = jsonOf(res);
      const keys = Object.keys(body).sort();
      if (keys.length === 1) {
        expect(res.status).toBe(401);
        expect(body).toEqual({ message: 'token contains an invalid number of segments' });
      } else {
        expect(keys).toEqual(['error_code', 'error_token', 'message']);
        expect(body['error_code']).toBeTypeOf('number');
        expect(body['error_token']).toBeTypeOf('string');
        expect(body['message']).toBeTypeOf('string');
      }
      break;
    }
    case 'problem': {
      expect(type).toMatch(/^application\/problem\+json/);
      const body = jsonOf(res);
      expect(body['status']).toBe(res.status);
      expect(body['title']).toBeTypeOf('string');
      expect(body['type']).toBeTypeOf('string');
      break;
    }
  }
  return problemOf(res);
}

/** Every header value of the response is printable ASCII (nothing a client sent in another charset came back). */
export function expectAsciiHeaders(res: RawResponse): void {
  const bad = [...res.headerBytes].findIndex((b) => (b < 0x20 && b !== 0x0d && b !== 0x0a && b !== 0x09) || b > 0x7e);
  expect(bad, `non-ASCII byte in the response head: ${res.headerBytes.toString('latin1')}`).toBe(-1);
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Small JSON request helper over fetch for suites that do not need raw bytes. */
export async function call(
  base: string,
  method: string,
  path: string,
  init: { headers?: Record<string, string>; json?: unknown; form?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; text: string; json: unknown }> {
  const headers: Record<string, string> = { ...init.headers };
  let body: string | undefined;
  if (init.json !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(init.json);
  } else if (init.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(init.form).toString();
  } else if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
    headers['content-length'] = '0';
  }
  const res = await fetch(`${base}${path}`, { method, headers, body });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}
