// Active hours, as tables of explicit local dates. Every expectation is written in local wall-clock
// terms (`new Date(y, m, d, h, min)`), so the file passes under any TZ; the groups about one zone's
// daylight-saving changes run only in that zone. `node scripts/test-zones.mjs` runs this file under
// each of those zones and fails if any test was skipped in all of them.
import { afterEach, describe, expect, it } from 'vitest';
import {
  activeUntil,
  DEFAULT_HOURS,
  formatClock,
  isActiveAt,
  nextNudgeWithinHours,
  nextOpening,
  parseClock,
  type TimeRange,
  validateHours,
  type Weekday,
  type WeekHours,
} from '../../core/time/hours';
import { at, HOUR, inZone, MINUTE } from './zone';

/** "HH:MM" on the local wall clock at t. */
const wall = (t: number) => formatClock(new Date(t).getHours() * 60 + new Date(t).getMinutes());
const minutes = (clock: string): number => {
  const value = parseClock(clock);
  if (value === null) throw new Error(`bad clock ${clock}`);
  return value;
};
/** "22:00"–"06:00" crosses midnight by itself: nextDay whenever the end is not after the start. */
const range = (start: string, end: string): TimeRange => {
  const s = minutes(start);
  const e = minutes(end);
  return { start: s, end: e, nextDay: e <= s };
};
const week = (days: Partial<Record<Weekday, TimeRange[]>>): WeekHours => ({
  0: [],
  1: [],
  2: [],
  3: [],
  4: [],
  5: [],
  6: [],
  ...days,
});
const everyDay = (...ranges: TimeRange[]) =>
  week({ 0: ranges, 1: ranges, 2: ranges, 3: ranges, 4: ranges, 5: ranges, 6: ranges });
const weekdays = (...ranges: TimeRange[]) => week({ 1: ranges, 2: ranges, 3: ranges, 4: ranges, 5: ranges });

// An ordinary week, far from any daylight-saving change in the zones we test: Mon 11 – Sun 17 May 2026.
const MON = 11;
const TUE = 12;
const FRI = 15;
const SAT = 16;
const SUN = 17;
const NEXT_MON = 18;
const may = (d: number, h = 0, min = 0) => at(2026, 5, d, h, min);

const NIGHT_OWL = week({ 5: [range('22:00', '02:00')] }); // Friday night into Saturday
const MIDNIGHT_SPLIT = week({ 1: [range('22:00', '00:00')], 2: [range('00:00', '06:00')] });
const LUNCH_BREAK = weekdays(range('09:00', '12:00'), range('13:00', '18:00'));
const ALL_WEEK = everyDay(range('00:00', '00:00'));
const NONE = week({});
const named = {
  default: DEFAULT_HOURS,
  'night owl': NIGHT_OWL,
  'midnight split': MIDNIGHT_SPLIT,
  'lunch break': LUNCH_BREAK,
  'all week': ALL_WEEK,
  none: NONE,
};

describe('parseClock', () => {
  it.each([
    ['9:00', 540],
    ['09:00', 540],
    ['18:30', 1110],
    ['0:00', 0],
    ['23:59', 1439],
    [' 7:05 ', 425],
  ])('reads %s as %i minutes', (text, expected) => {
    expect(parseClock(text)).toBe(expected);
  });

  it.each(['', 'nine', '24:00', '9:60', '9', '9:0', '900', '-1:00', '9:00 pm', '123:00', '9.00'])(
    'refuses %j',
    (text) => {
      expect(parseClock(text)).toBeNull();
    },
  );
});

describe('formatClock', () => {
  it.each([
    [540, '09:00'],
    [0, '00:00'],
    [1110, '18:30'],
    [1439, '23:59'],
    [1440, '00:00'],
  ])('writes %i minutes as %s', (value, expected) => {
    expect(formatClock(value)).toBe(expected);
  });

  it('reads back what it writes for every minute of the day', () => {
    for (let m = 0; m < 1440; m++) expect(parseClock(formatClock(m))).toBe(m);
  });
});

