// The compilers' warnings (unknown formats, schemas that cannot compile) go to the caller once each, never the console.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAjvSet } from '../../../src/engine/validate/ajv.js';

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
