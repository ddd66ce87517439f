// When the next nudge comes, as a pure state machine: `step(settings, schedule, event, now)` returns
// the new schedule, whether to show a nudge now, and why. The background stores the schedule, keeps
// one alarm at `nextNudgeAt`, and shows what it is told to. Nothing here reads the clock, so every
// rule can be tested against simulated days (tests/unit/schedule*.test.ts).
//
// The rules, in the words a person would use:
// - Nudges come one interval apart, only inside active hours, never during a pause. The first nudge
//   after hours open comes one interval after opening, not at the opening minute.
// - A nudge missed by more than half an interval (asleep, browser closed) is dropped, not replayed.
// - A due nudge waits while the person is away, in full screen or on a call. Coming back after at least
//   `breakMinutes` away counts as a break: the interval starts again from the return.
// - A check-in counts as a break too: the interval starts again from it.
// - In quiet and offer modes a due nudge waits on the toolbar icon first (core/offer.ts); an offer's
//   notification comes at a natural pause, and the next nudge is then planned from it. A moment the
//   person chose (a fixed time, or a nudge put off or brought back to it) is that pause: in offer mode
//   it comes at once; quiet never pops up.
// - Putting a nudge off brings it back at the moment the person chose ("in 10 minutes", "later
//   today": core/putoff.ts works the moment out), the one exception to "an interval apart"; the plan
//   keeps that moment across restarts even when it is more than an interval away.
// - Fixed clock times (settings.fixedTimes) come at their time on their weekdays, inside active hours
//   or not, alongside the interval or instead of it (settings.fixedTimesOnly); they wait like any nudge
//   during a pause, away, full screen or a call, for FIXED_LATE_MAX at most (core/time/fixed-times.ts).
import type { OutletFamily } from './families';
import { atMoment, endWaiting, howNudgeComes, waitingIsOver } from './offer';
import { canBringBack } from './putoff';
import type { Schedule, Settings } from './schema';
import { MINUTE, startOfLocalDay } from './time';
import {
  type FixedOccurrence,
  type FixedOffer,
  isFixedMoment,
  lastFixedTimeIn,
  nextFixedTime,
} from './time/fixed-times';
import { isActiveAt, nextNudgeWithinHours } from './time/hours';

/** How often a nudge held by full screen is tried again. */
export const FULLSCREEN_RECHECK = 2 * MINUTE;
/** How often a nudge held by a call is tried again: the after-call check-in comes within 2 minutes. */
export const CALL_RECHECK = MINUTE;
/** How often a nudge held while the person is away is tried again (the return event usually comes first). */
export const AWAY_RECHECK = 5 * MINUTE;
/** After a short absence, a waiting nudge comes this long after the person is back. */
export const RETURN_DELAY = MINUTE;
/** Chrome may fire an alarm a little early; a nudge this close to due counts as due. */
export const EARLY_TOLERANCE = 30_000;
/** Ignored or dismissed nudges in a row after which the popup offers a calmer pace. */
export const CALMER_AFTER = 3;
/**
 * How late a fixed time's nudge may still come (held by a call, away, or the computer asleep):
 * "your 11:00 walk" still makes sense at 11:30, not at noon. Past this it is let go.
 */
export const FIXED_LATE_MAX = 30 * MINUTE;
/** An interval nudge this close before a fixed time waits for it: one nudge, not two in a row. */
export const FIXED_FOLD = 15 * MINUTE;

export type IdleState = 'active' | 'idle' | 'locked';

/** What the background sees when a nudge is due. */
export interface Presence {
  idle: IdleState;
  fullscreen: boolean;
  /** An audible tab of a web call is open (only looked at when the person opted in). */
  inCall: boolean;
}

export const PRESENT: Presence = { idle: 'active', fullscreen: false, inCall: false };

