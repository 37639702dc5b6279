// The controllable clock: offsets, freezing, setting, and ISO 8601 durations.

import { describe, expect, it } from 'vitest';
import { createClock, createFixedClock, MAX_DATE_MS, parseDuration, suggestDuration, toIso, toUtcString } from '../../src/world/clock.js';

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

  it.each([
    ['running', false],
    ['frozen', true],
  ])('refuses (%s) a move out of the Date range and stays where it was', (_name, frozen) => {
    const clock = createClock(() => 1_000);
    clock.freeze(frozen);
    expect(() => clock.advance(MAX_DATE_MS)).toThrow(/outside the dates JavaScript can hold/);
    expect(() => clock.set(-MAX_DATE_MS - 1)).toThrow(RangeError);
    expect(clock.now()).toBe(1_000);
    expect(() => toIso(clock.now())).not.toThrow();
    clock.set(MAX_DATE_MS);
    expect(toIso(clock.now())).toBe('+275760-09-13T00:00:00.000Z');
  });

  it('goes back to real time, and keeps and restores its offset or frozen instant', () => {
    let real = 5_000;
    const clock = createClock(() => real);
    clock.advance(60_000);
    const running = clock.saved();
    clock.freeze(true);
    const frozen = clock.saved();
    clock.real();
    expect(clock.state()).toEqual({ now: 5_000, offsetMs: 0, frozen: false });
    real = 9_000;
    clock.restore(running);
    expect(clock.now()).toBe(69_000);
    clock.restore(frozen);
    real = 20_000;
    expect(clock.now()).toBe(65_000);
  });
});

describe('suggestDuration', () => {
  it.each([
    ['5m', 'PT5M'],
    ['5 min', 'PT5M'],
    ['30s', 'PT30S'],
    ['1500ms', 'PT1.5S'],
    ['2h', 'PT2H'],
    ['3 days', 'P3D'],
    ['-10m', '-PT10M'],
  ])('%j is written %s', (text, iso) => {
    expect(suggestDuration(text)).toBe(iso);
    expect(parseDuration(iso)).not.toBeNull();
  });

  it.each(['five minutes', 'PT5M', '5y'])('%j gets no suggestion', (text) => expect(suggestDuration(text)).toBeUndefined());
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

describe('toIso and toUtcString', () => {
  // Every year boundary that trips calendar arithmetic, then random instants over the whole range.
  const edges = [
    0, -1, 1, 86_399_999, 86_400_000, -86_400_000, 951_782_400_000 /* 2000-02-29 */, 4_107_542_399_999 /* 2100-02-28 end */,
    -62_167_219_200_000 /* 0000-01-01 */, -62_135_596_800_001, -30_610_224_000_000 /* 1000-01-01 */, 253_402_300_799_999 /* 9999-12-31 */,
    Date.UTC(2024, 1, 29, 23, 59, 59, 999), Date.UTC(1900, 2, 1), Date.UTC(1600, 1, 29, 12), Date.UTC(2026, 10, 23, 22, 40, 11, 394),
  ];
  const random = Array.from({ length: 20_000 }, (_, i) => Math.floor((((i * 2654435761) % 4294967296) / 4294967296) * 316e12) - 62e12);

  it('gives the text Date gives at every edge and at 20,000 instants from year 0 to 9999', () => {
    const wrong = [...edges, ...random].filter(
      (ms) => toIso(ms) !== new Date(ms).toISOString() || toUtcString(ms) !== new Date(ms).toUTCString(),
    );
    expect(wrong).toEqual([]);
  });

  it('falls back to Date outside years 0 to 9999, and throws as Date does for an invalid time', () => {
    expect(toIso(253_402_300_800_000)).toBe('+010000-01-01T00:00:00.000Z');
    expect(toIso(-62_167_219_200_001)).toBe('-000001-12-31T23:59:59.999Z');
    expect(toIso(1.7)).toBe(new Date(1.7).toISOString());
    expect(toUtcString(-1.5)).toBe(new Date(-1.5).toUTCString());
    expect(() => toIso(Number.NaN)).toThrow(RangeError);
    expect(toUtcString(Number.NaN)).toBe('Invalid Date');
  });
});
