// Body parsing: JSON with a depth cap, Rails-style forms, multipart, and refusal of prototype keys.

import { describe, expect, it } from 'vitest';
import { parseBody, parseMultipart, parseRailsForm } from '../../src/validation/parse-body.js';

const opts = { maxDepth: 8 };

describe('parseRailsForm', () => {
  it.each([
    ['account[login]=a%40b.c&account[password]=pw', { account: { login: 'a@b.c', password: 'pw' } }],
    ['tags[]=a&tags[]=b', { tags: ['a', 'b'] }],
    ['a=1&a=2', { a: ['1', '2'] }],
    ['user[address][city]=Oslo', { user: { address: { city: 'Oslo' } } }],
    ['plain=x+y', { plain: 'x y' }],
  ])('%s', (text, want) => {
    expect(JSON.parse(JSON.stringify(parseRailsForm(text, opts)))).toEqual(want);
  });

  it.each(['__proto__[x]=1', 'a[constructor][prototype]=1', 'a[__proto__]=1'])('refuses %s', (text) => {
    expect(() => parseRailsForm(text, opts)).toThrow(expect.objectContaining({ code: 'request.body_malformed' }));
  });

  it('refuses a field nested past the cap', () => {
    expect(() => parseRailsForm(`a${'[b]'.repeat(10)}=1`, opts)).toThrow(expect.objectContaining({ code: 'request.body_too_deep' }));
  });
});

describe('parseBody', () => {
  it('parses JSON and vendor +json alike', () => {
    expect(parseBody(Buffer.from('{"a":1}'), 'application/vnd.api+json; charset=utf-8', opts)).toEqual({ mediaType: 'application/vnd.api+json', value: { a: 1 } });
  });

  it('treats an empty body as no body', () => {
    expect(parseBody(Buffer.alloc(0), 'application/json', opts)).toBeUndefined();
  });

  it.each([
    ['truncated JSON', '{"a":', 'request.body_malformed'],
    ['nesting past the cap', '[[[[[[[[[[1]]]]]]]]]]', 'request.body_too_deep'],
    ['a nested __proto__ key', '{"a":{"__proto__":{"admin":true}}}', 'request.body_malformed'],
  ])('refuses %s', (_n, text, code) => {
    expect(() => parseBody(Buffer.from(text), 'application/json', opts)).toThrow(expect.objectContaining({ code }));
  });

  it('does not count brackets inside strings toward the depth', () => {
    expect(parseBody(Buffer.from(JSON.stringify({ s: '[[[[[[[[[[[[' })), 'application/json', opts)?.value).toEqual({ s: '[[[[[[[[[[[[' });
  });

  it('asks for a content type when a body comes without one', () => {
    expect(() => parseBody(Buffer.from('x'), undefined, opts)).toThrow(expect.objectContaining({ code: 'request.content_type' }));
  });
});

describe('parseMultipart', () => {
  const body = [
    '--XyZ',
    'Content-Disposition: form-data; name="auth_user"',
    '',
    'guardian/df72c626229f',
    '--XyZ',
    'Content-Disposition: form-data; name="meta[battery]"',
    '',
    '88',
    '--XyZ--',
    '',
  ].join('\r\n');

  it('reads text fields with Rails brackets', () => {
    expect(JSON.parse(JSON.stringify(parseMultipart(Buffer.from(body), 'multipart/form-data; boundary=XyZ', opts)))).toEqual({
      auth_user: 'guardian/df72c626229f',
      meta: { battery: '88' },
    });
  });

  it('refuses a body that lost its closing boundary', () => {
    expect(() => parseMultipart(Buffer.from(body.slice(0, 60)), 'multipart/form-data; boundary=XyZ', opts)).toThrow(
      expect.objectContaining({ code: 'request.body_malformed' }),
    );
  });
});
