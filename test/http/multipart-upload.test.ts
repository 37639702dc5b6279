// Multipart bodies on a third-party document: text fields coerced and checked, a file part validated as OpenAPI
// 3.0's `type: string, format: binary`, and every broken body a 400 problem, never a 500.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type StartedApp } from '../helpers/app.js';
import { problemOf } from '../helpers/listen.js';

const UPLOADS = new URL('../fixtures/uploads.yaml', import.meta.url).pathname;
let app: StartedApp;
let base: string;

beforeAll(async () => {
  app = await startApp({ document: UPLOADS });
  base = app.url;
});
afterAll(() => app.close());

function upload(fields: Record<string, string>, file?: { name: string; bytes: Uint8Array }): Promise<Response> {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  if (file) data.append('photo', new Blob([file.bytes], { type: 'image/jpeg' }), file.name);
  return fetch(`${base}/photos`, { method: 'POST', body: data });
}
const JPEG = { name: 'dog.jpg', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]) };

describe('a multipart upload on any document', () => {
  it('accepts text fields and a file part described as type: string, format: binary', async () => {
    const res = await upload({ caption: 'Rex', rating: '5' }, JPEG);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id: 1 });
  });

  it.each<[string, Record<string, string>, typeof JPEG | undefined, string]>([
    ['a missing file part', { caption: 'Rex' }, undefined, '/body/photo'],
    ['an empty caption', { caption: '' }, JPEG, '/body/caption'],
    ['a rating out of range (coerced from the text part)', { caption: 'Rex', rating: '9' }, JPEG, '/body/rating'],
  ])('refuses %s with 400 naming the field', async (_name, fields, file, pointer) => {
    const res = await upload(fields, file);
    expect(res.status).toBe(400);
    expect(problemOf(res)).toMatchObject({ code: 'request.body_invalid', pointer });
  });

  it.each([
    ['no boundary', 'multipart/form-data', 'x', /no boundary/],
    ['a truncated body', 'multipart/form-data; boundary=zz', '--zz\r\nContent-Disposition: form-data; name="caption"\r\n\r\nRex', /part 1 is truncated/],
    ['a part without a name', 'multipart/form-data; boundary=zz', '--zz\r\nContent-Disposition: form-data\r\n\r\nRex\r\n--zz--', /part 1 has no name/],
  ])('answers a body with %s with a 400 problem', async (_name, contentType, body, detail) => {
    const res = await fetch(`${base}/photos`, { method: 'POST', headers: { 'content-type': contentType }, body });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(problemOf(res)).toMatchObject({ code: 'request.body_malformed', detail: expect.stringMatching(detail) });
  });
});
