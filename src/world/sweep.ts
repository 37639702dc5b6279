// Remove what has expired from every world at an interval, and the sandboxes left idle (memory stays bounded).

import type { Provider } from '../providers/provider.js';
import type { Logger } from '../logger.js';
import type { Worlds } from './worlds.js';

/** Sweep each world once: every provider's expired records, then the idle sandboxes. */
export async function sweepWorlds(worlds: Worlds, providers: ReadonlyArray<Provider>): Promise<void> {
  for (const target of [worlds.main, ...worlds.sandboxes()]) {
    const now = target.world.clock.now();
    await target.world.store.write((tx) => {
      for (const p of providers) p.sweep?.(tx, now);
    });
  }
  worlds.expireIdle();
}

/** Sweep every `intervalMs` until the returned function is called; a sweep that cannot be written is tried again next time. */
export function startSweeping(worlds: Worlds, providers: ReadonlyArray<Provider>, intervalMs: number, logger: Logger): () => void {
  const timer = setInterval(
    () => void sweepWorlds(worlds, providers).catch((error: unknown) => logger.warn({ reason: (error as Error).message }, 'expired sessions could not be swept')),
    intervalMs,
  );
  timer.unref();
  return () => clearInterval(timer);
}
