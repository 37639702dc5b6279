// Start the full authmock (document, all providers, default fixtures) on 127.0.0.1:0 with a frozen, injectable clock.

import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createFixedClock, type ControllableClock } from '../../src/world/clock.js';
import { startServer, type ServerOptions } from '../../src/server.js';
import { defaultSettings, resolveSettings, type Settings } from '../../src/config.js';
import type { World } from '../../src/engine/types.js';

export const DEFAULT_START = Date.parse('2026-01-01T00:00:00Z');

export interface StartedMock {
  url: string;
  world: World;
  clock: ControllableClock;
  close(): Promise<void>;
}

/** The wiring of startServer and any settings (the defaults, strict on, port 0, for the rest). */
export interface HarnessOptions extends Omit<ServerOptions, 'clock' | 'providers' | 'settings'>, Partial<Settings> {
  providers?: string[];
  clockStart?: number;
}

/** Options that mix settings and wiring, as startServer takes them: settings resolved from the defaults (strict, port 0). */
export function toServerOptions(options: Partial<Settings> & Omit<ServerOptions, 'settings'>): ServerOptions {
  const known = new Set(Object.keys(defaultSettings()));
  const given = Object.entries(options).filter(([key]) => known.has(key));
  const wiring = Object.entries(options).filter(([key]) => !known.has(key));
  return { ...(Object.fromEntries(wiring) as Omit<ServerOptions, 'settings'>), settings: resolveSettings({ port: 0, strict: true, ...Object.fromEntries(given) }) };
}

export async function startMock(options: HarnessOptions = {}): Promise<StartedMock> {
  const clock = createFixedClock(options.clockStart ?? DEFAULT_START);
  const { clockStart: _ignored, ...rest } = options;
  const running = await startServer(toServerOptions({ ...rest, clock }));
  return { url: running.url, world: running.mock.worlds.main.world, clock, close: running.close };
}

/**
 * One mock for the file, back to the fixtures and the start time before each test:
 * `const mock = useMock();` then `mock().url` inside tests.
 */
export function useMock(options: HarnessOptions = {}): () => StartedMock {
  let started: StartedMock | undefined;
  beforeAll(async () => {
    started = await startMock(options);
  });
  afterAll(() => started?.close());
  beforeEach(async () => {
    await started!.world.store.reset();
    started!.clock.set(options.clockStart ?? DEFAULT_START);
  });
  return () => started!;
}
