// Duet's records as tables on a memory store: logins normalised, accounts found by login and token, indexes kept in step, the account object.

import { beforeEach, describe, expect, it } from 'vitest';
import type { World } from '../../../src/engine/types.js';
import {
  ACCOUNT_TOKEN_LENGTH,
  ACCOUNTS,
  addApplication,
  addError,
  findAccountByLogin,
  findAccountByToken,
  findApplication,
  hashAccountToken,
  imageUrls,
  insertAccount,
  loginTaken,
  normaliseLogin,
  passwordMatches,
  saveAccount,
  signInWrapper,
  SETTINGS,
  toAccountObject,
  toSignInBody,
  withPassword,
  type DuetAccount,
  type FieldErrors,
  type Profile,
} from '../../../src/providers/duet/records.js';
import { createTestWorld, TEST_START } from '../../helpers/document.js';

const PROFILE: Profile = { email: 'Jane@Example.com', phone: '(299) 884-1598', firstName: 'Jane', lastName: 'Doe', gender: 'female', bornOn: '1990-02-03' };
const TOKEN = 'a'.repeat(ACCOUNT_TOKEN_LENGTH);

let world: World;
let jane: DuetAccount;
beforeEach(async () => {
  world = createTestWorld();
  jane = await world.store.write((tx) => {
    addApplication(tx, 'Duet iOS', 'app-token-1');
    return insertAccount(tx, PROFILE, 'secret-password', TEST_START, TOKEN);
  });
});
const read = <T>(fn: Parameters<World['store']['read']>[0]) => world.store.read(fn) as Promise<T>;

describe('normaliseLogin', () => {
  it.each<[string, { given: string; want: string }]>([
    ['an email: trimmed and lower-cased', { given: '  Jane@Example.COM ', want: 'jane@example.com' }],
    ['a phone: its digits', { given: '(299) 884-1598', want: '2998841598' }],
    ['a phone with a plus', { given: '+1 299 884 1598', want: '12998841598' }],
    ['no digits and no @: nothing', { given: 'jane', want: '' }],
  ])('%s', (_name, { given, want }) => {
    expect(normaliseLogin(given)).toBe(want);
  });
});

describe('addError', () => {
  it('keeps messages per field in the order the validations ran', () => {
    const errors: FieldErrors = {};
    addError(errors, 'email', "can't be blank");
    addError(errors, 'password', 'is too short');
    addError(errors, 'email', 'is invalid');
    expect(errors).toEqual({ email: ["can't be blank", 'is invalid'], password: ['is too short'] });
  });
});

describe('finding accounts and applications', () => {
  it.each<[string, { given: string; want: number | undefined }]>([
    ['by email, any case and spacing', { given: ' JANE@example.com', want: 1 }],
    ['by phone, any punctuation', { given: '299-884-1598', want: 1 }],
    ['an unknown email', { given: 'john@example.com', want: undefined }],
    ['a login that normalises to nothing', { given: 'jane', want: undefined }],
  ])('findAccountByLogin %s', async (_name, { given, want }) => {
    expect((await read<DuetAccount | undefined>((tx) => findAccountByLogin(tx, given)))?.id).toBe(want);
  });

  it.each<[string, { given: string; want: number | undefined }]>([
    ['its token', { given: TOKEN, want: 1 }],
    ['another token', { given: 'b'.repeat(ACCOUNT_TOKEN_LENGTH), want: undefined }],
    ['the application token', { given: 'app-token-1', want: undefined }],
  ])('findAccountByToken: %s', async (_name, { given, want }) => {
    expect((await read<DuetAccount | undefined>((tx) => findAccountByToken(tx, given)))?.id).toBe(want);
  });

  it.each<[string, { given: string; want: string | undefined }]>([
    ['its token', { given: 'app-token-1', want: 'Duet iOS' }],
    ['another token', { given: 'app-token-2', want: undefined }],
    ['an account token', { given: TOKEN, want: undefined }],
  ])('findApplication: %s', async (_name, { given, want }) => {
    expect((await read<{ name: string } | undefined>((tx) => findApplication(tx, given)))?.name).toBe(want);
  });

  it.each<[string, { given: { login: string; except?: number }; want: boolean }]>([
    ['a login of an account', { given: { login: 'jane@example.com' }, want: true }],
    ['its own login, for itself', { given: { login: 'jane@example.com', except: 1 }, want: false }],
    ['a free login', { given: { login: 'john@example.com' }, want: false }],
  ])('loginTaken: %s', async (_name, { given, want }) => {
    expect(await read<boolean>((tx) => loginTaken(tx, given.login, given.except))).toBe(want);
  });
});