describe('DEFAULT_HOURS', () => {
  it('is Monday to Friday, 9:00 to 18:00, with the weekend off', () => {
    expect(DEFAULT_HOURS).toEqual(weekdays(range('09:00', '18:00')));
    expect(validateHours(DEFAULT_HOURS)).toEqual([]);
  });
});

describe('isActiveAt', () => {
  it.each([
    { hours: 'default', when: 'Mon 8:59', t: may(MON, 8, 59), expected: false },
    { hours: 'default', when: 'Mon 9:00', t: may(MON, 9, 0), expected: true },
    { hours: 'default', when: 'Mon 17:59', t: may(MON, 17, 59), expected: true },
    { hours: 'default', when: 'Mon 18:00', t: may(MON, 18, 0), expected: false },
    { hours: 'default', when: 'Fri 12:00', t: may(FRI, 12, 0), expected: true },
    { hours: 'default', when: 'Sat 12:00', t: may(SAT, 12, 0), expected: false },
    { hours: 'default', when: 'Sun 12:00', t: may(SUN, 12, 0), expected: false },
    { hours: 'night owl', when: 'Fri 21:59', t: may(FRI, 21, 59), expected: false },
    { hours: 'night owl', when: 'Fri 23:00', t: may(FRI, 23, 0), expected: true },
    { hours: 'night owl', when: 'Sat 00:00', t: may(SAT, 0, 0), expected: true },
    { hours: 'night owl', when: 'Sat 01:59', t: may(SAT, 1, 59), expected: true },
    { hours: 'night owl', when: 'Sat 02:00', t: may(SAT, 2, 0), expected: false },
    { hours: 'night owl', when: 'Fri 01:00', t: may(FRI, 1, 0), expected: false },
    { hours: 'lunch break', when: 'Tue 12:30', t: may(TUE, 12, 30), expected: false },
    { hours: 'lunch break', when: 'Tue 13:00', t: may(TUE, 13, 0), expected: true },
    { hours: 'all week', when: 'Sun 03:00', t: may(SUN, 3, 0), expected: true },
    { hours: 'none', when: 'Tue 10:00', t: may(TUE, 10, 0), expected: false },
  ])('$hours hours: active at $when is $expected', ({ hours, t, expected }) => {
    expect(isActiveAt(named[hours as keyof typeof named], t)).toBe(expected);
  });

  it('lets a Saturday night range run on into Sunday morning', () => {
    const hours = week({ 6: [range('22:00', '06:00')] });
    expect(isActiveAt(hours, may(SUN, 5, 59))).toBe(true);
    expect(isActiveAt(hours, may(SUN, 6, 0))).toBe(false);
    expect(isActiveAt(hours, may(SUN, 23, 0))).toBe(false);
  });

  it('ignores a range that is broken on its own', () => {
    const hours = week({ 1: [{ start: 600, end: 540, nextDay: false }] });
    expect(isActiveAt(hours, may(MON, 9, 30))).toBe(false);
    expect(isActiveAt(hours, may(MON, 11, 0))).toBe(false);
  });
});

describe('activeUntil', () => {
  it.each([
    { hours: 'default', when: 'Mon 10:00', t: may(MON, 10), expected: may(MON, 18) },
    { hours: 'default', when: 'Mon 8:00', t: may(MON, 8), expected: null },
    { hours: 'default', when: 'Sat 10:00', t: may(SAT, 10), expected: null },
    { hours: 'night owl', when: 'Fri 23:00', t: may(FRI, 23), expected: may(SAT, 2) },
    { hours: 'midnight split', when: 'Mon 23:00', t: may(MON, 23), expected: may(TUE, 6) },
    { hours: 'midnight split', when: 'Tue 00:00', t: may(TUE, 0), expected: may(TUE, 6) },
    { hours: 'lunch break', when: 'Tue 11:00', t: may(TUE, 11), expected: may(TUE, 12) },
    { hours: 'all week', when: 'Tue 11:00', t: may(TUE, 11), expected: Number.POSITIVE_INFINITY },
    { hours: 'none', when: 'Tue 11:00', t: may(TUE, 11), expected: null },
  ])('$hours hours at $when: active until $expected', ({ hours, t, expected }) => {
    expect(activeUntil(named[hours as keyof typeof named], t)).toBe(expected);
  });

  it('merges Saturday night into the Sunday range that follows it', () => {
    const hours = week({ 6: [range('22:00', '02:00')], 0: [range('02:00', '04:00')] });
    expect(activeUntil(hours, may(SAT, 23))).toBe(may(SUN, 4));
  });
});

