// RFCx's path rules without a socket: the path under the mount, a guardian's own paths, allowed-path patterns.

import { describe, expect, it } from 'vitest';
import { compilePattern, createPathMatcher, guardianPathGuid, rfcxPath } from '../../../src/providers/rfcx/paths.js';

describe('paths', () => {
  it('strips the base path and the query', () => {
    expect(rfcxPath('/rfcx/v1/users/logout?x=1', '/rfcx')).toBe('/v1/users/logout');
    expect(rfcxPath('/rfcxx/v1', '/rfcx')).toBe('/rfcxx/v1');
  });

  // rfcx-api's auth-as-guardian.js: '^/v1/guardians/' + guid + '/checkins$', '.../software/[a-z]+$', '^/v2/.../pings$'.
  it.each([
    ['/v1/guardians/df72c626229f/checkins', 'df72c626229f'],
    ['/v1/guardians/df72c626229f/software/guardian', 'df72c626229f'],
    ['/v2/guardians/df72c626229f/software/updater', 'df72c626229f'],
    ['/v2/guardians/df72c626229f/pings', 'df72c626229f'],
    ['/v1/guardians/df72c626229f/checkins/', undefined],
    ['/v2/guardians/df72c626229f/pings/', undefined],
    ['/v1/guardians/df72c626229f/software/guardian/', undefined],
    ['/v1/guardians/df72c626229f/software/Guardian', undefined],
    ['/v1/guardians/df72c626229f/software/role2', undefined],
    ['/v2/guardians/df72c626229f/checkins', undefined],
    ['/v1/guardians/df72c626229f/pings', undefined],
    ['/v1/users/logout', undefined],
    ['/v1/guardians/df72c626229f%2Fx/checkins', 'df72c626229f%2Fx'],
  ])('guardian path %s names %s', (path, guid) => {
    expect(guardianPathGuid(path)).toBe(guid);
  });

  it.each([
    ['/v1/users/logout', '/v1/users/logout', true],
    ['/v1/users/*', '/v1/users/logout', true],
    ['/v1/users/*', '/v1/users/logout/more', false],
    ['/v1/**', '/v1/users/logout/more', true],
    ['/v1/guardians/*/checkins', '/v1/guardians/df72c626229f/checkins', true],
    ['/v1/users.me', '/v1/usersXme', false],
    ['^/v1/player/web', '/v1/player/web/anything', true],
    ['^/v1/player/web$', '/v1/player/web/anything', false],
  ])('pattern %s matches %s: %s', (pattern, path, want) => {
    expect(createPathMatcher()([pattern], path)).toBe(want);
  });

  it('an invalid regular expression matches nothing', () => {
    expect(compilePattern('^(')).toBeNull();
    expect(createPathMatcher()(['^('], '/v1/users/logout')).toBe(false);
  });
});
