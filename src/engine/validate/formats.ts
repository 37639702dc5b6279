// The string formats every validator checks: ajv-formats' full set, the costly checks remembered per valid string.

import { createRequire } from 'node:module';
import type { _ as CodeTag, Code, Format } from 'ajv';

const require = createRequire(import.meta.url);
const { fullFormats } = require('ajv-formats/dist/formats') as { fullFormats: Record<string, Format> };

/** Valid strings remembered per format; the set starts again when full. */
const REMEMBERED = 10_000;
/** Longer strings are checked every time (a base64 body should not be kept alive by a cache). */
const LONGEST = 256;

/**
 * A check that remembers the strings it passed. A format check is a pure function of the string, so this changes no
 * answer; it only spares the work for the strings a mock sends again and again (stored dates, ids). Without it the
 * date-time checks of one list answer with many dated items cost more than the rest of the request (bench/README.md).
 */
export function rememberValid(check: (value: string) => boolean): (value: string) => boolean {
  const valid = new Set<string>();
  return (value) => {
    if (valid.has(value)) return true;
    const ok = check(value);
    if (ok && value.length <= LONGEST) {
      if (valid.size >= REMEMBERED) valid.clear();
      valid.add(value);
    }
    return ok;
  };
}

/** `.123Z`: a fraction of a second and UTC, the tail of the date-times authmock writes itself. */
const UTC_FRACTION = /^\.\d+[Zz]$/;
const SECOND_PREFIX = 19; // YYYY-MM-DDTHH:MM:SS

/**
 * date-time, remembering valid strings and, for UTC times with a fraction, their whole second: whether such a string
 * is valid does not depend on the fraction, so a clock's timestamps (a new string every millisecond) are checked in
 * full once a second. The seconds remembered are bounded as the strings are.
 */
export function rememberValidDateTime(check: (value: string) => boolean): (value: string) => boolean {
  const remembered = rememberValid(check);
  const seconds = new Set<string>();
  return (value) => {
    const utcFraction = value.length > SECOND_PREFIX + 2 && value.length <= 40 && UTC_FRACTION.test(value.slice(SECOND_PREFIX));
    if (utcFraction && seconds.has(value.slice(0, SECOND_PREFIX))) return true;
    const ok = remembered(value);
    if (ok && utcFraction) {
      if (seconds.size >= REMEMBERED) seconds.clear();
      seconds.add(value.slice(0, SECOND_PREFIX));
    }
    return ok;
  };
}

function remembering(format: Format, name: string): Format {
  if (name === 'date-time' && typeof format === 'object' && !(format instanceof RegExp) && typeof format.validate === 'function') {
    return { ...format, validate: rememberValidDateTime(format.validate as (value: string) => boolean) } as Format;
  }
  if (typeof format === 'function') return rememberValid(format);
  if (typeof format === 'object' && !(format instanceof RegExp) && typeof format.validate === 'function' && !format.async && format.type !== 'number') {
    return { ...format, validate: rememberValid(format.validate as (value: string) => boolean) } as Format;
  }
  // Regular expressions are cheaper to run than to look up; `true` and number formats are left as they are.
  return format;
}

export const FORMATS: Readonly<Record<string, Format>> = Object.fromEntries(
  Object.entries(fullFormats).map(([name, format]) => [name, remembering(format, name)]),
);

/**
 * Where the precompiled validators (ajv standalone code, loaded with require from the cache directory) find these
 * formats: a registered symbol on globalThis, set when this module loads. A module path cannot serve, because the
 * source of this module is TypeScript under the tests and JavaScript when built.
 */
const GLOBAL_KEY = 'authmock.ajv-formats.v1';
(globalThis as unknown as Record<symbol, unknown>)[Symbol.for(GLOBAL_KEY)] = FORMATS;

/** The expression generated code uses for the formats, written with ajv's own code tag (ajv is loaded only to compile). */
export const formatsCode = (_: typeof CodeTag): Code => _`globalThis[Symbol.for(${GLOBAL_KEY})]`;

/** Part of the precompiled validators' cache file name: validators generated for other formats are not loaded. */
export const FORMATS_VERSION = 'f1';
