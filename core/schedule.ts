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
// - Snoozing brings the nudge back in 15 minutes, the one exception to "an interval apart".
// - In quiet and offer modes a due nudge waits on the toolbar icon first (core/offer.ts); an offer's
//   notification comes at a natural pause, and the next nudge is then planned from it.
import { atMoment, endWaiting, waitingIsOver } from './offer';
import type { Schedule, Settings } from './schema';
import { MINUTE, startOfLocalDay } from './time';
import { isActiveAt, nextNudgeWithinHours } from './time/hours';

export const SNOOZE_MINUTES = 15;
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
  | { type: 'snooze' }
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
  /** Show a nudge now: `afterCall` words it as a check-in after a call. */
  show: { afterCall: boolean } | null;
  /** Why, in a word: for logs and tests. */
  reason: string;
}

const intervalMs = (settings: Settings) => settings.intervalMinutes * MINUTE;

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
  return nextNudgeWithinHours(settings.hours, base, intervalMs(settings));
}

/** A sooner moment (a retry, a snooze) if it is allowed, else the regular plan. */
function soonOrPlan(settings: Settings, schedule: Schedule, now: number, at: number): number | null {
  if (!settings.nudgesEnabled) return null;
  if (isPaused(schedule, at) || !isActiveAt(settings.hours, at)) return planFrom(settings, schedule, now);
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
  return next;
}

/**
 * Whether a stored plan can stay as it is. Keeping a sound plan is what makes restarts harmless:
 * re-planning on every wake of the worker would push the nudge forward forever.
 */
function isSoundPlan(settings: Settings, schedule: Schedule, now: number): boolean {
  const at = schedule.nextNudgeAt;
  if (at === null || !settings.nudgesEnabled) return false;
  if (at < now - intervalMs(settings) / 2) return false; // missed while asleep: never replayed
  if (isPaused(schedule, at) || !isActiveAt(settings.hours, at)) return false;
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
        JSON.stringify(previous.hours) !== JSON.stringify(settings.hours);
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

    case 'snooze': {
      const answered: Schedule = {
        ...schedule,
        held: null,
        lastNudgeAnswered: true,
        ignoredInRow: 0,
        waitingSince: null,
      };
      return result(
        withPlan(answered, soonOrPlan(settings, answered, now, now + SNOOZE_MINUTES * MINUTE)),
        'snoozed',
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
    schedule: { ...withPlan(schedule, soonOrPlan(settings, schedule, now, now + retryIn)), held },
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
  if (now - due > intervalMs(settings) / 2) return replan('missed');
  if (!isActiveAt(settings.hours, now)) return replan('outside-hours');

  if (presence.idle !== 'active') return hold('away', AWAY_RECHECK);
  if (presence.fullscreen) return hold('fullscreen', FULLSCREEN_RECHECK);
  if (settings.holdDuringCalls && presence.inCall) return hold('call', CALL_RECHECK);

  const ignored = schedule.lastNudgeAt !== null && !schedule.lastNudgeAnswered;
  // Quiet and offer: the nudge waits on the icon. After a call the end of the call is itself the
  // natural pause, so an offer comes at once then; quiet never pops up.
  if (settings.nudgeMode === 'quiet' || (settings.nudgeMode === 'offer' && schedule.held !== 'call')) {
    const waiting: Schedule = {
      ...schedule,
      held: null,
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
    ignoredInRow: ignored ? schedule.ignoredInRow + 1 : schedule.ignoredInRow,
  };
  return {
    schedule: withPlan(shown, planFrom(settings, shown, now)),
    show: { afterCall: schedule.held === 'call' },
    reason: 'shown',
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
