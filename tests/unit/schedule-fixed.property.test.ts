// Random days with fixed clock times against the nudge state machine (core/schedule.ts): whatever
// happens (calls, being away, pauses, check-ins, sleep, restarts), the promises about fixed times
// hold. Run in five time zones by scripts/test-zones.mjs; the start days cover the year, so the
// daylight-saving nights of New York, Berlin and Lord Howe come up.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EARLY_TOLERANCE, FIXED_LATE_MAX, PRESENT, type Presence } from '../../core/schedule';
import type { Settings } from '../../core/schema';
import { MINUTE } from '../../core/time';
import { type FixedTime, lastFixedTimeIn, nextFixedTime } from '../../core/time/fixed-times';
import { isActiveAt, type Weekday } from '../../core/time/hours';
import { PROPERTY_BUDGET_MS } from './budgets';
import {
  type Action,
  act,
  dayArb,
  HOUR,
  intervalArb,
  simulate,
  startArb,
  toSettings,
} from './schedule-simulation';

const RUNS = 200;

/** Minutes of day, with the night hours daylight saving skips or repeats (1:00 to 3:00) often drawn. */
const minuteArb = fc.oneof(
  fc.integer({ min: 0, max: 1439 }),
  fc.integer({ min: 60, max: 180 }),
  fc.constantFrom(0, 120, 150, 90, 660, 990),
);
const timesArb: fc.Arbitrary<FixedTime[]> = fc
  .uniqueArray(
    fc.record({
      minute: minuteArb,
      days: fc.uniqueArray(fc.integer({ min: 0, max: 6 }) as fc.Arbitrary<Weekday>, {
        minLength: 1,
        maxLength: 7,
      }),
      offer: fc.constantFrom('checkin', 'movement', 'body') as fc.Arbitrary<FixedTime['offer']>,
    }),
    { minLength: 1, maxLength: 4, selector: (time) => time.minute },
  )
  .map((times) => times as FixedTime[]);

const settingsArb: fc.Arbitrary<Settings> = fc
  .record({
    intervalMinutes: intervalArb,
    fixedTimes: timesArb,
    fixedTimesOnly: fc.boolean(),
    holdDuringCalls: fc.boolean(),
  })
  .map(toSettings);

const presenceArb: fc.Arbitrary<Presence> = fc.record({
  idle: fc.constantFrom('active', 'active', 'active', 'idle'),
  fullscreen: fc.constantFrom(false, false, true),
  inCall: fc.boolean(),
});
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 10, arbitrary: act.wait(8 * HOUR, presenceArb) },
  { weight: 2, arbitrary: act.sleep(2 * 24 * HOUR) },
  { weight: 2, arbitrary: act.restart },
  { weight: 1, arbitrary: act.pause(MINUTE, 20 * HOUR) },
  { weight: 1, arbitrary: act.resume },
  { weight: 1, arbitrary: act.checkedIn },
);

// Found by CI in New York: waking exactly at a fixed moment (Friday 02:30) shows its nudge, and a pause
// asked for in that same millisecond began after it, so it does not cover it.
const pauseAtTheFixedMoment: [[Settings, number, Action[]]] = [
  [
    toSettings({
      intervalMinutes: 15,
      nudgeMode: 'offer',
      fixedTimes: [{ minute: 150, days: [5, 0], offer: 'checkin' }],
    }),
    1781237735828,
    [
      { kind: 'wait', ms: 757084, presence: PRESENT },
      { kind: 'sleep', ms: 7307088 },
      { kind: 'pause', ms: 60000, meeting: false },
      { kind: 'wait', ms: 60000, presence: PRESENT },
    ],
  ],
];

const scenario = dayArb(settingsArb, actionArb, 30);

describe('fixed times, over random days', () => {
  it(
    'a nudge comes only inside active hours or for a fixed time at most FIXED_LATE_MAX late, never in a pause',
    () => {
      fc.assert(
        fc.property(scenario, ([settings, start, actions]) => {
          const { shown, pauses } = simulate(settings, start, actions);
          for (const [index, nudge] of shown.entries()) {
            expect(pauses.some(({ after, to }) => index >= after && nudge.at < to)).toBe(false);
            if (nudge.fixed) {
              const occurrence = lastFixedTimeIn(
                settings.fixedTimes,
                nudge.at - FIXED_LATE_MAX,
                nudge.at + EARLY_TOLERANCE,
              );
              expect(occurrence).not.toBeNull();
            } else {
              expect(settings.fixedTimesOnly).toBe(false);
              expect(isActiveAt(settings.hours, nudge.at)).toBe(true);
            }
          }
        }),
        { numRuns: RUNS, examples: [pauseAtTheFixedMoment] },
      );
    },
    PROPERTY_BUDGET_MS,
  );

  it(
    'each fixed moment brings at most one nudge, even on a night the clocks repeat an hour',
    () => {
      fc.assert(
        fc.property(scenario, ([settings, start, actions]) => {
          const { shown } = simulate(settings, start, actions);
          const moments = shown
            .filter((nudge) => nudge.fixed)
            .map(
              (nudge) =>
                lastFixedTimeIn(settings.fixedTimes, nudge.at - FIXED_LATE_MAX, nudge.at + EARLY_TOLERANCE)
                  ?.at,
            );
          expect(new Set(moments).size).toBe(moments.length);
        }),
        { numRuns: RUNS },
      );
    },
    PROPERTY_BUDGET_MS,
  );

  it(
    'with the person at hand and nothing in the way, every fixed moment brings its nudge, on time',
    () => {
      const calm = fc.tuple(
        settingsArb,
        startArb,
        fc.array(fc.integer({ min: MINUTE, max: 12 * HOUR }), { minLength: 1, maxLength: 12 }),
      );
      fc.assert(
        fc.property(calm, ([settings, start, waits]) => {
          const actions: Action[] = waits.map((ms) => ({ kind: 'wait', ms, presence: PRESENT }));
          const { shown, end } = simulate(settings, start, actions);
          const expected: number[] = [];
          for (let next = nextFixedTime(settings.fixedTimes, start); next && next.at <= end; ) {
            expected.push(next.at);
            // The person's clock reads the time then, or the clocks just jumped over it (spring forward).
            const reads = (t: number) => new Date(t).getHours() * 60 + new Date(t).getMinutes();
            const jumped = reads(next.at) !== next.time.minute;
            if (jumped)
              expect(reads(next.at - 1) < next.time.minute && reads(next.at) > next.time.minute).toBe(true);
            next = nextFixedTime(settings.fixedTimes, next.at);
          }
          const fixedShown = shown.filter((nudge) => nudge.fixed).map((nudge) => nudge.at);
          expect(fixedShown).toEqual(expected);
        }),
        { numRuns: 100 },
      );
    },
    PROPERTY_BUDGET_MS,
  );
});
