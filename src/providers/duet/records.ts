// Duet's store records: applications, accounts (hashed secrets, indexed by login and by token), the sign-in
// wrapper setting, and the account object as Duet answers with it.

import { hashSecret, maskSecret, randomAlphanumeric, randomHex, sameDigest } from '../../engine/secrets.js';
import type { ReadTx, WriteTx } from '../../world/store.js';

export const APPLICATIONS = 'duet.applications';
export const ACCOUNTS = 'duet.accounts';
export const LOGINS = 'duet.logins';
export const ACCOUNT_TOKENS = 'duet.account_tokens';
export const COUNTERS = 'duet.counters';
export const SETTINGS = 'duet.settings';

const APP_TOKEN_SALT = 'duet.application:';
const ACCOUNT_TOKEN_SALT = 'duet.account:';
export const ACCOUNT_TOKEN_LENGTH = 60;

export interface DuetApplication {
  name: string;
  tokenHash: string;
  tokenHint: string;
}

/** The image versions of the account object (`_config.yml` `resources.account.basic`). */
export interface DuetImage {
  original: string;
  mini: string;
  medium: string;
  small: string;
}

export interface DuetPrivacy {
  promenade_sharing: boolean;
  maximum_privacy: boolean;
}

/** What is kept of the last uploaded image: its metadata only, never its bytes. */
export interface StoredImage {
  filename: string;
  contentType: string;
  size: number;
  /** Random part of the stored file names, as CarrierWave's uploads have. */
  key: string;
}

/** The profile fields an account is created or updated with (already checked). */
export interface Profile {
  email: string | null;
  phone: string | null;
  firstName: string | null;
  lastName: string | null;
  gender: string | null;
  bornOn: string | null;
}

export interface DuetAccount extends Profile {
  id: number;
  image: StoredImage | null;
  privacy: DuetPrivacy;
  passwordSalt: string;
  passwordHash: string;
  /** Devise token_authenticatable keeps the token itself so that every sign-in returns the same one. */
  authenticationToken: string;
  tokenHash: string;
  createdAt: number;
}

/** Rails errors object: field → messages, in the order the validations ran. */
export type FieldErrors = Record<string, string[]>;

/** Devise's case_insensitive_keys and strip_whitespace_keys: an email is compared trimmed and lower-cased. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();
/** A phone number is compared by its digits, so `(299) 884-1598` and `2998841598` are one login. */
export const normalisePhone = (phone: string): string => phone.replace(/\D/g, '');
/** `account[login]` is an email when it has an `@`, otherwise a phone number (sign-in page: "either email or phone"). */
export const normaliseLogin = (login: string): string => (login.includes('@') ? normaliseEmail(login) : normalisePhone(login));

export const hashAppToken = (token: string): string => hashSecret(token, APP_TOKEN_SALT);
export const hashAccountToken = (token: string): string => hashSecret(token, ACCOUNT_TOKEN_SALT);

export function addError(errors: FieldErrors, field: string, message: string): void {
  (errors[field] ??= []).push(message);
}

export function findApplication(tx: ReadTx, token: string): DuetApplication | undefined {
  const hash = hashAppToken(token);
  const app = tx.get<DuetApplication>(APPLICATIONS, hash);
  return app && sameDigest(app.tokenHash, hash) ? app : undefined;
}

export function findAccountByToken(tx: ReadTx, token: string): DuetAccount | undefined {
  const hash = hashAccountToken(token);
  const id = tx.get<number>(ACCOUNT_TOKENS, hash);
  const account = id === undefined ? undefined : tx.get<DuetAccount>(ACCOUNTS, String(id));
  return account && sameDigest(account.tokenHash, hash) ? account : undefined;
}

/** The account an email address or phone number signs in as. */
export function findAccountByLogin(tx: ReadTx, login: string): DuetAccount | undefined {
  const key = normaliseLogin(login);
  const id = key === '' ? undefined : tx.get<number>(LOGINS, key);
  return id === undefined ? undefined : tx.get<DuetAccount>(ACCOUNTS, String(id));
}

/** Whether an email or phone is already the login of an account other than `exceptId`. */
export function loginTaken(tx: ReadTx, login: string, exceptId?: number): boolean {
  const account = findAccountByLogin(tx, login);
  return account !== undefined && account.id !== exceptId;
}

export function passwordMatches(account: DuetAccount | undefined, password: string): boolean {
  // Hash even for an unknown login so that both failures take the same time.
  const candidate = hashSecret(password, account?.passwordSalt ?? 'duet.no-such-account:');
  return account !== undefined && sameDigest(candidate, account.passwordHash);
}