describe('nextOpening', () => {
  it.each([
    { hours: 'default', when: 'Mon 8:00', t: may(MON, 8), expected: may(MON, 9) },
    { hours: 'default', when: 'exactly Mon 9:00', t: may(MON, 9), expected: may(MON, 9) },
    { hours: 'default', when: 'Mon 10:00', t: may(MON, 10), expected: may(TUE, 9) },
    { hours: 'default', when: 'Fri 18:00', t: may(FRI, 18), expected: may(NEXT_MON, 9) },
    { hours: 'default', when: 'Sun 23:59', t: may(SUN, 23, 59), expected: may(NEXT_MON, 9) },
    { hours: 'night owl', when: 'Sat 01:00', t: may(SAT, 1), expected: at(2026, 5, 22, 22) },
    { hours: 'midnight split', when: 'Mon 21:00', t: may(MON, 21), expected: may(MON, 22) },
    // Tuesday 00:00 continues Monday night: it opens nothing.
    { hours: 'midnight split', when: 'Mon 23:00', t: may(MON, 23), expected: may(NEXT_MON, 22) },
    { hours: 'lunch break', when: 'Tue 12:00', t: may(TUE, 12), expected: may(TUE, 13) },
    { hours: 'all week', when: 'Tue 12:00', t: may(TUE, 12), expected: null },
    { hours: 'none', when: 'Tue 12:00', t: may(TUE, 12), expected: null },
  ])('$hours hours after $when: opens at $expected', ({ hours, t, expected }) => {
    expect(nextOpening(named[hours as keyof typeof named], t)).toBe(expected);
  });
});

