// Strict parsing of what emnify clients send: IPv4/IPv6 CIDR ranges and expiry dates (pure; null on anything malformed).

export interface Cidr {
  version: 4 | 6;
  /** The network address as a 32- or 128-bit number. */
  address: bigint;
  prefix: number;
}

const IPV4_OCTET = /^(?:0|[1-9]\d{0,2})$/;

function parseIpv4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!IPV4_OCTET.test(part) || Number(part) > 255) return null;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

const HEXTET = /^[0-9a-fA-F]{1,4}$/;

function parseIpv6(text: string): bigint | null {
  if (text.length > 45 || text.includes('%')) return null;
  let groups: string[];
  const halves = text.split('::');
  if (halves.length > 2) return null;
  // An embedded IPv4 tail (::ffff:1.2.3.4) counts as two groups.
  const expand = (part: string): string[] | null => {
    if (part === '') return [];
    const items = part.split(':');
    const last = items[items.length - 1] ?? '';
    if (last.includes('.')) {
      const v4 = parseIpv4(last);
      if (v4 === null) return null;
      items.splice(items.length - 1, 1, ((v4 >> 16n) & 0xffffn).toString(16), (v4 & 0xffffn).toString(16));
    }
    return items;
  };
  const head = expand(halves[0] ?? '');
  const tail = halves.length === 2 ? expand(halves[1] ?? '') : [];
  if (!head || !tail) return null;
  if (halves.length === 2) {
    const missing = 8 - head.length - tail.length;
    if (missing < 1) return null;
    groups = [...head, ...Array<string>(missing).fill('0'), ...tail];
  } else {
    groups = head;
  }
  if (groups.length !== 8 || !groups.every((g) => HEXTET.test(g))) return null;
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

/** `a.b.c.d/n` (n 0-32) or an IPv6 address with `/n` (n 0-128); the prefix is required. */
export function parseCidr(text: string): Cidr | null {
  const slash = text.indexOf('/');
  if (slash === -1 || text.length > 64) return null;
  const prefixText = text.slice(slash + 1);
  if (!/^(?:0|[1-9]\d{0,2})$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  const host = text.slice(0, slash);
  const v4 = host.includes(':') ? null : parseIpv4(host);
  if (v4 !== null) return prefix <= 32 ? { version: 4, address: v4, prefix } : null;
  const v6 = host.includes(':') ? parseIpv6(host) : null;
  if (v6 !== null) return prefix <= 128 ? { version: 6, address: v6, prefix } : null;
  return null;
}

/** Whether a remote address (IPv4, IPv6 or IPv4-mapped IPv6 as Node reports it) lies in the range. */
export function cidrContains(cidr: Cidr, remote: string | undefined): boolean {
  if (!remote) return false;
  let version: 4 | 6;
  let address: bigint | null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(remote);
  if (mapped && cidr.version === 4) {
    version = 4;
    address = parseIpv4(mapped[1] ?? '');
  } else if (remote.includes(':')) {
    version = 6;
    address = parseIpv6(remote);
  } else {
    version = 4;
    address = parseIpv4(remote);
  }
  if (address === null || version !== cidr.version) return false;
  const bits = BigInt(version === 4 ? 32 : 128);
  const shift = bits - BigInt(cidr.prefix);
  return address >> shift === cidr.address >> shift;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;

const validDay = (y: number, m: number, d: number): boolean => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1970 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/**
 * An expiry date as the last instant (epoch ms) the token still works:
 * `YYYY-MM-DD` means through the end of that day UTC (23:59:59.999Z); an RFC 3339 date-time means that instant.
 */
export function parseExpiry(text: string): number | null {
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly) {
    const [y, m, d] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])];
    return validDay(y, m, d) ? Date.UTC(y, m - 1, d, 23, 59, 59, 999) : null;
  }
  const full = DATE_TIME.exec(text);
  if (!full) return null;
  const [y, m, d, hh, mm, ss] = [1, 2, 3, 4, 5, 6].map((i) => Number(full[i]));
  if (!validDay(y!, m!, d!) || hh! > 23 || mm! > 59 || ss! > 59) return null;
  const zone = full[8] ?? 'Z';
  if (zone.toUpperCase() !== 'Z' && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(4, 6)) > 59)) return null;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : null;
}

/** `+0000` / `-0130`: an offset written without its colon, as emnify writes it. */
const OFFSET_WITHOUT_COLON = /^(.+T.+)([+-]\d{2})(\d{2})$/;

/**
 * A point in time from the fixtures: an RFC 3339 date-time (`2025-06-01T09:30:00Z`) or emnify's own form
 * (`2021-11-18T08:25:53.000+0000`); null when it is neither or names no real instant.
 */
export function parseTimestamp(text: string): number | null {
  const colonless = OFFSET_WITHOUT_COLON.exec(text);
  const rfc3339 = colonless ? `${colonless[1]}${colonless[2]}:${colonless[3]}` : text;
  return DATE_TIME.test(rfc3339) ? parseExpiry(rfc3339) : null;
}
