// Duet's account rules as tables: the fields create and update read, and each bad value's Rails error, in the docs' order.

import { beforeAll, describe, expect, it } from 'vitest';
import type { World } from '../../../src/engine/types.js';
import { MultipartFile } from '../../../src/engine/validate/parse-body.js';
import { accountParams, castBoolean, checkImage, checkPassword, checkProfile, text, type Fields, type ProfileCheck } from '../../../src/providers/duet/profile.js';
import { insertAccount, type FieldErrors, type Profile } from '../../../src/providers/duet/records.js';
import { createTestWorld, TEST_START } from '../../helpers/document.js';

let world: World;
beforeAll(async () => {
  world = createTestWorld();
  await world.store.write((tx) => insertAccount(tx, { email: 'taken@example.com', phone: '2998841598', firstName: 'T', lastName: null, gender: null, bornOn: null }, 'pw', TEST_START));
});

const VALID = { email: 'Jane@Example.com', first_name: 'Jane', phone: '+1 (299) 555-0100' };

async function check(fields: Fields, given: ProfileCheck, withPassword = false): Promise<{ out: Partial<Profile>; errors: FieldErrors }> {
  const errors: FieldErrors = {};
  const out = await world.store.read((tx) => checkProfile(tx, errors, fields, given, withPassword ? () => errors['password'] = ['marker'] : undefined));
  return { out, errors };
}

describe('accountParams and text', () => {
  it.each<[string, { given: unknown; want: Fields }]>([
    ['the account object', { given: { account: { email: 'a@b' } }, want: { email: 'a@b' } }],
    ['no account key', { given: { email: 'a@b' }, want: {} }],
    ['account that is a string', { given: { account: 'x' }, want: {} }],
    ['account that is an array', { given: { account: [1] }, want: {} }],
    ['a body that is no object', { given: 'account[email]=a', want: {} }],
  ])('accountParams: %s', (_name, { given, want }) => {
    expect(accountParams(given)).toEqual(want);
  });

  it.each<[string, { given: [Fields, string]; want: string | undefined }]>([
    ['a string field', { given: [{ a: 'x' }, 'a'], want: 'x' }],
    ['a number is no text', { given: [{ a: 1 }, 'a'], want: undefined }],
    ['an inherited name is no field', { given: [{}, 'toString'], want: undefined }],
  ])('text: %s', (_name, { given, want }) => {
    expect(text(...given)).toBe(want);
  });
});

describe('checkProfile', () => {
  it.each<[string, { given: { fields: Fields; check: ProfileCheck }; want: { out?: Partial<Profile>; errors: FieldErrors } }]>([
    [
      'create with the required fields: email normalised, optional ones null',
      { given: { fields: VALID, check: { creating: true } }, want: { out: { email: 'jane@example.com', firstName: 'Jane', lastName: null, phone: '+1 (299) 555-0100', gender: null, bornOn: null }, errors: {} } },
    ],
    ['create with nothing: every required field blank', { given: { fields: {}, check: { creating: true } }, want: { errors: { email: ["can't be blank"], first_name: ["can't be blank"], phone: ["can't be blank"] } } }],
    ['update with nothing: nothing checked, nothing changed', { given: { fields: {}, check: { creating: false } }, want: { out: {}, errors: {} } }],
    ['update of one field: only it', { given: { fields: { last_name: 'Doe' }, check: { creating: false } }, want: { out: { lastName: 'Doe' }, errors: {} } }],
    ['a blank optional field is cleared', { given: { fields: { last_name: '  ' }, check: { creating: false } }, want: { out: { lastName: null }, errors: {} } }],
    ['an email without @', { given: { fields: { ...VALID, email: 'jane.example.com' }, check: { creating: true } }, want: { errors: { email: ['is invalid'] } } }],
    ['an email with a space inside', { given: { fields: { ...VALID, email: 'ja ne@example.com' }, check: { creating: true } }, want: { errors: { email: ['is invalid'] } } }],
    ["another account's email, any case", { given: { fields: { ...VALID, email: 'TAKEN@example.com' }, check: { creating: true } }, want: { errors: { email: ['has already been taken'] } } }],
    ['its own email on update is not taken', { given: { fields: { email: 'taken@example.com' }, check: { creating: false, accountId: 1 } }, want: { out: { email: 'taken@example.com' }, errors: {} } }],
    ["another account's phone, other punctuation", { given: { fields: { ...VALID, phone: '(299) 884-1598' }, check: { creating: true } }, want: { errors: { phone: ['has already been taken'] } } }],
    ['a phone of 6 digits', { given: { fields: { ...VALID, phone: '123-456' }, check: { creating: true } }, want: { errors: { phone: ['is invalid'] } } }],
    ['a phone of 16 digits', { given: { fields: { ...VALID, phone: '1234567890123456' }, check: { creating: true } }, want: { errors: { phone: ['is invalid'] } } }],
    ['a phone with letters', { given: { fields: { ...VALID, phone: '555-CALL-NOW' }, check: { creating: true } }, want: { errors: { phone: ['is invalid'] } } }],
    ['a gender other than m or f', { given: { fields: { gender: 'x' }, check: { creating: false } }, want: { errors: { gender: ['is not included in the list'] } } }],
    ['gender f', { given: { fields: { gender: 'f' }, check: { creating: false } }, want: { out: { gender: 'f' }, errors: {} } }],
    ['born_on a real day', { given: { fields: { born_on: '2000-02-29' }, check: { creating: false } }, want: { out: { bornOn: '2000-02-29' }, errors: {} } }],
    ['born_on a day that does not exist', { given: { fields: { born_on: '2001-02-29' }, check: { creating: false } }, want: { errors: { born_on: ['is invalid'] } } }],
    ['born_on in another format', { given: { fields: { born_on: '29/02/2000' }, check: { creating: false } }, want: { errors: { born_on: ['is invalid'] } } }],
    ['a name over 255 characters', { given: { fields: { first_name: 'x'.repeat(256) }, check: { creating: false } }, want: { errors: { first_name: ['is too long (maximum is 255 characters)'] } } }],
    ['a name of 255 characters', { given: { fields: { first_name: 'x'.repeat(255) }, check: { creating: false } }, want: { out: { firstName: 'x'.repeat(255) }, errors: {} } }],
    ['a first name that is a number is blank', { given: { fields: { first_name: 7 }, check: { creating: false } }, want: { errors: { first_name: ["can't be blank"] } } }],
  ])('%s', async (_name, { given, want }) => {
    const { out, errors } = await check(given.fields, given.check);
    expect(errors).toEqual(want.errors);
    if (want.out) expect(out).toEqual(want.out);
  });

  it("lists every error at once, in the docs' order: email, password, first_name, last_name, phone, gender, born_on", async () => {
    const fields = { email: '', first_name: '', last_name: 'y'.repeat(300), phone: 'x', gender: 'q', born_on: 'never' };
    const { errors } = await check(fields, { creating: true }, true);
    expect(Object.keys(errors)).toEqual(['email', 'password', 'first_name', 'last_name', 'phone', 'gender', 'born_on']);
  });
});