describe('nextNudgeWithinHours', () => {
  it.each([
    { hours: 'default', from: 'Mon 10:00', t: may(MON, 10), every: 60, expected: may(MON, 11) },
    // 16:30 + 90 min lands on 18:00, as the day closes: that nudge moves to Tuesday.
    { hours: 'default', from: 'Mon 16:30', t: may(MON, 16, 30), every: 90, expected: may(TUE, 10, 30) },
    { hours: 'default', from: 'Mon 17:00', t: may(MON, 17), every: 60, expected: may(TUE, 10) },
    { hours: 'default', from: 'Mon 17:30', t: may(MON, 17, 30), every: 60, expected: may(TUE, 10) },
    { hours: 'default', from: 'Mon 8:00', t: may(MON, 8), every: 30, expected: may(MON, 9, 30) },
    { hours: 'default', from: 'Mon 8:45', t: may(MON, 8, 45), every: 30, expected: may(MON, 9, 30) },
    { hours: 'default', from: 'Mon 9:00', t: may(MON, 9), every: 45, expected: may(MON, 9, 45) },
    { hours: 'default', from: 'Fri 17:30', t: may(FRI, 17, 30), every: 60, expected: may(NEXT_MON, 10) },
    { hours: 'default', from: 'Sat 12:00', t: may(SAT, 12), every: 90, expected: may(NEXT_MON, 10, 30) },
    { hours: 'lunch break', from: 'Tue 11:45', t: may(TUE, 11, 45), every: 90, expected: may(TUE, 14, 30) },
    { hours: 'lunch break', from: 'Tue 10:00', t: may(TUE, 10), every: 60, expected: may(TUE, 11) },
    { hours: 'night owl', from: 'Fri 23:30', t: may(FRI, 23, 30), every: 60, expected: may(SAT, 0, 30) },
    { hours: 'night owl', from: 'Sat 01:30', t: may(SAT, 1, 30), every: 60, expected: at(2026, 5, 22, 23) },
    { hours: 'night owl', from: 'Thu 12:00', t: at(2026, 5, 14, 12), every: 240, expected: null },
    { hours: 'midnight split', from: 'Mon 23:30', t: may(MON, 23, 30), every: 60, expected: may(TUE, 0, 30) },
    { hours: 'midnight split', from: 'Mon 20:00', t: may(MON, 20), every: 60, expected: may(MON, 23) },
    { hours: 'all week', from: 'Sun 03:00', t: may(SUN, 3), every: 45, expected: may(SUN, 3, 45) },
    { hours: 'none', from: 'Tue 10:00', t: may(TUE, 10), every: 30, expected: null },
  ])('$hours hours, from $from every $every min → $expected', ({ hours, t, every, expected }) => {
    expect(nextNudgeWithinHours(named[hours as keyof typeof named], t, every * MINUTE)).toBe(expected);
  });

  it('never nudges at the opening minute: the first nudge of a window comes one interval in', () => {
    for (const every of [15, 30, 60, 90, 240]) {
      for (const from of [may(MON, 7), may(MON, 8, 59), may(FRI, 18), may(SAT, 9), may(SUN, 23, 59)]) {
        const next = nextNudgeWithinHours(DEFAULT_HOURS, from, every * MINUTE);
        const opening = nextOpening(DEFAULT_HOURS, from);
        expect(opening).not.toBeNull();
        expect(next).toBe((opening ?? 0) + every * MINUTE);
      }
    }
  });

  it.each([
    { window: ['09:00', '09:30'], every: 45 },
    { window: ['09:00', '10:00'], every: 60 },
    { window: ['22:00', '01:00'], every: 240 },
  ])(
    'finds nothing when every window ($window) is shorter than the interval ($every min)',
    ({ window: [start = '', end = ''], every }) => {
      const hours = everyDay(range(start, end));
      expect(nextNudgeWithinHours(hours, may(MON, 8), every * MINUTE)).toBeNull();
      expect(nextNudgeWithinHours(hours, may(MON, 9, 10), every * MINUTE)).toBeNull();
    },
  );

  it('uses a window that leaves room even when an earlier one does not', () => {
    const hours = week({ 1: [range('09:00', '09:30')], 3: [range('14:00', '17:00')] });
    expect(nextNudgeWithinHours(hours, may(MON, 8), 45 * MINUTE)).toBe(at(2026, 5, 13, 14, 45));
  });

  it('needs the nudge strictly inside the window: one minute more is enough', () => {
    expect(nextNudgeWithinHours(everyDay(range('09:00', '10:01')), may(MON, 8), HOUR)).toBe(may(MON, 10));
  });

  it('refuses an interval that is not a positive number', () => {
    expect(nextNudgeWithinHours(DEFAULT_HOURS, may(MON, 10), 0)).toBeNull();
    expect(nextNudgeWithinHours(DEFAULT_HOURS, may(MON, 10), -MINUTE)).toBeNull();
    expect(nextNudgeWithinHours(DEFAULT_HOURS, may(MON, 10), Number.NaN)).toBeNull();
  });
});

