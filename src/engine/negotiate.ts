// Content negotiation for documented responses: which documented media types an `Accept` header allows, best first (pure).

import { isJsonMediaType, mediaTypeOf } from './validate/parse-body.js';

interface Range {
  type: string;
  subtype: string;
  q: number;
  /** Order in the header, for ties. */
  index: number;
}

/** `text/html;q=0.9, application/*` → ranges (q=0 kept: it excludes). An empty or absent header accepts anything. */
export function parseAccept(header: string | string[] | undefined): Range[] {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  const out: Range[] = [];
  for (const [index, part] of text.split(',').entries()) {
    const [range = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const slash = range.indexOf('/');
    if (slash < 1) continue;
    let q = 1;
    for (const p of params) {
      const m = /^q=([0-9.]+)$/.exec(p);
      if (m) q = Math.min(1, Number(m[1]) || 0);
    }
    out.push({ type: range.slice(0, slash), subtype: range.slice(slash + 1), q, index });
  }
  return out;
}

/** How well a range matches a media type: 3 exact, 2 `type/*`, 1 `*\/*`, 0 not at all (`+json` types satisfy `application/json`). */
function specificity(range: Range, documented: string): number {
  const mediaType = mediaTypeOf(documented) ?? '';
  const [type = '', subtype = ''] = mediaType.split('/');
  if (range.type === '*' && range.subtype === '*') return 1;
  if (range.type !== type) return 0;
  if (range.subtype === '*') return 2;
  if (range.subtype === subtype) return 3;
  return range.type === 'application' && range.subtype === 'json' && isJsonMediaType(mediaType) ? 3 : 0;
}

/** The quality the header gives a media type: that of the most specific matching range (0: not acceptable). */
function quality(ranges: ReadonlyArray<Range>, mediaType: string): { q: number; index: number } {
  let best = { q: 0, index: Infinity, specificity: 0 };
  for (const r of ranges) {
    const s = specificity(r, mediaType);
    if (s > best.specificity) best = { q: r.q, index: r.index, specificity: s };
  }
  return { q: best.q, index: best.index };
}

/** The documented media that the header accepts, best first (document order among equals); all of them when no header. */
export function acceptable<T extends { mediaType: string }>(documented: ReadonlyArray<T>, header: string | string[] | undefined): T[] {
  const ranges = parseAccept(header);
  if (ranges.length === 0) return [...documented];
  return documented
    .map((media, order) => ({ media, order, ...quality(ranges, media.mediaType) }))
    .filter((m) => m.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index || a.order - b.order)
    .map((m) => m.media);
}
