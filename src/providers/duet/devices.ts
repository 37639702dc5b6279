// Duet's informational headers (X-Device-*, X-Location-*): recorded per device so a team can see what its app sends.

import { toIso } from '../../world/clock.js';
import type { HandlerContext, MockRequest } from '../../engine/types.js';
import type { ReadTx, WriteTx } from '../../world/store.js';

export const DEVICES = 'duet.devices';
export const UNKNOWN_DEVICE = 'unknown-device';
/** Header values are kept to this many characters (a hostile client may send 16 KiB headers). */
const MAX_VALUE = 256;

const HEADERS = {
  identifier: 'x-device-identifier',
  push_token: 'x-device-push-token',
  software_version: 'x-device-software-version',
  latitude: 'x-location-lat',
  longitude: 'x-location-long',
  language: 'x-device-language',
} as const;

type Field = keyof typeof HEADERS;

export interface DeviceRecord {
  identifier: string;
  push_token: string | null;
  software_version: string | null;
  latitude: string | null;
  longitude: string | null;
  language: string | null;
  /** Which application and account were last seen on this device. */
  application: string | null;
  account_id: number | null;
  /** What the real API would silently accept but is malformed, as of the last request. */
  problems: string[];
  requests: number;
  first_seen: string;
  last_seen: string;
}

function headerValue(req: MockRequest, name: string): string | null {
  const raw = req.headers[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value === undefined ? null : value.slice(0, MAX_VALUE);
}

const inRange = (text: string, limit: number): boolean => {
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text.trim())) return false;
  const n = Number(text);
  return Number.isFinite(n) && Math.abs(n) <= limit;
};

/** The same rules the document gives these headers, for the state view (the engine warns on the wire). */
export function deviceProblems(values: Readonly<Record<Field, string | null>>): string[] {
  const problems: string[] = [];
  if (values.push_token !== null && !/^[0-9A-F]{64}$/.test(values.push_token)) {
    problems.push('X-Device-Push-Token is not 64 upper-case hexadecimal characters');
  }
  if (values.latitude !== null && !inRange(values.latitude, 90)) problems.push('X-Location-Lat is not a number from -90 to 90');
  if (values.longitude !== null && !inRange(values.longitude, 180)) problems.push('X-Location-Long is not a number from -180 to 180');
  if (values.identifier !== null && values.identifier.length === 0) problems.push('X-Device-Identifier is empty');
  return problems;
}

export function readDeviceHeaders(req: MockRequest): Record<Field, string | null> {
  // One object literal (one shape) rather than fields added in a loop: this runs on every Duet request.
  return {
    identifier: headerValue(req, HEADERS.identifier),
    push_token: headerValue(req, HEADERS.push_token),
    software_version: headerValue(req, HEADERS.software_version),
    latitude: headerValue(req, HEADERS.latitude),
    longitude: headerValue(req, HEADERS.longitude),
    language: headerValue(req, HEADERS.language),
  };
}

export interface Sighting {
  application: string | null;
  accountId: number | null;
}

/** Record one served request's informational headers; the least recently seen device goes when the cap is reached. */
export function recordSighting(tx: WriteTx, req: MockRequest, sighting: Sighting, now: number, maxDevices: number): void {
  const values = readDeviceHeaders(req);
  const identifier = values.identifier || UNKNOWN_DEVICE;
  const previous = tx.get<DeviceRecord>(DEVICES, identifier);
  const at = toIso(now);
  const record: DeviceRecord = {
    identifier,
    push_token: values.push_token,
    software_version: values.software_version,
    latitude: values.latitude,
    longitude: values.longitude,
    language: values.language,
    application: sighting.application ?? previous?.application ?? null,
    account_id: sighting.accountId ?? previous?.account_id ?? null,
    problems: deviceProblems(values),
    requests: (previous?.requests ?? 0) + 1,
    first_seen: previous?.first_seen ?? at,
    last_seen: at,
  };
  // A known device is updated in place. A new one, when the cap is reached, pushes out the least recently seen: a
  // scan, but only when a new device arrives at the cap (moving every seen device to the end of the collection cost
  // each request a delete and an insert, and the collection a rehash every few requests).
  if (!previous) {
    while (tx.size(DEVICES) >= maxDevices) {
      const oldest = leastRecentlySeen(tx);
      if (oldest === undefined) break;
      tx.delete(DEVICES, oldest);
    }
  }
  tx.set(DEVICES, identifier, record);
}

function leastRecentlySeen(tx: ReadTx): string | undefined {
  let oldest: DeviceRecord | undefined;
  // ISO times of years 0 to 9999 sort as text; the first of equal times was inserted first.
  for (const device of tx.values<DeviceRecord>(DEVICES)) if (!oldest || device.last_seen < oldest.last_seen) oldest = device;
  return oldest?.identifier;
}

/** The helper every Duet handler calls once it has served the request. */
export async function noteDevice(ctx: HandlerContext, maxDevices: number, accountId?: number): Promise<void> {
  const app = ctx.auth.principals.get('DuetApplicationToken') as { name?: string } | undefined;
  const account = ctx.auth.principals.get('DuetAccountToken') as { accountId?: number } | undefined;
  const now = ctx.world.clock.now();
  await ctx.world.store.write((tx) =>
    recordSighting(tx, ctx.req, { application: app?.name ?? null, accountId: accountId ?? account?.accountId ?? null }, now, maxDevices),
  );
}

/** Most recently seen first. */
export const listDevices = (tx: ReadTx): DeviceRecord[] =>
  [...tx.values<DeviceRecord>(DEVICES)].reverse().sort((a, b) => (a.last_seen < b.last_seen ? 1 : a.last_seen > b.last_seen ? -1 : 0));