describe('validateHours', () => {
  const bad = (start: number, end: number, nextDay = false): TimeRange => ({ start, end, nextDay });
  it.each([
    { name: 'the default hours', hours: DEFAULT_HOURS, expected: [] },
    { name: 'no hours at all', hours: NONE, expected: [] },
    { name: 'a range crossing midnight', hours: NIGHT_OWL, expected: [] },
    { name: 'ranges that touch at midnight', hours: MIDNIGHT_SPLIT, expected: [] },
    {
      name: 'a whole day, 00:00 to 00:00 the next day',
      hours: week({ 3: [range('00:00', '00:00')] }),
      expected: [],
    },
    { name: 'every day whole', hours: ALL_WEEK, expected: [] },
    { name: 'a lunch break', hours: LUNCH_BREAK, expected: [] },
    {
      name: 'Saturday night touching a Sunday range',
      hours: week({ 6: [range('22:00', '02:00')], 0: [range('02:00', '04:00')] }),
      expected: [],
    },
    {
      name: 'a range ending before it starts',
      hours: week({ 1: [bad(600, 540)] }),
      expected: [{ day: 1, index: 0, problem: 'ends-before-start' }],
    },
    {
      name: 'an empty range',
      hours: week({ 2: [range('09:00', '12:00'), bad(540, 540)] }),
      expected: [{ day: 2, index: 1, problem: 'empty' }],
    },
    {
      name: 'an end of 24:00',
      hours: week({ 1: [bad(540, 1440)] }),
      expected: [{ day: 1, index: 0, problem: 'out-of-range' }],
    },
    {
      name: 'a negative start',
      hours: week({ 1: [bad(-1, 60)] }),
      expected: [{ day: 1, index: 0, problem: 'out-of-range' }],
    },
    {
      name: 'a fraction of a minute',
      hours: week({ 1: [bad(540.5, 600)] }),
      expected: [{ day: 1, index: 0, problem: 'out-of-range' }],
    },
    {
      name: 'a next-day range longer than a day',
      hours: week({ 1: [bad(540, 600, true)] }),
      expected: [{ day: 1, index: 0, problem: 'out-of-range' }],
    },
    {
      name: 'two ranges overlapping',
      hours: week({ 1: [range('09:00', '12:00'), range('11:00', '14:00')] }),
      expected: [{ day: 1, index: 1, problem: 'overlap' }],
    },
    {
      name: 'overlapping ranges listed out of order',
      hours: week({ 1: [range('11:00', '14:00'), range('09:00', '12:00')] }),
      expected: [{ day: 1, index: 0, problem: 'overlap' }],
    },
    {
      name: 'two ranges starting together',
      hours: week({ 4: [range('09:00', '10:00'), range('09:00', '11:00')] }),
      expected: [{ day: 4, index: 1, problem: 'overlap' }],
    },
    {
      name: 'a range inside another',
      hours: week({ 4: [range('09:00', '18:00'), range('10:00', '11:00')] }),
      expected: [{ day: 4, index: 1, problem: 'overlap' }],
    },
    {
      name: 'Monday night spilling into Tuesday morning',
      hours: week({ 1: [range('22:00', '03:00')], 2: [range('02:00', '05:00')] }),
      expected: [{ day: 2, index: 0, problem: 'overlap' }],
    },
    {
      name: 'Saturday night spilling into Sunday',
      hours: week({ 6: [range('22:00', '02:00')], 0: [range('01:00', '03:00')] }),
      expected: [{ day: 0, index: 0, problem: 'overlap' }],
    },
    {
      name: 'several problems at once, in day order',
      hours: week({
        5: [range('09:00', '17:00'), range('16:00', '18:00')],
        1: [bad(600, 540), bad(60, 60)],
        3: [bad(0, 2000)],
      }),
      expected: [
        { day: 1, index: 0, problem: 'ends-before-start' },
        { day: 1, index: 1, problem: 'empty' },
        { day: 3, index: 0, problem: 'out-of-range' },
        { day: 5, index: 1, problem: 'overlap' },
      ],
    },
  ])('$name', ({ hours, expected }) => {
    expect(validateHours(hours)).toEqual(expected);
  });
});

// ── daylight saving ──────────────────────────────────────────────────────────────────────────
// The real 2026 changes, checked against the zone database before being written down here. All
// fall on a Sunday; `gap` is the skipped wall-clock time, `repeat` the repeated one.
interface Change {
  month: number;
  day: number;
  from: string;
  to: string;
  /** The moment of the change, in UTC. */
  utc: number;
}
interface ZoneChanges {
  zone: string;
  spring: Change & { crossing: [string, string] };
  fall: Change & { crossing: [string, string] };
}
const minutesOf = (a: string, b: string) => Math.abs(minutes(a) - minutes(b));

