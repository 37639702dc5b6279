// The periodic sweep: every world's expired records go (each at its own clock's time), then idle sandboxes.

import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/config.js';
import type { Provider } from '../../src/providers/provider.js';
import { createFixedClock } from '../../src/world/clock.js';
import { createMemoryStore } from '../../src/world/memory-store.js';
import { sweepWorlds } from '../../src/world/sweep.js';
import { createLiveWorld, createWorlds } from '../../src/world/worlds.js';

describe('sweepWorlds', () => {
  it('sweeps the main world and each sandbox at its own time, and deletes sandboxes left idle', async () => {
    let realNow = 0;
    const worlds = createWorlds(createLiveWorld('main', createMemoryStore(), createFixedClock(1_000), 0), {
      seed: async () => undefined,
      requestLogSize: 10,
      sandboxIdleMs: 60_000,
      maxSandboxes: 10,
      limits: defaultSettings().sandboxLimits,
      realNow: () => realNow,
    });
    const sandbox = await worlds.createSandbox();
    sandbox.world.clock.freeze(true);
    sandbox.world.clock.set(5_000);
    const swept: number[] = [];
    const provider = { sweep: (_tx: unknown, now: number) => void swept.push(now) } as unknown as Provider;

    await sweepWorlds(worlds, [provider]);
    expect(swept.sort()).toEqual([1_000, 5_000]);
    expect(worlds.get(sandbox.world.id)).toBeDefined();

    realNow = 61_000;
    await sweepWorlds(worlds, [provider]);
    expect(worlds.get(sandbox.world.id)).toBeUndefined();
  });
});
