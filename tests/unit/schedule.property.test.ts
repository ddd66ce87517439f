// Random days of events against the nudge state machine: whatever happens, the promises hold.
// The simulated browser fires the nudge alarm when the device clock reaches it, like Chrome does,
// including late after a sleep.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PutOffChoice, putOffUntil } from '../../core/putoff';
import { EARLY_TOLERANCE, type NudgeEvent, type Presence, step } from '../../core/schedule';
import { DEFAULT_SCHEDULE, DEFAULT_SETTINGS, type Schedule, type Settings } from '../../core/schema';
import { MINUTE } from '../../core/time';
import { isActiveAt, type TimeRange, type Weekday, type WeekHours } from '../../core/time/hours';
import { PROPERTY_BUDGET_MS } from './budgets';

// Each run is days of events: 500 runs took up to 4.4 s a property on one core of a busy machine
// (load 17), well inside PROPERTY_BUDGET_MS (1,000 took 8.8 s there).
const RUNS = 500;
const HOUR = 60 * MINUTE;

/** A week with at least one stretch of five hours, so every interval (up to 4 hours) has room. */
const weekHours: fc.Arbitrary<WeekHours> = fc
  .tuple(
    fc.array(
      fc.option(
        fc.record({ start: fc.integer({ min: 0, max: 40 }), length: fc.integer({ min: 4, max: 40 }) }),
      ),
      {
        minLength: 7,
        maxLength: 7,
      },
    ),
    fc.integer({ min: 0, max: 6 }),
  )
  .map(([days, longDay]) => {
    const week = {} as Record<Weekday, TimeRange[]>;
    days.forEach((day, index) => {
      const weekday = index as Weekday;
      const slot = weekday === longDay ? { start: 32, length: 24 } : day; // 8:00 to 14:00, quarter hours
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
  })
  .map((patch) => ({ ...DEFAULT_SETTINGS, ...patch }));

const presenceArb: fc.Arbitrary<Presence> = fc.record({
  idle: fc.constantFrom('active', 'active', 'active', 'idle', 'locked'),
  fullscreen: fc.boolean(),
  inCall: fc.boolean(),
});

type Action =
  | { kind: 'wait'; ms: number; presence: Presence } // time passes; the alarm fires if due
  | { kind: 'sleep'; ms: number } // the computer sleeps; the alarm fires late on wake
  | { kind: 'late'; ms: number; presence: Presence } // the next alarm fires this late (a busy or napping machine)
  | { kind: 'restart' }
  | { kind: 'presence'; idle: 'active' | 'idle' | 'locked' }
  | { kind: 'settings'; settings: Settings }
  | { kind: 'toggle' }
  | { kind: 'pause'; ms: number; meeting: boolean }
  | { kind: 'resume' }
  | { kind: 'snooze'; choice: PutOffChoice }
  | { kind: 'bring-back'; choice: PutOffChoice }
  | { kind: 'checked-in' }
  | { kind: 'dismissed' }
  | { kind: 'clock-jump'; ms: number };

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant('wait' as const),
      ms: fc.integer({ min: MINUTE, max: 6 * HOUR }),
      presence: presenceArb,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('sleep' as const),
      ms: fc.integer({ min: MINUTE, max: 3 * 24 * HOUR }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('late' as const),
      ms: fc.integer({ min: 0, max: 3 * HOUR }),
      presence: presenceArb,
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
      meeting: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'resume' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('snooze' as const), choice: fc.constantFrom('soon', 'later') }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('bring-back' as const),
      choice: fc.constantFrom('soon', 'later'),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'checked-in' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'dismissed' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('clock-jump' as const),
      ms: fc.integer({ min: -2 * HOUR, max: 2 * HOUR }),
    }),
  },
);

const startArb = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 31) });

interface Shown {
  at: number;
  interval: number;
  /** A snooze or a backward clock jump came between this nudge and the one before. */
  excused: boolean;
}

