// A DeviceHQ account-API client as a field app would write it: API key → session token, sliding expiry, JSON:API errors.

import type { components, paths } from '../../src/generated/openapi.js';

type Schemas = components['schemas'];
export type DevicehqDevice = Schemas['DeviceHqDevice'];
type DevicesQuery = NonNullable<paths['/devicehq/api/v2/devices']['get']['parameters']['query']>;

export interface DevicehqClientOptions {
  /** `https://www.devicehq.com` in production; authmock: `http://127.0.0.1:4010/devicehq`. */
  baseUrl: string;
  fetch?: typeof fetch;
}

export interface DevicehqSession {
  token: string;
  expires: Date;
}

/** A refused call with DeviceHQ's JSON:API error details; 401 means the key or the session is no good (any more). */
export class DevicehqApiError extends Error {
  constructor(
    readonly status: number,
    readonly details: string[],
  ) {
    super(`DeviceHQ answered ${status}${details.length ? `: ${details.join('; ')}` : ''}`);
    this.name = 'DevicehqApiError';
  }

  /** The session is gone (expired, closed or replaced): open a new one. */
  get sessionLost(): boolean {
    return this.status === 401;
  }
}

export interface DevicehqClient {
  /** Open a session; the key travels in `X-API-KEY` (default), `?api_key=` or the JSON body. */
  openSession(apiKey: string, how?: { method?: 'POST' | 'PUT'; via?: 'header' | 'query' | 'body' }): Promise<DevicehqSession>;
  info(): Promise<Schemas['DeviceHqInfo']['meta']>;
  /** `GET /api/v2/test`: resolves to the server time when the token is good. */
  test(token: string): Promise<Date>;
  listDevices(token: string, page?: DevicesQuery): Promise<{ devices: DevicehqDevice[]; total: number }>;
  closeSession(token: string): Promise<void>;
}

export function createDevicehqClient(options: DevicehqClientOptions): DevicehqClient {
  const doFetch = options.fetch ?? fetch;

  async function send<T>(method: string, path: string, init: { headers?: Record<string, string>; body?: string } = {}): Promise<T> {
    const res = await doFetch(`${options.baseUrl}/api/v2${path}`, {
      method,
      headers: { Accept: 'application/vnd.api+json', ...init.headers },
      // DeviceHQ refuses a POST without Content-Length: an empty body makes fetch send `Content-Length: 0`.
      body: init.body ?? (method === 'POST' || method === 'PUT' ? '' : undefined),
    });
    const body = (await res.json().catch(() => undefined)) as unknown;
    if (!res.ok) {
      const errors = (body as Schemas['DeviceHqErrors'] | undefined)?.errors ?? [];
      throw new DevicehqApiError(res.status, errors.map((e) => e.detail));
    }
    return body as T;
  }

  return {
    async openSession(apiKey, how = {}) {
      const method = how.method ?? 'POST';
      const via = how.via ?? 'header';
      const path = via === 'query' ? `/session?${new URLSearchParams({ api_key: apiKey })}` : '/session';
      const headers: Record<string, string> = via === 'header' ? { 'X-API-KEY': apiKey } : {};
      let body: string | undefined;
      if (via === 'body') {
        headers['Content-Type'] = 'application/json';
        body = JSON.stringify({ api_key: apiKey } satisfies Schemas['DeviceHqCreateSessionRequest']);
      }
      const { meta } = await send<Schemas['DeviceHqSession']>(method, path, { headers, ...(body === undefined ? {} : { body }) });
      return { token: meta.token, expires: new Date(meta.expires) };
    },
    async info() {
      return (await send<Schemas['DeviceHqInfo']>('GET', '/info')).meta;
    },
    async test(token) {
      const { meta } = await send<Schemas['DeviceHqTestResult']>('GET', '/test', { headers: { 'X-AUTH-TOKEN': token } });
      return new Date(meta.timestamp);
    },
    async listDevices(token, page = {}) {
      const query = new URLSearchParams();
      if (page.limit !== undefined) query.set('limit', String(page.limit));
      if (page.skip !== undefined) query.set('skip', String(page.skip));
      const suffix = query.size > 0 ? `?${query}` : '';
      const list = await send<Schemas['DeviceHqDeviceList']>('GET', `/devices${suffix}`, { headers: { 'X-AUTH-TOKEN': token } });
      return { devices: list.data, total: list.meta.total };
    },
    async closeSession(token) {
      await send<Schemas['DeviceHqSessionClosed']>('DELETE', '/session', { headers: { 'X-AUTH-TOKEN': token } });
    },
  };
}
