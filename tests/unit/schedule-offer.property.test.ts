// Random days of events with natural pauses (tab and window switches, going idle) against the nudge
// state machine in all three ways a nudge comes (issue 18): the offer's promises hold whatever happens.
// Runs in every zone of scripts/test-zones.mjs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OFFER_WAIT } from '../../core/offer';
import { EARLY_TOLERANCE, type NudgeEvent, type Presence, step } from '../../core/schedule';
import {
  DEFAULT_SCHEDULE,
  DEFAULT_SETTINGS,
  NUDGE_MODES,
  type Schedule,
  type Settings,
} from '../../core/schema';
import { MINUTE } from '../../core/time';
import { isActiveAt, type TimeRange, type Weekday, type WeekHours } from '../../core/time/hours';
import { PROPERTY_BUDGET_MS } from './budgets';

// As many runs as schedule.property.test.ts, with a few more events a day (the moments).
const RUNS = 400;
const HOUR = 60 * MINUTE;

/** A week with at least one stretch of six hours, so every interval has room. */
const weekHours: fc.Arbitrary<WeekHours> = fc
  .tuple(
    fc.array(
      fc.option(
        fc.record({ start: fc.integer({ min: 0, max: 40 }), length: fc.integer({ min: 4, max: 40 }) }),
      ),
      { minLength: 7, maxLength: 7 },
    ),
    fc.integer({ min: 0, max: 6 }),
  )
  .map(([days, longDay]) => {
    const week = {} as Record<Weekday, TimeRange[]>;
    days.forEach((day, index) => {
      const weekday = index as Weekday;
      const slot = weekday === longDay ? { start: 32, length: 24 } : day;
      if (!slot) {
        week[weekday] = [];
        return;
      }
      const start = slot.start * 15;
      const end = Math.min(start + slot.length * 15, 24 * 60 - 1);
      week[weekday] = end > start ? [{ start, end, nextDay: false }] : [];
    });
    return week;
  });

const settingsArb: fc.Arbitrary<Settings> = fc
  .record({
    intervalMinutes: fc.integer({ min: 15, max: 240 }),
    hours: weekHours,
    breakMinutes: fc.integer({ min: 1, max: 30 }),
    holdDuringCalls: fc.boolean(),
    nudgeMode: fc.constantFrom(...NUDGE_MODES, 'offer'), // the default, twice as often
  })
  .map((patch) => ({ ...DEFAULT_SETTINGS, ...patch }));

// Mostly present, now and then away, in full screen or on a call.
const presenceArb: fc.Arbitrary<Presence> = fc.record({
  idle: fc.constantFrom('active', 'active', 'active', 'active', 'idle', 'locked'),
  fullscreen: fc.constantFrom(false, false, false, true),
  inCall: fc.constantFrom(false, false, false, true),
});

type Action =
  | { kind: 'wait'; ms: number; presence: Presence }
  | { kind: 'due'; presence: Presence } // the next alarm rings: often, so that nudges wait often
  | { kind: 'moment'; ms: number; presence: Presence } // a tab or window switch a little later
  | { kind: 'sleep'; ms: number }
  | { kind: 'restart' }
  | { kind: 'presence'; idle: 'active' | 'idle' | 'locked' }
  | { kind: 'settings'; settings: Settings }
  | { kind: 'toggle' }
  | { kind: 'pause'; ms: number }
  | { kind: 'resume' }
  | { kind: 'snooze' }
  | { kind: 'checked-in' }
  | { kind: 'check' }
  | { kind: 'clock-jump'; ms: number };

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('wait' as const),
      ms: fc.integer({ min: MINUTE, max: 4 * HOUR }),
      presence: presenceArb,
    }),
  },
  { weight: 10, arbitrary: fc.record({ kind: fc.constant('due' as const), presence: presenceArb }) },
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant('moment' as const),
      ms: fc.integer({ min: 0, max: 12 * MINUTE }),
      presence: presenceArb,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('sleep' as const),
      ms: fc.integer({ min: MINUTE, max: 2 * 24 * HOUR }),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'restart' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('presence' as const),
      idle: fc.constantFrom('active', 'idle', 'locked'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('settings' as const), settings: settingsArb }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'toggle' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('pause' as const),
      ms: fc.integer({ min: -HOUR, max: 30 * HOUR }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'resume' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'snooze' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'checked-in' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'check' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('clock-jump' as const),
      ms: fc.integer({ min: -2 * HOUR, max: 2 * HOUR }),
    }),
  },
);

