// Start the full authmock (document, all providers, default fixtures) on 127.0.0.1:0 with a frozen, injectable clock.

import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createFixedClock, type ControllableClock } from '../../src/world/clock.js';
import { startServer, type ServerOptions } from '../../src/server.js';
import type { World } from '../../src/engine/types.js';

export const DEFAULT_START = Date.parse('2026-01-01T00:00:00Z');

export interface StartedMock {
  url: string;
  world: World;
  clock: ControllableClock;
  close(): Promise<void>;
}

export interface HarnessOptions extends Omit<ServerOptions, 'clock' | 'providers'> {
  providers?: string[];
  clockStart?: number;
}

export async function startMock(options: HarnessOptions = {}): Promise<StartedMock> {
  const clock = createFixedClock(options.clockStart ?? DEFAULT_START);
  const { clockStart: _ignored, ...rest } = options;
  const running = await startServer({ strict: true, ...rest, clock });
  return { url: running.url, world: running.mock.runtime.main.world, clock, close: running.close };
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
