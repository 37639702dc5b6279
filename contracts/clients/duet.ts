// A Duet API client as an iOS team would write it: application token on every call, Rails-style forms, account token after sign-in.

import type { components, paths } from '../../src/generated/openapi.js';

type Schemas = components['schemas'];
export type DuetAccount = Schemas['DuetAccount'];
export type DuetPrivacy = Schemas['DuetPrivacy'];
export type DuetFieldErrors = Schemas['DuetValidationErrors']['errors'];
type SignInForm = NonNullable<paths['/duet/1/account/sign_in']['post']['requestBody']>['content']['application/x-www-form-urlencoded'];
type CreateAccountForm = NonNullable<paths['/duet/1/account']['post']['requestBody']>['content']['application/x-www-form-urlencoded'];
type UpdateAccountForm = NonNullable<paths['/duet/1/account/update']['post']['requestBody']>['content']['application/x-www-form-urlencoded'];
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

type Scoped = Record<string, Record<string, string | undefined> | undefined>;

/** Rails-style form fields: `{account:{email}}` → `account[email]=...`. */
function toForm(fields: Scoped): string {
  const form = new URLSearchParams();
  for (const [scope, values] of Object.entries(fields)) {
    for (const [name, value] of Object.entries(values ?? {})) if (value !== undefined) form.append(`${scope}[${name}]`, value);
  }
  return form.toString();
}

/** The same fields as `multipart/form-data`, with a file part for the image. */
function toMultipart(fields: Scoped, image: DuetImageFile): FormData {
  const data = new FormData();
  for (const [scope, values] of Object.entries(fields)) {
    for (const [name, value] of Object.entries(values ?? {})) if (value !== undefined) data.append(`${scope}[${name}]`, value);
  }
  data.append('account[image]', new Blob([image.bytes], { type: image.type }), image.filename);
  return data;
}

/** A png, jpg or gif to upload as `account[image]`. */
export interface DuetImageFile {
  filename: string;
  type: string;
  bytes: Uint8Array;
}

export interface NewDuetAccount {
  firstName: string;
  email: string;
  password: string;
  phone: string;
  lastName?: string;
  image?: DuetImageFile;
}

export interface DuetClient {
  /** `GET /1`: checks the application token; resolves to the welcome text. */
  testApplication(): Promise<string>;
  /** `POST /1/account`: multipart when there is an image, a form otherwise. Does not sign in. */
  createAccount(input: NewDuetAccount): Promise<DuetAccount>;
  /** Resolves to the account's `authentication_token` (for `X-Account-Token`); `login` is the email or the phone. */
  signIn(login: string, password: string): Promise<string>;
  getAccount(accountToken: string): Promise<DuetAccount>;
  updateAccount(accountToken: string, changes: { firstName?: string; email?: string; phone?: string }): Promise<DuetAccount>;
  setImage(accountToken: string, image: DuetImageFile): Promise<DuetAccount>;
  changePassword(accountToken: string, input: { password: string; passwordConfirmation: string }): Promise<DuetAccount>;
  getPrivacy(accountToken: string): Promise<DuetPrivacy>;
  setPrivacy(accountToken: string, settings: { maximumPrivacy?: boolean; promenadeSharing?: boolean }): Promise<DuetPrivacy>;
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

  async function send(method: string, path: string, init: { accountToken?: string; form?: string; multipart?: FormData } = {}): Promise<Response> {
    const res = await doFetch(`${options.baseUrl}/1${path}`, {
      method,
      // fetch writes the multipart Content-Type itself, with its boundary.
      headers: headers(init.accountToken, init.form !== undefined),
      body: init.multipart ?? init.form,
    });
    if (res.ok) return res;
    let fieldErrors: DuetFieldErrors | undefined;
    if (res.status === 422) fieldErrors = ((await res.json()) as Schemas['DuetValidationErrors']).errors;
    throw new DuetApiError(res.status, fieldErrors);
  }
  const account = async (res: Response): Promise<DuetAccount> => (await res.json()) as DuetAccount;
  const bit = (value: boolean | undefined): string | undefined => (value === undefined ? undefined : value ? '1' : '0');

  return {
    async testApplication() {
      return (await send('GET', '')).text();
    },
    async createAccount(input) {
      const fields: CreateAccountForm = {
        account: { first_name: input.firstName, email: input.email, password: input.password, phone: input.phone, last_name: input.lastName },
      };
      const body = input.image ? { multipart: toMultipart(fields, input.image) } : { form: toForm(fields) };
      return account(await send('POST', '/account', body));
    },
    async signIn(login, password) {
      const fields: SignInForm = { account: { login, password } };
      const res = await send('POST', '/account/sign_in', { form: toForm(fields) });
      // Duet's docs show the token wrapped in `account` on the sign-in page and bare in `_config.yml`: read both.
      const body = (await res.json()) as Schemas['DuetSignInResponse'];
      return 'account' in body ? body.account.authentication_token : body.authentication_token;
    },
    async getAccount(accountToken) {
      return account(await send('GET', '/account', { accountToken }));
    },
    async updateAccount(accountToken, changes) {
      const fields: UpdateAccountForm = { account: { first_name: changes.firstName, email: changes.email, phone: changes.phone } };
      return account(await send('POST', '/account/update', { accountToken, form: toForm(fields) }));
    },
    async setImage(accountToken, image) {
      return account(await send('POST', '/account/image', { accountToken, multipart: toMultipart({}, image) }));
    },
    async changePassword(accountToken, input) {
      const fields: ChangePasswordForm = { account: { password: input.password, password_confirmation: input.passwordConfirmation } };
      return account(await send('POST', '/account/change_password', { accountToken, form: toForm(fields) }));
    },
    async getPrivacy(accountToken) {
      return (await (await send('GET', '/account/privacy', { accountToken })).json()) as DuetPrivacy;
    },
    async setPrivacy(accountToken, settings) {
      const form = toForm({ account: { maximum_privacy: bit(settings.maximumPrivacy), promenade_sharing: bit(settings.promenadeSharing) } });
      return (await (await send('POST', '/account/privacy', { accountToken, form })).json()) as DuetPrivacy;
    },
  };
}
