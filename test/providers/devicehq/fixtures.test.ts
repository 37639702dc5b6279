// DeviceHQ's state view: what /__admin/state and the provider's describeState show.

import { describe, expect, it } from 'vitest';
import { DEFAULT_START } from '../../helpers/harness.js';
import { KEY, OTHER_KEY, FIVE_MINUTES, iso, mock, tokenFor, useDevicehqMock } from './client.js';

useDevicehqMock();

describe('state view', () => {
  it('lists the live session with its expiry, keys and tokens masked', async () => {
    const token = await tokenFor();
    const text = await (await fetch(`${mock.url}/__admin/state`)).text();
    for (const secret of [token, KEY, OTHER_KEY]) expect(text).not.toContain(secret);
    const state = JSON.parse(text) as { providers: { devicehq: { live_sessions: number; accounts: Array<Record<string, unknown>> } } };
    expect(state.providers.devicehq.live_sessions).toBe(1);
    expect(state.providers.devicehq.accounts.find((a) => a['id'] === 'acct-demo')).toEqual({
      id: 'acct-demo',
      name: 'DeviceHQ Demo',
      api_key: '5sHs…GA',
      devices: 4,
      session: { token: `${token.slice(0, 4)}…${token.slice(-2)}`, created_at: iso(DEFAULT_START), expires: iso(DEFAULT_START + FIVE_MINUTES), expired: false },
    });
  });
});
