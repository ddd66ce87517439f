// Local-day arithmetic (core/time). Runs in five zones (scripts/test-zones.mjs): a local day is 23,
// 24 or 25 hours long (23.5 and 24.5 on Lord Howe), and these helpers must follow the calendar, not
// `+ 24 hours`.
import { describe, expect, it } from 'vitest';
import {
  addDays,
  atLocalMinute,
  DAY,
  dayBounds,
  HOUR,
  localDayKey,
  MINUTE,
  startOfLocalDay,
  startOfNextLocalDay,
  weekdayOfDay,
} from '../../core/time';

// Local wall-clock moments around the year's edges and both daylight-saving changes of the
// northern and the southern hemisphere (in zones without them these are ordinary days).
const MOMENTS: [string, number][] = [
  ['New Year, just after midnight', new Date(2026, 0, 1, 0, 0, 1).getTime()],
  ["New Year's Eve, just before midnight", new Date(2025, 11, 31, 23, 59, 59).getTime()],
  ['spring forward in the US (8 March 2026)', new Date(2026, 2, 8, 12).getTime()],
  ['spring forward in Europe (29 March 2026)', new Date(2026, 2, 29, 12).getTime()],
  ['fall back in Lord Howe (5 April 2026)', new Date(2026, 3, 5, 12).getTime()],
  ['spring forward in Lord Howe (4 October 2026)', new Date(2026, 9, 4, 12).getTime()],
  ['fall back in Europe (25 October 2026)', new Date(2026, 9, 25, 1, 30).getTime()],
  ['fall back in the US (1 November 2026)', new Date(2026, 10, 1, 23, 59).getTime()],
  ['29 February', new Date(2028, 1, 29, 6).getTime()],
];

describe('core/time', () => {
  it('writes a minute, an hour and a day in milliseconds', () => {
    expect([MINUTE, HOUR, DAY]).toEqual([60_000, 3_600_000, 86_400_000]);
  });

  it.each(MOMENTS)('puts %s inside its own local day, from midnight to midnight', (_, t) => {
    const start = startOfLocalDay(t);
    const end = startOfNextLocalDay(t);
    expect(start).toBeLessThanOrEqual(t);
    expect(t).toBeLessThan(end);
    expect(new Date(start).getHours()).toBe(0);
    expect(new Date(end).getHours()).toBe(0);
    expect(localDayKey(start)).toBe(localDayKey(t));
    expect(localDayKey(end)).toBe(addDays(localDayKey(t), 1));
    expect(end - start).toBeGreaterThanOrEqual(23 * HOUR);
    expect(end - start).toBeLessThanOrEqual(25 * HOUR);
  });

  it.each(MOMENTS)('gives %s the same bounds by key as by moment', (_, t) => {
    expect(dayBounds(localDayKey(t))).toEqual({ start: startOfLocalDay(t), end: startOfNextLocalDay(t) });
  });

  it.each([
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2026-03-28', 2, '2026-03-30'],
    ['2026-10-24', 2, '2026-10-26'],
    ['2026-05-12', -60, '2026-03-13'],
    ['2026-05-12', 0, '2026-05-12'],
  ])('counts %s plus %i days as %s', (day, offset, expected) => {
    expect(addDays(day, offset)).toBe(expected);
  });

  it.each([
    ['2026-01-04', 0],
    ['2026-03-08', 0],
    ['2026-03-29', 0],
    ['2026-10-25', 0],
    ['2026-12-05', 6],
    ['2028-02-29', 2],
  ])('says %s is weekday %i', (day, weekday) => {
    expect(weekdayOfDay(day)).toBe(weekday);
  });

  it.each(MOMENTS)('finds 15:30 on the local day of %s', (_, t) => {
    const at = atLocalMinute(t, 15 * 60 + 30);
    expect(localDayKey(at)).toBe(localDayKey(t));
    expect([new Date(at).getHours(), new Date(at).getMinutes()]).toEqual([15, 30]);
  });
});