export type NudgeEvent =
  /** The worker started: install, browser start, update, any wake. */
  | { type: 'wake' }
  /** The nudge alarm fired. */
  | { type: 'alarm'; presence: Presence }
  /** The person went idle, locked the screen or came back. `since` is when it really began. */
  | { type: 'presence'; idle: IdleState; since: number }
  | { type: 'settings-changed'; previous: Settings | null }
  | { type: 'pause'; until: number; kind: 'pause' | 'meeting' }
  | { type: 'resume' }
  /** The nudge is put off until `until` (core/putoff.ts putOffUntil). */
  | { type: 'snooze'; until: number }
  /** A nudge closed within the hour is brought back, at `until`: the closing no longer counts. */
  | { type: 'bring-back'; until: number }
  | { type: 'checked-in' }
  /** The person closed a nudge without checking in. */
  | { type: 'nudge-dismissed' }
  /** The browser or the system refused to show a nudge. */
  | { type: 'nudge-failed' }
  /** The person declined the offer of a calmer pace. */
  | { type: 'calmer-offer-dismissed' }
  /** The missed-nudge badge lasts until the end of the day. */
  | { type: 'day-ended' }
  /** A natural pause: the person switched tabs or windows, or went idle (core/offer.ts). */
  | { type: 'moment'; presence: Presence }
  /** The toolbar's look may have changed by itself (a pause or a waiting nudge ended): tidy only. */
  | { type: 'check' };

export interface StepResult {
  schedule: Schedule;
  /**
   * Show a nudge now: `afterCall` words it as a check-in after a call; `fixed`, for a fixed time,
   * says which (its minute of day) and what it offers.
   */
  show: { afterCall: boolean; fixed?: { minute: number; offer: FixedOffer } } | null;
  /** Why, in a word: for logs and tests. */
  reason: string;
}

const intervalMs = (settings: Settings) => settings.intervalMinutes * MINUTE;
/** The fixed times in force. */
const fixedTimes = (settings: Settings) => settings.fixedTimes ?? [];
/** Whether the every-N-minutes nudge is on: always, unless fixed times replace it. */
const intervalOn = (settings: Settings) => !(settings.fixedTimesOnly && fixedTimes(settings).length > 0);
/** How late a nudge due at `at` may still come: a fixed time's own bound, else half an interval. */
const lateLimit = (settings: Settings, at: number) =>
  !intervalOn(settings) || isFixedMoment(fixedTimes(settings), at)
    ? FIXED_LATE_MAX
    : intervalMs(settings) / 2;

/**
 * The fixed time a nudge at `now` stands for: one whose moment has come (Chrome may ring a little
 * early) at most FIXED_LATE_MAX ago, with no nudge shown since. A pause that covered it is left out
 * by planFrom, which never plans one inside a pause.
 */
export function pendingFixedTime(
  settings: Settings,
  schedule: Schedule,
  now: number,
): FixedOccurrence | null {
  const found = lastFixedTimeIn(fixedTimes(settings), now - FIXED_LATE_MAX, now + EARLY_TOLERANCE);
  if (!found) return null;
  if (schedule.lastNudgeAt !== null && schedule.lastNudgeAt >= found.at - EARLY_TOLERANCE) return null;
  return found;
}

/**
 * Whether a nudge may be planned at `at`: inside active hours, at a fixed time, or while a fixed
 * time's nudge is held and still in time.
 */
function allowedAt(settings: Settings, schedule: Schedule, at: number): boolean {
  if (intervalOn(settings) && isActiveAt(settings.hours, at)) return true;
  // With fixed times only, hours bind nothing: a nudge put off to a moment comes then.
  if (!intervalOn(settings) && at === schedule.putOffUntil) return true;
  if (isFixedMoment(fixedTimes(settings), at)) return true;
  return schedule.held !== null && pendingFixedTime(settings, schedule, at) !== null;
}

function isPaused(schedule: Schedule, now: number): boolean {
  return schedule.pausedUntil !== null && schedule.pausedUntil > now;
}

/**
 * One interval from `from`, inside active hours, never inside a pause, and never less than an
 * interval after the last nudge (that also holds when the clock was set back a little).
 */