const startArb = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 31) });

interface Step {
  settings: Settings;
  before: Schedule;
  schedule: Schedule;
  now: number;
  event: NudgeEvent;
  shown: boolean;
  afterCall: boolean;
  /** Notifications so far: when, at which interval, and whether a snooze or the clock set back excuses a short gap. */
  notifications: { at: number; interval: number; excused: boolean }[];
}

/** Plays a day of actions; calls `check` after every step. */
function simulate(initial: Settings, start: number, actions: readonly Action[], check: (step: Step) => void) {
  let settings = initial;
  let schedule: Schedule = DEFAULT_SCHEDULE;
  let now = start;
  let excused = false;
  const notifications: Step['notifications'] = [];

  const apply = (event: NudgeEvent) => {
    const before = schedule;
    const result = step(settings, schedule, event, now);
    schedule = result.schedule;
    if (result.show) {
      notifications.push({ at: now, interval: settings.intervalMinutes * MINUTE, excused });
      excused = false;
    }
    check({
      settings,
      before,
      schedule,
      now,
      event,
      shown: result.show !== null,
      afterCall: result.show?.afterCall === true,
      notifications,
    });
  };
  const fireDueAlarm = (presence: Presence) => {
    if (schedule.nextNudgeAt !== null && schedule.nextNudgeAt <= now) apply({ type: 'alarm', presence });
  };
  /** Time passes one alarm at a time, as the browser fires them. */
  const pass = (ms: number, presence: Presence) => {
    let left = ms;
    while (left > 0 && schedule.nextNudgeAt !== null && schedule.nextNudgeAt - now <= left) {
      const toAlarm = Math.max(0, schedule.nextNudgeAt - now);
      now += toAlarm;
      left -= toAlarm;
      const before = schedule.nextNudgeAt;
      fireDueAlarm(presence);
      if (schedule.nextNudgeAt === before) break;
    }
    now += Math.max(0, left);
  };

  apply({ type: 'wake' });
  for (const action of actions) {
    switch (action.kind) {
      case 'wait':
        pass(action.ms, action.presence);
        break;
      case 'due':
        if (schedule.nextNudgeAt !== null) {
          now = Math.max(now, schedule.nextNudgeAt);
          fireDueAlarm(action.presence);
        }
        break;
      case 'moment':
        pass(action.ms, action.presence);
        apply({ type: 'moment', presence: action.presence });
        break;
      case 'sleep':
        now += action.ms;
        apply({ type: 'wake' });
        fireDueAlarm({ idle: 'active', fullscreen: false, inCall: false });
        break;
      case 'restart':
        apply({ type: 'wake' });
        break;
      case 'presence':
        apply({ type: 'presence', idle: action.idle, since: now });
        break;
      case 'settings': {
        const previous = settings;
        settings = action.settings;
        apply({ type: 'settings-changed', previous });
        break;
      }
      case 'toggle': {
        const previous = settings;
        settings = { ...settings, nudgesEnabled: !settings.nudgesEnabled };
        apply({ type: 'settings-changed', previous });
        break;
      }
      case 'pause':
        apply({ type: 'pause', until: now + action.ms, kind: 'pause' });
        break;
      case 'resume':
        apply({ type: 'resume' });
        break;
      case 'snooze':
        excused = true;
        apply({ type: 'snooze' });
        break;
      case 'checked-in':
        apply({ type: 'checked-in' });
        break;
      case 'check':
        apply({ type: 'check' });
        break;
      case 'clock-jump':
        if (action.ms < 0) excused = true;
        now += action.ms;
        apply({ type: 'wake' });
        fireDueAlarm({ idle: 'active', fullscreen: false, inCall: false });
        break;
    }
  }
}

const scenario = fc.tuple(settingsArb, startArb, fc.array(actionArb, { minLength: 1, maxLength: 40 }));

