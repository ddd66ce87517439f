import { describe, expect, it } from 'vitest';
import { type NudgeEvent, PRESENT, type Presence, pickLine, planFrom, step } from '../../core/schedule';
import { DEFAULT_SCHEDULE, DEFAULT_SETTINGS, type Schedule, type Settings } from '../../core/schema';
import { MINUTE, startOfNextLocalDay } from '../../core/time';
import type { WeekHours } from '../../core/time/hours';

// All day, every day: the tests of the interval itself don't depend on active hours.
const ALWAYS: WeekHours = Object.fromEntries(
  [0, 1, 2, 3, 4, 5, 6].map((day) => [day, [{ start: 0, end: 0, nextDay: true }]]),
) as unknown as WeekHours;
const OFFICE = DEFAULT_SETTINGS.hours; // Monday to Friday, 9:00 to 18:00

// Tuesday 12 May 2026, 10:00 local time, whatever zone the suite runs in.
const at = (day: number, hour: number, minute = 0) => new Date(2026, 4, day, hour, minute).getTime();
const NOW = at(12, 10);

// At once: these are the rules of the interval itself; how a due nudge waits first (quiet, offer)
// is tested in schedule-offer*.test.ts.
const settings = (patch: Partial<Settings> = {}): Settings => ({
  ...DEFAULT_SETTINGS,
  nudgeMode: 'at-once',
  hours: ALWAYS,
  ...patch,
});
const schedule = (patch: Partial<Schedule> = {}): Schedule => ({ ...DEFAULT_SCHEDULE, ...patch });
const alarm = (presence: Partial<Presence> = {}): NudgeEvent => ({
  type: 'alarm',
  presence: { ...PRESENT, ...presence },
});

describe('planFrom', () => {
  it.each([
    ['every 30 min', { intervalMinutes: 30 }, {}, NOW + 30 * MINUTE],
    ['every 240 min', { intervalMinutes: 240 }, {}, NOW + 240 * MINUTE],
    ['after a pause', {}, { pausedUntil: NOW + 90 * MINUTE }, NOW + 150 * MINUTE],
    [
      'never sooner than an interval after the last nudge',
      {},
      { lastNudgeAt: NOW + 10 * MINUTE },
      NOW + 70 * MINUTE,
    ],
  ] as const)('%s', (_, settingsPatch, schedulePatch, expected) => {
    expect(planFrom(settings(settingsPatch), schedule(schedulePatch), NOW)).toBe(expected);
  });

  it.each([
    ['inside office hours', at(12, 10), at(12, 11)],
    ['late in the day: the next morning, one interval after opening', at(12, 17, 30), at(13, 10)],
    ['Friday evening: Monday, one interval after opening', at(15, 17, 30), at(18, 10)],
    ['Saturday: Monday', at(16, 12), at(18, 10)],
    ['before opening', at(12, 7), at(12, 10)],
  ])('office hours, %s', (_, from, expected) => {
    expect(planFrom(settings({ hours: OFFICE }), schedule(), from)).toBe(expected);
  });

  it('plans nothing while nudges are off', () => {
    expect(planFrom(settings({ nudgesEnabled: false }), schedule(), NOW)).toBeNull();
  });
});

// Every 2026 day on which clocks change in America/New_York, Europe/Berlin and Australia/Lord_Howe
// (a 30-minute shift), all Sundays; Asia/Kathmandu (+5:45) has none. `npm test` runs this file once
// in each of those zones (scripts/test-zones.mjs), so each date is a real change somewhere.
const CLOCK_CHANGES_2026 = [
  ['New York, spring forward', 2026, 2, 8],
  ['New York, fall back', 2026, 10, 1],
  ['Berlin, spring forward', 2026, 2, 29],
  ['Berlin, fall back', 2026, 9, 25],
  ['Lord Howe, half an hour back', 2026, 3, 5],
  ['Lord Howe, half an hour forward', 2026, 9, 4],
] as const;

