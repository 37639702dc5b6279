// GET /api/v1/endpoint: the caller's organisation's endpoints by id, paged with page/per_page, the X-Total-* and X-Sort headers.

import type { ReadTx, Store } from '../../world/store.js';
import type { Handler } from '../../engine/types.js';
import { callerOf } from './application-tokens.js';
import { EMNIFY, type EndpointRecord } from './records.js';
import { validationError } from './wire.js';

export const DEFAULT_PER_PAGE = 1000;

export const MAX_PER_PAGE = 1000;

function positiveInt(value: string | string[] | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const text = Array.isArray(value) ? value[0] ?? '' : value;
  if (!/^[1-9]\d{0,8}$/.test(text) || Number(text) > max) {
    throw validationError(`${name} must be an integer from 1 to ${max}`, `/query/${name}`);
  }
  return Number(text);
}

/** The records as last read (in store order) and each organisation's endpoints sorted by id, built from exactly those. */
interface EndpointIndex {
  records: EndpointRecord[];
  byOrg: Map<number, Array<EndpointRecord['endpoint']>>;
}

function buildIndex(records: EndpointRecord[]): EndpointIndex {
  const byOrg = new Map<number, Array<EndpointRecord['endpoint']>>();
  for (const r of records) {
    const list = byOrg.get(r.orgId);
    if (list) list.push(r.endpoint);
    else byOrg.set(r.orgId, [r.endpoint]);
  }
  for (const list of byOrg.values()) list.sort((a, b) => a.id - b.id);
  return { records, byOrg };
}

/** Store values are replaced, never mutated: the same record objects in the same order mean the same endpoints. */
function sameRecords(index: EndpointIndex, tx: ReadTx): boolean {
  if (tx.size(EMNIFY.endpoints) !== index.records.length) return false;
  let i = 0;
  for (const r of tx.values<EndpointRecord>(EMNIFY.endpoints)) if (r !== index.records[i++]) return false;
  return true;
}

/** One index per store (app or sandbox), rebuilt only when the endpoint records changed; per provider instance. */
export function createListEndpoints(): Handler {
  const indexes = new WeakMap<Store, EndpointIndex>();
  return async (ctx) => {
    const org = callerOf(ctx).claims['esc.org'];
    const page = positiveInt(ctx.req.query['page'], 'page', 1, 999_999_999);
    const perPage = positiveInt(ctx.req.query['per_page'], 'per_page', DEFAULT_PER_PAGE, MAX_PER_PAGE);
    const { store } = ctx.world;
    const index = await store.read((tx) => {
      const known = indexes.get(store);
      if (known && sameRecords(known, tx)) return known;
      const fresh = buildIndex([...tx.values<EndpointRecord>(EMNIFY.endpoints)]);
      indexes.set(store, fresh);
      return fresh;
    });
    const all = index.byOrg.get(org) ?? [];
    const totalPages = Math.max(1, Math.ceil(all.length / perPage));
    const start = (page - 1) * perPage;
    return {
      status: 200,
      headers: {
        'X-Total-Pages': String(totalPages),
        'X-Current-Page': String(page),
        'X-Count-Per-Page': String(perPage),
        'X-Total-Count': String(all.length),
        // Recorded beside the paging headers in the official Python SDK's cassettes: the list is sorted by id.
        'X-Sort': 'id',
      },
      // The store's own records: they are replaced, never mutated, and the response is only serialised.
      body: all.slice(start, start + perPage),
    };
  };
}
