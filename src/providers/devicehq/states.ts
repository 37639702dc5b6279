// DeviceHQ provider states: accounts by API key, and sessions open, idle, closed or replaced.

import {
  advance,
  basePath,
  call,
  count,
  digest,
  expectStatus,
  seed,
  text,
  type ProviderStateDefinition,
  type StateContext,
  type StateParams,
} from '../../contracts/state-kit.js';

/** Credentials of the default fixtures (fixtures/default.yaml) that states fall back on. */
const DEFAULTS = { devicehqApiKey: '5sHszZNuTfmgs58VGA' } as const;

async function openDevicehqSession(ctx: StateContext, apiKey: string): Promise<{ token: string; expires: string }> {
  const reply = await call(ctx, 'POST', `${basePath(ctx, 'devicehq')}/api/v2/session`, { headers: { 'x-api-key': apiKey } });
  const meta = expectStatus(reply, 200, 'opening a DeviceHQ session')['meta'] as { token: string; expires: string };
  return { token: meta.token, expires: meta.expires };
}

async function closeDevicehqSession(ctx: StateContext, token: string): Promise<void> {
  expectStatus(await call(ctx, 'DELETE', `${basePath(ctx, 'devicehq')}/api/v2/session`, { headers: { 'x-auth-token': token } }), 200, 'closing a DeviceHQ session');
}

/** An account with this key: the key is tried first (and its probe session closed); otherwise a new account gets it. */
async function ensureDevicehqAccount(ctx: StateContext, apiKey: string, devices: number): Promise<void> {
  const probe = await call(ctx, 'POST', `${basePath(ctx, 'devicehq')}/api/v2/session`, { headers: { 'x-api-key': apiKey } });
  if (probe.status === 200) {
    const token = ((probe.body as { meta?: { token?: string } }).meta ?? {}).token;
    if (token) await closeDevicehqSession(ctx, token);
    return;
  }
  const id = `acct-contract-${digest(apiKey).slice(0, 10)}`;
  const list = Array.from({ length: devices }, (_, i) => ({
    id: String(7001 + i),
    name: `Contract device ${i + 1}`,
    serial: `DHQ-C0DE-${String(i + 1).padStart(4, '0')}`,
    status: i % 2 === 0 ? 'online' : 'offline',
    created_at: `2025-01-${String((i % 28) + 1).padStart(2, '0')}T08:00:00.000Z`,
  }));
  await seed(ctx, { devicehq: { accounts: [{ id, name: 'Contract account', api_key: apiKey, devices: list }] } });
}

const devicehqKey = (params: StateParams): string => text(params, 'api_key', DEFAULTS.devicehqApiKey);

export const devicehqStates: Readonly<Record<string, ProviderStateDefinition>> = {
  'a DeviceHQ account with API key {api_key}': {
    provider: 'devicehq',
    summary: 'An account whose API key opens sessions; a new account gets `devices` devices (a known key keeps its own).',
    params: { api_key: 'the account API key (required)', devices: 'how many devices a new account gets (default 3)' },
    example: { api_key: '5sHszZNuTfmgs58VGA' },
    returns: { api_key: 'the key' },
    async setup(params, ctx) {
      const apiKey = text(params, 'api_key');
      await ensureDevicehqAccount(ctx, apiKey, count(params, 'devices', 3));
      return { api_key: apiKey };
    },
  },
  'a DeviceHQ session for API key {api_key}': {
    provider: 'devicehq',
    summary: 'An open session of the account with this key (the account is created when the key is unknown).',
    params: { api_key: 'the account API key (required)' },
    example: { api_key: '5sHszZNuTfmgs58VGA' },
    returns: { token: 'the session token (`X-AUTH-TOKEN`)', expires: 'its expiry, ISO 8601' },
    async setup(params, ctx) {
      const apiKey = text(params, 'api_key');
      await ensureDevicehqAccount(ctx, apiKey, 3);
      return openDevicehqSession(ctx, apiKey);
    },
  },
  'a DeviceHQ session idle for {minutes} minutes': {
    provider: 'devicehq',
    summary: 'A session opened, then the clock moved on: more than 5 minutes and the token is expired, less and it still works.',
    params: { minutes: 'idle time in minutes, fractions allowed (required)', api_key: `the account API key (default \`${DEFAULTS.devicehqApiKey}\`)` },
    example: { minutes: 6 },
    returns: { token: 'the session token' },
    async setup(params, ctx) {
      const minutes = count(params, 'minutes');
      const apiKey = devicehqKey(params);
      await ensureDevicehqAccount(ctx, apiKey, 3);
      const { token } = await openDevicehqSession(ctx, apiKey);
      advance(ctx, minutes);
      return { token };
    },
  },
  'a DeviceHQ session that was closed': {
    provider: 'devicehq',
    summary: 'A session opened and then closed with `DELETE /api/v2/session`: its token gets 401.',
    params: { api_key: `the account API key (default \`${DEFAULTS.devicehqApiKey}\`)` },
    example: {},
    returns: { token: 'the closed session token' },
    async setup(params, ctx) {
      const apiKey = devicehqKey(params);
      await ensureDevicehqAccount(ctx, apiKey, 3);
      const { token } = await openDevicehqSession(ctx, apiKey);
      await closeDevicehqSession(ctx, token);
      return { token };
    },
  },
  'a DeviceHQ session replaced by a newer one': {
    provider: 'devicehq',
    summary: 'Two sessions opened one after the other: the first token is dead (one session per account).',
    params: { api_key: `the account API key (default \`${DEFAULTS.devicehqApiKey}\`)` },
    example: {},
    returns: { token: 'the replaced (dead) token', newer_token: 'the live token' },
    async setup(params, ctx) {
      const apiKey = devicehqKey(params);
      await ensureDevicehqAccount(ctx, apiKey, 3);
      const first = await openDevicehqSession(ctx, apiKey);
      const second = await openDevicehqSession(ctx, apiKey);
      return { token: first.token, newer_token: second.token };
    },
  },
};