describe('passwords', () => {
  it.each<[string, { given: { password: string; known: boolean }; want: boolean }]>([
    ['the right password', { given: { password: 'secret-password', known: true }, want: true }],
    ['a wrong one', { given: { password: 'Secret-password', known: true }, want: false }],
    ['no account', { given: { password: 'secret-password', known: false }, want: false }],
  ])('passwordMatches: %s', (_name, { given, want }) => {
    expect(passwordMatches(given.known ? jane : undefined, given.password)).toBe(want);
  });

  it('withPassword: the new password works, the old does not, the token stays', () => {
    const next = withPassword(jane, 'new-password');
    expect([passwordMatches(next, 'new-password'), passwordMatches(next, 'secret-password')]).toEqual([true, false]);
    expect(next.passwordSalt).not.toBe(jane.passwordSalt);
    expect(next.authenticationToken).toBe(TOKEN);
  });

  it('never keeps the password in the clear', () => {
    expect(JSON.stringify(jane)).not.toContain('secret-password');
  });
});

describe('insertAccount and saveAccount', () => {
  it('numbers accounts and makes a token of 60 letters and digits when none is given', async () => {
    const john = await world.store.write((tx) => insertAccount(tx, { ...PROFILE, email: 'john@example.com', phone: null }, 'pw', TEST_START));
    expect(john.id).toBe(2);
    expect(john.authenticationToken).toMatch(/^[A-Za-z0-9]{60}$/);
    expect(john).toMatchObject({ image: null, privacy: { promenade_sharing: false, maximum_privacy: false }, createdAt: TEST_START });
  });

  it('moves the login and token indexes with the account', async () => {
    const newToken = 'c'.repeat(ACCOUNT_TOKEN_LENGTH);
    await world.store.write((tx) => saveAccount(tx, { ...jane, email: 'jane@new.example', phone: null, authenticationToken: newToken, tokenHash: hashAccountToken(newToken) }, jane));
    const found = await read<Array<number | undefined>>((tx) =>
      ['jane@example.com', '2998841598', 'jane@new.example'].map((login) => findAccountByLogin(tx, login)?.id).concat([findAccountByToken(tx, TOKEN)?.id, findAccountByToken(tx, newToken)?.id]),
    );
    expect(found).toEqual([undefined, undefined, 1, undefined, 1]);
    expect(await read<DuetAccount>((tx) => tx.get(ACCOUNTS, '1'))).toMatchObject({ email: 'jane@new.example' });
  });
});

describe('the account object', () => {
  it('is top level, in Duet\'s field names, with the default images', () => {
    expect(toAccountObject(jane)).toEqual({
      id: 1,
      first_name: 'Jane',
      last_name: 'Doe',
      email: 'Jane@Example.com',
      phone: '(299) 884-1598',
      gender: 'female',
      born_on: '1990-02-03',
      image: {
        original: 'http://cdn.duet.me/default/original_account_image.png',
        mini: 'http://cdn.duet.me/default/mini_account_image.png',
        medium: 'http://cdn.duet.me/default/medium_account_image.png',
        small: 'http://cdn.duet.me/default/small_account_image.png',
      },
    });
  });

  it.each<[string, { given: Record<string, unknown>; want: Record<string, unknown> }]>([
    ['an account of an earlier authmock with an email login and a name', { given: { id: 7, login: 'old@example.com', name: 'Old' }, want: { first_name: 'Old', email: 'old@example.com', phone: null, last_name: null } }],
    ['an earlier account with a phone login', { given: { id: 7, login: '2998841598' }, want: { first_name: null, email: null, phone: '2998841598' } }],
  ])('reads %s', (_name, { given, want }) => {
    expect(toAccountObject(given as unknown as DuetAccount)).toMatchObject(want);
  });

  it.each<[string, { given: { filename: string; key: string }; want: string }]>([
    ['an uploaded image: its versions under the account, the extension lower-cased', { given: { filename: 'Me.JPG', key: 'k1' }, want: 'http://cdn.duet.me/uploads/account/image/1/mini_k1.jpg' }],
    ['a name with dots keeps only the last extension', { given: { filename: 'a.b.png', key: 'k2' }, want: 'http://cdn.duet.me/uploads/account/image/1/mini_k2.png' }],
  ])('imageUrls: %s', (_name, { given, want }) => {
    expect(imageUrls({ id: 1, image: { ...given, contentType: 'image/jpeg', size: 1 } }).mini).toBe(want);
  });
});

describe('the sign-in answer', () => {
  it.each<[string, { given: 'account' | 'none' | undefined; want: unknown }]>([
    ['wrapped in account by default', { given: undefined, want: { account: { authentication_token: 't' } } }],
    ['wrapped when set so', { given: 'account', want: { account: { authentication_token: 't' } } }],
    ['bare when set to none', { given: 'none', want: { authentication_token: 't' } }],
  ])('%s', async (_name, { given, want }) => {
    if (given) await world.store.write((tx) => tx.set(SETTINGS, 'sign_in_wrapper', given));
    expect(toSignInBody('t', await read<'account' | 'none'>((tx) => signInWrapper(tx)))).toEqual(want);
  });
});
