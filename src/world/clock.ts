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

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const pad3 = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n));

/** Year, month (1-12), day of the month and weekday (0 = Sunday) of a day count since 1970-01-01 (proleptic Gregorian). */
function civilFromDays(days: number): { year: number; month: number; day: number; weekday: number } {
  // Howard Hinnant's days_from_civil inverse: exact for every day a Date can hold.
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day, weekday: (((days + 4) % 7) + 7) % 7 };
}

/**
 * `new Date(ms).toISOString()` without V8's printf-based formatting (about 2 µs a call, most of the request log's
 * cost): the same text for years 0 to 9999, and Date itself (and its RangeError) for anything else.
 */
export function toIso(ms: number): string {
  if (!(ms >= -62167219200000 && ms < 253402300800000) || !Number.isInteger(ms)) return new Date(ms).toISOString();
  const days = Math.floor(ms / 86400000);
  const { year, month, day } = civilFromDays(days);
  const inDay = ms - days * 86400000;
  const y = year < 1000 ? String(year).padStart(4, '0') : String(year);
  return `${y}-${pad2(month)}-${pad2(day)}T${pad2(Math.floor(inDay / 3600000))}:${pad2(Math.floor(inDay / 60000) % 60)}:${pad2(Math.floor(inDay / 1000) % 60)}.${pad3(inDay % 1000)}Z`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** `new Date(ms).toUTCString()` (`Thu, 01 Jan 2026 00:00:00 GMT`) the same way, for years 1000 to 9999. */
export function toUtcString(ms: number): string {
  if (!(ms >= -30610224000000 && ms < 253402300800000)) return new Date(ms).toUTCString();
  const whole = Math.trunc(ms);
  const days = Math.floor(whole / 86400000);
  const { year, month, day, weekday } = civilFromDays(days);
  const inDay = whole - days * 86400000;
  return `${WEEKDAYS[weekday]}, ${pad2(day)} ${MONTHS[month - 1]} ${year} ${pad2(Math.floor(inDay / 3600000))}:${pad2(Math.floor(inDay / 60000) % 60)}:${pad2(Math.floor(inDay / 1000) % 60)} GMT`;
}

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
