// A Duet API client as an iOS team would write it: application token on every call, Rails-style forms, account token after sign-in.

import type { components, paths } from '../../src/generated/openapi.js';

type Schemas = components['schemas'];
export type DuetAccount = Schemas['DuetAccount'];
export type DuetFieldErrors = Schemas['DuetValidationErrors']['errors'];
type SignInForm = paths['/duet/1/account/sign_in']['post']['requestBody']['content']['application/x-www-form-urlencoded'];
type CreateAccountForm = paths['/duet/1/account']['post']['requestBody']['content']['application/x-www-form-urlencoded'];
type ChangePasswordForm = paths['/duet/1/account/change_password']['post']['requestBody']['content']['application/x-www-form-urlencoded'];

/** The informational headers Duet asks every app to send (all optional). */
export interface DuetDeviceInfo {
  identifier?: string;
  /** 64 upper-case hex characters; leave out when the user opted out of push. */
  pushToken?: string;
  softwareVersion?: string;
  latitude?: number;
  longitude?: number;
  language?: string;
}

export interface DuetClientOptions {
  /** `https://api.duet.me` in production; authmock: `http://127.0.0.1:4010/duet`. */
  baseUrl: string;
  /** The token the Duet team issued to this app and version. */
  applicationToken: string;
  device?: DuetDeviceInfo;
  fetch?: typeof fetch;
}

/** A refused call: `status` 401 (bad token or credentials; the body says nothing) or 422 with `fieldErrors`. */
export class DuetApiError extends Error {
  constructor(
    readonly status: number,
    readonly fieldErrors: DuetFieldErrors | undefined,
  ) {
    super(status === 401 ? 'Duet refused the credentials (401)' : `Duet answered ${status}${fieldErrors ? `: ${JSON.stringify(fieldErrors)}` : ''}`);
    this.name = 'DuetApiError';
  }
}

/** Rails-style form fields: `{account:{login}}` → `account[login]=...`. */
function toForm(fields: Record<string, Record<string, string | undefined>>): string {
  const form = new URLSearchParams();
  for (const [scope, values] of Object.entries(fields)) {
    for (const [name, value] of Object.entries(values)) if (value !== undefined) form.append(`${scope}[${name}]`, value);
  }
  return form.toString();
}

export interface DuetClient {
  /** `GET /1`: checks the application token; resolves to the welcome text. */
  testApplication(): Promise<string>;
  createAccount(input: { login: string; password: string; passwordConfirmation?: string; name?: string }): Promise<DuetAccount>;
  /** Resolves to the account's `authentication_token` (for `X-Account-Token`). */
  signIn(login: string, password: string): Promise<string>;
  getAccount(accountToken: string): Promise<DuetAccount>;
  changePassword(accountToken: string, input: { currentPassword: string; password: string; passwordConfirmation: string }): Promise<void>;
}

export function createDuetClient(options: DuetClientOptions): DuetClient {
  const doFetch = options.fetch ?? fetch;
  const device = options.device ?? {};

  function headers(accountToken?: string, form = false): Record<string, string> {
    const h: Record<string, string> = { Accept: 'application/json', 'X-Application-Token': options.applicationToken };
    if (accountToken !== undefined) h['X-Account-Token'] = accountToken;
    if (form) h['Content-Type'] = 'application/x-www-form-urlencoded';
    if (device.identifier) h['X-Device-Identifier'] = device.identifier;
    if (device.pushToken) h['X-Device-Push-Token'] = device.pushToken;
    if (device.softwareVersion) h['X-Device-Software-Version'] = device.softwareVersion;
    if (device.latitude !== undefined) h['X-Location-Lat'] = String(device.latitude);
    if (device.longitude !== undefined) h['X-Location-Long'] = String(device.longitude);
    if (device.language) h['X-Device-Language'] = device.language;
    return h;
  }

  async function send(method: string, path: string, init: { accountToken?: string; form?: string } = {}): Promise<Response> {
    const res = await doFetch(`${options.baseUrl}/1${path}`, { method, headers: headers(init.accountToken, init.form !== undefined), body: init.form });
    if (res.ok) return res;
    let fieldErrors: DuetFieldErrors | undefined;
    if (res.status === 422) fieldErrors = ((await res.json()) as Schemas['DuetValidationErrors']).errors;
    throw new DuetApiError(res.status, fieldErrors);
  }

  return {
    async testApplication() {
      return (await send('GET', '')).text();
    },
    async createAccount(input) {
      const account: CreateAccountForm['account'] = { login: input.login, password: input.password };
      if (input.passwordConfirmation !== undefined) account.password_confirmation = input.passwordConfirmation;
      if (input.name !== undefined) account.name = input.name;
      const res = await send('POST', '/account', { form: toForm({ account }) });
      return ((await res.json()) as Schemas['DuetAccountResponse']).account;
    },
    async signIn(login, password) {
      const fields: SignInForm = { account: { login, password } };
      const res = await send('POST', '/account/sign_in', { form: toForm(fields) });
      return ((await res.json()) as Schemas['DuetSignInResponse']).account.authentication_token;
    },
    async getAccount(accountToken) {
      const res = await send('GET', '/account', { accountToken });
      return ((await res.json()) as Schemas['DuetAccountResponse']).account;
    },
    async changePassword(accountToken, input) {
      const fields: ChangePasswordForm = {
        account: { current_password: input.currentPassword, password: input.password, password_confirmation: input.passwordConfirmation },
      };
      await send('POST', '/account/change_password', { accountToken, form: toForm(fields) });
    },
  };
}