export function planFrom(settings: Settings, schedule: Schedule, from: number): number | null {
  if (!settings.nudgesEnabled) return null;
  let base = from;
  if (schedule.pausedUntil !== null && schedule.pausedUntil > base) base = schedule.pausedUntil;
  if (schedule.lastNudgeAt !== null && schedule.lastNudgeAt > base) base = schedule.lastNudgeAt;
  const interval = intervalOn(settings)
    ? nextNudgeWithinHours(settings.hours, base, intervalMs(settings))
    : null;
  return withFixedTimes(settings, schedule, from, interval);
}

/**
 * The earlier of the interval's plan and the next fixed time after `from` (never inside a pause,
 * never the one just shown: Chrome may have rung its alarm a little early).
 */
function withFixedTimes(settings: Settings, schedule: Schedule, from: number, interval: number | null) {
  let after = from;
  if (schedule.pausedUntil !== null && schedule.pausedUntil > after) after = schedule.pausedUntil;
  if (schedule.lastNudgeAt !== null && schedule.lastNudgeAt + EARLY_TOLERANCE > after)
    after = schedule.lastNudgeAt + EARLY_TOLERANCE;
  const fixed = nextFixedTime(fixedTimes(settings), after)?.at ?? null;
  if (fixed === null) return interval;
  if (interval === null || fixed - interval <= FIXED_FOLD) return fixed;
  return interval;
}

/** A sooner moment (a retry, a snooze) if it is allowed, else the regular plan. */
function soonOrPlan(settings: Settings, schedule: Schedule, now: number, at: number): number | null {
  if (!settings.nudgesEnabled) return null;
  if (isPaused(schedule, at) || !allowedAt(settings, schedule, at)) return planFrom(settings, schedule, now);
  return at;
}

/** Forget what the clock can no longer vouch for: an ended pause, a "last nudge" far in the future. */
function tidy(settings: Settings, schedule: Schedule, now: number): Schedule {
  let next = schedule;
  if (next.pausedUntil !== null && next.pausedUntil <= now)
    next = { ...next, pausedUntil: null, pauseKind: null };
  if (next.lastNudgeAt !== null && next.lastNudgeAt > now + intervalMs(settings))
    next = { ...next, lastNudgeAt: null };
  if (next.awaySince !== null && next.awaySince > now) next = { ...next, awaySince: now };
  if (next.missed !== null && next.missed.day !== startOfLocalDay(now)) next = { ...next, missed: null };
  if (next.waitingSince !== null && next.waitingSince > now) next = { ...next, waitingSince: now };
  if (waitingIsOver(settings, next, now)) next = endWaiting(next);
  // A put-off moment belongs to the plan it made: any re-plan since (a pause, a check-in) ends it.
  if (next.putOffUntil !== null && next.putOffUntil !== next.nextNudgeAt)
    next = { ...next, putOffUntil: null };
  if (next.dismissedAt !== null && !canBringBack(next.dismissedAt, now))
    next = { ...next, dismissedAt: null };
  return next;
}

/**
 * Whether a stored plan can stay as it is. Keeping a sound plan is what makes restarts harmless:
 * re-planning on every wake of the worker would push the nudge forward forever.
 */
function isSoundPlan(settings: Settings, schedule: Schedule, now: number): boolean {
  const at = schedule.nextNudgeAt;
  if (at === null || !settings.nudgesEnabled) return false;
  if (at < now - lateLimit(settings, at)) return false; // missed while asleep: never replayed
  if (isPaused(schedule, at) || !allowedAt(settings, schedule, at)) return false;
  if (at === schedule.putOffUntil) return true; // the moment the person chose, even past an interval
  const fresh = planFrom(settings, schedule, now);
  return fresh === null || at <= fresh; // later than a fresh plan could be: the clock went back
}

const withPlan = (schedule: Schedule, nextNudgeAt: number | null): Schedule => ({ ...schedule, nextNudgeAt });

