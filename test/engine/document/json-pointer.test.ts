// JSON Pointers: names escaped into segments and read back, `$ref` fragments split into names.

import { describe, expect, it } from 'vitest';
import { appendSegment, pointerSegments, toPointer, unescapeSegment } from '../../../src/engine/document/json-pointer.js';

describe('pointerSegments and toPointer', () => {
  it.each<[string, { given: string; want: string[] }]>([
    ['a component', { given: '#/components/schemas/Pet', want: ['components', 'schemas', 'Pet'] }],
    ['escaped / and ~', { given: '#/paths/~1pets~1{id}/a~0b', want: ['paths', '/pets/{id}', 'a~b'] }],
    ['percent-encoding', { given: '#/paths/~1a%20b', want: ['paths', '/a b'] }],
    ['a literal % that is no encoding', { given: '#/x/100%', want: ['x', '100%'] }],
    ['the root', { given: '#', want: [] }],
  ])('%s', (_name, { given, want }) => {
    expect(pointerSegments(given)).toEqual(want);
  });

  it.each<[string, { given: string[]; want: string }]>([
    ['plain names', { given: ['components', 'schemas'], want: '/components/schemas' }],
    ['/ and ~ escaped, ~ first', { given: ['/pets/{id}', 'a~1'], want: '/~1pets~1{id}/a~01' }],
  ])('toPointer: %s', (_name, { given, want }) => {
    expect(toPointer(given)).toBe(want);
  });
});

describe('appendSegment and unescapeSegment', () => {
  it.each<[string, { given: [string, string]; want: string }]>([
    ['a plain name', { given: ['/request/headers', 'Authorization'], want: '/request/headers/Authorization' }],
    ['a path template', { given: ['/paths', '/pets/{id}'], want: '/paths/~1pets~1{id}' }],
    ['a name holding ~1 (not a slash)', { given: ['', 'a~1'], want: '/a~01' }],
  ])('%s', (_name, { given, want }) => {
    expect(appendSegment(...given)).toBe(want);
    expect(unescapeSegment(want.split('/').at(-1)!)).toBe(given[1]);
  });
});
