// The nudge as an offer (issue 18): in `quiet` and `offer` modes a due nudge first waits on the toolbar
// icon; in `offer` mode the notification comes at the next natural pause (a tab or window switch, the
// person going idle), if one comes within OFFER_WAIT. Pure: core/schedule.ts step() calls these with
// `now`, and the background only reports the moments (entrypoints/background.ts).
//
// The rules, in the words a person would use:
// - A waiting nudge never grows louder: it is offered once at most, and in quiet mode never.
// - It never stacks: one waits at a time; the next one due takes its place.
// - It ends when the person checks in (or snoozes), when the next nudge is due, when the active hours
//   close, when nudges are paused or turned off, or when a call is found at a moment.
// - If no moment comes within OFFER_WAIT, it stays quiet on the icon until it ends.
import type { Presence } from './schedule';
import type { NudgeMode, Schedule, Settings } from './schema';
import { MINUTE } from './time';
import { activeUntil, isActiveAt } from './time/hours';

/**
 * How long after it is due a waiting nudge may still be offered. Ten minutes: people switch tabs or
 * windows every minute or two at a screen, so a natural pause nearly always comes well within it;
 * a stretch of ten minutes without one is deep focus, which a late pop-up would break. It is also
 * shorter than the shortest interval (15 minutes), so an offer never comes in the last moments
 * before the next nudge. Not a setting: the three modes already say how much a person wants to be
 * interrupted, and a second number to tune would be one more thing to understand.
 */
export const OFFER_WAIT = 10 * MINUTE;

const isPaused = (schedule: Schedule, now: number) =>
  schedule.pausedUntil !== null && schedule.pausedUntil > now;

/**
 * How a due nudge comes: its notification now, at the next natural pause (an offer), or only on the
 * toolbar icon. The last two both wait on the icon first; they differ in whether a pause brings it.
 */
export type NudgeArrival = 'now' | 'at-pause' | 'on-icon';

/** What about a due nudge bears on how it comes. */
export interface DueNudge {
  /** It was held by a call that has now ended. */
  afterCall: boolean;
  /** The person chose this moment: a nudge put off or brought back to it (core/putoff.ts). */
  chosenMoment: boolean;
  /** It stands for one of the person's fixed times (settings.fixedTimes). */
  fixedTime: boolean;
}

/**
 * The one place that weighs the mode against the nudge. Quiet never pops up. In offer mode a plain
 * nudge waits for a natural pause, but the end of a call is itself that pause, and so is a moment
 * the person chose themselves (a fixed time, or a nudge put off or brought back to it): those come
 * at once. Right away is always at once.
 */
export function howNudgeComes(mode: NudgeMode, due: DueNudge): NudgeArrival {
  if (mode === 'quiet') return 'on-icon';
  if (mode === 'offer' && !due.afterCall && !due.chosenMoment && !due.fixedTime) return 'at-pause';
  return 'now';
}

/**
 * Whether the waiting nudge is over by now: nudges off or paused, outside the active hours, or the
 * next nudge due (it takes this one's place; an alarm a little early still counts, as in step()).
 */
export function waitingIsOver(settings: Settings, schedule: Schedule, now: number): boolean {
  if (schedule.waitingSince === null) return false;
  if (!settings.nudgesEnabled || isPaused(schedule, now)) return true;
  if (!isActiveAt(settings.hours, now)) return true;
  return schedule.nextNudgeAt === null || schedule.nextNudgeAt <= now;
}

/** The schedule with its waiting nudge ended (the same object when none waits). */
export const endWaiting = (schedule: Schedule): Schedule =>
  schedule.waitingSince === null ? schedule : { ...schedule, waitingSince: null };

/** Whether a natural pause now would bring the waiting nudge's notification. */
export function offerIsOpen(settings: Settings, schedule: Schedule, now: number): boolean {
  if (settings.nudgeMode !== 'offer' || schedule.waitingSince === null) return false;
  if (waitingIsOver(settings, schedule, now)) return false;
  return now - schedule.waitingSince <= OFFER_WAIT;
}

/**
 * What a natural pause does: the notification, when an offer is open and nothing holds it. A call
 * found at the moment ends the waiting nudge (a nudge after it would be its own); full screen only
 * keeps it waiting. Null: nothing to show.
 */
export function atMoment(
  settings: Settings,
  schedule: Schedule,
  presence: Presence,
  now: number,
): { schedule: Schedule; show: boolean; reason: string } {
  if (!offerIsOpen(settings, schedule, now)) return { schedule, show: false, reason: 'no-offer' };
  if (settings.holdDuringCalls && presence.inCall)
    return { schedule: endWaiting(schedule), show: false, reason: 'offer-ended-call' };
  if (presence.fullscreen || presence.idle === 'locked')
    return { schedule, show: false, reason: 'offer-held' };
  return { schedule, show: true, reason: 'offered' };
}

/**
 * When the toolbar's look changes with no event to say so: a pause ends, or the active hours close
 * on a waiting nudge. (The next nudge has its own alarm; the missed badge, the day's end.) Null: no
 * such moment ahead.
 */
export function toolbarChangesAt(settings: Settings, schedule: Schedule, now: number): number | null {
  const moments: number[] = [];
  if (isPaused(schedule, now) && schedule.pausedUntil !== null) moments.push(schedule.pausedUntil);
  if (schedule.waitingSince !== null && !waitingIsOver(settings, schedule, now)) {
    const close = activeUntil(settings.hours, now);
    if (close !== null && Number.isFinite(close)) moments.push(close);
  }
  return moments.length > 0 ? Math.min(...moments) : null;
}
