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

export interface ControllableClock extends Clock {
  advance(ms: number): void;
  set(epochMs: number): void;
  freeze(frozen: boolean): void;
  state(): ClockState;
}

/** Real time plus a movable offset; can be frozen at the current mock time. */
export function createClock(source: () => number = () => Date.now()): ControllableClock {
  let offsetMs = 0;
  let frozenAt: number | null = null;
  const now = (): number => frozenAt ?? source() + offsetMs;
  return {
    now,
    advance(ms) {
      if (!Number.isFinite(ms)) throw new RangeError('advance needs a finite number of milliseconds');
      if (frozenAt !== null) frozenAt += ms;
      else offsetMs += ms;
    },
    set(epochMs) {
      if (!Number.isFinite(epochMs)) throw new RangeError('set needs a finite epoch time');
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
    state() {
      const at = now();
      return { now: at, offsetMs: frozenAt === null ? offsetMs : frozenAt - source(), frozen: frozenAt !== null };
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
