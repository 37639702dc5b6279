// The only place that reads wall-clock time: every expiry and issued-at in authmock comes through a Clock.

export interface Clock {
  /** Milliseconds since the epoch, as the mock sees them. */
  now(): number;
}

export interface ClockState {
  now: number;
  offsetMs: number;
  frozen: boolean;
}

/** What a durable state keeps of a clock: the offset from real time, or the instant it stands still at. */
export interface SavedClock {
  offsetMs: number;
  frozenAt: number | null;
}

export interface ControllableClock extends Clock {
  /** Each move throws a RangeError (and changes nothing) when the mock time would leave JavaScript's date range. */
  advance(ms: number): void;
  set(epochMs: number): void;
  freeze(frozen: boolean): void;
  /** Back to real time: no offset, not frozen. */
  real(): void;
  state(): ClockState;
  saved(): SavedClock;
  restore(saved: SavedClock): void;
}

/** The largest distance from the epoch a Date can hold (ECMA-262: ±8.64e15 ms, about ±275,000 years). */
export const MAX_DATE_MS = 8.64e15;

const inDateRange = (ms: number): boolean => Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS;

/** The ISO 8601 text of an instant (`2026-01-01T00:00:00.000Z`); a RangeError outside the dates a Date can hold. */
export const toIso = (ms: number): string => new Date(ms).toISOString();

/** The HTTP date of an instant (`Thu, 01 Jan 2026 00:00:00 GMT`). */
export const toUtcString = (ms: number): string => new Date(ms).toUTCString();

/** Real time plus a movable offset; can be frozen at the current mock time. */
export function createClock(source: () => number = () => Date.now()): ControllableClock {
  let offsetMs = 0;
  let frozenAt: number | null = null;
  const now = (): number => frozenAt ?? source() + offsetMs;
  /** Refuse a mock time a Date cannot hold (toISOString would throw on every later request). */
  const check = (target: number, what: string): void => {
    if (!inDateRange(target)) throw new RangeError(`${what} would put the mock clock outside the dates JavaScript can hold (±275,000 years around 1970)`);
  };
  return {
    now,
    advance(ms) {
      if (!Number.isFinite(ms)) throw new RangeError('advance needs a finite number of milliseconds');
      check(now() + ms, 'this advance');
      if (frozenAt !== null) frozenAt += ms;
      else offsetMs += ms;
    },
    set(epochMs) {
      if (!Number.isFinite(epochMs)) throw new RangeError('set needs a finite epoch time');
      check(epochMs, 'this time');
      if (frozenAt !== null) frozenAt = epochMs;
      else offsetMs = epochMs - source();
    },
    freeze(frozen) {
      if (frozen && frozenAt === null) frozenAt = now();
      else if (!frozen && frozenAt !== null) {
        offsetMs = frozenAt - source();
        frozenAt = null;
      }
    },
    real() {
      offsetMs = 0;
      frozenAt = null;
    },
    state() {
      const at = now();
      return { now: at, offsetMs: frozenAt === null ? offsetMs : frozenAt - source(), frozen: frozenAt !== null };
    },
    saved: () => ({ offsetMs, frozenAt }),
    restore(saved) {
      const target = saved.frozenAt ?? source() + saved.offsetMs;
      check(target, 'the saved clock');
      offsetMs = saved.offsetMs;
      frozenAt = saved.frozenAt;
    },
  };
}

/** A frozen clock for tests: starts at `startMs` and moves only when told. */
export function createFixedClock(startMs: number): ControllableClock {
  const clock = createClock(() => startMs);
  clock.freeze(true);
  return clock;
}

const durationPattern = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** ISO 8601 duration (days and time parts, optionally negative with a leading '-') → milliseconds, or null if malformed. */
export function parseDuration(text: string): number | null {
  const negative = text.startsWith('-');
  const match = durationPattern.exec(negative ? text.slice(1) : text);
  if (!match || text === 'P' || text.endsWith('T')) return null;
  const [, d, h, m, s] = match;
  if (d === undefined && h === undefined && m === undefined && s === undefined) return null;
  const ms = (Number(d ?? 0) * 86_400 + Number(h ?? 0) * 3_600 + Number(m ?? 0) * 60 + Number(s ?? 0)) * 1000;
  return negative ? -ms : ms;
}

/** Monotonic real milliseconds, for housekeeping that must not follow the mock clock (idle sandboxes, timings). */
export const monotonicNow = (): number => performance.now();

const shorthand = /^(-)?\s*(\d+(?:\.\d+)?)\s*(ms|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)$/i;

/** The ISO 8601 form of a shorthand such as `5m`, `90s`, `2h` or `1d` (`PT5M`, `PT90S`, `PT2H`, `P1D`), else undefined. */
export function suggestDuration(text: string): string | undefined {
  const match = shorthand.exec(text.trim());
  if (!match) return undefined;
  const [, minus = '', amount = '', unit = ''] = match;
  const u = unit.toLowerCase();
  const iso =
    u === 'ms'
      ? `PT${Number(amount) / 1000}S`
      : u.startsWith('s')
        ? `PT${amount}S`
        : u.startsWith('m')
          ? `PT${amount}M`
          : u.startsWith('h')
            ? `PT${amount}H`
            : `P${amount}D`;
  return `${minus}${iso}`;
}
