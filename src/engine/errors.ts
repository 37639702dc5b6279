// One error class for everything the mock refuses, with a stable code from one table (no message matching).

export const problemTable = {
  'route.not_found': { status: 404, title: 'No such route' },
  'route.method_not_allowed': { status: 405, title: 'Method not allowed' },
  'request.body_too_large': { status: 413, title: 'Request body too large' },
  'request.body_malformed': { status: 400, title: 'Malformed request body' },
  'request.body_too_deep': { status: 400, title: 'Request body nested too deeply' },
  'request.body_missing': { status: 400, title: 'Request body required' },
  'request.body_invalid': { status: 400, title: 'Request body does not match the document' },
  'request.content_type': { status: 415, title: 'Unsupported content type' },
  'request.content_encoding': { status: 415, title: 'Unsupported content encoding' },
  'request.length_required': { status: 411, title: 'Content-Length required' },
  'request.parameter_invalid': { status: 400, title: 'Parameter does not match the document' },
  'request.parameter_repeated': { status: 400, title: 'Parameter repeated' },
  'request.header_invalid': { status: 400, title: 'Header value not allowed' },
  'request.not_acceptable': { status: 406, title: 'No documented media type is acceptable' },
  'request.prefer_unknown': { status: 400, title: 'Prefer names a response the document does not have' },
  'auth.missing': { status: 401, title: 'Credentials missing' },
  'auth.invalid': { status: 401, title: 'Credentials invalid' },
  'auth.malformed': { status: 401, title: 'Credentials malformed' },
  'auth.expired': { status: 401, title: 'Credentials expired' },
  'auth.revoked': { status: 401, title: 'Credentials revoked' },
  'auth.exhausted': { status: 401, title: 'Credentials used up' },
  'auth.conflict': { status: 400, title: 'Credentials given in more than one place' },
  'auth.forbidden': { status: 403, title: 'Credentials not allowed here' },
  'auth.rate_limited': { status: 429, title: 'Too many failed attempts' },
  'state.not_found': { status: 404, title: 'No such resource' },
  'state.conflict': { status: 409, title: 'Conflicting state' },
  'validation.failed': { status: 422, title: 'Validation failed' },
  'response.invalid': { status: 500, title: 'Response does not match the document' },
  'fault.injected': { status: 503, title: 'Fault injected by /__admin/faults' },
  'state.unwritable': { status: 503, title: 'State could not be written' },
  'admin.unauthorized': { status: 401, title: 'Admin token required' },
  'admin.limit': { status: 429, title: 'Limit reached' },
  'internal': { status: 500, title: 'Internal mock error' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof problemTable;

/** A warning that does not change the response: it only travels in X-Mock-Problem. */
export type WarningCode = 'warning.lenient_parameter' | 'warning.informational_header';

export interface MockErrorOptions {
  /** Overrides the table's status (a provider may answer 422 where the table says 400). */
  status?: number;
  /** JSON pointer into the request (or document) of what failed. */
  pointer?: string;
  /** Headers the provider's format needs, e.g. Retry-After. */
  headers?: Record<string, string>;
  /** Provider-specific detail that the wire format may use (e.g. a numeric error code, errors per field). */
  meta?: Readonly<Record<string, unknown>>;
}

export class MockError extends Error {
  readonly code: ProblemCode;
  readonly status: number;
  readonly pointer: string | undefined;
  readonly headers: Record<string, string>;
  readonly meta: Readonly<Record<string, unknown>>;

  constructor(code: ProblemCode, detail: string, options: MockErrorOptions = {}) {
    super(detail);
    this.name = 'MockError';
    this.code = code;
    this.status = options.status ?? problemTable[code].status;
    this.pointer = options.pointer;
    this.headers = options.headers ?? {};
    this.meta = options.meta ?? {};
  }

  get title(): string {
    return problemTable[this.code].title;
  }
}

export const isMockError = (value: unknown): value is MockError => value instanceof MockError;
