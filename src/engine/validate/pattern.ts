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

/** ajv's `code.regExp` option: the engine, and the name ajv requires for it (used only in source it could print). */
export const patternEngine = Object.assign((pattern: string, flags: string) => compilePattern(pattern, flags), { code: 'compilePattern' });
