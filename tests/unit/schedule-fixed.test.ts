// Fixed clock times ("11:00 on weekdays: a walk"), as tables of explicit local dates: every
// expectation is written in local wall-clock terms, so the file passes under any TZ, and the groups
// about one zone's daylight-saving nights run only in that zone. `node scripts/test-zones.mjs` runs
// this file in each zone and fails if a test was skipped in all of them.
import { describe, expect, it } from 'vitest';
import {
  EARLY_TOLERANCE,
  FIXED_LATE_MAX,
  fixedOfferFamily,
  PRESENT,
  type Presence,
  planFrom,
  step,
} from '../../core/schedule';
import {
  DEFAULT_SCHEDULE,
  DEFAULT_SETTINGS,
  parsePreference,
  type Schedule,
  type Settings,
} from '../../core/schema';
import { noNudgeReason } from '../../core/status';
import { type FixedTime, nextFixedTime, validateFixedTimes } from '../../core/time/fixed-times';
import type { Weekday } from '../../core/time/hours';
import { at, HOUR, inZone, MINUTE } from './zone';

/** "HH:MM" and the local date at t, as the person's clock shows it. */
const wall = (t: number) => {
  const d = new Date(t);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5];
const EVERY_DAY: Weekday[] = [0, 1, 2, 3, 4, 5, 6];
const fixed = (
  clock: string,
  days: Weekday[] = EVERY_DAY,
  offer: FixedTime['offer'] = 'checkin',
): FixedTime => {
  const [h, m] = clock.split(':').map(Number);
  return { minute: (h ?? 0) * 60 + (m ?? 0), days, offer };
};
const settingsWith = (patch: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...patch });
const CALL: Presence = { ...PRESENT, inCall: true };

// 2026-12-07 is a Monday; 2026-12-11 a Friday.
describe('the next fixed time', () => {
  it.each([
    [
      'a weekday time, later the same day',
      [fixed('11:00', WEEKDAYS)],
      at(2026, 12, 7, 9, 0),
      '2026-12-07 11:00',
    ],
    [
      'a weekday time, after Friday’s: Monday',
      [fixed('11:00', WEEKDAYS)],
      at(2026, 12, 11, 12, 0),
      '2026-12-14 11:00',
    ],
    [
      'exactly at the time: the next one, not that one',
      [fixed('11:00')],
      at(2026, 12, 7, 11, 0),
      '2026-12-08 11:00',
    ],
    [
      'the earliest of several',
      [fixed('16:30'), fixed('11:00', WEEKDAYS)],
      at(2026, 12, 7, 12, 0),
      '2026-12-07 16:30',
    ],
    ['midnight', [fixed('0:00', [2])], at(2026, 12, 7, 23, 59), '2026-12-08 00:00'],
    ['one day a week, a week on', [fixed('9:15', [1])], at(2026, 12, 7, 9, 16), '2026-12-14 09:15'],
  ])('%s', (_name, times, from, expected) => {
    const next = nextFixedTime(times, from);
    expect(next && wall(next.at)).toBe(expected);
  });

  it('is none without times', () => {
    expect(nextFixedTime([], at(2026, 12, 7))).toBeNull();
  });
});

describe('the fixed times a person can keep', () => {
  it('refuses a time without a day, and the same time twice on a shared day', () => {
    expect(
      validateFixedTimes([
        fixed('11:00', []),
        fixed('9:00', [1, 2]),
        fixed('9:00', [2, 3]),
        fixed('9:00', [4]),
      ]),
    ).toEqual([
      { index: 0, problem: 'no-days' },
      { index: 2, problem: 'same-time' },
    ]);
  });

  it('keeps the sound entries of a damaged stored list, not the broken ones', () => {
    const read = parsePreference('fixedTimes', [
      fixed('11:00', WEEKDAYS, 'movement'),
      { minute: 2000, days: [1], offer: 'checkin' },
      fixed('11:00', [1]),
      'junk',
      fixed('16:30'),
    ]);
    expect(read).toEqual({ value: [fixed('11:00', WEEKDAYS, 'movement'), fixed('16:30')], repaired: true });
  });

  it('refuses a thirteenth time', () => {
    const twelve = Array.from({ length: 12 }, (_, i) => fixed(`${i + 8}:00`));
    expect(parsePreference('fixedTimes', twelve).repaired).toBe(false);
    const thirteen = [...twelve, fixed('21:00')];
    expect(parsePreference('fixedTimes', thirteen)).toEqual({ value: twelve, repaired: true });
  });
});

