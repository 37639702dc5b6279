// The request's headers as the engine reads them: one value as a string, a repeated header as the list sent.

import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { toHeaderBag } from '../../src/http/request-state.js';

const request = (headersDistinct: Record<string, string[]>): IncomingMessage => ({ headersDistinct }) as unknown as IncomingMessage;

describe('toHeaderBag', () => {
  // As JSON text: JSON.parse makes `__proto__` an own key, as Node's header object does.
  it.each([
    ['one value', { given: '{"authorization":["Bearer a"]}', want: '{"authorization":"Bearer a"}' }],
    ['a repeated header', { given: '{"authorization":["Bearer a","Bearer b"]}', want: '{"authorization":["Bearer a","Bearer b"]}' }],
    ['headers named like object keys', { given: '{"constructor":["x"],"__proto__":["y","z"]}', want: '{"constructor":"x","__proto__":["y","z"]}' }],
  ])('%s', (_name, { given, want }) => {
    const bag = toHeaderBag(request(JSON.parse(given) as Record<string, string[]>));
    expect(Object.entries(bag)).toEqual(Object.entries(JSON.parse(want) as object));
  });

  it('inherits no names: a header never sent reads as undefined', () => {
    expect(toHeaderBag(request({})).toString).toBeUndefined();
  });
});
