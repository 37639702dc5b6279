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
  it.each([
    ['the epoch', { given: 0, want: ['1970-01-01T00:00:00.000Z', 'Thu, 01 Jan 1970 00:00:00 GMT'] }],
    ['a leap day', { given: Date.UTC(2024, 1, 29, 23, 59, 59, 999), want: ['2024-02-29T23:59:59.999Z', 'Thu, 29 Feb 2024 23:59:59 GMT'] }],
    ['year 0', { given: -62_167_219_200_000, want: ['0000-01-01T00:00:00.000Z', 'Sat, 01 Jan 0000 00:00:00 GMT'] }],
    ['after year 9999', { given: 253_402_300_800_000, want: ['+010000-01-01T00:00:00.000Z', 'Sat, 01 Jan 10000 00:00:00 GMT'] }],
    ['before year 0', { given: -62_167_219_200_001, want: ['-000001-12-31T23:59:59.999Z', 'Fri, 31 Dec -0001 23:59:59 GMT'] }],
  ])('%s', (_name, { given, want }) => {
    expect([toIso(given), toUtcString(given)]).toEqual(want);
  });

  it('throws a RangeError for an invalid time rather than writing a date', () => {
    expect(() => toIso(Number.NaN)).toThrow(RangeError);
    expect(toUtcString(Number.NaN)).toBe('Invalid Date');
  });
});
