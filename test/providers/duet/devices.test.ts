// Duet's device log on its own: known devices updated in place, the least recently seen dropped at the cap.

import { describe, expect, it } from 'vitest';
import { listDevices, recordSighting } from '../../../src/providers/duet/devices.js';
import { createMemoryStore } from '../../../src/world/memory-store.js';
import type { MockRequest } from '../../../src/engine/types.js';

const T0 = Date.UTC(2026, 0, 1);

const request = (identifier: string): MockRequest => ({
  method: 'GET',
  path: '/duet/1',
  params: {},
  query: {},
  headers: { 'x-device-identifier': identifier },
  body: undefined,
  mediaType: undefined,
  contentLength: undefined,
  remoteAddress: '127.0.0.1',
});

describe('recordSighting with a cap of 3 devices', () => {
  it('keeps the three most recently seen, newest first, and drops the least recently seen for a new one', async () => {
    const store = createMemoryStore();
    const seen = (identifier: string, at: number): Promise<void> =>
      store.write((tx) => recordSighting(tx, request(identifier), { application: 'iphone', accountId: null }, T0 + at, 3));
    await seen('a', 0);
    await seen('b', 1_000);
    await seen('c', 2_000);
    // Seeing "a" again makes "b" the least recently seen; the cap is not passed, so nothing is dropped.
    await seen('a', 3_000);
    let devices = await store.read((tx) => listDevices(tx));
    expect(devices.map((d) => d.identifier)).toEqual(['a', 'c', 'b']);
    expect(devices[0]).toMatchObject({ requests: 2, first_seen: new Date(T0).toISOString(), last_seen: new Date(T0 + 3_000).toISOString() });

    await seen('d', 4_000);
    devices = await store.read((tx) => listDevices(tx));
    expect(devices.map((d) => d.identifier)).toEqual(['d', 'a', 'c']);

    // A known device at the cap is only updated.
    await seen('c', 5_000);
    devices = await store.read((tx) => listDevices(tx));
    expect(devices.map((d) => d.identifier)).toEqual(['c', 'd', 'a']);
    expect(devices.find((d) => d.identifier === 'c')?.requests).toBe(2);
  });
});
