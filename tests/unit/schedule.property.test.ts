// Random days of events against the nudge state machine: whatever happens, the promises hold.
// The day is played by ./schedule-simulation.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EARLY_TOLERANCE, type Presence, step } from '../../core/schedule';
import { DEFAULT_SCHEDULE } from '../../core/schema';
import { MINUTE } from '../../core/time';
import { isActiveAt } from '../../core/time/hours';
import { PROPERTY_BUDGET_MS } from './budgets';
import { type Action, act, dayArb, HOUR, hoursSettingsArb, simulate, startArb } from './schedule-simulation';

// Each run is days of events: 500 runs took up to 4.4 s a property on one core of a busy machine
// (load 17), well inside PROPERTY_BUDGET_MS (1,000 took 8.8 s there).
const RUNS = 500;

const settingsArb = hoursSettingsArb();

const presenceArb: fc.Arbitrary<Presence> = fc.record({
  idle: fc.constantFrom('active', 'active', 'active', 'idle', 'locked'),
  fullscreen: fc.boolean(),
  inCall: fc.boolean(),
});

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 10, arbitrary: act.wait(6 * HOUR, presenceArb) },
  { weight: 2, arbitrary: act.sleep(3 * 24 * HOUR) },
  { weight: 4, arbitrary: act.late(3 * HOUR, presenceArb) }, // a busy or napping machine
  { weight: 2, arbitrary: act.restart },
  { weight: 2, arbitrary: act.presence },
  { weight: 1, arbitrary: act.settings(settingsArb) },
  { weight: 1, arbitrary: act.toggle },
  { weight: 1, arbitrary: act.pause(-HOUR, 30 * HOUR, fc.boolean()) },
  { weight: 1, arbitrary: act.resume },
  { weight: 1, arbitrary: act.putOff('snooze') },
  { weight: 1, arbitrary: act.putOff('bring-back') },
  { weight: 1, arbitrary: act.checkedIn },
  { weight: 1, arbitrary: act.dismissed },
  { weight: 1, arbitrary: act.clockJump(2 * HOUR) },
);

const scenario = dayArb(settingsArb, actionArb, 40);

describe('the nudge schedule, over random days', () => {
  it(
    'never nudges outside active hours, during a pause, or while nudges are off',
    () => {
      fc.assert(
        fc.property(scenario, ([settings, start, actions]) => {
          simulate(settings, start, actions, ({ settings: s, schedule, now, show }) => {
            if (!show) return;
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
