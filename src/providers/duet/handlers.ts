// Duet's operations by operationId: test, create, sign in, account, update, image, change password, privacy.

import { MockError } from '../../engine/errors.js';
import type { Handler, HandlerContext, MockResponse } from '../../engine/types.js';
import type { WriteTx } from '../../world/store.js';
import {
  findAccountByLogin,
  insertAccount,
  passwordMatches,
  saveAccount,
  signInWrapper,
  toAccountObject,
  toSignInBody,
  withPassword,
  ACCOUNTS,
  type DuetAccount,
  type FieldErrors,
  type Profile,
} from './records.js';
import { noteDevice } from './devices.js';
import { JSON_TYPE, TEXT_TYPE } from './wire.js';
import { accountParams, castBoolean, checkImage, checkPassword, checkProfile, text, type PasswordRules } from './profile.js';


export interface DuetHandlerOptions extends PasswordRules {
  maxDevices: number;
}

export const validationFailed = (errors: FieldErrors): MockError =>
  new MockError('validation.failed', `invalid fields: ${Object.keys(errors).join(', ')}`, { meta: { errors } });

const unauthorized = (detail: string): MockError => new MockError('auth.invalid', detail);
const gone = (): MockError => unauthorized('the account of this X-Account-Token no longer exists');

function accountIdOf(ctx: HandlerContext): number {
  const principal = ctx.auth.principals.get('DuetAccountToken') as { accountId?: number } | undefined;
  if (typeof principal?.accountId !== 'number') throw new MockError('auth.missing', 'X-Account-Token is required on account-level methods');
  return principal.accountId;
}

type Change = (tx: WriteTx, account: DuetAccount, errors: FieldErrors) => DuetAccount;

export function createDuetHandlers(options: DuetHandlerOptions): Record<string, Handler> {
  const served = async (ctx: HandlerContext, response: MockResponse, accountId?: number): Promise<MockResponse> => {
    await noteDevice(ctx, options.maxDevices, accountId);
    return response;
  };
  const answer = (ctx: HandlerContext, body: unknown, accountId?: number): Promise<MockResponse> =>
    served(ctx, { status: 200, body, contentType: JSON_TYPE }, accountId);

  /** Check and change the signed-in account in one write: all the errors at once, or the change and the account object. */
  async function changeAccount(ctx: HandlerContext, change: Change): Promise<MockResponse> {
    const id = accountIdOf(ctx);
    const outcome = await ctx.world.store.write((tx): DuetAccount | FieldErrors | 'gone' => {
      const account = tx.get<DuetAccount>(ACCOUNTS, String(id));
      if (!account) return 'gone';
      const errors: FieldErrors = {};
      const next = change(tx, account, errors);
      if (Object.keys(errors).length > 0) return errors;
      saveAccount(tx, next, account);
      return next;
    });
    if (outcome === 'gone') throw gone();
    if (!('id' in outcome)) throw validationFailed(outcome as FieldErrors);
    return answer(ctx, toAccountObject(outcome as DuetAccount));
  }

  return {
    duetTestApplication: (ctx) => served(ctx, { status: 200, body: 'Welcome to the Duet API', contentType: TEXT_TYPE }),

    async duetCreateAccount(ctx) {
      const fields = accountParams(ctx.req.body);
      const password = text(fields, 'password');
      const now = ctx.world.clock.now();
      // Check and insert in one write: two parallel sign-ups for one email give one 200 and one 422.
      const result = await ctx.world.store.write((tx): DuetAccount | FieldErrors => {
        const errors: FieldErrors = {};
        const profile = checkProfile(tx, errors, fields, { creating: true }, () =>
          checkPassword(errors, password, text(fields, 'password_confirmation'), options),
        );
        const image = checkImage(errors, fields, false);
        if (Object.keys(errors).length > 0 || password === undefined) return errors;
        const account = insertAccount(tx, profile as Profile, password, now);
        if (!image) return account;
        const withImage = { ...account, image };
        saveAccount(tx, withImage, account);
        return withImage;
      });
      if (!('id' in result)) throw validationFailed(result as FieldErrors);
      const account = result as DuetAccount;
      return answer(ctx, toAccountObject(account), account.id);
    },

    async duetSignIn(ctx) {
      const fields = accountParams(ctx.req.body);
      const login = text(fields, 'login');
      const password = text(fields, 'password');
      // Devise: without both parameters the strategy does not run and the request fails like a wrong password.
      if (!login?.trim() || password === undefined) throw unauthorized('account[login] and account[password] are both needed');
      const found = await ctx.world.store.read((tx) => ({ account: findAccountByLogin(tx, login), wrapper: signInWrapper(tx) }));
      const { account } = found;
      if (!passwordMatches(account, password) || !account) throw unauthorized('login or password is wrong');
      return answer(ctx, toSignInBody(account.authenticationToken, found.wrapper), account.id);
    },

    async duetGetAccount(ctx) {
      const id = accountIdOf(ctx);
      const account = await ctx.world.store.read((tx) => tx.get<DuetAccount>(ACCOUNTS, String(id)));
      if (!account) throw gone();
      return answer(ctx, toAccountObject(account));
    },

    duetUpdateAccount: (ctx) =>
      changeAccount(ctx, (tx, account, errors) => {
        const profile = checkProfile(tx, errors, accountParams(ctx.req.body), { creating: false, accountId: account.id });
        return { ...account, ...profile };
      }),

    duetUpdateAccountImage: (ctx) =>
      changeAccount(ctx, (_tx, account, errors) => {
        const image = checkImage(errors, accountParams(ctx.req.body), true);
        return image ? { ...account, image } : account;
      }),

    duetChangePassword: (ctx) =>
      changeAccount(ctx, (_tx, account, errors) => {
        const fields = accountParams(ctx.req.body);
        const password = text(fields, 'password');
        // The page marks both parameters required: a missing confirmation does not match.
        checkPassword(errors, password, text(fields, 'password_confirmation') ?? '', options);
        return password === undefined ? account : withPassword(account, password);
      }),

    async duetGetPrivacy(ctx) {
      const id = accountIdOf(ctx);
      const account = await ctx.world.store.read((tx) => tx.get<DuetAccount>(ACCOUNTS, String(id)));
      if (!account) throw gone();
      return answer(ctx, account.privacy);
    },

    async duetUpdatePrivacy(ctx) {
      const id = accountIdOf(ctx);
      const fields = accountParams(ctx.req.body);
      const account = await ctx.world.store.write((tx) => {
        const current = tx.get<DuetAccount>(ACCOUNTS, String(id));
        if (!current) return undefined;
        const maximum = castBoolean(fields['maximum_privacy']) ?? current.privacy.maximum_privacy;
        // The page: with maximum_privacy set, promenade_sharing is false whatever was sent.
        const sharing = maximum ? false : (castBoolean(fields['promenade_sharing']) ?? current.privacy.promenade_sharing);
        const next: DuetAccount = { ...current, privacy: { promenade_sharing: sharing, maximum_privacy: maximum } };
        saveAccount(tx, next, current);
        return next;
      });
      if (!account) throw gone();
      return answer(ctx, account.privacy);
    },
  };
}