describe('checkPassword', () => {
  const RULES = { minLength: 6, maxLength: 12 };
  it.each<[string, { given: [string | undefined, string | undefined]; want: FieldErrors }]>([
    ['a good password', { given: ['secret1', undefined], want: {} }],
    ['with a matching confirmation', { given: ['secret1', 'secret1'], want: {} }],
    ['missing', { given: [undefined, undefined], want: { password: ["can't be blank"] } }],
    ['empty', { given: ['', undefined], want: { password: ["can't be blank"] } }],
    ['too short', { given: ['12345', undefined], want: { password: ['is too short (minimum is 6 characters)'] } }],
    ['exactly the minimum', { given: ['123456', undefined], want: {} }],
    ['too long', { given: ['1234567890123', undefined], want: { password: ['is too long (maximum is 12 characters)'] } }],
    ['a differing confirmation', { given: ['secret1', 'secret2'], want: { password: ["doesn't match confirmation"] } }],
    ['too short and differing: both', { given: ['abc', 'abd'], want: { password: ['is too short (minimum is 6 characters)', "doesn't match confirmation"] } }],
    ['a confirmation without a password', { given: [undefined, 'x'], want: { password: ["can't be blank", "doesn't match confirmation"] } }],
  ])('%s', (_name, { given, want }) => {
    const errors: FieldErrors = {};
    checkPassword(errors, given[0], given[1], RULES);
    expect(errors).toEqual(want);
  });
});

describe('checkImage', () => {
  const file = (name: string) => new MultipartFile(name, 'image/png', 42);
  it.each<[string, { given: { value: unknown; required: boolean }; want: { stored?: object; errors: FieldErrors } }]>([
    ['a png', { given: { value: file('me.png'), required: true }, want: { stored: { filename: 'me.png', contentType: 'image/png', size: 42 }, errors: {} } }],
    ['a JPG in capitals', { given: { value: file('ME.JPG'), required: true }, want: { stored: { filename: 'ME.JPG' }, errors: {} } }],
    ['a gif', { given: { value: file('a.b.gif'), required: false }, want: { stored: { filename: 'a.b.gif' }, errors: {} } }],
    ['a pdf', { given: { value: file('cv.pdf'), required: true }, want: { errors: { image: ['is not an allowed file type'] } } }],
    ['a name without extension', { given: { value: file('png'), required: true }, want: { errors: { image: ['is not an allowed file type'] } } }],
    ['text instead of a file', { given: { value: 'me.png', required: true }, want: { errors: { image: ['is not an allowed file type'] } } }],
    ['none when required', { given: { value: undefined, required: true }, want: { errors: { image: ["can't be blank"] } } }],
    ['empty when required', { given: { value: '', required: true }, want: { errors: { image: ["can't be blank"] } } }],
    ['none when optional', { given: { value: undefined, required: false }, want: { errors: {} } }],
  ])('%s', (_name, { given, want }) => {
    const errors: FieldErrors = {};
    const stored = checkImage(errors, given.value === undefined ? {} : { image: given.value }, given.required);
    expect(errors).toEqual(want.errors);
    if (want.stored) expect(stored).toMatchObject({ ...want.stored, key: expect.stringMatching(/^[0-9a-f]{32}$/) });
    else expect(stored).toBeUndefined();
  });
});

describe('castBoolean', () => {
  it.each<[unknown, boolean | undefined]>([
    ['1', true],
    [1, true],
    [true, true],
    ['t', true],
    ['T', true],
    ['true', true],
    ['TRUE', true],
    ['0', false],
    ['false', false],
    ['yes', false],
    ['True', false],
    [false, false],
    ['', undefined],
    [null, undefined],
    [undefined, undefined],
  ])('%j → %s', (given, want) => {
    expect(castBoolean(given)).toBe(want);
  });
});
