// Properties of the put-off choices (core/putoff.ts) against random weeks of hours, in every zone
// `npm test` runs the schedule tests in (scripts/test-zones.mjs).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LATER_TODAY, LATER_TODAY_MARGIN, PUT_OFF_SOON, putOffUntil } from '../../core/putoff';
import { PRESENT, step } from '../../core/schedule';
import { DEFAULT_SCHEDULE, NUDGE_MODES, type Settings } from '../../core/schema';
import { MINUTE, startOfLocalDay } from '../../core/time';
import { isActiveAt, type WeekHours } from '../../core/time/hours';
import { PROPERTY_BUDGET_MS } from './budgets';
import { intervalArb, startArb, toSettings, weekFromSlots } from './schedule-simulation';

// Each run is a handful of steps: 1,000 runs take well under a second.
const RUNS = 1000;

// Any week, some days with no hours at all: a put-off may find no moment.
const weekHours: fc.Arbitrary<WeekHours> = fc
  .array(
    fc.option(fc.record({ start: fc.integer({ min: 0, max: 80 }), length: fc.integer({ min: 1, max: 60 }) })),
    { minLength: 7, maxLength: 7 },
  )
  .map(weekFromSlots);

const settingsArb: fc.Arbitrary<Settings> = fc
  .record({ intervalMinutes: intervalArb, hours: weekHours, nudgeMode: fc.constantFrom(...NUDGE_MODES) })
  .map(toSettings);
const nowArb = startArb;
const choiceArb = fc.constantFrom('soon' as const, 'later' as const);

describe('the put-off choices, over random weeks', () => {
  it(
    'always name a moment ahead, inside active hours, and say honestly whether it is today',
    () => {
      fc.assert(
        fc.property(settingsArb, nowArb, choiceArb, (settings, now, choice) => {
          const putOff = putOffUntil(choice, settings, now);
          if (!putOff) return;
          expect(putOff.until).toBeGreaterThan(now);
          expect(isActiveAt(settings.hours, putOff.until)).toBe(true);
          if (putOff.when === 'soon') expect(putOff.until).toBe(now + PUT_OFF_SOON);
          if (putOff.when === 'later-today') {
            expect(choice).toBe('later');
            expect(startOfLocalDay(putOff.until)).toBe(startOfLocalDay(now));
            expect(putOff.until).toBeGreaterThanOrEqual(now + LATER_TODAY_MARGIN);
            expect(putOff.until).toBeLessThanOrEqual(now + LATER_TODAY);
          }
        }),
        { numRuns: RUNS },
      );
    },
    PROPERTY_BUDGET_MS,
  );

  it(
    'bring the nudge at exactly that moment, whatever restarts come before it',
    () => {
      fc.assert(
        fc.property(
          settingsArb,
          nowArb,
          choiceArb,
          fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 5 }),
          (settings, now, choice, wakes) => {
            const putOff = putOffUntil(choice, settings, now);
            if (!putOff) return;
            let schedule = step(
              settings,
              DEFAULT_SCHEDULE,
              { type: 'snooze', until: putOff.until },
              now,
            ).schedule;
            expect(schedule.nextNudgeAt).toBe(putOff.until);
            for (const fraction of [...wakes].sort()) {
              const at = now + Math.floor(fraction * (putOff.until - now - MINUTE));
              schedule = step(settings, schedule, { type: 'wake' }, at).schedule;
              expect(schedule.nextNudgeAt).toBe(putOff.until);
            }
            // At once and offer: the notification, at the moment the person chose (it is the pause an
            // offer waits for); quiet: the nudge waits on the icon from then, as quiet never pops up.
            const due = step(settings, schedule, { type: 'alarm', presence: PRESENT }, putOff.until);
            if (settings.nudgeMode !== 'quiet') expect(due.show).not.toBeNull();
            else expect(due.schedule.waitingSince).toBe(putOff.until);
          },
        ),
        { numRuns: RUNS },
      );
    },
    PROPERTY_BUDGET_MS,
  );
});