/** Runs the scheduler from `start` with the alarm ringing at each planned moment, as Chrome would. */
function run(
  settings: Settings,
  start: number,
  until: number,
  presence: (t: number) => Presence = () => PRESENT,
) {
  let schedule: Schedule = step(settings, DEFAULT_SCHEDULE, { type: 'wake' }, start).schedule;
  const shown: { at: string; fixed?: { minute: number; offer: string } }[] = [];
  let guard = 0;
  while (schedule.nextNudgeAt !== null && schedule.nextNudgeAt <= until && guard++ < 500) {
    const now = schedule.nextNudgeAt;
    const result = step(settings, schedule, { type: 'alarm', presence: presence(now) }, now);
    schedule = result.schedule;
    if (result.show)
      shown.push({ at: wall(now), ...(result.show.fixed ? { fixed: result.show.fixed } : {}) });
  }
  return { shown, schedule };
}

describe('fixed times in the schedule', () => {
  const onlyFixed = (times: FixedTime[]) => settingsWith({ fixedTimes: times, fixedTimesOnly: true });

  it('comes at its time outside active hours too (a person who sets 7:30 wants 7:30)', () => {
    const { shown } = run(
      onlyFixed([fixed('7:30', WEEKDAYS, 'movement')]),
      at(2026, 12, 7, 0, 0),
      at(2026, 12, 8, 23, 0),
    );
    expect(shown).toEqual([
      { at: '2026-12-07 07:30', fixed: { minute: 450, offer: 'movement' } },
      { at: '2026-12-08 07:30', fixed: { minute: 450, offer: 'movement' } },
    ]);
  });

  it('keeps its weekdays: nothing on the weekend for a weekday time', () => {
    const { shown } = run(
      onlyFixed([fixed('11:00', WEEKDAYS)]),
      at(2026, 12, 11, 12, 0),
      at(2026, 12, 14, 23, 0),
    );
    expect(shown.map((s) => s.at)).toEqual(['2026-12-14 11:00']);
  });

  it('comes alongside the interval, which starts again from it', () => {
    const settings = settingsWith({
      fixedTimes: [fixed('11:30', WEEKDAYS)],
      intervalMinutes: 60,
      nudgeMode: 'at-once',
    });
    const { shown } = run(settings, at(2026, 12, 7, 9, 0), at(2026, 12, 7, 13, 0));
    // 9:00 opens the hours: 10:00, then 11:00; the fixed 11:30; then an interval from it: 12:30.
    expect(shown.map((s) => `${s.at}${s.fixed ? ' fixed' : ''}`)).toEqual([
      '2026-12-07 10:00',
      '2026-12-07 11:00',
      '2026-12-07 11:30 fixed',
      '2026-12-07 12:30',
    ]);
  });

  it('folds an interval nudge due just before a fixed time into it: one nudge, not two', () => {
    const settings = settingsWith({ fixedTimes: [fixed('10:10', WEEKDAYS)], intervalMinutes: 60 });
    const { shown } = run(settings, at(2026, 12, 7, 9, 0), at(2026, 12, 7, 11, 0));
    expect(shown.map((s) => `${s.at}${s.fixed ? ' fixed' : ''}`)).toEqual(['2026-12-07 10:10 fixed']);
  });

  it('with "only these times", no nudge comes every interval', () => {
    const { shown } = run(onlyFixed([fixed('16:30')]), at(2026, 12, 7, 9, 0), at(2026, 12, 7, 23, 0));
    expect(shown.map((s) => s.at)).toEqual(['2026-12-07 16:30']);
  });

  it('an alarm ringing a little early shows it once, and plans the next day’s', () => {
    const settings = onlyFixed([fixed('11:00')]);
    const planned = step(settings, DEFAULT_SCHEDULE, { type: 'wake' }, at(2026, 12, 7, 9, 0)).schedule;
    const early = at(2026, 12, 7, 11, 0) - EARLY_TOLERANCE + 1000;
    const rang = step(settings, planned, { type: 'alarm', presence: PRESENT }, early);
    expect(rang.show?.fixed).toEqual({ minute: 660, offer: 'checkin' });
    expect(wall(rang.schedule.nextNudgeAt ?? 0)).toBe('2026-12-08 11:00');
  });

  it('is quiet during a pause and comes again the next day', () => {
    const settings = onlyFixed([fixed('11:00')]);
    const planned = step(settings, DEFAULT_SCHEDULE, { type: 'wake' }, at(2026, 12, 7, 9, 0)).schedule;
    const paused = step(
      settings,
      planned,
      { type: 'pause', until: at(2026, 12, 7, 12, 0), kind: 'pause' },
      at(2026, 12, 7, 10, 0),
    );
    expect(wall(paused.schedule.nextNudgeAt ?? 0)).toBe('2026-12-08 11:00');
    // An alarm left from before the pause shows nothing.
    const stale = step(
      settings,
      paused.schedule,
      { type: 'alarm', presence: PRESENT },
      at(2026, 12, 7, 11, 0),
    );
    expect(stale.show).toBeNull();
  });

  it('waits out a call, outside active hours too, and comes as the fixed time once it ends', () => {
    const settings = { ...onlyFixed([fixed('7:30', WEEKDAYS, 'body')]), holdDuringCalls: true };
    const callUntil = at(2026, 12, 7, 7, 50);
    const { shown } = run(settings, at(2026, 12, 7, 0, 0), at(2026, 12, 7, 9, 0), (t) =>
      t < callUntil ? CALL : PRESENT,
    );
    expect(shown).toEqual([{ at: '2026-12-07 07:50', fixed: { minute: 450, offer: 'body' } }]);
  });

  it('is let go when the call outlasts FIXED_LATE_MAX', () => {
    const settings = { ...onlyFixed([fixed('7:30', WEEKDAYS)]), holdDuringCalls: true };
    const callUntil = at(2026, 12, 7, 7, 30) + FIXED_LATE_MAX + 5 * MINUTE;
    const { shown, schedule } = run(settings, at(2026, 12, 7, 0, 0), at(2026, 12, 7, 12, 0), (t) =>
      t < callUntil ? CALL : PRESENT,
    );
    expect(shown).toEqual([]);
    expect(wall(schedule.nextNudgeAt ?? 0)).toBe('2026-12-08 07:30');
  });

  it('missed while the computer slept: let go after FIXED_LATE_MAX, not replayed', () => {
    const settings = onlyFixed([fixed('11:00')]);
    const planned = step(settings, DEFAULT_SCHEDULE, { type: 'wake' }, at(2026, 12, 7, 9, 0)).schedule;
    const late = at(2026, 12, 7, 11, 0) + FIXED_LATE_MAX + MINUTE;
    const woke = step(settings, planned, { type: 'wake' }, late);
    const rang = step(settings, woke.schedule, { type: 'alarm', presence: PRESENT }, late);
    expect(rang.show).toBeNull();
    expect(wall(rang.schedule.nextNudgeAt ?? 0)).toBe('2026-12-08 11:00');
    // Within the bound it still comes, as the fixed time it is.
    const inTime = step(settings, planned, { type: 'alarm', presence: PRESENT }, at(2026, 12, 7, 11, 20));
    expect(inTime.show?.fixed?.minute).toBe(660);
  });

  it('a restart keeps the planned fixed time (it is not pushed forward)', () => {
    const settings = onlyFixed([fixed('11:00')]);
    const planned = step(settings, DEFAULT_SCHEDULE, { type: 'wake' }, at(2026, 12, 7, 9, 0)).schedule;
    const restarted = step(settings, planned, { type: 'wake' }, at(2026, 12, 7, 10, 59));
    expect(restarted.reason).toBe('kept');
    expect(restarted.schedule.nextNudgeAt).toBe(at(2026, 12, 7, 11, 0));
  });

  it('changing the fixed times plans again', () => {
    const before = onlyFixed([fixed('11:00')]);
    const planned = step(before, DEFAULT_SCHEDULE, { type: 'wake' }, at(2026, 12, 7, 9, 0)).schedule;
    const after = onlyFixed([fixed('10:00')]);
    const changed = step(
      after,
      planned,
      { type: 'settings-changed', previous: before },
      at(2026, 12, 7, 9, 30),
    );
    expect(wall(changed.schedule.nextNudgeAt ?? 0)).toBe('2026-12-07 10:00');
  });

  it('suggests its family first for half an hour, until a check-in', () => {
    const settings = onlyFixed([fixed('11:00', EVERY_DAY, 'movement')]);
    const planned = step(settings, DEFAULT_SCHEDULE, { type: 'wake' }, at(2026, 12, 7, 9, 0)).schedule;
    const shown = step(
      settings,
      planned,
      { type: 'alarm', presence: PRESENT },
      at(2026, 12, 7, 11, 0),
    ).schedule;
    expect(fixedOfferFamily(shown, at(2026, 12, 7, 11, 5))).toBe('movement');
    expect(fixedOfferFamily(shown, at(2026, 12, 7, 11, 31))).toBeNull();
    const checked = step(settings, shown, { type: 'checked-in' }, at(2026, 12, 7, 11, 6)).schedule;
    expect(fixedOfferFamily(checked, at(2026, 12, 7, 11, 7))).toBeNull();
  });

  it('comes at once in offer mode (the time is the moment chosen), and waits on the icon in quiet mode', () => {
    const times = [fixed('11:00', EVERY_DAY, 'movement')];
    for (const nudgeMode of ['offer', 'quiet'] as const) {
      const settings = { ...onlyFixed(times), nudgeMode };
      const planned = step(settings, DEFAULT_SCHEDULE, { type: 'wake' }, at(2026, 12, 7, 9, 0)).schedule;
      const rang = step(settings, planned, { type: 'alarm', presence: PRESENT }, at(2026, 12, 7, 11, 0));
      expect(rang.show?.fixed ?? null).toEqual(
        nudgeMode === 'offer' ? { minute: 660, offer: 'movement' } : null,
      );
      expect(rang.schedule.waitingSince).toBe(nudgeMode === 'quiet' ? at(2026, 12, 7, 11, 0) : null);
      // Either way the check-in opened from it suggests its family first.
      expect(fixedOfferFamily(rang.schedule, at(2026, 12, 7, 11, 2))).toBe('movement');
    }
  });

  it('a check-in time offers no family', () => {
    const settings = onlyFixed([fixed('11:00')]);
    const planned = step(settings, DEFAULT_SCHEDULE, { type: 'wake' }, at(2026, 12, 7, 9, 0)).schedule;
    const shown = step(
      settings,
      planned,
      { type: 'alarm', presence: PRESENT },
      at(2026, 12, 7, 11, 0),
    ).schedule;
    expect(fixedOfferFamily(shown, at(2026, 12, 7, 11, 1))).toBeNull();
  });

  it('fixed times leave a nudge possible with no active hours at all', () => {
    const none = { 0: [], 1: [], 2: [], 3: [], 4: [], 5: [], 6: [] };
    expect(noNudgeReason(settingsWith({ hours: none }), at(2026, 12, 7))).toBe('no-hours');
    expect(
      noNudgeReason(settingsWith({ hours: none, fixedTimes: [fixed('11:00')] }), at(2026, 12, 7)),
    ).toBeNull();
    expect(
      planFrom(
        settingsWith({ hours: none, fixedTimes: [fixed('11:00')] }),
        DEFAULT_SCHEDULE,
        at(2026, 12, 7),
      ),
    ).toBe(at(2026, 12, 7, 11, 0));
  });
});

