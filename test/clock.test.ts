// The controllable clock: offsets, freezing, setting, and ISO 8601 durations.

import { describe, expect, it } from 'vitest';
import { createClock, createFixedClock, parseDuration } from '../src/clock.js';

describe('createClock', () => {
  it('follows its source plus an offset that advance moves', () => {
    let real = 1_000;
    const clock = createClock(() => real);
    clock.advance(300_000);
    real += 5;
    expect(clock.now()).toBe(301_005);
    expect(clock.state()).toEqual({ now: 301_005, offsetMs: 300_000, frozen: false });
  });

  it('stands still when frozen, moves only when told, and resumes from there', () => {
    let real = 0;
    const clock = createClock(() => real);
    clock.freeze(true);
    real = 10_000;
    expect(clock.now()).toBe(0);
    clock.advance(250);
    expect(clock.now()).toBe(250);
    clock.freeze(false);
    real = 10_100;
    expect(clock.now()).toBe(350);
  });

  it('jumps to a set time, frozen or not', () => {
    const clock = createClock(() => 42);
    clock.set(Date.parse('2030-01-01T00:00:00Z'));
    expect(new Date(clock.now()).toISOString()).toBe('2030-01-01T00:00:00.000Z');
    const fixed = createFixedClock(0);
    fixed.set(99);
    expect(fixed.now()).toBe(99);
  });

  it('refuses non-finite moves', () => {
    expect(() => createClock().advance(Number.NaN)).toThrow(RangeError);
  });
});

describe('parseDuration', () => {
  it.each([
    ['PT5M', 300_000],
    ['PT0.5S', 500],
    ['P1DT2H', 93_600_000],
    ['PT240M', 14_400_000],
    ['-PT1M', -60_000],
  ])('%s is %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', 'P', 'PT', '5M', 'PT5X', 'P1Y', 'PTM'])('%j is not a duration', (text) => expect(parseDuration(text)).toBeNull());
});