const EVERY_DAY_9_TO_18 = Object.fromEntries(
  [0, 1, 2, 3, 4, 5, 6].map((day) => [day, [{ start: 9 * 60, end: 18 * 60, nextDay: false }]]),
) as unknown as WeekHours;

describe('across a change of the clocks', () => {
  it.each(CLOCK_CHANGES_2026)(
    '%s: the first nudge is at 10:00 local, one interval after opening',
    (_, y, m, d) => {
      const saturdayEvening = new Date(y, m, d - 1, 18, 30).getTime();
      expect(planFrom(settings({ hours: EVERY_DAY_9_TO_18 }), schedule(), saturdayEvening)).toBe(
        new Date(y, m, d, 10).getTime(),
      );
    },
  );

  it.each(CLOCK_CHANGES_2026)('%s: through the night, nudges stay one real hour apart', (_, y, m, d) => {
    let at = new Date(y, m, d, 0, 10).getTime();
    let state = schedule({ nextNudgeAt: at });
    for (let i = 0; i < 6; i++) {
      const result = step(settings(), state, alarm(), at);
      expect(result.show).not.toBeNull();
      expect(result.schedule.nextNudgeAt).toBe(at + 60 * MINUTE);
      state = result.schedule;
      at = result.schedule.nextNudgeAt ?? 0;
    }
  });
});

describe('step: wake', () => {
  it.each([
    ['a fresh install starts a full interval', {}, NOW + 60 * MINUTE],
    ['a healthy plan is kept', { nextNudgeAt: NOW + 20 * MINUTE }, NOW + 20 * MINUTE],
    [
      'a nudge a little late is kept (its alarm fires now)',
      { nextNudgeAt: NOW - 10 * MINUTE },
      NOW - 10 * MINUTE,
    ],
    [
      'a nudge missed by over half an interval is not replayed',
      { nextNudgeAt: NOW - 31 * MINUTE },
      NOW + 60 * MINUTE,
    ],
    [
      'a plan beyond one interval (clock set back) is pulled in',
      { nextNudgeAt: NOW + 3 * 60 * MINUTE },
      NOW + 60 * MINUTE,
    ],
    [
      'a plan inside a pause moves after it',
      { nextNudgeAt: NOW + 20 * MINUTE, pausedUntil: NOW + 30 * MINUTE },
      NOW + 90 * MINUTE,
    ],
  ] as const)('%s', (_, patch, expected) => {
    expect(step(settings(), schedule(patch), { type: 'wake' }, NOW).schedule.nextNudgeAt).toBe(expected);
  });

  it('moves a plan that falls outside changed active hours', () => {
    const evening = schedule({ nextNudgeAt: at(12, 20) });
    expect(
      step(settings({ hours: OFFICE }), evening, { type: 'wake' }, at(12, 19, 30)).schedule.nextNudgeAt,
    ).toBe(at(13, 10));
  });

  it('keeps no plan while nudges are off', () => {
    const result = step(
      settings({ nudgesEnabled: false }),
      schedule({ nextNudgeAt: NOW }),
      { type: 'wake' },
      NOW,
    );
    expect(result.schedule.nextNudgeAt).toBeNull();
  });
});

