// Duet's account rules in Rails' words: which fields create and update read, and the errors each bad value gets.

import { isMultipartFile, type MultipartFile } from '../../engine/validate/parse-body.js';
import { safeEqual, randomHex } from '../../engine/secrets.js';
import type { ReadTx } from '../../world/store.js';
import { addError, loginTaken, normaliseEmail, type FieldErrors, type Profile, type StoredImage } from './records.js';

export interface PasswordRules {
  minLength: number;
  maxLength: number;
}

export type Fields = Readonly<Record<string, unknown>>;

/** The `account` parameters (Rails `params[:account]`), or an empty set when the body has another shape. */
export function accountParams(body: unknown): Fields {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return {};
  const account = (body as Fields)['account'];
  return typeof account === 'object' && account !== null && !Array.isArray(account) ? (account as Fields) : {};
}

const own = (fields: Fields, name: string): unknown => (Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : undefined);

export const text = (fields: Fields, name: string): string | undefined => {
  const value = own(fields, name);
  return typeof value === 'string' ? value : undefined;
};

/** Devise's default email_regexp. */
const EMAIL = /^[^@\s]+@[^@\s]+$/;
/** A phone number: digits with the usual separators, 7 to 15 digits (E.164's maximum). */
const PHONE = /^\+?[\d\s().-]+$/;
const BORN_ON = /^(\d{4})-(\d{2})-(\d{2})$/;
/** CarrierWave's extension_white_list of the image uploader: "png, jpg, or gif" (account pages). */
const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif']);
/** A Rails string column. */
const MAX_STRING = 255;

const blank = (value: string | undefined): boolean => value === undefined || value.trim() === '';

function validDate(value: string): boolean {
  const m = BORN_ON.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function checkLength(errors: FieldErrors, field: string, value: string | undefined): void {
  if (value !== undefined && value.length > MAX_STRING) addError(errors, field, `is too long (maximum is ${MAX_STRING} characters)`);
}

export interface ProfileCheck {
  /** Create: the required fields must be there. Update: only the fields sent are checked and changed. */
  creating: boolean;
  /** The account being updated (its own email and phone are not "taken"). */
  accountId?: number;
}

/**
 * Check the profile fields of create or update and return those to store (on update, only the ones sent). Every
 * error is added at once, in the order of the docs' example: `email`, then `password` (the caller's `afterEmail`),
 * `first_name`, `last_name`, `phone`; then `gender` and `born_on`.
 */
export function checkProfile(tx: ReadTx, errors: FieldErrors, fields: Fields, check: ProfileCheck, afterEmail?: () => void): Partial<Profile> {
  const out: Partial<Profile> = {};
  const wanted = (name: string): boolean => check.creating || own(fields, name) !== undefined;
  const optional = (name: string): string | null | undefined => {
    if (own(fields, name) === undefined) return check.creating ? null : undefined;
    const value = text(fields, name);
    checkLength(errors, name, value);
    return blank(value) ? null : value!;
  };

  if (wanted('email')) {
    const email = text(fields, 'email');
    if (blank(email)) addError(errors, 'email', "can't be blank");
    else if (!EMAIL.test(email!.trim())) addError(errors, 'email', 'is invalid');
    else if (loginTaken(tx, email!, check.accountId)) addError(errors, 'email', 'has already been taken');
    checkLength(errors, 'email', email);
    if (!blank(email)) out.email = normaliseEmail(email!);
  }
  afterEmail?.();
  if (wanted('first_name')) {
    const first = text(fields, 'first_name');
    if (blank(first)) addError(errors, 'first_name', "can't be blank");
    checkLength(errors, 'first_name', first);
    if (!blank(first)) out.firstName = first!;
  }
  const last = optional('last_name');
  if (last !== undefined) out.lastName = last;
  if (wanted('phone')) {
    const phone = text(fields, 'phone')?.trim();
    const digits = phone?.replace(/\D/g, '') ?? '';
    if (blank(phone)) addError(errors, 'phone', "can't be blank");
    else if (!PHONE.test(phone!) || digits.length < 7 || digits.length > 15) addError(errors, 'phone', 'is invalid');
    else if (loginTaken(tx, phone!, check.accountId)) addError(errors, 'phone', 'has already been taken');
    if (!blank(phone)) out.phone = phone!;
  }
  const gender = optional('gender');
  if (gender !== undefined && gender !== null && gender !== 'm' && gender !== 'f') addError(errors, 'gender', 'is not included in the list');
  if (gender !== undefined) out.gender = gender;
  const bornOn = optional('born_on');
  if (bornOn !== undefined && bornOn !== null && !validDate(bornOn)) addError(errors, 'born_on', 'is invalid');
  if (bornOn !== undefined) out.bornOn = bornOn;
  return out;
}

/** Devise validatable's password checks; a differing confirmation is Rails 3.0's `password: doesn't match confirmation`. */
export function checkPassword(errors: FieldErrors, password: string | undefined, confirmation: string | undefined, rules: PasswordRules): void {
  if (password === undefined || password === '') addError(errors, 'password', "can't be blank");
  else {
    if (password.length < rules.minLength) addError(errors, 'password', `is too short (minimum is ${rules.minLength} characters)`);
    if (password.length > rules.maxLength) addError(errors, 'password', `is too long (maximum is ${rules.maxLength} characters)`);
  }
  if (confirmation !== undefined && !safeEqual(confirmation, password ?? '')) addError(errors, 'password', "doesn't match confirmation");
}

/** `account[image]`: a png, jpg or gif file upload; anything else is "is not an allowed file type" (image page). */
export function checkImage(errors: FieldErrors, fields: Fields, required: boolean): StoredImage | undefined {
  const value = own(fields, 'image');
  if (value === undefined || value === '') {
    if (required) addError(errors, 'image', "can't be blank");
    return undefined;
  }
  const file: MultipartFile | undefined = isMultipartFile(value) ? value : undefined;
  const extension = file ? file.filename.slice(file.filename.lastIndexOf('.') + 1).toLowerCase() : '';
  if (!file || !file.filename.includes('.') || !IMAGE_EXTENSIONS.has(extension)) {
    addError(errors, 'image', 'is not an allowed file type');
    return undefined;
  }
  return { filename: file.filename, contentType: file.contentType, size: file.size, key: randomHex(16) };
}

/** Rails 3's boolean column cast: `1`, `true`, `t` (any case of those two) are true, other values false, blank unchanged. */
export function castBoolean(value: unknown): boolean | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return value === true || value === 1 || value === '1' || value === 't' || value === 'T' || value === 'true' || value === 'TRUE';
}
