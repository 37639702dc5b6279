// RFCx's token checks without a socket: an invite code split as RFCx splits it.

import { describe, expect, it } from 'vitest';
import { splitInviteCode } from '../../../src/providers/rfcx/token-checks.js';

// rfcx-api auth-with-registration-token.js: the first half of the code is the invite's guid, the second its secret.
describe('splitInviteCode', () => {
  it.each([
    ['ab12cd34', { guid: 'ab12', secret: 'cd34' }],
    ['AB12CD34', { guid: 'ab12', secret: 'cd34' }],
    ['abc', { guid: 'a', secret: 'bc' }],
    ['cd34', { guid: 'cd', secret: '34' }],
    ['x', { guid: '', secret: 'x' }],
  ])('%s → %j', (code, want) => {
    expect(splitInviteCode(code)).toEqual(want);
  });
});