/** Every fixed nudge shown over the days around a zone's daylight-saving night. */
const fixedShown = (times: FixedTime[], from: number, to: number) =>
  run(settingsWith({ fixedTimes: times, fixedTimesOnly: true }), from, to).shown.map((s) => s.at);

describe.runIf(inZone('Europe/Berlin'))('daylight saving in Berlin', () => {
  it('a time the clocks skip (2:30 on 29 March) comes when they jump, at 3:00', () => {
    expect(fixedShown([fixed('2:30')], at(2026, 3, 28, 12), at(2026, 3, 30, 12))).toEqual([
      '2026-03-29 03:00',
      '2026-03-30 02:30',
    ]);
    // The jump is real time: one hour after 1:30 the clock reads 3:30.
    expect(nextFixedTime([fixed('2:30')], at(2026, 3, 29, 1, 0))?.at).toBe(at(2026, 3, 29, 1, 0) + HOUR);
  });

  it('two times in the skipped hour make one nudge', () => {
    expect(fixedShown([fixed('2:15'), fixed('2:45')], at(2026, 3, 29, 0), at(2026, 3, 29, 12))).toEqual([
      '2026-03-29 03:00',
    ]);
  });

  it('a time the clocks repeat (2:30 on 25 October) comes once, at its first occurrence', () => {
    const shown = run(
      settingsWith({ fixedTimes: [fixed('2:30')], fixedTimesOnly: true }),
      at(2026, 10, 24, 12),
      at(2026, 10, 26, 12),
    ).shown;
    expect(shown.map((s) => s.at)).toEqual(['2026-10-25 02:30', '2026-10-26 02:30']);
    // The first 2:30 is still summer time (UTC+2): 00:30 UTC.
    expect(nextFixedTime([fixed('2:30')], at(2026, 10, 25, 0))?.at).toBe(Date.UTC(2026, 9, 25, 0, 30));
  });
});