const DST_ZONES: ZoneChanges[] = [
  {
    zone: 'America/New_York',
    spring: {
      month: 3,
      day: 8,
      from: '02:00',
      to: '03:00',
      utc: Date.UTC(2026, 2, 8, 7),
      crossing: ['01:45', '03:15'],
    },
    fall: {
      month: 11,
      day: 1,
      from: '02:00',
      to: '01:00',
      utc: Date.UTC(2026, 10, 1, 6),
      crossing: ['01:45', '01:15'],
    },
  },
  {
    zone: 'Europe/Berlin',
    spring: {
      month: 3,
      day: 29,
      from: '02:00',
      to: '03:00',
      utc: Date.UTC(2026, 2, 29, 1),
      crossing: ['01:45', '03:15'],
    },
    fall: {
      month: 10,
      day: 25,
      from: '03:00',
      to: '02:00',
      utc: Date.UTC(2026, 9, 25, 1),
      crossing: ['02:45', '02:15'],
    },
  },
  {
    // Lord Howe Island moves its clocks by half an hour.
    zone: 'Australia/Lord_Howe',
    spring: {
      month: 10,
      day: 4,
      from: '02:00',
      to: '02:30',
      utc: Date.UTC(2026, 9, 3, 15, 30),
      crossing: ['01:45', '02:45'],
    },
    fall: {
      month: 4,
      day: 5,
      from: '02:00',
      to: '01:30',
      utc: Date.UTC(2026, 3, 4, 15),
      crossing: ['01:45', '01:45'],
    },
  },
];

/** A wall-clock time halfway between two others. */
const midway = (a: string, b: string) => formatClock((minutes(a) + minutes(b)) / 2);
const addMinutes = (clock: string, n: number) => formatClock(minutes(clock) + n);

