// Read the first few seeded credentials out of a validated fixtures section, for the start-up banner.

import type { CredentialHint } from './provider.js';

type Obj = Record<string, unknown>;

/** The first `limit` entries of `section[list]` that have every field named, as plain strings. */
export function firstEntries(section: unknown, list: string, fields: string[], limit = 2): Array<Record<string, string>> {
  const items = (section as Obj | undefined)?.[list];
  if (!Array.isArray(items)) return [];
  return items
    .filter((item): item is Obj => typeof item === 'object' && item !== null && fields.every((f) => typeof (item as Obj)[f] === 'string'))
    .slice(0, limit)
    .map((item) => Object.fromEntries(fields.map((f) => [f, String(item[f])])));
}

export const hint = (label: string, value: string, secret: boolean): CredentialHint => ({ label, value, secret });
