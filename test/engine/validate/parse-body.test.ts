// Body parsing: JSON with a depth cap, Rails-style forms, multipart, and refusal of prototype keys.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMockError } from '../../../src/engine/errors.js';
import { MultipartFile, parseBody, parseMultipart, parseRailsForm, withFilesAsText } from '../../../src/engine/validate/parse-body.js';

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
  const CT = 'multipart/form-data; boundary=XyZ';
  const parts = (...lines: string[]): Buffer => Buffer.from(lines.join('\r\n'));
  const body = parts(
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
  );
  const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

  it('reads text fields with Rails brackets', () => {
    expect(plain(parseMultipart(body, CT, opts))).toEqual({ auth_user: 'guardian/df72c626229f', meta: { battery: '88' } });
  });

  it('keeps a file part as its name, content type and size, never its bytes', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x2d, 0x2d]);
    const raw = Buffer.concat([
      parts('--XyZ', 'Content-Disposition: form-data; name="account[first_name]"', '', 'Jane', '--XyZ'),
      parts('', 'Content-Disposition: form-data; name="account[image]"; filename="C:\\photos\\me.png"', 'Content-Type: Image/PNG', '', ''),
      png,
      parts('', '--XyZ--', ''),
    ]);
    const value = parseMultipart(raw, CT, opts) as { account: { first_name: string; image: MultipartFile } };
    expect(value.account.first_name).toBe('Jane');
    expect(value.account.image).toBeInstanceOf(MultipartFile);
    expect(value.account.image).toMatchObject({ filename: 'me.png', contentType: 'image/png', size: png.length });
    expect(plain(value)).toEqual({ account: { first_name: 'Jane', image: { filename: 'me.png', content_type: 'image/png', size: 14 } } });
  });

  it.each([
    ['a quoted boundary, a preamble and an epilogue', 'multipart/form-data; charset=utf-8; boundary="a b:c"', 'preamble\r\n--a b:c\r\nContent-Disposition: form-data; name=x\r\n\r\n1\r\n--a b:c--\r\nepilogue', { x: '1' }],
    ['a file without a Content-Type', CT, '--XyZ\r\nContent-Disposition: form-data; name="f"; filename="a.bin"\r\n\r\nab\r\n--XyZ--', { f: { filename: 'a.bin', content_type: 'application/octet-stream', size: 2 } }],
    ['an empty file input (left out, as Rack does)', CT, '--XyZ\r\nContent-Disposition: form-data; name="f"; filename=""\r\n\r\n\r\n--XyZ\r\nContent-Disposition: form-data; name="t"\r\n\r\n\r\n--XyZ--', { t: '' }],
    ['an RFC 5987 file name', CT, `--XyZ\r\nContent-Disposition: form-data; name="f"; filename="x.gif"; filename*=UTF-8''%C3%A9t%C3%A9.gif\r\n\r\nGIF\r\n--XyZ--`, { f: { filename: 'été.gif', content_type: 'application/octet-stream', size: 3 } }],
    ['repeated fields with []', CT, '--XyZ\r\nContent-Disposition: form-data; name="t[]"\r\n\r\na\r\n--XyZ\r\nContent-Disposition: form-data; name="t[]"\r\n\r\nb\r\n--XyZ--', { t: ['a', 'b'] }],
    ['a boundary string inside a value', CT, '--XyZ\r\nContent-Disposition: form-data; name="t"\r\n\r\nsee --XyZ here\r\n--XyZ--', { t: 'see --XyZ here' }],
  ])('reads %s', (_name, contentType, text, want) => {
    expect(plain(parseMultipart(Buffer.from(text), contentType, opts))).toEqual(want);
  });

  it.each([
    ['no boundary parameter', 'multipart/form-data', body, /no boundary/],
    ['a boundary of 71 characters', `multipart/form-data; boundary=${'b'.repeat(71)}`, body, /RFC 2046/],
    ['a body without its boundary', 'multipart/form-data; boundary=Other', body, /does not contain its boundary/],
    ['a body that lost its closing boundary', CT, body.subarray(0, 60), /part 1 is truncated/],
    ['a part without Content-Disposition', CT, parts('--XyZ', 'Content-Type: text/plain', '', 'x', '--XyZ--'), /part 1 has no Content-Disposition/],
    ['a part without a name', CT, parts('--XyZ', 'Content-Disposition: form-data; filename="a.png"', '', 'x', '--XyZ--'), /part 1 has no name/],
    ['a part without the blank line after its headers', CT, parts('--XyZ', 'Content-Disposition: form-data; name="a"', 'x', '--XyZ--'), /part 1 has no blank line/],
    ['a header line without a colon', CT, parts('--XyZ', 'Content-Disposition: form-data; name="a"', 'garbage', '', 'x', '--XyZ--'), /header line/],
    ['a delimiter followed by garbage', CT, Buffer.from('--XyZgarbage\r\n'), /does not start on a new line/],
    ['a __proto__ part name', CT, parts('--XyZ', 'Content-Disposition: form-data; name="a[__proto__]"', '', 'x', '--XyZ--'), /forbidden key/],
  ])('refuses %s with request.body_malformed', (_name, contentType, raw, detail) => {
    expect(() => parseMultipart(raw, contentType, opts)).toThrow(expect.objectContaining({ code: 'request.body_malformed', message: expect.stringMatching(detail) }));
  });

  it('refuses part names nested past the cap', () => {
    const raw = parts('--XyZ', `Content-Disposition: form-data; name="a${'[b]'.repeat(10)}"`, '', 'x', '--XyZ--');
    expect(() => parseMultipart(raw, CT, opts)).toThrow(expect.objectContaining({ code: 'request.body_too_deep' }));
  });

  it('reads 20,000 repeated parts in linear time, not quadratic', () => {
    const many = Array.from({ length: 20_000 }, () => '--XyZ\r\nContent-Disposition: form-data; name="t[]"\r\n\r\nv\r\n').join('') + '--XyZ--';
    const value = parseMultipart(Buffer.from(many), CT, opts) as { t: string[] };
    expect(value.t).toHaveLength(20_000);
  });
});

