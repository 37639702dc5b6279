// Turn errors into responses: the provider's own wire format, or RFC 9457 problem+json where the mock owns the route.

import { MockError } from './errors.js';
import type { MockProblem, MockResponse, OperationOwner } from './types.js';

export const PROBLEM_JSON = 'application/problem+json';

export function problemResponse(error: MockError, instance?: string): MockResponse {
  return {
    status: error.status,
    headers: { ...error.headers },
    contentType: PROBLEM_JSON,
    body: {
      type: `urn:authmock:problem:${error.code}`,
      title: error.title,
      status: error.status,
      detail: error.message,
      code: error.code,
      ...(instance ? { instance } : {}),
    },
  };
}

export function errorResponse(error: MockError, provider: OperationOwner | undefined, instance?: string): MockResponse {
  if (!provider) return problemResponse(error, instance);
  const rendered = provider.renderError(error);
  return { ...rendered, headers: { ...error.headers, ...rendered.headers } };
}

export const toProblem = (error: MockError): MockProblem => ({
  code: error.code,
  detail: error.message,
  ...(error.pointer ? { pointer: error.pointer } : {}),
});

const MAX_HEADER = 2048;

/**
 * X-Mock-Problem: compact JSON, ASCII only (anything else \u-escaped, so no CR/LF or non-Latin-1 can reach the wire).
 * The first problem is the headline; further ones travel in `more`.
 */
export function problemHeader(problems: ReadonlyArray<MockProblem>): string | undefined {
  const [first, ...rest] = problems;
  if (!first) return undefined;
  const value = rest.length > 0 ? { ...first, more: rest } : first;
  let text = JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (text.length > MAX_HEADER) text = JSON.stringify({ code: first.code, detail: first.detail.slice(0, 512), truncated: true }).replace(/[^\x20-\x7e]/g, '?');
  return text;
}