/** Plays a day of actions; calls `check` after every step with what it knows. */
function simulate(
  initial: Settings,
  start: number,
  actions: readonly Action[],
  check: (info: {
    settings: Settings;
    schedule: Schedule;
    now: number;
    event: NudgeEvent;
    shown: Shown[];
    /** This very step showed a nudge. */
    showedNow: boolean;
  }) => void,
) {
  let settings = initial;
  let schedule: Schedule = DEFAULT_SCHEDULE;
  let now = start;
  let excused = false;
  const shown: Shown[] = [];

  const apply = (event: NudgeEvent) => {
    const result = step(settings, schedule, event, now);
    schedule = result.schedule;
    if (result.show) {
      shown.push({ at: now, interval: settings.intervalMinutes * MINUTE, excused });
      excused = false;
    }
    check({ settings, schedule, now, event, shown, showedNow: result.show !== null });
  };
  const fireDueAlarm = (presence: Presence) => {
    if (schedule.nextNudgeAt !== null && schedule.nextNudgeAt <= now) apply({ type: 'alarm', presence });
  };

  apply({ type: 'wake' });
  for (const action of actions) {
    switch (action.kind) {
      case 'wait': {
        // Time passes one alarm at a time, as the browser would fire them.
        let left = action.ms;
        while (left > 0 && schedule.nextNudgeAt !== null && schedule.nextNudgeAt - now <= left) {
          const toAlarm = Math.max(0, schedule.nextNudgeAt - now);
          now += toAlarm;
          left -= toAlarm;
          const before = schedule.nextNudgeAt;
          fireDueAlarm(action.presence);
          if (schedule.nextNudgeAt === before) break;
        }
        now += Math.max(0, left);
        break;
      }
      case 'late':
        if (schedule.nextNudgeAt !== null) {
          now = Math.max(now, schedule.nextNudgeAt + action.ms);
          fireDueAlarm(action.presence);
        }
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
        apply({ type: 'pause', until: now + action.ms, kind: action.meeting ? 'meeting' : 'pause' });
        break;
      case 'resume':
        apply({ type: 'resume' });
        break;
      case 'snooze':
      case 'bring-back': {
        // As the background does: the moment from core/putoff.ts at the person's `now`.
        const putOff = putOffUntil(action.choice, settings, now);
        if (!putOff) break;
        excused = true;
        apply({ type: action.kind, until: putOff.until });
        break;
      }
      case 'checked-in':
        apply({ type: 'checked-in' });
        break;
      case 'dismissed':
        apply({ type: 'nudge-dismissed' });
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

describe('the nudge schedule, over random days', () => {
  it(
    'never nudges outside active hours, during a pause, or while nudges are off',
    () => {
      fc.assert(
        fc.property(scenario, ([settings, start, actions]) => {
          simulate(settings, start, actions, ({ settings: s, schedule, now, showedNow }) => {
            if (!showedNow) return;
            expect(s.nudgesEnabled).toBe(true);
            expect(isActiveAt(s.hours, now)).toBe(true);
            expect(schedule.pausedUntil === null || schedule.pausedUntil <= now).toBe(true);
          });
        }),
        { numRuns: RUNS },
      );
    },
    PROPERTY_BUDGET_MS,
  );

  it(
    'never brings two nudges closer than the interval, except after a snooze or the clock set back',
    () => {
      fc.assert(
        fc.property(scenario, ([settings, start, actions]) => {
          simulate(settings, start, actions, ({ shown }) => {
            const [previous, last] = shown.slice(-2);
            if (!previous || !last || last.excused) return;
            expect(last.at - previous.at).toBeGreaterThanOrEqual(last.interval - EARLY_TOLERANCE);
          });
        }),
        { numRuns: RUNS },
      );
    },
    PROPERTY_BUDGET_MS,
  );

  it(
    'keeps exactly one coming nudge planned while nudges are on, and none while off',
    () => {
      fc.assert(
        fc.property(scenario, ([settings, start, actions]) => {
          simulate(settings, start, actions, ({ settings: s, schedule, now }) => {
            if (!s.nudgesEnabled) {
              expect(schedule.nextNudgeAt).toBeNull();
              return;
            }
            expect(schedule.nextNudgeAt).not.toBeNull();
            // Never a stale plan that would be replayed: at worst a nudge a little late, due now.
            expect(schedule.nextNudgeAt ?? 0).toBeGreaterThanOrEqual(now - (s.intervalMinutes * MINUTE) / 2);
          });
        }),
        { numRuns: RUNS },
      );
    },
    PROPERTY_BUDGET_MS,
  );

  it(
    'gives the same next nudge after a restart at any moment',
    () => {
      fc.assert(
        fc.property(scenario, ([settings, start, actions]) => {
          simulate(settings, start, actions, ({ settings: s, schedule, now }) => {
            const restarted = step(s, schedule, { type: 'wake' }, now);
            expect(restarted.schedule.nextNudgeAt).toBe(schedule.nextNudgeAt);
            expect(restarted.show).toBeNull();
          });
        }),
        { numRuns: RUNS },
      );
    },
    PROPERTY_BUDGET_MS,
  );

  it(
    'never bursts: a long sleep brings at most one nudge on waking',
    () => {
      fc.assert(
        fc.property(
          settingsArb,
          startArb,
          fc.integer({ min: 2 * HOUR, max: 5 * 24 * HOUR }),
          (settings, start, sleep) => {
            const woken: number[] = [];
            let schedule = step(settings, DEFAULT_SCHEDULE, { type: 'wake' }, start).schedule;
            const now = start + sleep;
            schedule = step(settings, schedule, { type: 'wake' }, now).schedule;
            // The browser fires every overdue alarm it still has; at most one can exist.
            for (let i = 0; i < 3; i++) {
              const result = step(
                settings,
                schedule,
                { type: 'alarm', presence: { idle: 'active', fullscreen: false, inCall: false } },
                now,
              );
              schedule = result.schedule;
              if (result.show) woken.push(now);
            }
            expect(woken.length).toBeLessThanOrEqual(1);
          },
        ),
        { numRuns: RUNS },
      );
    },
    PROPERTY_BUDGET_MS,
  );
});
