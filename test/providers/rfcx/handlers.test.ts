// RFCx's handler rules without a socket: the login's extended_expiration.

import { describe, expect, it } from 'vitest';
import { isExtended } from '../../../src/providers/rfcx/handlers.js';

// Legacy login (rfcx-api noncore/v1/users/users.js before ed88c0ade): `parseInt(req.body.extended_expiration) === 1`.
describe('extended_expiration, read as JavaScript parseInt reads it', () => {
  it.each<[unknown, boolean]>([
    [1, true],
    ['1', true],
    [' 1', true],
    ['1.9', true],
    ['1abc', true],
    [1.5, true],
    ['0x1', true],
    [[1], true],
    [true, false],
    ['true', false],
    [0, false],
    ['01x', true],
    [2, false],
    ['', false],
    [null, false],
    [undefined, false],
    [{}, false],
    [[Object.create(null) as object], false],
  ])('%j → extended %s', (value, want) => {
    expect(isExtended(value)).toBe(want);
  });
});