describe.runIf(inZone('America/New_York'))('daylight saving in New York', () => {
  it('2:30 on 8 March comes at 3:00; 1:30 on 1 November comes once', () => {
    expect(fixedShown([fixed('2:30')], at(2026, 3, 7, 12), at(2026, 3, 8, 12))).toEqual(['2026-03-08 03:00']);
    expect(fixedShown([fixed('1:30')], at(2026, 10, 31, 12), at(2026, 11, 1, 12))).toEqual([
      '2026-11-01 01:30',
    ]);
    expect(nextFixedTime([fixed('1:30')], at(2026, 11, 1, 0))?.at).toBe(Date.UTC(2026, 10, 1, 5, 30));
  });
});

describe.runIf(inZone('Australia/Lord_Howe'))('daylight saving on Lord Howe (half an hour)', () => {
  it('2:15 on 4 October (2:00 → 2:30) comes at 2:30; 1:45 on 5 April (2:00 → 1:30) comes once', () => {
    expect(fixedShown([fixed('2:15')], at(2026, 10, 3, 12), at(2026, 10, 4, 12))).toEqual([
      '2026-10-04 02:30',
    ]);
    expect(fixedShown([fixed('1:45')], at(2026, 4, 4, 12), at(2026, 4, 5, 12))).toEqual(['2026-04-05 01:45']);
  });
});

describe.runIf(inZone('Asia/Kathmandu') || inZone('UTC'))('a zone without daylight saving', () => {
  it('comes every day at the same time, a day of real time apart', () => {
    const shown = run(
      settingsWith({ fixedTimes: [fixed('2:30')], fixedTimesOnly: true }),
      at(2026, 3, 28),
      at(2026, 3, 31),
    );
    expect(shown.shown.map((s) => s.at)).toEqual([
      '2026-03-28 02:30',
      '2026-03-29 02:30',
      '2026-03-30 02:30',
    ]);
  });
});