function addMissed(schedule: Schedule, now: number): Schedule['missed'] {
  const day = startOfLocalDay(now);
  return { day, count: schedule.missed?.day === day ? schedule.missed.count + 1 : 1 };
}

export function step(settings: Settings, stored: Schedule, event: NudgeEvent, now: number): StepResult {
  const schedule = tidy(settings, stored, now);
  const result = (next: Schedule, reason: string, show: StepResult['show'] = null): StepResult => ({
    schedule: next,
    show,
    reason,
  });

  switch (event.type) {
    case 'wake': {
      if (!settings.nudgesEnabled) return result(withPlan(schedule, null), 'nudges-off');
      if (isSoundPlan(settings, schedule, now)) return result(schedule, 'kept');
      return result({ ...withPlan(schedule, planFrom(settings, schedule, now)), held: null }, 'replanned');
    }

    case 'alarm':
      return onAlarm(settings, schedule, event.presence, now);

    case 'presence': {
      if (event.idle !== 'active') {
        return result(
          { ...schedule, awaySince: Math.min(schedule.awaySince ?? event.since, event.since) },
          'away',
        );
      }
      const away = schedule.awaySince === null ? 0 : now - schedule.awaySince;
      const back = { ...schedule, awaySince: null };
      if (away >= settings.breakMinutes * MINUTE) {
        return result(
          { ...withPlan(back, planFrom(settings, back, now)), held: null, waitingSince: null },
          'natural-break',
        );
      }
      if (schedule.held === 'away') {
        return result(
          { ...withPlan(back, soonOrPlan(settings, back, now, now + RETURN_DELAY)), held: null },
          'back',
        );
      }
      return result(back, 'back');
    }

    case 'settings-changed': {
      const previous = event.previous;
      const timingChanged =
        previous === null ||
        previous.nudgesEnabled !== settings.nudgesEnabled ||
        previous.intervalMinutes !== settings.intervalMinutes ||
        JSON.stringify(previous.hours) !== JSON.stringify(settings.hours) ||
        JSON.stringify(previous.fixedTimes) !== JSON.stringify(settings.fixedTimes) ||
        previous.fixedTimesOnly !== settings.fixedTimesOnly;
      if (!timingChanged) return result(schedule, 'unchanged');
      return result({ ...withPlan(schedule, planFrom(settings, schedule, now)), held: null }, 'replanned');
    }

    case 'pause': {
      if (event.until <= now) return result(schedule, 'pause-in-past');
      const paused: Schedule = {
        ...schedule,
        pausedUntil: event.until,
        pauseKind: event.kind,
        held: null,
        waitingSince: null,
      };
      return result(withPlan(paused, planFrom(settings, paused, now)), 'paused');
    }

    case 'resume': {
      const resumed: Schedule = { ...schedule, pausedUntil: null, pauseKind: null, held: null };
      return result(withPlan(resumed, planFrom(settings, resumed, now)), 'resumed');
    }

    case 'snooze':
    case 'bring-back': {
      if (event.until <= now) return result(schedule, 'put-off-in-past');
      let answered: Schedule = {
        ...schedule,
        held: null,
        lastNudgeAnswered: true,
        ignoredInRow: 0,
        waitingSince: null,
      };
      if (event.type === 'bring-back') {
        if (schedule.dismissedAt === null) return result(schedule, 'nothing-to-bring-back');
        // The closing is taken back: it no longer counts on the badge.
        const count = (schedule.missed?.count ?? 0) - 1;
        answered = {
          ...answered,
          dismissedAt: null,
          missed: schedule.missed && count > 0 ? { ...schedule.missed, count } : null,
        };
      }
      const at = soonOrPlan(settings, { ...answered, putOffUntil: event.until }, now, event.until);
      return result(
        { ...withPlan(answered, at), putOffUntil: at },
        event.type === 'snooze' ? 'snoozed' : 'brought-back',
      );
    }

    case 'checked-in': {
      const rested: Schedule = {
        ...schedule,
        held: null,
        lastNudgeAnswered: true,
        ignoredInRow: 0,
        missed: null,
        waitingSince: null,
        dismissedAt: null,
        fixedOffer: null,
      };
      return result(withPlan(rested, planFrom(settings, rested, now)), 'checked-in');
    }

    case 'nudge-dismissed':
      return result(
        {
          ...schedule,
          lastNudgeAnswered: true,
          ignoredInRow: schedule.ignoredInRow + 1,
          missed: addMissed(schedule, now),
          dismissedAt: now,
        },
        'dismissed',
      );

    case 'nudge-failed':
      return result({ ...schedule, lastNudgeAnswered: true, missed: addMissed(schedule, now) }, 'failed');

    case 'calmer-offer-dismissed':
      return result({ ...schedule, ignoredInRow: 0 }, 'offer-dismissed');

    case 'day-ended':
      return result({ ...schedule, missed: null }, 'day-ended');

    case 'moment': {
      const moment = atMoment(settings, schedule, event.presence, now);
      if (!moment.show) return result(moment.schedule, moment.reason);
      // The offer is the nudge the person sees: the next one is an interval from it.
      const offered: Schedule = {
        ...moment.schedule,
        waitingSince: null,
        lastNudgeAt: now,
        lastNudgeAnswered: false,
      };
      return result(withPlan(offered, planFrom(settings, offered, now)), 'offered', { afterCall: false });
    }

    case 'check':
      return result(schedule, 'checked');
  }
}

