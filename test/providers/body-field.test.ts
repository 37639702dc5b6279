// bodyField as a table: a credential read from a parsed body only when the body is an object that has the field itself.

import { describe, expect, it } from 'vitest';
import { bodyField } from '../../src/providers/body-field.js';

describe('bodyField', () => {
  it.each<[string, { given: { body: unknown; name: string }; want: unknown }]>([
    ['a JSON object\'s field', { given: { body: { api_key: 'k1' }, name: 'api_key' }, want: 'k1' }],
    ['a field of any type, as parsed', { given: { body: { n: [1, 2] }, name: 'n' }, want: [1, 2] }],
    ['a field that is absent', { given: { body: { other: 'x' }, name: 'api_key' }, want: undefined }],
    ['a field named like a prototype member is not inherited', { given: { body: {}, name: 'toString' }, want: undefined }],
    ['__proto__ is not read through the prototype', { given: { body: {}, name: '__proto__' }, want: undefined }],
    ['a null-prototype form object', { given: { body: Object.assign(Object.create(null) as object, { token: 't' }), name: 'token' }, want: 't' }],
    ['no body', { given: { body: undefined, name: 'token' }, want: undefined }],
    ['a null body', { given: { body: null, name: 'token' }, want: undefined }],
    ['a text body', { given: { body: 'token=t', name: 'token' }, want: undefined }],
    ['an array body, even for an index', { given: { body: ['t'], name: '0' }, want: undefined }],
    ['a raw Buffer\'s own length is no field', { given: { body: Buffer.from('x'), name: 'length' }, want: undefined }],
  ])('%s', (_name, { given, want }) => {
    expect(bodyField(given.body, given.name)).toEqual(want);
  });
});
