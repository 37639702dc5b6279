// Accept negotiation as a table: which documented media types a header allows, best first.

import { describe, expect, it } from 'vitest';
import { acceptable, parseAccept } from '../../src/engine/negotiate.js';

const media = (...types: string[]) => types.map((mediaType) => ({ mediaType }));
const DOCUMENTED = media('application/json', 'text/csv', 'application/vnd.api+json; charset=utf-8');

describe('acceptable', () => {
  it.each<[string, { given: string | string[] | undefined; want: string[] }]>([
    ['no header: all, in document order', { given: undefined, want: ['application/json', 'text/csv', 'application/vnd.api+json; charset=utf-8'] }],
    ['an empty header: all', { given: '', want: ['application/json', 'text/csv', 'application/vnd.api+json; charset=utf-8'] }],
    ['*/*: all', { given: '*/*', want: ['application/json', 'text/csv', 'application/vnd.api+json; charset=utf-8'] }],
    ['an exact type', { given: 'text/csv', want: ['text/csv'] }],
    ['a type wildcard', { given: 'text/*', want: ['text/csv'] }],
    ['application/json also takes +json types', { given: 'application/json', want: ['application/json', 'application/vnd.api+json; charset=utf-8'] }],
    ['higher quality first', { given: 'application/json;q=0.2, text/csv;q=0.9', want: ['text/csv', 'application/json', 'application/vnd.api+json; charset=utf-8'] }],
    ['header order among equal qualities', { given: 'text/csv, application/json', want: ['text/csv', 'application/json', 'application/vnd.api+json; charset=utf-8'] }],
    ['q=0 excludes, even under */*', { given: '*/*, text/csv;q=0', want: ['application/json', 'application/vnd.api+json; charset=utf-8'] }],
    ['the most specific range decides', { given: 'text/*;q=0, text/csv', want: ['text/csv'] }],
    ['case does not matter', { given: 'TEXT/CSV', want: ['text/csv'] }],
    ['repeated headers are one list', { given: ['text/csv;q=0.1', 'application/vnd.api+json'], want: ['application/vnd.api+json; charset=utf-8', 'text/csv'] }],
    ['nothing documented is acceptable', { given: 'application/xml', want: [] }],
    ['junk ranges are ignored, so none matches', { given: 'json, /csv', want: ['application/json', 'text/csv', 'application/vnd.api+json; charset=utf-8'] }],
  ])('%s', (_name, { given, want }) => {
    expect(acceptable(DOCUMENTED, given).map((m) => m.mediaType)).toEqual(want);
  });
});

describe('parseAccept', () => {
  it.each<[string, { given: string; want: Array<{ type: string; subtype: string; q: number }> }]>([
    ['a plain range', { given: 'text/html', want: [{ type: 'text', subtype: 'html', q: 1 }] }],
    ['a quality, capped at 1', { given: 'a/b;q=0.5, c/d; q=7', want: [{ type: 'a', subtype: 'b', q: 0.5 }, { type: 'c', subtype: 'd', q: 1 }] }],
    ['a quality that is no number counts as 0', { given: 'a/b;q=..', want: [{ type: 'a', subtype: 'b', q: 0 }] }],
  ])('%s', (_name, { given, want }) => {
    expect(parseAccept(given).map(({ type, subtype, q }) => ({ type, subtype, q }))).toEqual(want);
  });
});
