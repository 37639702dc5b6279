// Shutdown and abuse against the built CLI: SIGTERM drains 100 requests in flight, oversized headers get 431,
// a client that sends its headers slowly is cut off, and 500 idle sockets do not starve anyone else.

import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type Spawned } from '../e2e/spawn.js';
import { DEVICEHQ, call, exchange } from './support.js';

const endpoint = (url: string): { host: string; port: number } => {
  const u = new URL(url);
  return { host: u.hostname, port: Number(u.port) };
};

function openSocket(url: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(endpoint(url));
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

describe('graceful shutdown', () => {
  it('SIGTERM with 100 requests in flight: all 100 complete with 2xx and the process exits 0 within 5 s', async () => {
    const spawned = await serve(['--latency', '300ms'], 30_000);
    try {
      const started = Date.now();
      const inFlight = Array.from({ length: 100 }, (_, i) =>
        i % 2 === 0
          ? call(spawned.url, 'GET', '/devicehq/api/v2/info')
          : call(spawned.url, 'POST', '/devicehq/api/v2/session', { headers: { 'x-api-key': DEVICEHQ.key } }),
      );
      // Let every request reach the server (each then waits its 300 ms of added latency).
      await new Promise((r) => setTimeout(r, 120));
      const exited = new Promise<{ code: number | null; at: number }>((resolve) => spawned.child.once('exit', (code) => resolve({ code, at: Date.now() })));
      const signalledAt = Date.now();
      spawned.child.kill('SIGTERM');
      const results = await Promise.allSettled(inFlight);
      const statuses = results.map((r) => (r.status === 'fulfilled' ? r.value.status : `error: ${(r.reason as Error).message}`));
      expect(statuses.filter((s) => typeof s !== 'number' || s < 200 || s >= 300), 'requests that did not complete with 2xx').toEqual([]);
      const { code, at } = await exited;
      expect(code).toBe(0);
      expect(at - signalledAt).toBeLessThan(5_000);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      if (spawned.child.exitCode === null) spawned.child.kill('SIGKILL');
    }
  }, 45_000);
});

describe('abuse', () => {
  let spawned: Spawned;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    spawned = await serve([], 30_000);
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await spawned?.stop('SIGKILL');
  });

  it('answers request headers over 16 KiB with 431', async () => {
    const res = await exchange(spawned.url, { method: 'GET', path: '/devicehq/api/v2/info', headers: { 'x-padding': 'a'.repeat(17 * 1024) } });
    expect(res.status).toBe(431);
    // Many headers adding up to more than 16 KiB as well.
    const many: Record<string, string> = {};
    for (let i = 0; i < 40; i++) many[`x-pad-${i}`] = 'b'.repeat(500);
    expect((await exchange(spawned.url, { method: 'GET', path: '/devicehq/api/v2/info', headers: many })).status).toBe(431);
    // And the server still serves.
    expect((await call(spawned.url, 'GET', '/devicehq/api/v2/info')).status).toBe(200);
  });

  it('closes a connection whose headers arrive too slowly (headersTimeout), well before 15 s', async () => {
    const socket = await openSocket(spawned.url);
    sockets.push(socket);
    const opened = Date.now();
    let received = '';
    socket.on('data', (d: Buffer) => (received += d.toString('latin1')));
    const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now() - opened)));
    socket.on('error', () => undefined);
    socket.write('GET /devicehq/api/v2/info HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    // One header byte per second: never a complete head.
    const drip = setInterval(() => {
      if (!socket.destroyed) socket.write('X');
    }, 1_000);
    const outcome = await Promise.race([closed, new Promise<'open'>((r) => setTimeout(() => r('open'), 14_000))]);
    clearInterval(drip);
    socket.destroy();
    expect(outcome, 'the slow client was still connected after 14 s').not.toBe('open');
    expect(outcome as number).toBeGreaterThanOrEqual(1_000);
    if (received) expect(received).toMatch(/^HTTP\/1\.1 408/);
  }, 20_000);

  it('keeps answering promptly with 500 idle sockets open', async () => {
    const idle = await Promise.all(Array.from({ length: 500 }, () => openSocket(spawned.url)));
    sockets.push(...idle);
    // Half of them also sent a partial request line and stopped.
    idle.slice(0, 250).forEach((s) => s.write('GET /devicehq/api/v2/info HTTP/1.1\r\n'));
    await new Promise((r) => setTimeout(r, 100));
    const timings: number[] = [];
    for (let i = 0; i < 20; i++) {
      const begin = performance.now();
      const res = await call(spawned.url, 'POST', '/devicehq/api/v2/session', { headers: { 'x-api-key': DEVICEHQ.key } });
      timings.push(performance.now() - begin);
      expect(res.status).toBe(200);
    }
    timings.sort((a, b) => a - b);
    expect(timings[Math.floor(timings.length / 2)], `median latency with 500 idle sockets: ${timings.map((t) => t.toFixed(1)).join(', ')}`).toBeLessThan(250);
    expect(idle.filter((s) => s.destroyed).length, 'idle sockets the server dropped right away').toBeLessThan(500);
  }, 30_000);
});
