// Duet's state: applications and accounts (hashed secrets), and the Rails/Devise rules for creating and changing them.

import { toUtcString } from '../../clock.js';
import { hashSecret, maskSecret, randomAlphanumeric, randomHex, safeEqual, sameDigest } from '../../security/secrets.js';
import type { ReadTx, WriteTx } from '../../state/store.js';

export const APPLICATIONS = 'duet.applications';
export const ACCOUNTS = 'duet.accounts';
export const LOGINS = 'duet.logins';
export const ACCOUNT_TOKENS = 'duet.account_tokens';
export const COUNTERS = 'duet.counters';

const APP_TOKEN_SALT = 'duet.application:';
const ACCOUNT_TOKEN_SALT = 'duet.account:';
export const ACCOUNT_TOKEN_LENGTH = 60;

export interface DuetApplication {
  name: string;
  tokenHash: string;
  tokenHint: string;
}

export interface DuetAccount {
  id: number;
  login: string;
  name: string | null;
  passwordSalt: string;
  passwordHash: string;
  /** Devise token_authenticatable keeps the token itself so that every sign-in returns the same one. */
  authenticationToken: string;
  tokenHash: string;
  createdAt: number;
}

/** Rails errors object: field → messages, in the order the validations ran. */
export type FieldErrors = Record<string, string[]>;

export interface PasswordRules {
  minLength: number;
  maxLength: number;
}

/** Devise's case_insensitive_keys and strip_whitespace_keys: the login is compared trimmed and lower-cased. */
export const normaliseLogin = (login: string): string => login.trim().toLowerCase();

export const hashAppToken = (token: string): string => hashSecret(token, APP_TOKEN_SALT);
export const hashAccountToken = (token: string): string => hashSecret(token, ACCOUNT_TOKEN_SALT);

export function addError(errors: FieldErrors, field: string, message: string): void {
  (errors[field] ??= []).push(message);
}

/** Devise validatable's password checks: presence, confirmation (only when given), length. */
export function checkNewPassword(errors: FieldErrors, password: string | undefined, confirmation: string | undefined, rules: PasswordRules): void {
  if (password === undefined || password === '') addError(errors, 'password', "can't be blank");
  if (confirmation !== undefined && !safeEqual(confirmation, password ?? '')) addError(errors, 'password_confirmation', "doesn't match Password");
  if (password !== undefined && password !== '') {
    if (password.length < rules.minLength) addError(errors, 'password', `is too short (minimum is ${rules.minLength} characters)`);
    if (password.length > rules.maxLength) addError(errors, 'password', `is too long (maximum is ${rules.maxLength} characters)`);
  }
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

export function findAccountByLogin(tx: ReadTx, login: string): DuetAccount | undefined {
  const id = tx.get<number>(LOGINS, normaliseLogin(login));
  return id === undefined ? undefined : tx.get<DuetAccount>(ACCOUNTS, String(id));
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

export interface NewAccount {
  login: string;
  password: string;
  name?: string | undefined;
  authenticationToken?: string | undefined;
}

/** Insert an account whose fields were already checked; the login must be free. */
export function insertAccount(tx: WriteTx, input: NewAccount, now: number): DuetAccount {
  const id = (tx.get<number>(COUNTERS, 'account') ?? 0) + 1;
  tx.set(COUNTERS, 'account', id);
  const passwordSalt = randomHex(16);
  const authenticationToken = input.authenticationToken ?? randomAlphanumeric(ACCOUNT_TOKEN_LENGTH);
  const account: DuetAccount = {
    id,
    login: normaliseLogin(input.login),
    name: input.name ?? null,
    passwordSalt,
    passwordHash: hashSecret(input.password, passwordSalt),
    authenticationToken,
    tokenHash: hashAccountToken(authenticationToken),
    createdAt: now,
  };
  tx.set(ACCOUNTS, String(id), account);
  tx.set(LOGINS, account.login, id);
  tx.set(ACCOUNT_TOKENS, account.tokenHash, id);
  return account;
}

/** A new password gets a new salt and a new authentication token; the old token dies in the same write. */
export function replacePassword(tx: WriteTx, account: DuetAccount, password: string): DuetAccount {
  const passwordSalt = randomHex(16);
  const authenticationToken = randomAlphanumeric(ACCOUNT_TOKEN_LENGTH);
  const next: DuetAccount = {
    ...account,
    passwordSalt,
    passwordHash: hashSecret(password, passwordSalt),
    authenticationToken,
    tokenHash: hashAccountToken(authenticationToken),
  };
  tx.delete(ACCOUNT_TOKENS, account.tokenHash);
  tx.set(ACCOUNT_TOKENS, next.tokenHash, next.id);
  tx.set(ACCOUNTS, String(next.id), next);
  return next;
}

/** Rails' `to_formatted_s(:rfc822)`: `Thu, 01 Jan 2026 00:00:00 +0000`. */
export function toRfc2822(ms: number): string {
  const utc = toUtcString(ms);
  return utc.endsWith('GMT') ? `${utc.slice(0, -3)}+0000` : utc;
}

export const toAccountBody = (account: DuetAccount): { account: { id: number; login: string; created_at: string } } => ({
  account: { id: account.id, login: account.login, created_at: toRfc2822(account.createdAt) },
});
