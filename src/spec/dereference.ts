// Replace internal `$ref`s (`#/components/...`) of a bundled document by their targets, sharing one object per target.

type Json = unknown;

function resolvePointer(root: Json, ref: string): Json {
  if (!ref.startsWith('#')) throw new Error(`external $ref '${ref}' in a bundled document`);
  let node: Json = root;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) throw new Error(`$ref '${ref}' points nowhere`);
    node = (node as Record<string, Json>)[part];
  }
  return node;
}

/**
 * A dereferenced copy: every `{ $ref }` object becomes (a shared copy of) its target, so identical references are the
 * same object (validators compiled per object compile once). Circular references become circular objects.
 */
export function dereferenceInternal(root: Json): Json {
  const done = new Map<string, Json>();
  const walk = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    const obj = node as Record<string, Json>;
    if (typeof obj['$ref'] === 'string') {
      const ref = obj['$ref'];
      const existing = done.get(ref);
      if (existing !== undefined) return existing;
      const target = resolvePointer(root, ref);
      if (target === null || typeof target !== 'object' || Array.isArray(target)) {
        const value = walk(target);
        done.set(ref, value);
        return value;
      }
      const copy: Record<string, Json> = {};
      done.set(ref, copy); // placeholder first: cycles point back to it
      Object.assign(copy, walk(target) as Record<string, Json>);
      return copy;
    }
    const out: Record<string, Json> = {};
    for (const [key, value] of Object.entries(obj)) out[key] = walk(value);
    return out;
  };
  return walk(root);
}
