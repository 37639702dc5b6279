// The command line a newcomer types: a misspelt option is answered with the nearest real one.

import { describe, expect, it } from 'vitest';
import { parseConfig, UsageError } from '../src/config.js';

describe('unknown options', () => {
  it.each([
    ['--prot', '--port'],
    ['--fixture', '--fixtures'],
    ['--tls-crt', '--tls-cert'],
    ['--log-levl', '--log-level'],
    ['--adminToken', '--admin-token'],
  ])('%s: did you mean %s?', (typed, meant) => {
    expect(() => parseConfig(['serve', typed, 'x'], false)).toThrow(expect.objectContaining({ code: 'usage', message: expect.stringContaining(`did you mean '${meant}'?`) }));
  });

  it('names the option and guesses nothing when no option is near', () => {
    const error = (() => {
      try {
        parseConfig(['serve', '--zzzzqqq'], false);
      } catch (e) {
        return e as UsageError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(UsageError);
    expect(error?.message).toBe("unknown option '--zzzzqqq'");
  });

  it('suggests docs options for the docs command', () => {
    expect(() => parseConfig(['docs', '--ot', 'site'], false)).toThrow(expect.objectContaining({ message: expect.stringContaining("did you mean '--out'?") }));
  });
});

describe('--admin-token', () => {
  it('states the minimum length', () => {
    expect(() => parseConfig(['serve', '--admin-token', 'short'], false)).toThrow(expect.objectContaining({ message: '--admin-token must be at least 8 characters' }));
    expect(parseConfig(['serve', '--admin-token', '12345678'], false)).toMatchObject({ adminToken: '12345678' });
  });
});
