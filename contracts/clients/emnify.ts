// An emnify client as a fleet app would write it: credentials → JWT, bearer calls, refresh after TokenExpired, app tokens.

import type { components, paths } from '../../src/generated/openapi.js';

type Schemas = components['schemas'];
export type EmnifyEndpoint = Schemas['EmnifyEndpoint'];
export type EmnifyApplicationToken = Schemas['EmnifyApplicationToken'];
export type EmnifyAuthTokens = Schemas['EmnifyAuthTokens'];
type AuthenticateBody = paths['/emnify/api/v1/authenticate']['post']['requestBody']['content']['application/json'];
type CreateTokenBody = paths['/emnify/api/v1/application_token']['post']['requestBody']['content']['application/json'];
type EndpointQuery = NonNullable<paths['/emnify/api/v1/endpoint']['get']['parameters']['query']>;

export interface EmnifyClientOptions {
  /** `https://cdn.emnify.net` in production; authmock: `http://127.0.0.1:4010/emnify`. */
  baseUrl: string;
  fetch?: typeof fetch;
}

/** A refused call with emnify's `error_code` (1101 InvalidCredentials, 1102 InvalidToken, 1103 TokenExpired, 1105 TooManyRequests). */
export class EmnifyApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: number | undefined,
    readonly errorToken: string | undefined,
    readonly retryAfterSeconds: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'EmnifyApiError';
  }

  /** The auth_token ran out: authenticate again (refresh token or application token) and retry. */
  get tokenExpired(): boolean {
    return this.status === 401 && this.errorCode === 1103;
  }
}

export interface EndpointPage {
  endpoints: EmnifyEndpoint[];
  totalPages: number;
  totalCount: number;
  /** `X-Sort`: the field the list is sorted by (emnify sends `id`), or null when absent. */
  sort: string | null;
}

export interface EmnifyClient {
  authenticate(body: AuthenticateBody): Promise<EmnifyAuthTokens>;
  loginWithPassword(username: string, passwordSha1: string): Promise<Required<EmnifyAuthTokens>>;
  loginWithApplicationToken(applicationToken: string): Promise<string>;
  refresh(refreshToken: string): Promise<string>;
  listEndpoints(authToken: string, page?: EndpointQuery): Promise<EndpointPage>;
  listApplicationTokens(authToken: string): Promise<EmnifyApplicationToken[]>;
  createApplicationToken(authToken: string, body: CreateTokenBody): Promise<string>;
  revokeApplicationToken(authToken: string, id: number): Promise<void>;
}

export function createEmnifyClient(options: EmnifyClientOptions): EmnifyClient {
  const doFetch = options.fetch ?? fetch;

  async function send(method: string, path: string, init: { authToken?: string; json?: unknown } = {}): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (init.authToken !== undefined) headers['Authorization'] = `Bearer ${init.authToken}`;
    if (init.json !== undefined) headers['Content-Type'] = 'application/json';
    const res = await doFetch(`${options.baseUrl}/api/v1${path}`, { method, headers, body: init.json === undefined ? undefined : JSON.stringify(init.json) });
    if (res.ok) return res;
    const body = (await res.json().catch(() => ({}))) as Partial<Schemas['EmnifyError']>;
    const retryAfter = res.headers.get('retry-after');
    throw new EmnifyApiError(res.status, body.error_code, body.error_token, retryAfter === null ? undefined : Number(retryAfter), body.message ?? `emnify answered ${res.status}`);
  }

  const client: EmnifyClient = {
    async authenticate(body) {
      return (await (await send('POST', '/authenticate', { json: body })).json()) as EmnifyAuthTokens;
    },
    async loginWithPassword(username, passwordSha1) {
      const tokens = await client.authenticate({ username, password: passwordSha1 });
      if (tokens.refresh_token === undefined) throw new Error('emnify returned no refresh_token for a password login');
      return { auth_token: tokens.auth_token, refresh_token: tokens.refresh_token };
    },
    async loginWithApplicationToken(applicationToken) {
      return (await client.authenticate({ application_token: applicationToken })).auth_token;
    },
    async refresh(refreshToken) {
      return (await client.authenticate({ refresh_token: refreshToken })).auth_token;
    },
    async listEndpoints(authToken, page = {}) {
      const query = new URLSearchParams();
      if (page.page !== undefined) query.set('page', String(page.page));
      if (page.per_page !== undefined) query.set('per_page', String(page.per_page));
      const res = await send('GET', `/endpoint${query.size > 0 ? `?${query}` : ''}`, { authToken });
      return {
        endpoints: (await res.json()) as EmnifyEndpoint[],
        totalPages: Number(res.headers.get('x-total-pages') ?? '1'),
        totalCount: Number(res.headers.get('x-total-count') ?? '0'),
        sort: res.headers.get('x-sort'),
      };
    },
    async listApplicationTokens(authToken) {
      return (await (await send('GET', '/application_token', { authToken })).json()) as EmnifyApplicationToken[];
    },
    async createApplicationToken(authToken, body) {
      return ((await (await send('POST', '/application_token', { authToken, json: body })).json()) as Schemas['EmnifyCreatedApplicationToken']).application_token;
    },
    async revokeApplicationToken(authToken, id) {
      await send('PATCH', `/application_token/${id}`, { authToken, json: { status: { id: 1 } } });
    },
  };
  return client;
}

/**
 * Call `fn` with the current auth_token; on 1103 TokenExpired get a new one with the refresh token and retry once
 * (the official SDK retries without limit, which is why authmock never answers 401 to a token it just issued).
 */
export async function withFreshToken<T>(
  client: EmnifyClient,
  tokens: { auth_token: string; refresh_token: string },
  fn: (authToken: string) => Promise<T>,
): Promise<T> {
  try {
    return await fn(tokens.auth_token);
  } catch (error) {
    if (!(error instanceof EmnifyApiError) || !error.tokenExpired) throw error;
    tokens.auth_token = await client.refresh(tokens.refresh_token);
    return fn(tokens.auth_token);
  }
}