for (const { zone: name, spring, fall } of DST_ZONES) {
  describe.runIf(inZone(name))(`${name}, spring forward on 2026-${spring.month}-${spring.day}`, () => {
    const shift = minutesOf(spring.from, spring.to);
    const day = (clock: string, plusDays = 0) =>
      at(2026, spring.month, spring.day + plusDays, Math.floor(minutes(clock) / 60), minutes(clock) % 60);
    const saturday = (clock: string) => day(clock, -1);
    const inGap = midway(spring.from, spring.to);

    it(`jumps from ${spring.from} to ${spring.to} at the moment we wrote down`, () => {
      expect(day(spring.to)).toBe(spring.utc);
      expect(new Date(spring.utc - 1).getTimezoneOffset() - new Date(spring.utc).getTimezoneOffset()).toBe(
        shift,
      );
      // What JavaScript itself does with a skipped time: it moves it forward by the gap.
      expect(day(inGap)).toBe(spring.utc + (minutes(inGap) - minutes(spring.from)) * MINUTE);
    });

    it(`makes a Saturday night range 22:00–06:00 ${shift} minutes shorter in real time`, () => {
      const hours = week({ 6: [range('22:00', '06:00')] });
      expect(nextOpening(hours, saturday('21:00'))).toBe(saturday('22:00'));
      expect(activeUntil(hours, saturday('23:00'))).toBe(day('06:00'));
      expect(day('06:00') - saturday('22:00')).toBe(8 * HOUR - shift * MINUTE);
    });

    it(`opens a range starting in the skipped time (${inGap}) when the clocks jump, at ${spring.to}`, () => {
      const hours = week({ 0: [range(inGap, '06:00')] });
      expect(nextOpening(hours, day('00:00'))).toBe(spring.utc);
      expect(wall(spring.utc)).toBe(spring.to);
      expect(isActiveAt(hours, spring.utc - 1)).toBe(false);
      expect(isActiveAt(hours, spring.utc)).toBe(true);
    });

    it(`closes a range ending in the skipped time (${inGap}) when the clocks jump`, () => {
      const hours = week({ 0: [range('00:00', inGap)] });
      expect(activeUntil(hours, day('00:30'))).toBe(spring.utc);
      expect(isActiveAt(hours, spring.utc)).toBe(false);
    });

    it('skips a range lying wholly in the skipped time that night, and keeps it the next week', () => {
      const hours = week({ 0: [range(spring.from, inGap)] });
      expect(nextOpening(hours, day('00:00'))).toBe(day(spring.from, 7));
      expect(nextNudgeWithinHours(hours, day('00:00'), 5 * MINUTE)).toBe(day(spring.from, 7) + 5 * MINUTE);
    });

    it(`measures an interval across the jump in real time: ${spring.crossing[0]} + 30 min reads ${spring.crossing[1]}`, () => {
      const hours = week({ 0: [range('00:00', '06:00')] });
      const from = day(spring.crossing[0]);
      const next = nextNudgeWithinHours(hours, from, 30 * MINUTE);
      expect(next).toBe(from + 30 * MINUTE);
      expect(wall(next ?? 0)).toBe(spring.crossing[1]);
    });

    it('leaves a daytime range on the day of the change its full length', () => {
      const hours = week({ 0: [range('09:00', '18:00')] });
      expect(activeUntil(hours, day('09:00'))).toBe(day('09:00') + 9 * HOUR);
      expect(nextNudgeWithinHours(hours, day('08:00'), HOUR)).toBe(day('10:00'));
    });
  });

  describe.runIf(inZone(name))(`${name}, fall back on 2026-${fall.month}-${fall.day}`, () => {
    const shift = minutesOf(fall.from, fall.to);
    const day = (clock: string, plusDays = 0) =>
      at(2026, fall.month, fall.day + plusDays, Math.floor(minutes(clock) / 60), minutes(clock) % 60);
    const saturday = (clock: string) => day(clock, -1);
    const inRepeat = midway(fall.to, fall.from);

    it(`turns back from ${fall.from} to ${fall.to} at the moment we wrote down`, () => {
      expect(new Date(fall.utc - 1).getTimezoneOffset() - new Date(fall.utc).getTimezoneOffset()).toBe(
        -shift,
      );
      expect(wall(fall.utc - MINUTE)).toBe(addMinutes(fall.from, -1));
      expect(wall(fall.utc)).toBe(fall.to);
      // JavaScript reads a repeated time as its first occurrence.
      expect(day(inRepeat)).toBe(fall.utc - (minutes(fall.from) - minutes(inRepeat)) * MINUTE);
    });

    it(`makes a Saturday night range 22:00–06:00 ${shift} minutes longer in real time`, () => {
      const hours = week({ 6: [range('22:00', '06:00')] });
      expect(activeUntil(hours, saturday('23:00'))).toBe(day('06:00'));
      expect(day('06:00') - saturday('22:00')).toBe(8 * HOUR + shift * MINUTE);
    });

    it(`measures an interval across the repeat in real time: ${fall.crossing[0]} + 30 min reads ${fall.crossing[1]}`, () => {
      const hours = week({ 6: [range('22:00', '06:00')] });
      const from = day(fall.crossing[0]);
      const next = nextNudgeWithinHours(hours, from, 30 * MINUTE);
      expect(next).toBe(from + 30 * MINUTE);
      expect(wall(next ?? 0)).toBe(fall.crossing[1]);
    });

    it('nudges every 30 real minutes through the night, never twice for the repeated time', () => {
      const hours = week({ 6: [range('22:00', '06:00')] });
      const nudges: number[] = [];
      for (
        let t = nextNudgeWithinHours(hours, saturday('21:00'), 30 * MINUTE);
        t !== null && t < day('06:00');
      ) {
        nudges.push(t);
        t = nextNudgeWithinHours(hours, t, 30 * MINUTE);
      }
      expect(nudges[0]).toBe(saturday('22:30'));
      for (let i = 1; i < nudges.length; i++)
        expect((nudges[i] ?? 0) - (nudges[i - 1] ?? 0)).toBe(30 * MINUTE);
      // A night one `shift` longer holds that many more half hours than the usual 15 nudges.
      expect(nudges).toHaveLength(15 + shift / 30);
    });

    it(`closes a range ending in the repeated time (${inRepeat}) at its first occurrence, for good`, () => {
      const hours = week({ 6: [range('22:00', inRepeat)] });
      const close = activeUntil(hours, saturday('23:00'));
      expect(close).toBe(day(inRepeat));
      for (let t = day(inRepeat); t < fall.utc + 2 * shift * MINUTE; t += MINUTE) {
        expect(isActiveAt(hours, t)).toBe(false);
      }
      expect(nextOpening(hours, day(inRepeat))).toBe(day('22:00', 6));
    });

    it(`opens a range starting in the repeated time (${inRepeat}) at its first occurrence, open through the repeat`, () => {
      const hours = week({ 0: [range(inRepeat, '06:00')] });
      const open = day(inRepeat);
      expect(nextOpening(hours, day('00:00'))).toBe(open);
      expect(nextOpening(hours, open + MINUTE)).not.toBe(open + shift * MINUTE);
      for (let t = open; t < fall.utc + shift * MINUTE; t += MINUTE) expect(isActiveAt(hours, t)).toBe(true);
      expect(activeUntil(hours, open)).toBe(day('06:00'));
      expect(day('06:00') - open).toBe((minutes('06:00') - minutes(inRepeat) + shift) * MINUTE);
    });

    it('leaves a daytime range on the day of the change its full length', () => {
      const hours = week({ 0: [range('09:00', '18:00')] });
      expect(activeUntil(hours, day('09:00'))).toBe(day('09:00') + 9 * HOUR);
    });
  });
}

