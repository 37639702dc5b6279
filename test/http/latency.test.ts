// --latency: every request waits at least the lower bound before it is answered.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type StartedApp } from '../helpers/app.js';

let app: StartedApp;
beforeAll(async () => void (app = await startApp({ settings: { latency: { minMs: 120, maxMs: 140 } } })));
afterAll(() => app.close());

describe('added latency', () => {
  it('holds a request for at least the lower bound, then answers it as usual', async () => {
    const began = performance.now();
    const res = await fetch(`${app.url}/pets`);
    expect(performance.now() - began).toBeGreaterThanOrEqual(115);
    expect(res.status).toBe(200);
  });
});
