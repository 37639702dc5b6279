// An RFCx client as the guardian and companion apps would write it: `type/guid` identity plus token on every request.

import type { components, paths } from '../../src/generated/openapi.js';

type Schemas = components['schemas'];
/** The person login answers (its `tokens` taken apart into credentials). */
export type RfcxUser = Omit<Schemas['RfcxLoggedInUser'], 'tokens'>;
export type RfcxSoftwareRelease = Schemas['RfcxSoftwareRelease'];
type LoginBody = paths['/rfcx/v1/users/login']['post']['requestBody']['content']['application/json'];
type RegisterBody = paths['/rfcx/v2/guardians/register']['post']['requestBody']['content']['application/json'];
type SoftwareRole = paths['/rfcx/v1/guardians/{guid}/software/{role}']['get']['parameters']['path']['role'];

export interface RfcxClientOptions {
  /** The RFCx API root in production; authmock: `http://127.0.0.1:4010/rfcx`. */
  baseUrl: string;
  fetch?: typeof fetch;
}

/** Who is calling and the proof: `x-auth-user: <type>/<guid>`, `x-auth-token: <token>`. */
export interface RfcxCredentials {
  user: string;
  token: string;
}

/** A refused call. RFCx says nothing on 401 (plain `Unauthorized`); other refusals carry a JSON `message`. */
export class RfcxApiError extends Error {
  constructor(
    readonly status: number,
    readonly serverMessage: string | undefined,
  ) {
    super(`RFCx answered ${status}${serverMessage ? `: ${serverMessage}` : ''}`);
    this.name = 'RfcxApiError';
  }
}

export const guardianCredentials = (guid: string, token: string): RfcxCredentials => ({ user: `guardian/${guid}`, token });

export interface RfcxClient {
  login(email: string, password: string, extended?: boolean): Promise<{ user: RfcxUser; credentials: RfcxCredentials; expiresAt: Date }>;
  /** Resolves to how many tokens the server removed. */
  logout(credentials: RfcxCredentials): Promise<number>;
  /** Register (or re-register) a guardian with an invite code, sent whole as `x-auth-user: register` + `x-auth-token: <code>`. */
  registerGuardian(
    inviteCode: string,
    guardian: { guid: string; shortname?: string; pinCode?: string },
  ): Promise<{ name: string; pinCode: string; mqttHost: string; smsAddress: string; credentials: RfcxCredentials }>;
  checkin(credentials: RfcxCredentials, guid: string, meta?: string): Promise<{ checkinId: string; receivedAt: Date }>;
  software(credentials: RfcxCredentials, guid: string, role: SoftwareRole): Promise<RfcxSoftwareRelease[]>;
  ping(credentials: RfcxCredentials, guid: string, battery?: number): Promise<void>;
}

export function createRfcxClient(options: RfcxClientOptions): RfcxClient {
  const doFetch = options.fetch ?? fetch;

  async function send<T>(method: string, path: string, init: { credentials?: RfcxCredentials; json?: unknown } = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (init.credentials) {
      headers['x-auth-user'] = init.credentials.user;
      headers['x-auth-token'] = init.credentials.token;
    }
    let body: string | undefined;
    if (init.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(init.json);
    } else if (method === 'POST') {
      body = '';
    }
    const res = await doFetch(`${options.baseUrl}${path}`, { method, headers, body });
    const text = await res.text();
    if (!res.ok) {
      let message: string | undefined;
      try {
        message = (JSON.parse(text) as { message?: string }).message;
      } catch {
        message = undefined; // the plain `Unauthorized`
      }
      throw new RfcxApiError(res.status, message);
    }
    return JSON.parse(text) as T;
  }

  const guardianPath = (guid: string): string => `/guardians/${encodeURIComponent(guid)}`;

  return {
    async login(email, password, extended = false) {
      const body: LoginBody = { email, password, ...(extended ? { extended_expiration: 1 as const } : {}) };
      const [user] = await send<Schemas['RfcxLoginResponse']>('POST', '/v1/users/login', { json: body });
      const token = user?.tokens[0];
      if (!user || !token) throw new RfcxApiError(200, 'the login answer holds no user token');
      const { tokens: _tokens, ...person } = user;
      return {
        user: person,
        credentials: { user: `user/${user.guid}`, token: token.token },
        expiresAt: new Date(token.token_expires_at),
      };
    },
    async logout(credentials) {
      return (await send<Schemas['RfcxLogoutResponse']>('POST', '/v1/users/logout', { credentials })).tokens_removed;
    },
    async registerGuardian(inviteCode, guardian) {
      const credentials = { user: 'register', token: inviteCode };
      const body: RegisterBody = {
        guid: guardian.guid,
        ...(guardian.shortname ? { shortname: guardian.shortname } : {}),
        ...(guardian.pinCode ? { pin_code: guardian.pinCode } : {}),
      };
      const registered = await send<Schemas['RfcxRegisteredGuardian']>('POST', '/v2/guardians/register', { credentials, json: body });
      return {
        name: registered.name,
        pinCode: registered.pin_code,
        mqttHost: registered.api_mqtt_host,
        smsAddress: registered.api_sms_address,
        credentials: guardianCredentials(registered.guid, registered.token),
      };
    },
    async checkin(credentials, guid, meta) {
      const receipt = await send<Schemas['RfcxCheckinReceipt']>('POST', `/v1${guardianPath(guid)}/checkins`, {
        credentials,
        ...(meta === undefined ? {} : { json: { meta } }),
      });
      return { checkinId: receipt.checkin_id, receivedAt: new Date(receipt.received_at) };
    },
    software(credentials, guid, role) {
      return send<RfcxSoftwareRelease[]>('GET', `/v1${guardianPath(guid)}/software/${role}`, { credentials });
    },
    async ping(credentials, guid, battery) {
      await send<Schemas['RfcxPingReceipt']>('POST', `/v2${guardianPath(guid)}/pings`, {
        credentials,
        ...(battery === undefined ? {} : { json: { battery } }),
      });
    },
  };
}
