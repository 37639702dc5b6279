// The start-up banner: every provider's base URL and its first seeded credentials, masked when shared on the LAN.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bannerData } from '../src/banner.js';
import { startServer, type RunningServer } from '../src/server.js';
import { resolveSettings } from '../src/config.js';

let running: RunningServer;
beforeAll(async () => {
  running = await startServer({ settings: resolveSettings({ port: 0 }) });
});
afterAll(() => running.close());

describe('bannerData', () => {
  it('lists each provider at its base URL with the credentials from the providers pages', () => {
    const data = bannerData(running, '127.0.0.1');
    expect(data.providers).toEqual({
      duet: `${running.url}/duet`,
      devicehq: `${running.url}/devicehq`,
      rfcx: `${running.url}/rfcx`,
      emnify: `${running.url}/emnify`,
    });
    const all = JSON.stringify(data.credentials);
    for (const secret of ['duet-iphone-app-token', '5sHszZNuTfmgs58VGA', '5ffd69500c83b9d948f5d0852538b5b983453182', '2fd4e1c67a2d28fced849ee1bb76e7391b93eb12']) {
      expect(all).toContain(secret);
    }
    expect(data.clock).toContain('/__admin/clock');
  });

  it.each([
    ['the mock listens beyond loopback', '0.0.0.0', 'pretty'],
    ['the banner goes to a JSON log', '127.0.0.1', 'json'],
  ] as const)('masks the secrets when %s', (_why, host, format) => {
    const all = JSON.stringify(bannerData(running, host, format).credentials);
    expect(all).not.toContain('5sHszZNuTfmgs58VGA');
    expect(all).toContain('5sHs');
  });
});
