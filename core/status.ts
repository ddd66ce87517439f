// What the popup says about the next nudge, decided here and worded by the UI.
import { isActiveAt } from './hours';
import { planFrom, startOfLocalDay, startOfNextLocalDay } from './schedule';
import { INTERVAL_MAX, INTERVAL_PRESETS, type Schedule, type Settings } from './schema';

export type NudgeStatus =
  | { kind: 'off' }
  /** Nudges are on, but the active hours leave no room for one (no hours, or all too short). */
  | { kind: 'no-room' }
  | { kind: 'paused'; until: number; meeting: boolean }
  | { kind: 'outside-hours'; next: number }
  | { kind: 'next'; at: number };

export function nudgeStatus(settings: Settings, schedule: Schedule, now: number): NudgeStatus {
  if (!settings.nudgesEnabled) return { kind: 'off' };
  if (schedule.pausedUntil !== null && schedule.pausedUntil > now) {
    return { kind: 'paused', until: schedule.pausedUntil, meeting: schedule.pauseKind === 'meeting' };
  }
  const next = schedule.nextNudgeAt ?? planFrom(settings, schedule, now);
  if (next === null) return { kind: 'no-room' };
  if (!isActiveAt(settings.hours, now)) return { kind: 'outside-hours', next };
  return { kind: 'next', at: next };
}

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
