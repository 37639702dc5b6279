// OpenAPI schemas as ajv sees them: 3.0's dialect converted, examples never read as schema (table over constructs).

import { describe, expect, it } from 'vitest';
import { toJsonSchema, type Dialect } from '../../../src/engine/document/to-json-schema.js';

describe('toJsonSchema', () => {
  it.each<[string, { dialect: Dialect; given: unknown; want: unknown }]>([
    ['nullable with a type joins null to it', { dialect: '3.0', given: { type: 'string', nullable: true }, want: { type: ['string', 'null'] } }],
    ['nullable with an enum lets null into it', { dialect: '3.0', given: { type: 'string', enum: ['a'], nullable: true }, want: { type: ['string', 'null'], enum: ['a', null] } }],
    [
      'nullable beside allOf: null or the allOf',
      { dialect: '3.0', given: { nullable: true, allOf: [{ $ref: '#/components/schemas/User' }] }, want: { anyOf: [{ type: 'null' }, { allOf: [{ $ref: '#/components/schemas/User' }] }] } },
    ],
    ['nullable with nothing else stays open', { dialect: '3.0', given: { nullable: true, description: 'anything' }, want: {} }],
    ['nullable beside a $ref (siblings otherwise ignored)', { dialect: '3.0', given: { $ref: '#/x', nullable: true, description: 'd' }, want: { anyOf: [{ type: 'null' }, { $ref: '#/x' }] } }],
    ['nullable: false is dropped', { dialect: '3.0', given: { type: 'integer', nullable: false }, want: { type: 'integer' } }],
    ['boolean exclusiveMaximum becomes the number', { dialect: '3.0', given: { type: 'integer', maximum: 100, exclusiveMaximum: true }, want: { type: 'integer', exclusiveMaximum: 100 } }],
    ['exclusiveMinimum: false is dropped, minimum kept', { dialect: '3.0', given: { minimum: 1, exclusiveMinimum: false }, want: { minimum: 1 } }],
    ['a boolean exclusiveMinimum slipped into 3.1 is read the same way', { dialect: '3.1', given: { minimum: 0, exclusiveMinimum: true }, want: { exclusiveMinimum: 0 } }],
    ['example and examples are never schema', { dialect: '3.1', given: { type: 'object', example: { $id: 'x' }, examples: [{ $id: 'y' }] }, want: { type: 'object' } }],
    [
      'subschemas are converted, property names are not keywords',
      {
        dialect: '3.0',
        given: { type: 'object', properties: { example: { type: 'string', nullable: true }, items: { type: 'array', items: { type: 'number', nullable: true } } } },
        want: { type: 'object', properties: { example: { type: ['string', 'null'] }, items: { type: 'array', items: { type: ['number', 'null'] } } } },
      },
    ],
    ['unknown type names and a non-list required are dropped', { dialect: '3.0', given: { type: 'file', required: true }, want: {} }],
    ['3.1 type lists and null stay as written', { dialect: '3.1', given: { type: ['string', 'null'] }, want: { type: ['string', 'null'] } }],
    ['a boolean schema is itself', { dialect: '3.1', given: false, want: false }],
  ])('%s', (_name, { dialect, given, want }) => {
    expect(toJsonSchema(given, dialect)).toEqual(want);
  });
});
