// Read a request body from the socket with a size limit and no content encodings; errors are MockErrors, never 500s.

import type { IncomingMessage } from 'node:http';
import { MockError } from '../engine/errors.js';

export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
    req.resume();
    throw new MockError('request.content_encoding', 'Content-Encoding is not supported: send the body uncompressed', {
      pointer: '/headers/content-encoding',
    });
  }
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) {
    req.resume();
    throw new MockError('request.body_too_large', `body of ${declared} bytes is over the ${limit}-byte limit`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) {
      req.resume();
      throw new MockError('request.body_too_large', `body is over the ${limit}-byte limit`);
    }
    chunks.push(buffer);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
}
