// Replace internal `$ref`s (`#/components/...`) of a bundled document by their targets, sharing one object per target.

import { appendSegment, pointerSegments, toPointer } from './json-pointer.js';

type Json = unknown;

function resolvePointer(root: Json, ref: string): Json {
  if (!ref.startsWith('#')) throw new Error(`external $ref '${ref}' in a bundled document`);
  let node: Json = root;
  for (const part of pointerSegments(ref)) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) throw new Error(`$ref '${ref}' points nowhere`);
    node = (node as Record<string, Json>)[part];
  }
  return node;
}

export interface Dereferenced {
  document: Json;
  /** Where each (non-array) object of the copy comes from in the bundled document (a JSON pointer): validators are compiled as `$ref`s to it. */
  pointers: WeakMap<object, string>;
}

/**
 * A dereferenced copy: every `{ $ref }` object becomes (a shared copy of) its target, so identical references are the
 * same object. Circular references become circular objects; nothing that compiles schemas walks this copy (it compiles
 * `$ref`s to the places `pointers` names).
 */
export function dereferenceInternal(root: Json): Dereferenced {
  const done = new Map<string, Json>();
  const pointers = new WeakMap<object, string>();
  const walk = (node: Json, pointer: string): Json => {
    if (Array.isArray(node)) {
      return node.map((item, i) => walk(item, `${pointer}/${i}`));
    }
    if (node === null || typeof node !== 'object') return node;
    const obj = node as Record<string, Json>;
    if (typeof obj['$ref'] === 'string') {
      const ref = obj['$ref'];
      const existing = done.get(ref);
      if (existing !== undefined) return existing;
      const target = resolvePointer(root, ref);
      const targetPointer = toPointer(pointerSegments(ref));
      if (target === null || typeof target !== 'object' || Array.isArray(target)) {
        const value = walk(target, targetPointer);
        done.set(ref, value);
        return value;
      }
      const copy: Record<string, Json> = {};
      done.set(ref, copy); // placeholder first: cycles point back to it
      pointers.set(copy, targetPointer);
      Object.assign(copy, walk(target, targetPointer) as Record<string, Json>);
      return copy;
    }
    const out: Record<string, Json> = {};
    pointers.set(out, pointer);
    for (const [key, value] of Object.entries(obj)) out[key] = walk(value, appendSegment(pointer, key));
    return out;
  };
  return { document: walk(root, ''), pointers };
}