const property = (name: string, check: (step: Step) => void) =>
  it(
    name,
    () => {
      fc.assert(
        fc.property(scenario, ([settings, start, actions]) => simulate(settings, start, actions, check)),
        { numRuns: RUNS },
      );
    },
    PROPERTY_BUDGET_MS,
  );

describe('the nudge as an offer, over random days in every mode', () => {
  property(
    'never shows a notification outside active hours, during a pause, or while nudges are off',
    (s) => {
      if (!s.shown) return;
      expect(s.settings.nudgesEnabled).toBe(true);
      expect(isActiveAt(s.settings.hours, s.now)).toBe(true);
      expect(s.schedule.pausedUntil === null || s.schedule.pausedUntil <= s.now).toBe(true);
    },
  );

  property('quiet never pops up; an offer only at a natural pause within its bound, or after a call', (s) => {
    if (!s.shown) return;
    if (s.settings.nudgeMode === 'quiet') throw new Error('quiet mode showed a notification');
    if (s.settings.nudgeMode !== 'offer') return;
    if (s.event.type === 'moment') {
      // It was waiting, and not for longer than the bound: never a late, louder nudge.
      expect(s.before.waitingSince).not.toBeNull();
      expect(s.now - (s.before.waitingSince ?? 0)).toBeLessThanOrEqual(OFFER_WAIT);
    } else {
      expect(s.event.type).toBe('alarm');
      expect(s.afterCall).toBe(true);
    }
  });

  property(
    'never brings two notifications closer than the interval, except after a snooze or the clock set back',
    (s) => {
      const [previous, last] = s.notifications.slice(-2);
      if (!s.shown || !previous || !last || last.excused) return;
      expect(last.at - previous.at).toBeGreaterThanOrEqual(last.interval - EARLY_TOLERANCE);
    },
  );

  it(
    'in offer mode, nudge after nudge offered at a pause: never two notifications closer than the interval',
    () => {
      // Only nudges falling due and moments after them: most nudges get their offer.
      const present = { idle: 'active', fullscreen: false, inCall: false } as const;
      const offerDay = fc.array(
        fc.oneof(
          fc.constant({ kind: 'due' as const, presence: present }),
          fc.record({
            kind: fc.constant('moment' as const),
            ms: fc.integer({ min: 0, max: 12 * MINUTE }),
            presence: fc.constant(present),
          }),
        ),
        { minLength: 2, maxLength: 30 },
      );
      fc.assert(
        fc.property(settingsArb, startArb, offerDay, (settings, start, actions) =>
          simulate({ ...settings, nudgeMode: 'offer' }, start, actions, (s) => {
            const [previous, last] = s.notifications.slice(-2);
            if (!s.shown || !previous || !last) return;
            expect(last.at - previous.at).toBeGreaterThanOrEqual(last.interval - EARLY_TOLERANCE);
          }),
        ),
        { numRuns: RUNS },
      );
    },
    PROPERTY_BUDGET_MS,
  );
  property(
    'a nudge waits only while one could come: nudges on, no pause, inside the hours, before the next',
    (s) => {
      const since = s.schedule.waitingSince;
      if (since === null) return;
      expect(s.settings.nudgeMode === 'at-once' && s.before.waitingSince === null).toBe(false);
      expect(s.settings.nudgesEnabled).toBe(true);
      expect(s.schedule.pausedUntil === null || s.schedule.pausedUntil <= s.now).toBe(true);
      expect(isActiveAt(s.settings.hours, s.now)).toBe(true);
      expect(since).toBeLessThanOrEqual(s.now);
      if (s.schedule.nextNudgeAt !== null) expect(s.schedule.nextNudgeAt).toBeGreaterThan(s.now);
    },
  );

  property('keeps a waiting nudge, and the next one, through a restart at any moment', (s) => {
    const restarted = step(s.settings, s.schedule, { type: 'wake' }, s.now);
    expect(restarted.schedule.waitingSince).toBe(s.schedule.waitingSince);
    expect(restarted.schedule.nextNudgeAt).toBe(s.schedule.nextNudgeAt);
    expect(restarted.show).toBeNull();
  });
});
