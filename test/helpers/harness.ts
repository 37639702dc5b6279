// Start the full authmock (document, all providers, default fixtures) on 127.0.0.1:0 with a frozen, injectable clock.

import { createFixedClock, type ControllableClock } from '../../src/clock.js';
import { startServer, type ServerOptions } from '../../src/server.js';
import type { World } from '../../src/types.js';

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