describe('parseMultipart on broken input', () => {
  const valid = Buffer.from(
    '--XyZ\r\nContent-Disposition: form-data; name="a[b]"\r\n\r\n1\r\n--XyZ\r\nContent-Disposition: form-data; name="f"; filename="x.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n--XyZ--\r\n',
    'latin1',
  );
  it('either reads a body or refuses it with a MockError, whatever bytes are cut, changed or added', () => {
    fc.assert(
      fc.property(fc.nat(valid.length), fc.nat(valid.length), fc.uint8Array({ maxLength: 12 }), (at, cut, noise) => {
        const body = Buffer.concat([valid.subarray(0, at), Buffer.from(noise), valid.subarray(Math.min(valid.length, at + (cut % 8)))]);
        try {
          parseMultipart(body, 'multipart/form-data; boundary=XyZ', opts);
        } catch (error) {
          expect(isMockError(error) && ['request.body_malformed', 'request.body_too_deep'].includes(error.code), String(error)).toBe(true);
        }
      }),
      { seed: 14, numRuns: 2000 },
    );
  });
});

describe('withFilesAsText', () => {
  it('shows files to the validator as their names and gives them back afterwards, keeping coerced fields', () => {
    const file = new MultipartFile('me.png', 'image/png', 10);
    const value: Record<string, unknown> = { account: { image: file, n: '1' }, files: [file] };
    const seen = withFilesAsText(value, () => {
      const account = value['account'] as Record<string, unknown>;
      account['n'] = 1; // what ajv's type coercion does in place
      return JSON.parse(JSON.stringify(value)) as unknown;
    });
    expect(seen).toEqual({ account: { image: 'me.png', n: 1 }, files: ['me.png'] });
    expect(value).toEqual({ account: { image: file, n: 1 }, files: [file] });
  });
});
