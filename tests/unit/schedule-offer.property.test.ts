// Random days of events with natural pauses (tab and window switches, going idle) against the nudge
// state machine in all three ways a nudge comes (issue 18): the offer's promises hold whatever happens.
// Runs in every zone of scripts/test-zones.mjs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OFFER_WAIT } from '../../core/offer';
import { EARLY_TOLERANCE, PRESENT, type Presence, step } from '../../core/schedule';
import { NUDGE_MODES } from '../../core/schema';
import { MINUTE } from '../../core/time';
import { isActiveAt } from '../../core/time/hours';
import { PROPERTY_BUDGET_MS } from './budgets';
import {
  type Action,
  act,
  dayArb,
  HOUR,
  hoursSettingsArb,
  type Step,
  simulate,
  startArb,
} from './schedule-simulation';

// As many runs as schedule.property.test.ts, with a few more events a day (the moments).
const RUNS = 400;

const settingsArb = hoursSettingsArb(fc.constantFrom(...NUDGE_MODES, 'offer')); // the default, twice as often

// Mostly present, now and then away, in full screen or on a call.
const presenceArb: fc.Arbitrary<Presence> = fc.record({
  idle: fc.constantFrom('active', 'active', 'active', 'active', 'idle', 'locked'),
  fullscreen: fc.constantFrom(false, false, false, true),
  inCall: fc.constantFrom(false, false, false, true),
});

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 8, arbitrary: act.wait(4 * HOUR, presenceArb) },
  // The next alarm rings: often, so that nudges wait often.
  { weight: 10, arbitrary: act.late(0, presenceArb) },
  // A tab or window switch a little later.
  { weight: 10, arbitrary: act.moment(12 * MINUTE, presenceArb) },
  { weight: 1, arbitrary: act.sleep(2 * 24 * HOUR) },
  { weight: 2, arbitrary: act.restart },
  { weight: 2, arbitrary: act.presence },
  { weight: 1, arbitrary: act.settings(settingsArb) },
  { weight: 1, arbitrary: act.toggle },
  { weight: 1, arbitrary: act.pause(-HOUR, 30 * HOUR) },
  { weight: 1, arbitrary: act.resume },
  { weight: 1, arbitrary: act.snooze },
  { weight: 1, arbitrary: act.checkedIn },
  { weight: 2, arbitrary: act.check },
  { weight: 1, arbitrary: act.clockJump(2 * HOUR) },
);

const scenario = dayArb(settingsArb, actionArb, 40);

const property = (name: string, check: (step: Step) => void) =>
  it(
    name,
    () => {
      fc.assert(
        fc.property(scenario, ([settings, start, actions]) => {
          simulate(settings, start, actions, check);
        }),
        { numRuns: RUNS },
      );
    },
    PROPERTY_BUDGET_MS,
  );

describe('the nudge as an offer, over random days in every mode', () => {
  property(
    'never shows a notification outside active hours, during a pause, or while nudges are off',
    (s) => {
      if (!s.show) return;
      expect(s.settings.nudgesEnabled).toBe(true);
      expect(isActiveAt(s.settings.hours, s.now)).toBe(true);
      expect(s.schedule.pausedUntil === null || s.schedule.pausedUntil <= s.now).toBe(true);
    },
  );

  property(
    'quiet never pops up; an offer only at a natural pause within its bound, after a call, or at a moment the person chose',
    (s) => {
      if (!s.show) return;
      if (s.settings.nudgeMode === 'quiet') throw new Error('quiet mode showed a notification');
      if (s.settings.nudgeMode !== 'offer') return;
      if (s.event.type === 'moment') {
        // It was waiting, and not for longer than the bound: never a late, louder nudge.
        expect(s.before.waitingSince).not.toBeNull();
        expect(s.now - (s.before.waitingSince ?? 0)).toBeLessThanOrEqual(OFFER_WAIT);
      } else {
        expect(s.event.type).toBe('alarm');
        // Put off (or brought back) to this moment by the person: it comes then, as they asked.
        const chosen = s.before.putOffUntil !== null && s.before.putOffUntil === s.before.nextNudgeAt;
        expect(s.show.afterCall || chosen).toBe(true);
      }
    },
  );

  property(
    'never brings two notifications closer than the interval, except after a snooze or the clock set back',
    (s) => {
      const [previous, last] = s.shown.slice(-2);
      if (!s.show || !previous || !last || last.excused) return;
      expect(last.at - previous.at).toBeGreaterThanOrEqual(last.interval - EARLY_TOLERANCE);
    },
  );

  it(
    'in offer mode, nudge after nudge offered at a pause: never two notifications closer than the interval',
    () => {
      // Only nudges falling due and moments after them: most nudges get their offer.
      const offerDay = fc.array(
        fc.oneof(act.late(0, fc.constant(PRESENT)), act.moment(12 * MINUTE, fc.constant(PRESENT))),
        { minLength: 2, maxLength: 30 },
      );
      fc.assert(
        fc.property(settingsArb, startArb, offerDay, (settings, start, actions) => {
          simulate({ ...settings, nudgeMode: 'offer' }, start, actions, (s) => {
            const [previous, last] = s.shown.slice(-2);
            if (!s.show || !previous || !last) return;
            expect(last.at - previous.at).toBeGreaterThanOrEqual(last.interval - EARLY_TOLERANCE);
          });
        }),
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