describe('step: alarm', () => {
  const due = schedule({ nextNudgeAt: NOW });

  it.each([
    ['due now', due, {}, 'shown'],
    ['a few seconds early (Chrome rounds)', schedule({ nextNudgeAt: NOW + 10_000 }), {}, 'shown'],
    ['a duplicate after the nudge was shown', schedule({ nextNudgeAt: NOW + 60 * MINUTE }), {}, 'too-early'],
    ['late by 20 minutes', schedule({ nextNudgeAt: NOW - 20 * MINUTE }), {}, 'shown'],
    ['late by 2 hours (asleep)', schedule({ nextNudgeAt: NOW - 120 * MINUTE }), {}, 'missed'],
    ['during a pause', schedule({ nextNudgeAt: NOW, pausedUntil: NOW + MINUTE }), {}, 'paused'],
    ['while the person is away', due, { idle: 'idle' }, 'held-away'],
    ['while the screen is locked', due, { idle: 'locked' }, 'held-away'],
    ['in full screen', due, { fullscreen: true }, 'held-fullscreen'],
    ['during a call, without the opt-in', due, { inCall: true }, 'shown'],
  ] as const)('%s → %s', (_, state, presence, reason) => {
    expect(step(settings(), state, alarm(presence), NOW).reason).toBe(reason);
  });

  it('shows the nudge and plans the next one an interval later', () => {
    const result = step(settings(), due, alarm(), NOW);
    expect(result.show).toEqual({ afterCall: false });
    expect(result.schedule.nextNudgeAt).toBe(NOW + 60 * MINUTE);
    expect(result.schedule.lastNudgeAt).toBe(NOW);
  });

  it('holds during a call when asked to, then offers an after-call check-in', () => {
    const calls = settings({ holdDuringCalls: true });
    const held = step(calls, due, alarm({ inCall: true }), NOW);
    expect(held.show).toBeNull();
    expect(held.schedule.held).toBe('call');
    const retry = held.schedule.nextNudgeAt ?? 0;
    expect(retry - NOW).toBeLessThanOrEqual(2 * MINUTE);
    const after = step(calls, held.schedule, alarm(), retry);
    expect(after.show).toEqual({ afterCall: true });
  });

  it('tries again soon after full screen, without replaying a burst', () => {
    const held = step(settings(), due, alarm({ fullscreen: true }), NOW);
    expect(held.schedule.nextNudgeAt).toBe(NOW + 2 * MINUTE);
    const still = step(settings(), held.schedule, alarm({ fullscreen: true }), NOW + 2 * MINUTE);
    expect(still.schedule.nextNudgeAt).toBe(NOW + 4 * MINUTE);
    expect(step(settings(), still.schedule, alarm(), NOW + 4 * MINUTE).show).not.toBeNull();
  });

  it('does not nudge outside active hours, even after a snooze that ran past closing', () => {
    const late = schedule({ nextNudgeAt: at(12, 18, 5) });
    const result = step(settings({ hours: OFFICE }), late, alarm(), at(12, 18, 5));
    expect(result.show).toBeNull();
    expect(result.schedule.nextNudgeAt).toBe(at(13, 10));
  });

  it('counts nudges ignored in a row, and a check-in resets them', () => {
    let state = schedule({ nextNudgeAt: NOW });
    let now = NOW;
    for (let i = 0; i < 4; i++) {
      state = step(settings(), state, alarm(), now).schedule;
      now = state.nextNudgeAt ?? 0;
    }
    expect(state.ignoredInRow).toBe(3);
    expect(step(settings(), state, { type: 'checked-in' }, now).schedule.ignoredInRow).toBe(0);
  });
});

describe('step: presence', () => {
  it('counts five minutes away as a break: the interval restarts from the return', () => {
    const away = step(
      settings(),
      schedule({ nextNudgeAt: NOW + 30 * MINUTE }),
      { type: 'presence', idle: 'locked', since: NOW },
      NOW,
    );
    const back = step(
      settings(),
      away.schedule,
      { type: 'presence', idle: 'active', since: NOW + 6 * MINUTE },
      NOW + 6 * MINUTE,
    );
    expect(back.reason).toBe('natural-break');
    expect(back.schedule.nextNudgeAt).toBe(NOW + 66 * MINUTE);
  });

  it('after a short absence, a nudge that waited comes a minute after the return', () => {
    const held = step(settings(), schedule({ nextNudgeAt: NOW }), alarm({ idle: 'idle' }), NOW);
    const awayState = { ...held.schedule, awaySince: NOW - MINUTE };
    const back = step(
      settings(),
      awayState,
      { type: 'presence', idle: 'active', since: NOW + 2 * MINUTE },
      NOW + 2 * MINUTE,
    );
    expect(back.schedule.nextNudgeAt).toBe(NOW + 3 * MINUTE);
  });

  it('uses the configured break length', () => {
    const away = step(
      settings({ breakMinutes: 10 }),
      schedule({ nextNudgeAt: NOW + 30 * MINUTE }),
      { type: 'presence', idle: 'idle', since: NOW },
      NOW,
    );
    const back = step(
      settings({ breakMinutes: 10 }),
      away.schedule,
      { type: 'presence', idle: 'active', since: NOW + 6 * MINUTE },
      NOW + 6 * MINUTE,
    );
    expect(back.schedule.nextNudgeAt).toBe(NOW + 30 * MINUTE);
  });
});

