// The person in charge of timing (issue 18): "in 10 minutes", "later today", bringing back a nudge
// just closed, and pausing until a date and time. Named schedule-*, so `npm test` runs it in five
// time zones (scripts/test-zones.mjs); every moment is a local clock time, whatever the zone.
import { describe, expect, it } from 'vitest';
import {
  BRING_BACK_WITHIN,
  canBringBack,
  parseLocalDateTime,
  pauseUntil,
  putOffUntil,
} from '../../core/putoff';
import { PRESENT, step } from '../../core/schedule';
import {
  DEFAULT_SCHEDULE,
  DEFAULT_SETTINGS,
  parseSchedule,
  type Schedule,
  type Settings,
} from '../../core/schema';
import { DAY, HOUR, MINUTE } from '../../core/time';

const OFFICE = DEFAULT_SETTINGS.hours; // Monday to Friday, 9:00 to 18:00
// May 2026: Tuesday the 12th, Friday the 15th, Monday the 18th.
const at = (day: number, hour: number, minute = 0) => new Date(2026, 4, day, hour, minute).getTime();
const settings = (patch: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...patch });
const schedule = (patch: Partial<Schedule> = {}): Schedule => ({ ...DEFAULT_SCHEDULE, ...patch });

describe('putOffUntil', () => {
  it.each([
    ['in 10 minutes, inside the hours', 'soon', at(12, 10), at(12, 10, 10), 'soon'],
    [
      'in 10 minutes, as the hours close: the next hours, one interval in',
      'soon',
      at(12, 17, 55),
      at(13, 10),
      'next-hours',
    ],
    ['later today: two hours from now', 'later', at(12, 10), at(12, 12), 'later-today'],
    [
      'later today, cut short: half an hour before the hours end',
      'later',
      at(12, 16, 30),
      at(12, 17, 30),
      'later-today',
    ],
    [
      'later today with an hour left: half an hour before the end',
      'later',
      at(12, 17),
      at(12, 17, 30),
      'later-today',
    ],
    [
      'later today with under an hour left: next time, tomorrow',
      'later',
      at(12, 17, 10),
      at(13, 10),
      'next-hours',
    ],
    [
      'later today on a Friday evening: Monday, one interval in',
      'later',
      at(15, 17, 40),
      at(18, 10),
      'next-hours',
    ],
    ['later today at the weekend: Monday', 'later', at(16, 12), at(18, 10), 'next-hours'],
  ] as const)('%s', (_, choice, now, until, when) => {
    expect(putOffUntil(choice, settings({ hours: OFFICE }), now)).toEqual({ until, when });
  });

  it('offers nothing when no hours are left at all', () => {
    const none = Object.fromEntries(
      [0, 1, 2, 3, 4, 5, 6].map((d) => [d, []]),
    ) as unknown as Settings['hours'];
    expect(putOffUntil('later', settings({ hours: none }), at(12, 10))).toBeNull();
  });
});

describe('putting a nudge off', () => {
  const now = at(12, 10);
  const put = (until: number) =>
    step(
      settings({ hours: OFFICE, intervalMinutes: 30 }),
      schedule({ nextNudgeAt: now + 30 * MINUTE }),
      { type: 'snooze', until },
      now,
    );

  it('brings it back at the chosen moment, even past one interval', () => {
    expect(put(at(12, 12)).schedule.nextNudgeAt).toBe(at(12, 12));
  });

  it('keeps that moment when the browser restarts before it', () => {
    const putOff = put(at(12, 12)).schedule;
    const afterRestart = step(
      settings({ hours: OFFICE, intervalMinutes: 30 }),
      putOff,
      { type: 'wake' },
      now + 20 * MINUTE,
    );
    expect(afterRestart.schedule.nextNudgeAt).toBe(at(12, 12));
    expect(afterRestart.reason).toBe('kept');
  });

  it('shows the nudge when that moment comes', () => {
    const s = settings({ hours: OFFICE, intervalMinutes: 30 });
    const shown = step(s, put(at(12, 12)).schedule, { type: 'alarm', presence: PRESENT }, at(12, 12));
    expect(shown.show).not.toBeNull();
    expect(shown.schedule.putOffUntil).toBeNull();
  });

  it('in quiet mode, waits on the icon at that moment all the same (quiet never pops up)', () => {
    const s = settings({ hours: OFFICE, intervalMinutes: 30, nudgeMode: 'quiet' });
    const due = step(s, put(at(12, 12)).schedule, { type: 'alarm', presence: PRESENT }, at(12, 12));
    expect(due.show).toBeNull();
    expect(due.schedule.waitingSince).toBe(at(12, 12));
  });

  it('forgets the chosen moment once a check-in restarts the interval', () => {
    const s = settings({ hours: OFFICE, intervalMinutes: 30 });
    const rested = step(s, put(at(12, 12)).schedule, { type: 'checked-in' }, now + 5 * MINUTE);
    expect(rested.schedule.nextNudgeAt).toBe(now + 35 * MINUTE);
  });

  it('refuses a moment already gone', () => {
    expect(put(now - MINUTE).reason).toBe('put-off-in-past');
  });
});

