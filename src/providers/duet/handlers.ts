// Duet's operations by operationId: test, create account, sign in, get account, change password.

import { MockError } from '../../errors.js';
import type { Handler, HandlerContext, MockResponse } from '../../types.js';
import {
  addError,
  checkNewPassword,
  findAccountByLogin,
  insertAccount,
  passwordMatches,
  replacePassword,
  toAccountBody,
  ACCOUNTS,
  type DuetAccount,
  type FieldErrors,
  type PasswordRules,
} from './accounts.js';
import { noteDevice } from './devices.js';

export const JSON_TYPE = 'application/json; charset=utf-8';
export const TEXT_TYPE = 'text/plain; charset=utf-8';

export interface DuetHandlerOptions extends PasswordRules {
  maxDevices: number;
}

type Fields = Readonly<Record<string, unknown>>;

/** The `account` parameters (Rails `params[:account]`), or an empty set when the body has another shape. */
function accountParams(body: unknown): Fields {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return {};
  const account = (body as Fields)['account'];
  return typeof account === 'object' && account !== null && !Array.isArray(account) ? (account as Fields) : {};
}

const text = (fields: Fields, name: string): string | undefined => {
  const value = Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : undefined;
  return typeof value === 'string' ? value : undefined;
};

export const validationFailed = (errors: FieldErrors): MockError =>
  new MockError('validation.failed', `invalid fields: ${Object.keys(errors).join(', ')}`, { meta: { errors } });

const unauthorized = (detail: string): MockError => new MockError('auth.invalid', detail);

function accountIdOf(ctx: HandlerContext): number {
  const principal = ctx.auth.principals.get('DuetAccountToken') as { accountId?: number } | undefined;
  if (typeof principal?.accountId !== 'number') throw new MockError('auth.missing', 'X-Account-Token is required on account-level methods');
  return principal.accountId;
}

export function createDuetHandlers(options: DuetHandlerOptions): Record<string, Handler> {
  const served = async (ctx: HandlerContext, response: MockResponse, accountId?: number): Promise<MockResponse> => {
    await noteDevice(ctx, options.maxDevices, accountId);
    return response;
  };

  return {
    duetTestApplication: (ctx) => served(ctx, { status: 200, body: 'Welcome to the Duet API', contentType: TEXT_TYPE }),

    async duetCreateAccount(ctx) {
      const fields = accountParams(ctx.req.body);
      const login = text(fields, 'login')?.trim();
      const password = text(fields, 'password');
      const name = text(fields, 'name');
      const now = ctx.world.clock.now();
      // Check and insert in one write: two parallel sign-ups for one login give one 201 and one 422.
      const result = await ctx.world.store.write((tx): { account: DuetAccount } | { errors: FieldErrors } => {
        const errors: FieldErrors = {};
        if (!login) addError(errors, 'login', "can't be blank");
        else if (findAccountByLogin(tx, login)) addError(errors, 'login', 'has already been taken');
        checkNewPassword(errors, password, text(fields, 'password_confirmation'), options);
        if (Object.keys(errors).length > 0 || !login || password === undefined) return { errors };
        return { account: insertAccount(tx, { login, password, name }, now) };
      });
      if ('errors' in result) throw validationFailed(result.errors);
      const { account } = result;
      return served(ctx, { status: 201, body: toAccountBody(account), contentType: JSON_TYPE }, account.id);
    },

    async duetSignIn(ctx) {
      const fields = accountParams(ctx.req.body);
      const login = text(fields, 'login');
      const password = text(fields, 'password');
      const blank: FieldErrors = {};
      if (!login) addError(blank, 'login', "can't be blank");
      if (password === undefined) addError(blank, 'password', "can't be blank");
      if (!login || password === undefined) throw validationFailed(blank);
      const account = await ctx.world.store.read((tx) => findAccountByLogin(tx, login));
      if (!passwordMatches(account, password) || !account) throw unauthorized('login or password is wrong');
      return served(
        ctx,
        { status: 200, body: { account: { authentication_token: account.authenticationToken } }, contentType: JSON_TYPE },
        account.id,
      );
    },

    async duetGetAccount(ctx) {
      const id = accountIdOf(ctx);
      const account = await ctx.world.store.read((tx) => tx.get<DuetAccount>(ACCOUNTS, String(id)));
      if (!account) throw unauthorized('the account of this X-Account-Token no longer exists');
      return served(ctx, { status: 200, body: toAccountBody(account), contentType: JSON_TYPE });
    },

    async duetChangePassword(ctx) {
      const id = accountIdOf(ctx);
      const fields = accountParams(ctx.req.body);
      const current = text(fields, 'current_password');
      const password = text(fields, 'password');
      const confirmation = text(fields, 'password_confirmation');
      // Devise update_with_password: all errors at once; the check and the change happen in one write.
      const outcome = await ctx.world.store.write((tx): FieldErrors | 'changed' | 'gone' => {
        const account = tx.get<DuetAccount>(ACCOUNTS, String(id));
        if (!account) return 'gone';
        const errors: FieldErrors = {};
        if (current === undefined || current === '') addError(errors, 'current_password', "can't be blank");
        else if (!passwordMatches(account, current)) addError(errors, 'current_password', 'is invalid');
        checkNewPassword(errors, password, confirmation ?? '', options);
        if (Object.keys(errors).length > 0 || password === undefined) return errors;
        replacePassword(tx, account, password);
        return 'changed';
      });
      if (outcome === 'gone') throw unauthorized('the account of this X-Account-Token no longer exists');
      if (outcome !== 'changed') throw validationFailed(outcome);
      // The request's own token just died; the device is still attributed to the account.
      return served(ctx, { status: 204 }, id);
    },
  };
}
