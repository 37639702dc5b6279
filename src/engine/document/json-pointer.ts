// JSON Pointers (RFC 6901): the one place a name is escaped into a pointer segment and read back out of one.

/** `a/b~c` → `a~1b~0c` (`~` first, so that the `~` of `~1` is not escaped again). */
export const escapeSegment = (name: string): string => name.replace(/~/g, '~0').replace(/\//g, '~1');

/** `a~1b~0c` → `a/b~c` (`~1` first, so that `~01` reads as `~1`, not `/`). */
export const unescapeSegment = (segment: string): string => segment.replace(/~1/g, '/').replace(/~0/g, '~');

/** `/paths` + `/pets` → `/paths/~1pets`. */
export const appendSegment = (pointer: string, name: string): string => `${pointer}/${escapeSegment(name)}`;

/** ['a/b', 'c'] → `/a~1b/c`. */
export const toPointer = (names: ReadonlyArray<string>): string => names.reduce(appendSegment, '');

/** `#/a~1b/c` → ['a/b', 'c']: a `$ref`'s fragment, percent-decoded (a literal `%` that encodes nothing is kept). */
export function pointerSegments(ref: string): string[] {
  return ref
    .replace(/^#/, '')
    .split('/')
    .slice(1)
    .map((raw) => {
      let part = raw;
      try {
        part = decodeURIComponent(raw);
      } catch {
        // a literal '%' in a name
      }
      return unescapeSegment(part);
    });
}