export function addApplication(tx: WriteTx, name: string, token: string): void {
  const tokenHash = hashAppToken(token);
  tx.set<DuetApplication>(APPLICATIONS, tokenHash, { name, tokenHash, tokenHint: maskSecret(token) });
}

const loginKeys = (account: Pick<DuetAccount, 'email' | 'phone'>): string[] =>
  [account.email ? normaliseEmail(account.email) : '', account.phone ? normalisePhone(account.phone) : ''].filter((k) => k !== '');

/** Write an account and keep the email and phone indexes in step with it (old logins dropped, new ones added). */
export function saveAccount(tx: WriteTx, next: DuetAccount, previous?: DuetAccount): void {
  if (previous) for (const key of loginKeys(previous)) if (tx.get<number>(LOGINS, key) === previous.id) tx.delete(LOGINS, key);
  for (const key of loginKeys(next)) tx.set(LOGINS, key, next.id);
  if (previous && previous.tokenHash !== next.tokenHash) tx.delete(ACCOUNT_TOKENS, previous.tokenHash);
  tx.set(ACCOUNT_TOKENS, next.tokenHash, next.id);
  tx.set(ACCOUNTS, String(next.id), next);
}

/** Insert an account whose fields were already checked; its email and phone must be free. */
export function insertAccount(tx: WriteTx, profile: Profile, password: string, now: number, authenticationToken?: string): DuetAccount {
  const id = (tx.get<number>(COUNTERS, 'account') ?? 0) + 1;
  tx.set(COUNTERS, 'account', id);
  const passwordSalt = randomHex(16);
  const token = authenticationToken ?? randomAlphanumeric(ACCOUNT_TOKEN_LENGTH);
  const account: DuetAccount = {
    id,
    ...profile,
    image: null,
    privacy: { promenade_sharing: false, maximum_privacy: false },
    passwordSalt,
    passwordHash: hashSecret(password, passwordSalt),
    authenticationToken: token,
    tokenHash: hashAccountToken(token),
    createdAt: now,
  };
  saveAccount(tx, account);
  return account;
}

/** A new password gets a new salt; the account token stays (the answer carries no new one, so the app stays signed in). */
export function withPassword(account: DuetAccount, password: string): DuetAccount {
  const passwordSalt = randomHex(16);
  return { ...account, passwordSalt, passwordHash: hashSecret(password, passwordSalt) };
}

const CDN = 'http://cdn.duet.me';
const VERSIONS = ['original', 'mini', 'medium', 'small'] as const;

/** The default image URLs of the docs' account object, or the versions of the last upload (CarrierWave's paths). */
export function imageUrls(account: Pick<DuetAccount, 'id' | 'image'>): DuetImage {
  const image = account.image;
  const url = (version: string): string =>
    image
      ? `${CDN}/uploads/account/image/${account.id}/${version}_${image.key}${image.filename.slice(image.filename.lastIndexOf('.')).toLowerCase()}`
      : `${CDN}/default/${version}_account_image.png`;
  return Object.fromEntries(VERSIONS.map((v) => [v, url(v)])) as unknown as DuetImage;
}

export interface AccountObject {
  id: number;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  gender: string | null;
  born_on: string | null;
  image: DuetImage;
}

/** An account kept by an earlier authmock (`--state`): one `login` and a `name` instead of the profile fields. */
interface EarlierAccount {
  login?: string;
  name?: string | null;
}

/** The account object, top level, as `GET /1/account`, `POST /1/account` and change_password answer it. */
export function toAccountObject(account: DuetAccount): AccountObject {
  const earlier = account as Partial<DuetAccount> & EarlierAccount;
  const login = earlier.login ?? '';
  return {
    id: account.id,
    first_name: earlier.firstName ?? earlier.name ?? null,
    last_name: earlier.lastName ?? null,
    email: earlier.email ?? (login.includes('@') ? login : null),
    phone: earlier.phone ?? (login !== '' && !login.includes('@') ? login : null),
    gender: earlier.gender ?? null,
    born_on: earlier.bornOn ?? null,
    image: imageUrls({ id: account.id, image: earlier.image ?? null }),
  };
}

/** How sign-in wraps its token: the provider page's `{"account":{...}}` (default), or `_config.yml`'s bare object. */
export type SignInWrapper = 'account' | 'none';

export const signInWrapper = (tx: ReadTx): SignInWrapper => tx.get<SignInWrapper>(SETTINGS, 'sign_in_wrapper') ?? 'account';

export const toSignInBody = (token: string, wrapper: SignInWrapper): unknown =>
  wrapper === 'none' ? { authentication_token: token } : { account: { authentication_token: token } };