describe('bringing back a nudge just closed', () => {
  const now = at(12, 10);
  const s = settings({ hours: OFFICE, intervalMinutes: 30 });
  const closed = step(
    s,
    schedule({ nextNudgeAt: now + 30 * MINUTE }),
    { type: 'nudge-dismissed' },
    now,
  ).schedule;

  it('is offered for an hour after the closing, and not after', () => {
    expect(canBringBack(closed.dismissedAt, now + 59 * MINUTE)).toBe(true);
    expect(canBringBack(closed.dismissedAt, now + BRING_BACK_WITHIN)).toBe(false);
  });

  it('brings it back at the chosen moment, and the closing no longer counts on the badge', () => {
    const back = step(s, closed, { type: 'bring-back', until: now + 20 * MINUTE }, now + 10 * MINUTE);
    expect(closed.missed?.count).toBe(1);
    expect(back.schedule.nextNudgeAt).toBe(now + 20 * MINUTE);
    expect(back.schedule.missed).toBeNull();
    expect(back.schedule.ignoredInRow).toBe(0);
    expect(back.schedule.dismissedAt).toBeNull();
  });

  it('has nothing to bring back an hour later', () => {
    const late = step(s, closed, { type: 'bring-back', until: now + 2 * HOUR }, now + HOUR + MINUTE);
    expect(late.reason).toBe('nothing-to-bring-back');
  });
});

describe('pause until a date and time', () => {
  const now = at(12, 10);
  it.each([
    ['a date and time next week', '2026-05-19T09:30', { ok: true, until: at(19, 9, 30) }],
    ['thirty days ahead', '2026-06-11T10:00', { ok: true, until: new Date(2026, 5, 11, 10).getTime() }],
    ['a moment already gone', '2026-05-12T09:00', { ok: false, reason: 'past' }],
    ['past the 31 days', '2026-06-13T10:00', { ok: false, reason: 'too-far' }],
    ['a day that does not exist', '2026-02-31T10:00', { ok: false, reason: 'invalid' }],
    ['nothing typed', '', { ok: false, reason: 'invalid' }],
  ] as const)('%s', (_, text, expected) => {
    expect(pauseUntil(text, now)).toEqual(expected);
  });

  it('reads the field as the local clock', () => {
    expect(new Date(parseLocalDateTime('2026-12-24T18:05') ?? 0).getHours()).toBe(18);
  });

  it('a month-long pause is read back from storage as it was stored', () => {
    const paused = step(
      settings(),
      schedule(),
      { type: 'pause', until: now + 30 * DAY, kind: 'pause' },
      now,
    ).schedule;
    expect(parseSchedule(paused, now).value.pausedUntil).toBe(now + 30 * DAY);
  });

  it('a schedule stored before these fields reads as sound, not repaired', () => {
    const { putOffUntil: _a, dismissedAt: _b, ...old } = DEFAULT_SCHEDULE;
    expect(parseSchedule(old, now).repaired).toEqual([]);
  });
});
