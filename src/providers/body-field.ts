// Read one field of a parsed request body, for providers that also take credentials from the body.

/** The body's own field `name` when the body is a JSON or form object, else undefined. */
export function bodyField(body: unknown, name: string): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  return Object.hasOwn(body, name) ? (body as Record<string, unknown>)[name] : undefined;
}
