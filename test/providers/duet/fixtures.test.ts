// Duet fixtures: accounts by email and phone (and the older `login`/`name` form), re-seeding, token ownership, and the
// account object of a record an earlier authmock kept in its --state file.

import { describe, expect, it } from 'vitest';
import { toAccountObject, type DuetAccount } from '../../../src/providers/duet/records.js';
import { useMock } from '../../helpers/harness.js';

const mock = useMock();
const APP = { 'x-application-token': 'duet-iphone-app-token' };
const TOKEN = 'T'.repeat(60);

const addFixtures = (duet: unknown): Promise<Response> =>
  fetch(`${mock().url}/__admin/fixtures`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ duet }) });
const signIn = (login: string, password: string): Promise<Response> =>
  fetch(`${mock().url}/duet/1/account/sign_in`, {
    method: 'POST',
    headers: { ...APP, 'content-type': 'application/json' },
    body: JSON.stringify({ account: { login, password } }),
  });
const account = async (token: string): Promise<Record<string, unknown>> =>
  (await (await fetch(`${mock().url}/duet/1/account`, { headers: { ...APP, 'x-account-token': token } })).json()) as Record<string, unknown>;

describe('Duet fixtures', () => {
  it('seeds an account that signs in with its email or its phone and shows its profile', async () => {
    const res = await addFixtures({ accounts: [{ email: 'Kim@Duet.Example', phone: '+1 415 555 0100', password: 'kim-password', first_name: 'Kim', gender: 'f', born_on: '1985-05-05', authentication_token: TOKEN }] });
    expect(res.status).toBe(200);
    expect((await signIn('kim@duet.example', 'kim-password')).status).toBe(200);
    expect((await signIn('14155550100', 'kim-password')).status).toBe(200);
    expect(await account(TOKEN)).toMatchObject({ first_name: 'Kim', last_name: null, email: 'kim@duet.example', phone: '+1 415 555 0100', gender: 'f', born_on: '1985-05-05' });
  });

  it('reads the older form: `login` (an email or a phone) and `name` as the first name', async () => {
    await addFixtures({ accounts: [{ login: '4155550111', password: 'old-form-pw', name: 'Old Form', authentication_token: TOKEN }] });
    expect(await account(TOKEN)).toMatchObject({ first_name: 'Old Form', email: null, phone: '4155550111' });
    expect((await signIn('(415) 555-0111', 'old-form-pw')).status).toBe(200);
  });

  it('replaces the password of an email seeded again and keeps its other fields', async () => {
    await addFixtures({ accounts: [{ email: 'demo@duet.example', password: 'replaced-password' }] });
    expect((await signIn('demo@duet.example', 'duet-demo-password')).status).toBe(401);
    expect((await signIn('2025550143', 'replaced-password')).status).toBe(200);
  });

  it('refuses two accounts with one authentication_token and adds nothing', async () => {
    const before = await mock().world.store.digest();
    const res = await addFixtures({
      accounts: [
        { email: 'a@duet.example', password: 'password-a', authentication_token: TOKEN },
        { email: 'b@duet.example', password: 'password-b', authentication_token: TOKEN },
      ],
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { detail: string }).detail).toContain('already belongs to a@duet.example');
    expect(await mock().world.store.digest()).toBe(before);
  });

  it.each([
    ['an account without email, phone or login', { password: 'x-password' }],
    ['a gender other than m or f', { email: 'g@duet.example', password: 'x-password', gender: 'x' }],
    ['an unknown sign-in wrapper', undefined],
  ])('refuses %s', async (_name, accountFixture) => {
    const res = await addFixtures(accountFixture ? { accounts: [accountFixture] } : { settings: { sign_in_wrapper: 'data' } });
    expect(res.status).toBe(422);
  });
});

describe('an account kept by an earlier authmock (--state)', () => {
  it('answers the account object from its login and name', () => {
    const earlier = { id: 7, login: 'old@duet.example', name: 'Old', passwordSalt: '', passwordHash: '', authenticationToken: '', tokenHash: '', createdAt: 0 };
    expect(toAccountObject(earlier as unknown as DuetAccount)).toEqual({
      id: 7,
      first_name: 'Old',
      last_name: null,
      email: 'old@duet.example',
      phone: null,
      gender: null,
      born_on: null,
      image: {
        original: 'http://cdn.duet.me/default/original_account_image.png',
        mini: 'http://cdn.duet.me/default/mini_account_image.png',
        medium: 'http://cdn.duet.me/default/medium_account_image.png',
        small: 'http://cdn.duet.me/default/small_account_image.png',
      },
    });
  });
});
