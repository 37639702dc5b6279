// DeviceHQ's operations over HTTP: info, test and the device list with paging.

import { describe, expect, it } from 'vitest';
import { OTHER_KEY, JSON_API, mock, call, withToken, tokenFor, useDevicehqMock } from './client.js';

useDevicehqMock();

describe('info, test and devices', () => {
  it('GET /info needs no authentication', async () => {
    mock.clock.advance(1234);
    const res = await call('/info');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(JSON_API);
    expect(await res.text()).toBe('{"meta":{"api_version":"2","server_time":"2026-01-01T00:00:01.234Z","jsonapi":{"version":"1.0"}}}');
  });

  it('GET /test answers OK with the server time', async () => {
    const token = await tokenFor();
    mock.clock.advance(42_000);
    const res = await withToken(token);
    expect(res.headers.get('content-type')).toBe(JSON_API);
    expect(await res.text()).toBe('{"meta":{"message":"OK","timestamp":"2026-01-01T00:00:42.000Z"}}');
  });

  it('GET /devices lists the account devices as JSON:API resources with meta.total', async () => {
    const res = await withToken(await tokenFor(), '/devices');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(JSON_API);
    const body = (await res.json()) as { data: Array<{ id: string }>; meta: { total: number } };
    expect(body.meta).toEqual({ total: 4 });
    expect(body.data.map((d) => d.id)).toEqual(['3512', '3513', '3514', '3515']);
    expect(body.data[0]).toEqual({
      id: '3512',
      type: 'devices',
      attributes: { name: 'Pump house', serial: 'DHQ-00A1-7731', status: 'online', created_at: '2025-06-01T12:00:00.000Z' },
    });
  });

  it.each<[string, string[]]>([
    ['?limit=2', ['3512', '3513']],
    ['?limit=2&skip=2', ['3514', '3515']],
    ['?skip=3', ['3515']],
    ['?limit=1&skip=1', ['3513']],
    ['?skip=4', []],
    ['?skip=1000', []],
    ['?limit=100', ['3512', '3513', '3514', '3515']],
  ])('pages with %s', async (query, ids) => {
    const res = await withToken(await tokenFor(), `/devices${query}`);
    const body = (await res.json()) as { data: Array<{ id: string }>; meta: { total: number } };
    expect(body.data.map((d) => d.id)).toEqual(ids);
    expect(body.meta.total).toBe(4);
  });

  it.each(['?limit=0', '?limit=101', '?limit=abc', '?skip=-1', '?limit=2&limit=3'])('refuses %s with a JSON:API 400', async (query) => {
    const res = await withToken(await tokenFor(), `/devices${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe(JSON_API);
    expect(await res.json()).toEqual({ errors: [{ status: '400', title: expect.any(String), detail: expect.any(String) }] });
  });

  it('shows each account only its own devices', async () => {
    const res = await call(`/devices?token=${await tokenFor(OTHER_KEY)}`);
    const body = (await res.json()) as { data: Array<{ id: string }>; meta: { total: number } };
    expect(body.data.map((d) => d.id)).toEqual(['9001', '9002']);
    expect(body.meta.total).toBe(2);
  });
});