describe('step: pause, snooze, resume', () => {
  it('pauses, and resumes one interval from the resume', () => {
    const paused = step(
      settings(),
      schedule(),
      { type: 'pause', until: NOW + 60 * MINUTE, kind: 'meeting' },
      NOW,
    );
    expect(paused.schedule).toMatchObject({
      pausedUntil: NOW + 60 * MINUTE,
      pauseKind: 'meeting',
      nextNudgeAt: NOW + 120 * MINUTE,
    });
    const resumed = step(settings(), paused.schedule, { type: 'resume' }, NOW + 10 * MINUTE);
    expect(resumed.schedule).toMatchObject({
      pausedUntil: null,
      pauseKind: null,
      nextNudgeAt: NOW + 70 * MINUTE,
    });
  });

  it('refuses a pause that ends in the past', () => {
    const result = step(
      settings(),
      schedule({ nextNudgeAt: NOW + MINUTE }),
      { type: 'pause', until: NOW - MINUTE, kind: 'pause' },
      NOW,
    );
    expect(result.reason).toBe('pause-in-past');
    expect(result.schedule.pausedUntil).toBeNull();
  });

  it('snoozes for 15 minutes', () => {
    expect(step(settings(), schedule(), { type: 'snooze' }, NOW).schedule.nextNudgeAt).toBe(
      NOW + 15 * MINUTE,
    );
  });

  it('pausing until tomorrow with office hours brings the nudge tomorrow at 10:00', () => {
    const result = step(
      settings({ hours: OFFICE }),
      schedule(),
      { type: 'pause', until: startOfNextLocalDay(NOW), kind: 'pause' },
      NOW,
    );
    expect(result.schedule.nextNudgeAt).toBe(at(13, 10));
  });
});

describe('step: missed nudges', () => {
  it('counts a dismissed or failed nudge for today, and clears it at a check-in', () => {
    let state = step(settings(), schedule(), { type: 'nudge-dismissed' }, NOW).schedule;
    state = step(settings(), state, { type: 'nudge-failed' }, NOW + MINUTE).schedule;
    expect(state.missed?.count).toBe(2);
    expect(step(settings(), state, { type: 'checked-in' }, NOW + 2 * MINUTE).schedule.missed).toBeNull();
  });

  it('forgets yesterday’s missed nudges', () => {
    const state = step(settings(), schedule(), { type: 'nudge-dismissed' }, NOW).schedule;
    expect(step(settings(), state, { type: 'wake' }, at(13, 9)).schedule.missed).toBeNull();
  });
});

describe('pickLine', () => {
  it('never repeats one of the last five lines', () => {
    let recent: number[] = [];
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let i = 0; i < 500; i++) {
      const { index, recent: next } = pickLine(12, recent, random);
      expect(recent.slice(-5)).not.toContain(index);
      expect(index).toBeGreaterThanOrEqual(0);
      expect(index).toBeLessThan(12);
      recent = next;
    }
  });

  it('still picks a line when there are fewer lines than the memory', () => {
    expect(pickLine(2, [0, 1, 0, 1, 0], () => 0.99).index).toBe(1);
  });
});