function onAlarm(settings: Settings, stored: Schedule, presence: Presence, now: number): StepResult {
  let schedule = stored;
  const replan = (reason: string): StepResult => ({
    schedule: { ...withPlan(schedule, planFrom(settings, schedule, now)), held: null },
    show: null,
    reason,
  });
  const hold = (held: NonNullable<Schedule['held']>, retryIn: number): StepResult => ({
    // Planned as held, so a fixed time's nudge may wait outside active hours (allowedAt).
    schedule: {
      ...withPlan(schedule, soonOrPlan(settings, { ...schedule, held }, now, now + retryIn)),
      held,
    },
    show: null,
    reason: `held-${held}`,
  });

  if (!settings.nudgesEnabled)
    return { schedule: withPlan(schedule, null), show: null, reason: 'nudges-off' };
  if (isPaused(schedule, now)) return replan('paused');
  const due = schedule.nextNudgeAt;
  if (due === null || due > now + EARLY_TOLERANCE) {
    // A second alarm for a nudge already handled, or an alarm left from an older plan.
    return {
      schedule: isSoundPlan(settings, schedule, now) ? schedule : replan('stale').schedule,
      show: null,
      reason: 'too-early',
    };
  }
  // The nudge due now takes the place of one still waiting: they never stack.
  schedule = endWaiting(schedule);
  // Put off or brought back to this moment by the person (core/putoff.ts).
  const chosenMoment = schedule.putOffUntil !== null && schedule.putOffUntil === due;
  // The fixed time this nudge stands for: its own moment, or one a hold kept waiting.
  // (Not one from before `due`: a check-in since then answered it and planned past it.)
  const pending = pendingFixedTime(settings, schedule, now);
  const fixed = pending && (schedule.held !== null || pending.at >= due - EARLY_TOLERANCE) ? pending : null;
  if (!fixed) {
    if (now - due > lateLimit(settings, due)) return replan('missed');
    // With fixed times only, a nudge put off from one still comes at the moment chosen.
    if (!intervalOn(settings) && !chosenMoment) return replan('missed');
    if (intervalOn(settings) && !isActiveAt(settings.hours, now)) return replan('outside-hours');
  }

  if (presence.idle !== 'active') return hold('away', AWAY_RECHECK);
  if (presence.fullscreen) return hold('fullscreen', FULLSCREEN_RECHECK);
  if (settings.holdDuringCalls && presence.inCall) return hold('call', CALL_RECHECK);

  const ignored = schedule.lastNudgeAt !== null && !schedule.lastNudgeAnswered;
  // The family a fixed time offers ("11:00: a walk"): the check-in opened from it suggests it first.
  const fixedOffer = fixed && fixed.time.offer !== 'checkin' ? { family: fixed.time.offer, at: now } : null;
  // Offered at a pause or quiet on the icon, the nudge waits on the icon first (core/offer.ts).
  const comes = howNudgeComes(settings.nudgeMode, {
    afterCall: schedule.held === 'call',
    chosenMoment,
    fixedTime: fixed !== null,
  });
  if (comes !== 'now') {
    const waiting: Schedule = {
      ...schedule,
      held: null,
      dismissedAt: null,
      putOffUntil: null,
      fixedOffer,
      waitingSince: now,
      lastNudgeAt: now,
      // Nothing asked yet: a nudge that only waited is not counted as ignored (the offer sets false).
      lastNudgeAnswered: true,
      ignoredInRow: ignored ? schedule.ignoredInRow + 1 : schedule.ignoredInRow,
    };
    return { schedule: withPlan(waiting, planFrom(settings, waiting, now)), show: null, reason: 'waiting' };
  }
  const shown: Schedule = {
    ...schedule,
    held: null,
    lastNudgeAt: now,
    lastNudgeAnswered: false,
    // A new nudge takes the place of one closed earlier: that one is no longer brought back.
    dismissedAt: null,
    putOffUntil: null,
    ignoredInRow: ignored ? schedule.ignoredInRow + 1 : schedule.ignoredInRow,
    fixedOffer,
  };
  return {
    schedule: withPlan(shown, planFrom(settings, shown, now)),
    show: fixed
      ? { afterCall: schedule.held === 'call', fixed: { minute: fixed.time.minute, offer: fixed.time.offer } }
      : { afterCall: schedule.held === 'call' },
    reason: fixed ? 'shown-fixed' : 'shown',
  };
}

