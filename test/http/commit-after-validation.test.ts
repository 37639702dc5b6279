// A refused request spends nothing: an invite code's redemption is committed only after the request passed validation.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { startMock, type StartedMock } from '../helpers/harness.js';
import { problemOf } from '../helpers/listen.js';

let mock: StartedMock;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock.close());

const register = (body: unknown): Promise<Response> =>
  fetch(`${mock.url}/rfcx/v2/guardians/register`, {
    method: 'POST',
    headers: { 'x-auth-user': 'register', 'x-auth-token': 'ab12cd34', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

it('keeps the redemption when the body is refused, and spends it when the request is accepted', async () => {
  const before = await mock.world.store.digest();
  const refused = await register({ guid: 'NOT A GUID' });
  expect(refused.status).toBe(400);
  expect(problemOf(refused)?.code).toBe('request.body_invalid');
  expect(await mock.world.store.digest()).toBe(before);
  // The fixture code allows two redemptions: both are still there.
  expect((await register({ guid: 'aaaaaaaaaaa1' })).status).toBe(200);
  expect((await register({ guid: 'aaaaaaaaaaa2' })).status).toBe(200);
  const spent = await register({ guid: 'aaaaaaaaaaa3' });
  expect(spent.status).toBe(401);
  expect(problemOf(spent)?.code).toBe('auth.exhausted');
});
