// The compilers' warnings (unknown formats, schemas that cannot compile) go to the caller once each, never the console.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileValue, createAjvSet, toViolation } from '../../../src/engine/validate/ajv.js';

afterEach(() => vi.restoreAllMocks());

describe('createAjvSet warnings', () => {
  it('says an unknown format once, to the caller only, and accepts its values', () => {
    const console = vi.spyOn(globalThis.console, 'warn').mockImplementation(() => undefined);
    const warnings: string[] = [];
    const ajv = createAjvSet('3.0.3', { warn: (message) => warnings.push(message) });
    const validate = ajv.strict.compile({
      type: 'object',
      properties: { a: { type: 'string', format: 'droplet-slug' }, b: { type: 'string', format: 'droplet-slug' } },
    });
    expect(validate({ a: 'anything', b: 'at all' })).toBe(true);
    expect(warnings).toEqual(['unknown format "droplet-slug" in the document: its values are not checked']);
    expect(console).not.toHaveBeenCalled();
  });

  it('leaves a schema it cannot compile unchecked, saying so, instead of refusing the document', () => {
    const warnings: string[] = [];
    const ajv = createAjvSet('3.1.0', { warn: (message) => warnings.push(message) });
    const validate = ajv.strict.compile({ $ref: '#/components/schemas/Missing' });
    expect(validate({ any: 'thing' })).toBe(true);
    expect(warnings).toEqual([expect.stringMatching(/^schema is not checked: can't resolve reference/)]);
  });

  it('compiles a pattern the u flag refuses as its authors meant it', () => {
    const validate = createAjvSet('3.0.3').strict.compile({ type: 'string', pattern: '^[a-zA-Z0-9_\\-\\:]+$' });
    expect([validate('ns:f_1'), validate('ns f_1')]).toEqual([true, false]);
  });
});

describe('toViolation', () => {
  const compile = (schema: object) => createAjvSet('3.1.0').strict.compile(schema);
  const OBJ = { type: 'object', required: ['id'], additionalProperties: false, properties: { id: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' } } } };

  it.each<[string, { given: { schema: object; value: unknown; prefix: string }; want: { pointer: string; detail: string } }]>([
    ['a missing field, named', { given: { schema: OBJ, value: {}, prefix: '/body' }, want: { pointer: '/body/id', detail: '/body/id is required' } }],
    ['a field not allowed, named', { given: { schema: OBJ, value: { id: 1, owner: 'x' }, prefix: '/body' }, want: { pointer: '/body/owner', detail: '/body/owner is not allowed here' } }],
    ['a nested item of the wrong type', { given: { schema: OBJ, value: { id: 1, tags: ['a', 2] }, prefix: '/body' }, want: { pointer: '/body/tags/1', detail: '/body/tags/1 must be string' } }],
    ['the root without a prefix', { given: { schema: { type: 'string' }, value: 3, prefix: '' }, want: { pointer: '', detail: '/ must be string' } }],
  ])('%s', (_name, { given, want }) => {
    const validate = compile(given.schema);
    expect(validate(given.value)).toBe(false);
    expect(toViolation(validate.errors, given.prefix)).toEqual(want);
  });

  it('never echoes the value that failed', () => {
    const validate = compile({ type: 'string', maxLength: 3 });
    validate('s3cr3t-token');
    expect(toViolation(validate.errors, '/body').detail).not.toContain('s3cr3t');
  });

  it('says only that it is invalid when ajv gives no error', () => {
    expect(toViolation(null, '/query/x')).toEqual({ pointer: '/query/x', detail: '/query/x is invalid' });
  });
});

describe('compileValue', () => {
  it.each<[string, { given: { required: boolean; holder: object }; want: boolean }]>([
    ['a present value that fits', { given: { required: true, holder: { value: '5' } }, want: true }],
    ['a present value that does not', { given: { required: false, holder: { value: 'x' } }, want: false }],
    ['an absent required value', { given: { required: true, holder: {} }, want: false }],
    ['an absent optional value', { given: { required: false, holder: {} }, want: true }],
  ])('%s', (_name, { given, want }) => {
    expect(compileValue(createAjvSet('3.1.0').coercing, { type: 'integer' }, given.required)(given.holder)).toBe(want);
  });
});
