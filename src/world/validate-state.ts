// Check loaded state the way it will be used: each provider describes it (as GET /__admin/state does) without failing.

import type { Clock } from './clock.js';
import type { Provider } from '../providers/provider.js';
import type { ReadTx, Snapshot } from './store.js';
import { recordName } from './database.js';
import type { StateValidator } from './persistence.js';

/** A read-only view over a snapshot (no copy), for describing it. */
function readView(snapshot: Snapshot): ReadTx {
  const coll = (c: string): Record<string, unknown> | undefined => (Object.hasOwn(snapshot, c) ? snapshot[c] : undefined);
  const has = (c: string, k: string): boolean => {
    const m = coll(c);
    return m !== undefined && Object.hasOwn(m, k);
  };
  return {
    get: <T>(c: string, k: string) => (has(c, k) ? (coll(c)![k] as T) : undefined),
    has,
    size: (c) => Object.keys(coll(c) ?? {}).length,
    values: <T>(c: string) => Object.values(coll(c) ?? {})[Symbol.iterator]() as IterableIterator<T>,
    entries: <T>(c: string) => Object.entries(coll(c) ?? {})[Symbol.iterator]() as IterableIterator<[string, T]>,
  };
}

const fails = (provider: Provider, snapshot: Snapshot, clock: Clock): Error | undefined => {
  try {
    JSON.stringify(provider.describeState(readView(snapshot), { clock }));
    return undefined;
  } catch (error) {
    return error as Error;
  }
};

/**
 * Every provider must be able to describe the loaded records; when one cannot, the record it stumbles on is found
 * by describing each of that provider's records alone (only then: a good state costs one describe per provider).
 */
export function createStateValidator(providers: ReadonlyArray<Provider>, clock: Clock): StateValidator {
  return (records) => {
    for (const provider of providers) {
      const error = fails(provider, records, clock);
      if (!error) continue;
      for (const [collection, entries] of Object.entries(records)) {
        for (const [key, value] of Object.entries(entries)) {
          const alone = fails(provider, { [collection]: { [key]: value } }, clock);
          if (alone) throw new Error(`record ${recordName(collection, key)} is not what ${provider.name} keeps there (${alone.message.slice(0, 200)})`);
        }
      }
      throw new Error(`${provider.name}'s records do not fit together (${error.message.slice(0, 200)})`);
    }
  };
}