describe.runIf(inZone('Asia/Kathmandu'))('Asia/Kathmandu, 5:45 ahead of UTC all year', () => {
  it.each([
    [1, 5],
    [3, 8],
    [3, 29],
    [4, 5],
    [10, 4],
    [10, 25],
    [11, 1],
  ])('keeps +5:45 on 2026-%i-%i, a change day elsewhere', (month, d) => {
    expect(new Date(at(2026, month, d, 12)).getTimezoneOffset()).toBe(-345);
    const hours = everyDay(range('00:00', '06:00'), range('09:00', '18:00'));
    expect(activeUntil(hours, at(2026, month, d, 1))).toBe(at(2026, month, d) + 6 * HOUR);
  });

  it('opens the default day at 9:00 local, which is 03:15 UTC', () => {
    expect(nextOpening(DEFAULT_HOURS, may(MON, 8))).toBe(Date.UTC(2026, 4, MON, 3, 15));
    expect(nextNudgeWithinHours(DEFAULT_HOURS, may(MON, 8), HOUR)).toBe(Date.UTC(2026, 4, MON, 4, 15));
  });

  it('closes a Friday night range at 02:00 local, 20:15 UTC on Friday', () => {
    expect(activeUntil(NIGHT_OWL, may(FRI, 23))).toBe(Date.UTC(2026, 4, FRI, 20, 15));
  });
});

describe.runIf(inZone('UTC'))('UTC', () => {
  it('reads hours as UTC wall-clock time', () => {
    expect(nextOpening(DEFAULT_HOURS, Date.UTC(2026, 4, FRI, 18))).toBe(Date.UTC(2026, 4, NEXT_MON, 9));
    expect(activeUntil(NIGHT_OWL, Date.UTC(2026, 4, FRI, 23))).toBe(Date.UTC(2026, 4, SAT, 2));
  });

  it('has no daylight-saving change on any of the dates the other zones change', () => {
    for (const { spring, fall } of DST_ZONES) {
      for (const { month, day } of [spring, fall]) {
        expect(activeUntil(everyDay(range('00:00', '06:00')), at(2026, month, day, 1))).toBe(
          Date.UTC(2026, month - 1, day, 6),
        );
      }
    }
  });
});

describe('a change of time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it('is followed at the next decision: nothing about the zone is remembered', () => {
    // Node re-reads TZ when it is assigned, as a machine moving zones would be re-read.
    process.env.TZ = 'Asia/Kathmandu';
    const monday = Date.UTC(2026, 4, MON, 0, 0);
    expect(nextOpening(DEFAULT_HOURS, monday)).toBe(Date.UTC(2026, 4, MON, 3, 15));
    process.env.TZ = 'America/New_York';
    expect(nextOpening(DEFAULT_HOURS, monday)).toBe(Date.UTC(2026, 4, MON, 13, 0));
    process.env.TZ = 'Europe/Berlin';
    expect(nextOpening(DEFAULT_HOURS, monday)).toBe(Date.UTC(2026, 4, MON, 7, 0));
  });
});

describe.runIf(process.env.TZ !== undefined && process.env.TZ !== '')('the zone under test', () => {
  it('is the zone named by TZ', () => {
    expect(inZone(process.env.TZ ?? '')).toBe(true);
  });
});
