// Active hours, as properties over random valid weeks and random moments. The moments cluster around
// this zone's own daylight-saving changes (when it has any), so the zones script exercises them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activeUntil,
  DEFAULT_HOURS,
  isActiveAt,
  nextNudgeWithinHours,
  nextOpening,
  type TimeRange,
  validateHours,
  type Weekday,
  type WeekHours,
} from '../../core/time/hours';
import { PROPERTY_BUDGET_MS } from './budgets';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const DAY_MINUTES = 1440;
const WEEK_MINUTES = 7 * DAY_MINUTES;
const RUNS = { numRuns: 1000 };

/**
 * A valid week: pairs of distinct cut points around the week's circle become stretches, turned by
 * a random amount (so some cross Saturday into Sunday), and cut into ranges of at most a day, which
 * leaves neighbours touching, as a person would enter a long stretch day by day.
 */
const weekHoursArb: fc.Arbitrary<WeekHours> = fc
  .record({
    cuts: fc.uniqueArray(
      fc.oneof(
        fc.integer({ min: 0, max: WEEK_MINUTES - 1 }),
        fc.integer({ min: 0, max: WEEK_MINUTES / 15 - 1 }).map((q) => q * 15),
      ),
      { maxLength: 14 },
    ),
    turn: fc.integer({ min: 0, max: WEEK_MINUTES - 1 }),
  })
  .map(({ cuts, turn }) => {
    const days: Record<Weekday, TimeRange[]> = { 0: [], 1: [], 2: [], 3: [], 4: [], 5: [], 6: [] };
    const sorted = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < sorted.length; i += 2) {
      const from = sorted[i] ?? 0;
      let left = (sorted[i + 1] ?? 0) - from;
      let at = (from + turn) % WEEK_MINUTES;
      while (left > 0) {
        const length = Math.min(left, DAY_MINUTES);
        const start = at % DAY_MINUTES;
        const endsAt = start + length;
        const nextDay = endsAt >= DAY_MINUTES;
        days[(Math.floor(at / DAY_MINUTES) % 7) as Weekday].push({
          start,
          end: nextDay ? endsAt - DAY_MINUTES : endsAt,
          nextDay,
        });
        left -= length;
        at = (at + length) % WEEK_MINUTES;
      }
    }
    return days;
  });

const hoursArb = fc.oneof(
  { weight: 8, arbitrary: weekHoursArb },
  { weight: 1, arbitrary: fc.constant(DEFAULT_HOURS) },
);

/** This zone's clock changes around 2026, found from the zone database: none in UTC or Kathmandu. */
const changes: number[] = [];
for (let t = Date.UTC(2025, 11, 1); t < Date.UTC(2027, 1, 1); t += 15 * MINUTE) {
  if (new Date(t).getTimezoneOffset() !== new Date(t + 15 * MINUTE).getTimezoneOffset()) {
    changes.push(t + 15 * MINUTE);
  }
}

const anyTime = fc.integer({ min: Date.UTC(2025, 11, 1), max: Date.UTC(2027, 1, 1) });
const rawTimeArb =
  changes.length > 0
    ? fc.oneof(
        anyTime,
        fc
          .tuple(fc.constantFrom(...changes), fc.integer({ min: -2 * DAY, max: 2 * DAY }))
          .map(([change, offset]) => change + offset),
      )
    : anyTime;
/** Moments, often on a whole minute, where ranges open and close. */
const timeArb = fc.oneof(
  rawTimeArb,
  rawTimeArb.map((t) => t - (t % MINUTE)),
);
const intervalArb = fc.integer({ min: 15, max: 240 }).map((m) => m * MINUTE);

/**
 * Whether the wall clock at t is inside the hours, read straight off the week. It matches the real
 * stretches everywhere except while an hour repeats, when a stretch already open stays open and
 * one already closed stays closed.
 */
function wallClockActive(hours: WeekHours, t: number): boolean {
  const date = new Date(t);
  const day = date.getDay() as Weekday;
  const minute = date.getHours() * 60 + date.getMinutes();
  const yesterday = ((day + 6) % 7) as Weekday;
  return (
    hours[day].some((r) => (r.nextDay ? minute >= r.start : r.start <= minute && minute < r.end)) ||
    hours[yesterday].some((r) => r.nextDay && minute < r.end)
  );
}
const justFellBack = (t: number) =>
  new Date(t).getTimezoneOffset() > new Date(t - 3 * HOUR).getTimezoneOffset();

describe('active hours (properties)', () => {
  it(
    'builds only weeks that validateHours finds sound',
    () => {
      fc.assert(
        fc.property(weekHoursArb, (hours) => {
          expect(validateHours(hours)).toEqual([]);
        }),
        RUNS,
      );
    },
    PROPERTY_BUDGET_MS,
  );

  it(
    'nudges after from, within hours, one whole active interval after from or an opening',
    () => {
      fc.assert(
        fc.property(hoursArb, timeArb, intervalArb, (hours, from, interval) => {
          const next = nextNudgeWithinHours(hours, from, interval);
          if (next === null) return;
          expect(next).toBeGreaterThan(from);
          expect(next - from).toBeGreaterThanOrEqual(interval);
          expect(next - from).toBeLessThanOrEqual(14 * DAY + interval);
          expect(isActiveAt(hours, next)).toBe(true);
          // The interval before the nudge was all active time: never a nudge at an opening minute.
          expect(activeUntil(hours, next - interval) ?? 0).toBeGreaterThan(next);
        }),
        RUNS,
      );
    },
    PROPERTY_BUDGET_MS,
  );

  it(
    'finds the next opening at or after t, where the hours really begin',
    () => {
      fc.assert(
        fc.property(hoursArb, timeArb, (hours, t) => {
          const opening = nextOpening(hours, t);
          const someRange = Object.values(hours).some((ranges) => ranges.length > 0);
          expect(opening === null).toBe(!someRange);
          if (opening === null) return;
          expect(opening).toBeGreaterThanOrEqual(t);
          // Within a week, or two when the only gap of the week falls in a skipped hour.
          expect(opening - t).toBeLessThan(15 * DAY);
          expect(isActiveAt(hours, opening)).toBe(true);
          if (opening > t) expect(isActiveAt(hours, opening - 1)).toBe(false);
        }),
        RUNS,
      );
    },
    PROPERTY_BUDGET_MS,
  );

  it(
    'agrees between isActiveAt and activeUntil',
    () => {
      fc.assert(
        fc.property(hoursArb, timeArb, (hours, t) => {
          const active = isActiveAt(hours, t);
          const until = activeUntil(hours, t);
          expect(until !== null).toBe(active);
          if (until === null) return;
          expect(until).toBeGreaterThan(t);
          expect(isActiveAt(hours, until - 1)).toBe(true);
          expect(isActiveAt(hours, until)).toBe(false);
        }),
        RUNS,
      );
    },
    PROPERTY_BUDGET_MS,
  );

  it(
    'reads the hours off the local wall clock (outside a repeated hour)',
    () => {
      fc.assert(
        fc.property(hoursArb, timeArb, (hours, t) => {
          fc.pre(!justFellBack(t));
          expect(isActiveAt(hours, t)).toBe(wallClockActive(hours, t));
        }),
        RUNS,
      );
    },
    PROPERTY_BUDGET_MS,
  );
});
