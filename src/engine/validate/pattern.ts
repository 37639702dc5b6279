// How schemas' `pattern`s become RegExps: as ECMAScript with the `u` flag, else as the document's authors meant them.

/**
 * `^[a-zA-Z0-9_\-\:]+$` is valid ECMAScript, but not under the `u` flag ajv uses (an identity escape of `:`), and
 * documents are full of such patterns. A pattern the `u` flag refuses is compiled without it; one no RegExp accepts
 * matches anything (the schema's other keywords still hold) rather than refusing the whole document.
 */
export function compilePattern(pattern: string, flags: string): RegExp {
  try {
    return new RegExp(pattern, flags);
  } catch {
    try {
      return new RegExp(pattern, flags.replace('u', ''));
    } catch {
      return /(?:)/;
    }
  }
}

/** Where generated (and precompiled) validators find `compilePattern`: a registered symbol on globalThis, as formats do. */
const GLOBAL_KEY = 'authmock.pattern.v1';
(globalThis as unknown as Record<symbol, unknown>)[Symbol.for(GLOBAL_KEY)] = compilePattern;

/** ajv's `code.regExp` option: the engine, and the expression generated code uses for it. */
export const patternEngine = Object.assign((pattern: string, flags: string) => compilePattern(pattern, flags), {
  code: `globalThis[Symbol.for(${JSON.stringify(GLOBAL_KEY)})]`,
});
