// What the popup says about the next nudge, decided here and worded by the UI.
import { planFrom } from './schedule';
import {
  DEFAULT_SCHEDULE,
  EPOCH_MS_MAX,
  INTERVAL_MAX,
  INTERVAL_PRESETS,
  type Schedule,
  type Settings,
} from './schema';
import { startOfLocalDay, startOfNextLocalDay } from './time';
import { hasActiveHours, isActiveAt } from './time/hours';

export type NudgeStatus =
  | { kind: 'off' }
  /** Nudges are on, but the active hours leave no room for one (no hours, or all too short). */
  | { kind: 'no-room' }
  | { kind: 'paused'; until: number; meeting: boolean }
  | { kind: 'outside-hours'; next: number }
  | { kind: 'next'; at: number }
  /** The stored times are past what a date can hold: nothing sensible to say (never thrown). */
  | { kind: 'unknown' };

/** Whether `Date` (and so Intl, which words it) can hold this moment: `new Date(9e15)` is Invalid Date. */
const isDateTime = (at: number | null): at is number =>
  at !== null && Number.isFinite(at) && Math.abs(at) <= EPOCH_MS_MAX;

/**
 * Every time in the answer is one `Date` can hold, whatever the schedule says (storage refuses the
 * others on read; this keeps the popup whole even so): an unusable pause counts as no pause, an
 * unusable plan is planned afresh from now, and with no usable plan at all the status is `unknown`.
 */
export function nudgeStatus(settings: Settings, schedule: Schedule, now: number): NudgeStatus {
  if (!settings.nudgesEnabled) return { kind: 'off' };
  if (!isDateTime(now)) return { kind: 'unknown' };
  const paused = isDateTime(schedule.pausedUntil) ? schedule.pausedUntil : null;
  if (paused !== null && paused > now) {
    return { kind: 'paused', until: paused, meeting: schedule.pauseKind === 'meeting' };
  }
  const usable: Schedule = {
    ...schedule,
    pausedUntil: paused,
    lastNudgeAt: isDateTime(schedule.lastNudgeAt) ? schedule.lastNudgeAt : null,
  };
  const next = isDateTime(schedule.nextNudgeAt) ? schedule.nextNudgeAt : planFrom(settings, usable, now);
  if (next === null) return { kind: 'no-room' };
  if (!isDateTime(next)) return { kind: 'unknown' };
  if (!isActiveAt(settings.hours, now)) return { kind: 'outside-hours', next };
  return { kind: 'next', at: next };
}

/**
 * Why the settings themselves leave no nudge possible, whatever the schedule: no day has active
 * hours, or no stretch of them is long enough for one interval (a nudge comes an interval after its
 * stretch opens). Null when a nudge can come, and when nudges are off: that is the person's choice,
 * said by its own switch. The same question the popup's status answers with `no-room`, asked
 * without a pause or a last nudge in the way.
 */
export function noNudgeReason(settings: Settings, now: number): 'no-hours' | 'too-short' | null {
  if (!settings.nudgesEnabled) return null;
  // Fixed times come whatever the hours (core/time/fixed-times.ts): with one, no hours is no problem.
  if (!hasActiveHours(settings.hours) && (settings.fixedTimes ?? []).length === 0) return 'no-hours';
  return planFrom(settings, DEFAULT_SCHEDULE, now) === null ? 'too-short' : null;
}

/** Whether the settings leave no nudge possible (see noNudgeReason). */
export const settingsLeaveNoNudge = (settings: Settings, now: number): boolean =>
  noNudgeReason(settings, now) !== null;

/** Which day a moment falls on, seen from `now`: for "at 14:30", "tomorrow at 9:45", "on Monday at 9:45". */
export function dayWord(at: number, now: number): 'today' | 'tomorrow' | 'later' {
  if (at < startOfNextLocalDay(now) && at >= startOfLocalDay(now)) return 'today';
  if (at < startOfNextLocalDay(startOfNextLocalDay(now))) return 'tomorrow';
  return 'later';
}

/** A calmer pace to offer after several ignored nudges: the next preset up, or null at the top. */
export function calmerInterval(current: number): number | null {
  const next = INTERVAL_PRESETS.find((preset) => preset > current);
  if (next !== undefined) return next;
  return current < INTERVAL_MAX ? Math.min(INTERVAL_MAX, current + 60) : null;
}