/** Whether the popup should offer a calmer pace. */
export function shouldOfferCalmerPace(schedule: Schedule): boolean {
  return schedule.ignoredInRow >= CALMER_AFTER;
}

/** The changes a page asks the background for: the popup's pause, resume and calmer-pace offer. */
export type NudgeChange = Extract<NudgeEvent, { type: 'pause' | 'resume' | 'calmer-offer-dismissed' }>;

/**
 * Whether `schedule` shows `change` made, as `step` makes it: the page's truth when the background's
 * answer is lost (Firefox stops its event page when it likes, also between storing a change and
 * answering) or comes late. A pause shows as exactly the pause asked for, not any pause.
 */
export function showsChange(schedule: Schedule, change: NudgeChange, now: number): boolean {
  switch (change.type) {
    case 'pause':
      return schedule.pausedUntil === change.until && schedule.pauseKind === change.kind;
    case 'resume':
      return !isPaused(schedule, now);
    case 'calmer-offer-dismissed':
      return !shouldOfferCalmerPace(schedule);
  }
}

/**
 * Picks which of `count` notification lines to show, never one of the last `avoid` shown.
 * Returns the index and the updated list of recent indexes.
 */
export function pickLine(
  count: number,
  recent: readonly number[],
  random: () => number,
  avoid = 5,
): { index: number; recent: number[] } {
  const blocked = new Set(recent.slice(-Math.min(avoid, count - 1)));
  const choices = Array.from({ length: count }, (_, i) => i).filter((i) => !blocked.has(i));
  const index = choices[Math.floor(random() * choices.length)] ?? 0;
  return { index, recent: [...recent, index].slice(-avoid) };
}

/** How long after a fixed time's nudge its family is still suggested first. */
export const FIXED_OFFER_FRESH = 30 * MINUTE;

/** The family a check-in opened at `now` suggests first: the last fixed time's, while it is fresh. */
export function fixedOfferFamily(schedule: Schedule | null, now: number): OutletFamily | null {
  const offer = schedule?.fixedOffer ?? null;
  if (!offer || now < offer.at - EARLY_TOLERANCE || now - offer.at > FIXED_OFFER_FRESH) return null;
  return offer.family;
}
