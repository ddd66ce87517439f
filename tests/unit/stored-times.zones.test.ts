// Stored times the clock can't vouch for (issue 7): a pause saved while the clock was a year fast, a
// timestamp past the range of Date, are invalid on read. Runs in five zones (scripts/test-zones.mjs):
// the longest real pause and plan depend on daylight saving.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { planFrom } from '../../core/schedule';
import {
  DEFAULT_SCHEDULE,
  DEFAULT_SETTINGS,
  parseSchedule,
  type Schedule,
  type Settings,
} from '../../core/schema';
import { DAY, HOUR, MINUTE, startOfNextLocalDay } from '../../core/time';
import { loadSchedule, loadTimer } from '../../platform/storage';
import { PROPERTY_BUDGET_MS } from './budgets';

// Tuesday 12 May 2026, 14:00 local time.
const NOW = new Date(2026, 4, 12, 14, 0).getTime();
const YEAR = 365 * DAY;
const PAST_DATE_RANGE = 9e15; // new Date(9e15) is an Invalid Date

describe('stored times the clock cannot vouch for', () => {
  it('reads a pause a year ahead as no pause at all, and says so', () => {
    const parsed = parseSchedule(
      { ...DEFAULT_SCHEDULE, pausedUntil: NOW + YEAR, pauseKind: 'pause', nextNudgeAt: NOW + YEAR + HOUR },
      NOW,
    );
    expect(parsed.value.pausedUntil).toBeNull();
    expect(parsed.value.pauseKind).toBeNull();
    expect(parsed.value.nextNudgeAt).toBeNull();
    expect(parsed.repaired).toEqual(expect.arrayContaining(['pausedUntil', 'nextNudgeAt']));
  });

  it('keeps a long real pause (until a date, up to 31 days), and refuses one past that', () => {
    const until = NOW + 25 * HOUR;
    const parsed = parseSchedule({ ...DEFAULT_SCHEDULE, pausedUntil: until, pauseKind: 'pause' }, NOW);
    expect(parsed).toEqual({
      value: { ...DEFAULT_SCHEDULE, pausedUntil: until, pauseKind: 'pause' },
      repaired: [],
    });
    // Pause until a date and time (issue 18): up to PAUSE_AHEAD_MAX, 31 days, is real.
    expect(parseSchedule({ ...DEFAULT_SCHEDULE, pausedUntil: NOW + 30 * DAY }, NOW).repaired).toEqual([]);
    expect(parseSchedule({ ...DEFAULT_SCHEDULE, pausedUntil: NOW + 32 * DAY }, NOW).repaired).toEqual([
      'pausedUntil',
    ]);
  });

  it('keeps "until tomorrow" set just after midnight on every day of the year, daylight saving or not', () => {
    for (let day = 0; day < 366; day++) {
      const now = new Date(2026, 0, 1 + day, 0, 0, 1).getTime();
      const until = startOfNextLocalDay(now);
      expect(
        parseSchedule({ ...DEFAULT_SCHEDULE, pausedUntil: until, pauseKind: 'pause' }, now).repaired,
      ).toEqual([]);
    }
  });

  it('keeps a real plan more than 8 days away: a pause until tomorrow that just misses the one weekly window', () => {
    // Only Monday 23:00 to Tuesday 3:01, every 4 hours; paused early on Monday until Tuesday 0:00.
    const monday = new Date(2026, 4, 11, 0, 0, 1).getTime();
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      intervalMinutes: 240,
      hours: {
        0: [],
        1: [{ start: 23 * 60, end: 3 * 60 + 1, nextDay: true }],
        2: [],
        3: [],
        4: [],
        5: [],
        6: [],
      },
    };
    const paused: Schedule = {
      ...DEFAULT_SCHEDULE,
      pausedUntil: startOfNextLocalDay(monday),
      pauseKind: 'pause',
    };
    const next = planFrom(settings, paused, monday);
    expect(next).not.toBeNull();
    expect((next ?? 0) - monday).toBeGreaterThan(8 * DAY);
    expect(parseSchedule({ ...paused, nextNudgeAt: next }, monday).repaired).toEqual([]);
  });

  it(
    'never refuses a plan the scheduler itself made',
    () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 15, max: 240 }),
          fc.array(
            fc.record({ start: fc.integer({ min: 0, max: 1439 }), length: fc.integer({ min: 1, max: 600 }) }),
            {
              minLength: 1,
              maxLength: 3,
            },
          ),
          fc.integer({ min: 0, max: 6 }),
          fc.integer({ min: 0, max: 14 * DAY }),
          fc.option(fc.integer({ min: 1, max: 25 * HOUR })),
          (interval, ranges, weekday, offset, pause) => {
            const now = NOW + offset;
            const range = ranges[0] ?? { start: 0, length: 60 };
            const end = range.start + range.length;
            const day = [{ start: range.start, end: end % 1440, nextDay: end >= 1440 }];
            const hours = {
              0: [],
              1: [],
              2: [],
              3: [],
              4: [],
              5: [],
              6: [],
              [weekday]: day,
            } as Settings['hours'];
            const settings: Settings = { ...DEFAULT_SETTINGS, intervalMinutes: interval, hours };
            const schedule: Schedule = {
              ...DEFAULT_SCHEDULE,
              pausedUntil: pause === null ? null : Math.min(now + pause, startOfNextLocalDay(now)),
            };
            const next = planFrom(settings, schedule, now);
            expect(parseSchedule({ ...schedule, nextNudgeAt: next }, now).repaired).toEqual([]);
          },
        ),
        { numRuns: 500 },
      );
    },
    PROPERTY_BUDGET_MS,
  );

  it('refuses times past the range of Date, and fractions of a millisecond', () => {
    for (const bad of [PAST_DATE_RANGE, 8.64e15 + 1, Number.POSITIVE_INFINITY, NOW + 0.5, -1]) {
      expect(parseSchedule({ ...DEFAULT_SCHEDULE, lastNudgeAt: bad }, NOW).repaired).toEqual(['lastNudgeAt']);
    }
  });

  it('reads a stored pause a year ahead as "not paused" and reports it in the console', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakeBrowser.storage.local.set({
      schedule: { ...DEFAULT_SCHEDULE, pausedUntil: NOW + YEAR, pauseKind: 'meeting' },
      schedule$: { v: 2 },
    });
    expect(await loadSchedule(NOW)).toEqual(DEFAULT_SCHEDULE);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('pausedUntil'));
  });

  it('reads a timer that ends further away than its minutes allow as no timer', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const timer = { endsAt: NOW + 10 * MINUTE, minutes: 10, checkInId: 'c1' };
    await fakeBrowser.storage.local.set({ timer, timer$: { v: 1 } });
    expect(await loadTimer(NOW)).toEqual(timer);
    await fakeBrowser.storage.local.set({ timer: { ...timer, endsAt: NOW + YEAR } });
    expect(await loadTimer(NOW)).toBeNull();
    await fakeBrowser.storage.local.set({ timer: { ...timer, endsAt: PAST_DATE_RANGE } });
    expect(await loadTimer(NOW)).toBeNull();
  });
});
