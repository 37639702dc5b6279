// emnify on the wire: `{error_code, error_token, message}` (or `{message}` for a malformed bearer), the MockErrors
// behind it, and the fault problems `/__admin/faults` answers with.

import { MockError, type ProblemCode } from '../../engine/errors.js';
import type { MockResponse } from '../../engine/types.js';
import type { FaultProblems } from '../provider.js';
import type { EndedToken } from './records.js';

export interface EmnifyErrorMeta {
  errorCode: number;
  errorToken: string;
  /** What the body says; the specific reason stays in the MockError message (X-Mock-Problem). */
  publicMessage: string;
}

const KNOWN = {
  1101: ['InvalidCredentials', 'Invalid credentials'],
  1102: ['InvalidToken', 'Invalid token'],
  1103: ['TokenExpired', 'Token expired'],
  1104: ['Forbidden', 'Forbidden'],
  1105: ['TooManyRequests', 'Too many failed login attempts, please try again later'],
} as const;

export type EmnifyAuthCode = keyof typeof KNOWN;

const CODE_FOR: Partial<Record<ProblemCode, EmnifyAuthCode>> = {
  'auth.missing': 1102,
  'auth.invalid': 1102,
  'auth.malformed': 1102,
  'auth.revoked': 1102,
  'auth.exhausted': 1102,
  'auth.expired': 1103,
  'auth.forbidden': 1104,
  'auth.rate_limited': 1105,
};

const TOKEN_FOR_STATUS: Readonly<Record<number, string>> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  411: 'LengthRequired',
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
  422: 'ValidationError',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  503: 'ServiceUnavailable',
};

/** An authentication failure with emnify's numeric code (1101..1105). */
export function emnifyAuthError(code: ProblemCode, emnifyCode: EmnifyAuthCode, detail: string, headers?: Record<string, string>): MockError {
  const [errorToken, publicMessage] = KNOWN[emnifyCode];
  const meta: EmnifyErrorMeta = { errorCode: emnifyCode, errorToken, publicMessage };
  return new MockError(code, detail, { meta: { ...meta }, ...(headers ? { headers } : {}) });
}

export const SEGMENTS_MESSAGE = 'token contains an invalid number of segments';

/** The one emnify answer that is not in the usual shape: a bearer that is not three dot-separated parts. */
export const malformedBearer = (): MockError => new MockError('auth.malformed', SEGMENTS_MESSAGE, { meta: { emnifyBody: 'message' } });

export const validationError = (detail: string, pointer: string): MockError => new MockError('validation.failed', detail, { status: 422, pointer });

export const notFound = (detail: string): MockError => new MockError('state.not_found', detail, { status: 404 });

export function renderEmnifyError(error: MockError): MockResponse {
  const headers = { ...error.headers };
  if (error.meta['emnifyBody'] === 'message') return { status: error.status, headers, body: { message: error.message } };
  const meta = error.meta as Partial<EmnifyErrorMeta>;
  if (typeof meta.errorCode === 'number' && typeof meta.errorToken === 'string') {
    return { status: error.status, headers, body: { error_code: meta.errorCode, error_token: meta.errorToken, message: meta.publicMessage ?? error.message } };
  }
  const authCode = error.status === 401 || error.status === 403 || error.status === 429 ? CODE_FOR[error.code] : undefined;
  if (authCode !== undefined) {
    const [errorToken, publicMessage] = KNOWN[authCode];
    return { status: error.status, headers, body: { error_code: authCode, error_token: errorToken, message: publicMessage } };
  }
  return {
    status: error.status,
    headers,
    body: { error_code: error.status, error_token: TOKEN_FOR_STATUS[error.status] ?? 'Error', message: error.message },
  };
}

/** The error a bearer JWT ended by the admin API answers: 1103 TokenExpired, or 1102 InvalidToken once revoked. */
export const endedBearerError = (how: EndedToken): MockError =>
  how === 'expire' ? emnifyAuthError('auth.expired', 1103, 'the auth_token has expired (ended by /__admin/credentials/expire)') : emnifyAuthError('auth.revoked', 1102, 'the auth_token was revoked');

/** On /authenticate every refused credential is 1101 InvalidCredentials; elsewhere the bearer codes 1102..1105. */
export const emnifyFaultProblems: FaultProblems = {
  'auth.missing': (detail) => emnifyAuthError('auth.missing', 1102, detail || 'this route needs an emnify bearer token'),
  'auth.invalid': (detail, op) => emnifyAuthError('auth.invalid', op.operationId === 'emnifyAuthenticate' ? 1101 : 1102, detail || 'credentials refused'),
  'auth.expired': (detail, op) => emnifyAuthError('auth.expired', op.operationId === 'emnifyAuthenticate' ? 1101 : 1103, detail || 'the token has expired'),
  'auth.revoked': (detail, op) => emnifyAuthError('auth.revoked', op.operationId === 'emnifyAuthenticate' ? 1101 : 1102, detail || 'the token was revoked'),
  'auth.forbidden': (detail) => emnifyAuthError('auth.forbidden', 1104, detail || 'not allowed for this token'),
  'auth.rate_limited': (detail) =>
    emnifyAuthError('auth.rate_limited', 1105, detail || 'too many failed logins in a row', { 'Retry-After': '300' }),
};
