// emnify's strict input parsing (pure): CIDR ranges, address matching, expiry dates.

import { describe, expect, it } from 'vitest';
import { cidrContains, parseCidr, parseExpiry } from '../../../src/providers/emnify/inputs.js';

describe('parseCidr', () => {
  it.each([
    ['0.0.0.0/0', 4, 0],
    ['192.0.2.0/24', 4, 24],
    ['255.255.255.255/32', 4, 32],
    ['::/0', 6, 0],
    ['::1/128', 6, 128],
    ['2001:db8::/32', 6, 32],
    ['fe80::1:2:3:4/64', 6, 64],
    ['::ffff:192.0.2.1/128', 6, 128],
    ['2001:0db8:0000:0000:0000:0000:0000:0001/128', 6, 128],
  ])('accepts %s', (text, version, prefix) => {
    expect(parseCidr(text)).toMatchObject({ version, prefix });
  });

  it.each([
    '10.0.0.1', '10.0.0.0/33', '10.0.0.256/24', '10.0.0/8', '10.0.0.0.0/8', '010.0.0.0/8', '10.0.0.0/08', '10.0.0.0/',
    '/8', 'fe80::/129', 'fe80:::1/64', '1::2::3/64', '1:2:3:4:5:6:7:8:9/64', '12345::/16', 'g::/16', 'fe80::1%eth0/64',
    ' 10.0.0.0/8', 'localhost/8', '',
  ])('refuses %j', (text) => {
    expect(parseCidr(text)).toBeNull();
  });
});

describe('cidrContains', () => {
  it.each([
    ['127.0.0.0/8', '127.0.0.1', true],
    ['127.0.0.0/8', '::ffff:127.0.0.1', true],
    ['127.0.0.1/32', '127.0.0.2', false],
    ['10.0.0.0/8', '127.0.0.1', false],
    ['0.0.0.0/0', '203.0.113.9', true],
    ['::1/128', '::1', true],
    ['::1/128', '127.0.0.1', false],
    ['2001:db8::/32', '2001:db8:ffff::1', true],
    ['2001:db8::/32', '2001:db9::1', false],
  ])('%s contains %s: %s', (cidr, remote, want) => {
    expect(cidrContains(parseCidr(cidr)!, remote)).toBe(want);
  });

  it('refuses an unknown remote address', () => {
    expect(cidrContains(parseCidr('0.0.0.0/0')!, undefined)).toBe(false);
  });
});

describe('parseExpiry', () => {
  it.each([
    ['2021-10-29', '2021-10-29T23:59:59.999Z'],
    ['2024-02-29', '2024-02-29T23:59:59.999Z'],
    ['2030-01-01T12:00:00Z', '2030-01-01T12:00:00.000Z'],
    ['2030-01-01T12:00:00.5+02:00', '2030-01-01T10:00:00.500Z'],
  ])('%s → %s', (text, iso) => {
    expect(new Date(parseExpiry(text)!).toISOString()).toBe(iso);
  });

  it.each(['2023-02-29', '2030-13-01', '2030-00-10', '2030-1-1', 'tomorrow', '2030-01-01T24:00:00Z', '2030-01-01T12:00:00', '2030-01-01 12:00:00Z', '1969-12-31', '2030-01-01T12:00:00+25:00'])(
    'refuses %j',
    (text) => {
      expect(parseExpiry(text)).toBeNull();
    },
  );
});
