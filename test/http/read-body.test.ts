// readBody as a table: the body read whole, its size limit (declared or counted) and content encodings refused as MockErrors.

import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readBody } from '../../src/http/read-body.js';

/** A request stream of these chunks with these headers: all readBody reads of an IncomingMessage. */
function toRequest(chunks: string[], headers: Record<string, string> = {}): IncomingMessage {
  return Object.assign(Readable.from(chunks.map((c) => Buffer.from(c))), { headers }) as unknown as IncomingMessage;
}

describe('readBody', () => {
  it.each<[string, { given: { chunks: string[]; headers?: Record<string, string>; limit: number }; want: string }]>([
    ['no body: empty', { given: { chunks: [], limit: 10 }, want: '' }],
    ['one chunk', { given: { chunks: ['{"a":1}'], limit: 100 }, want: '{"a":1}' }],
    ['many chunks joined in order', { given: { chunks: ['ab', 'cd', 'ef'], limit: 100 }, want: 'abcdef' }],
    ['exactly at the limit', { given: { chunks: ['12345', '67890'], headers: { 'content-length': '10' }, limit: 10 }, want: '1234567890' }],
    ['Content-Encoding identity is no encoding', { given: { chunks: ['x'], headers: { 'content-encoding': ' Identity ' }, limit: 10 }, want: 'x' }],
  ])('%s', async (_name, { given, want }) => {
    const body = await readBody(toRequest(given.chunks, given.headers), given.limit);
    expect(body.toString('utf8')).toBe(want);
  });

  it.each<[string, { given: { chunks: string[]; headers?: Record<string, string>; limit: number }; want: { code: string; message: RegExp } }]>([
    ['a declared length over the limit, before reading', { given: { chunks: ['x'], headers: { 'content-length': '11' }, limit: 10 }, want: { code: 'request.body_too_large', message: /11 bytes is over the 10-byte limit/ } }],
    ['no declared length, counted over the limit', { given: { chunks: ['123456', '78901'], limit: 10 }, want: { code: 'request.body_too_large', message: /over the 10-byte limit/ } }],
    ['a declared length that lies low, counted over the limit', { given: { chunks: ['123456789012'], headers: { 'content-length': '3' }, limit: 10 }, want: { code: 'request.body_too_large', message: /over the 10-byte limit/ } }],
    ['gzip is refused', { given: { chunks: ['x'], headers: { 'content-encoding': 'gzip' }, limit: 10 }, want: { code: 'request.content_encoding', message: /send the body uncompressed/ } }],
    ['an encoding list is refused', { given: { chunks: ['x'], headers: { 'content-encoding': 'identity, br' }, limit: 10 }, want: { code: 'request.content_encoding', message: /not supported/ } }],
  ])('%s', async (_name, { given, want }) => {
    await expect(readBody(toRequest(given.chunks, given.headers), given.limit)).rejects.toThrow(
      expect.objectContaining({ code: want.code, message: expect.stringMatching(want.message) }),
    );
  });

  it('points at the header when refusing an encoding', async () => {
    await expect(readBody(toRequest(['x'], { 'content-encoding': 'deflate' }), 10)).rejects.toThrow(
      expect.objectContaining({ code: 'request.content_encoding', status: 415, pointer: '/headers/content-encoding' }),
    );
  });
});
