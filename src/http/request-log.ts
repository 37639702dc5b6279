// One request's log entry: what GET /__admin/requests keeps (secrets masked) and the line the terminal log prints.

import { maskSecret } from '../engine/secrets.js';
import type { HeaderBag, SecurityRequirement } from '../engine/types.js';

/** Headers whose values are always credentials, whatever the document says. */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);
/** Header or field names that read as secrets. */
const SECRET_NAME = /pass|secret|token|key|auth|session|code|credential|signature|otp/i;
/** Plain values a developer needs to see and that are never credentials: e-mail addresses and dates. */
const PLAIN_VALUE = /^(?:[^@\s]{1,64}@[^@\s]+\.[A-Za-z]{2,}|\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)$/;
/** Short strings are shown unless their field is secret-named: a token is longer than this. */
const SHORT = 12;
const MAX_BODY = 8 * 1024;

const joined = (value: string | string[]): string => (Array.isArray(value) ? value.join(', ') : value);

/** The request's headers as the log keeps them: credential and secret-named headers masked. */
export function maskHeaders(headers: HeaderBag, credentialHeaders: ReadonlySet<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined) continue;
    const text = joined(value);
    out[name] = SECRET_HEADERS.has(name) || credentialHeaders.has(name) || SECRET_NAME.test(name) ? maskSecret(text) : text;
  }
  return out;
}

/**
 * The request body as the log keeps it. A string is shown when its field is not secret-named and it is short, an
 * e-mail address or a date; anything else (a token pasted into `guid`, a password typed as the e-mail) is masked.
 */
export function maskBody(body: unknown): unknown {
  if (body === undefined || body === null) return null;
  if (Buffer.isBuffer(body)) return `[${body.length} bytes]`;
  const masked = maskValue(body, false, 0);
  const size = JSON.stringify(masked)?.length ?? 0;
  return size > MAX_BODY ? `[body of ${size} characters not kept]` : masked;
}

function maskValue(value: unknown, secretField: boolean, depth: number): unknown {
  if (typeof value === 'string') return secretField || (value.length > SHORT && !PLAIN_VALUE.test(value)) ? maskSecret(value) : value;
  if (depth > 16 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => maskValue(v, secretField, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = maskValue(v, secretField || SECRET_NAME.test(key), depth + 1);
  return out;
}

export interface LoggedCredential {
  scheme: string;
  value: string;
}

/** The header names that carry a credential for any scheme of these requirements (lower case). */
export function credentialHeaderNames(security: ReadonlyArray<SecurityRequirement>): Set<string> {
  const names = new Set<string>();
  for (const alternative of security) for (const s of alternative) if (s.in === 'header') names.add(s.paramName.toLowerCase());
  return names;
}

const cookieValue = (header: string | string[] | undefined, name: string): string | undefined => {
  if (header === undefined) return undefined;
  for (const part of joined(header).split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
};

/** The first credential the request carries for one of the operation's schemes, masked; null when none. */
export function findCredential(
  security: ReadonlyArray<SecurityRequirement>,
  headers: HeaderBag,
  query: Readonly<Record<string, string | string[] | undefined>>,
): LoggedCredential | null {
  for (const alternative of security) {
    for (const scheme of alternative) {
      let raw: string | string[] | undefined;
      if (scheme.in === 'header') raw = headers[scheme.paramName.toLowerCase()];
      else if (scheme.in === 'query') raw = query[scheme.paramName];
      else raw = cookieValue(headers['cookie'], scheme.paramName);
      if (raw === undefined || raw === '') continue;
      const text = joined(raw);
      const space = scheme.type === 'http' ? text.indexOf(' ') : -1;
      const value = space === -1 ? maskSecret(text) : `${text.slice(0, space)} ${maskSecret(text.slice(space + 1))}`;
      return { scheme: scheme.name, value };
    }
  }
  return null;
}

export interface RequestLine {
  method: string;
  path: string;
  status: number;
  duration_ms: number;
  operation_id: string | null;
  problem: string | null;
}

const COLOURS = { red: 31, green: 32, yellow: 33, cyan: 36, dim: 2 } as const;

/** The problem header's code and detail (the first problem; more are counted). */
export function problemParts(problem: string | null): { code: string; detail: string } | undefined {
  if (!problem) return undefined;
  try {
    const parsed = JSON.parse(problem) as { code?: unknown; detail?: unknown; more?: unknown[] };
    const more = Array.isArray(parsed.more) && parsed.more.length > 0 ? ` (+${parsed.more.length} more)` : '';
    return { code: String(parsed.code ?? ''), detail: `${String(parsed.detail ?? '')}${more}` };
  } catch {
    return { code: '', detail: problem };
  }
}

/**
 * `GET /base/v2/test 401 1.8ms getTest auth.expired: session idle for more than 5 minutes`:
 * one line per request, the status coloured by class when `colour` is on.
 */
export function formatRequestLine(line: RequestLine, colour: boolean): string {
  const paint = (code: number, text: string): string => (colour ? `\u001b[${code}m${text}\u001b[0m` : text);
  const statusColour = line.status >= 500 ? COLOURS.red : line.status >= 400 ? COLOURS.yellow : line.status >= 300 ? COLOURS.cyan : COLOURS.green;
  const problem = problemParts(line.problem);
  const parts = [
    printable(line.method),
    printable(line.path),
    paint(statusColour, String(line.status)),
    paint(COLOURS.dim, `${line.duration_ms < 10 ? line.duration_ms.toFixed(1) : Math.round(line.duration_ms)}ms`),
    line.operation_id ?? '-',
  ];
  if (problem) parts.push(paint(line.status >= 400 ? COLOURS.red : COLOURS.yellow, printable(`${problem.code}: ${problem.detail}`)));
  return parts.join(' ');
}

/** Control characters (a terminal's escape sequences among them) from a request never reach the terminal. */
export const printable = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
