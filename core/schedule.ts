// When the next nudge comes. Pure: the caller passes `now` (epoch ms) and gets a decision back,
// so every rule here can be tested against simulated time.
import type { Schedule, Settings } from './schema';

export const MINUTE = 60_000;
export const SNOOZE_MINUTES = 15;

export type NudgePlan =
  | { kind: 'nudge'; at: number; reason: 'interval' | 'after-pause' | 'kept' }
  | { kind: 'off'; reason: 'nudges-off' };

function intervalMs(settings: Settings): number {
  return settings.intervalMinutes * MINUTE;
}

/** The moment the interval starts counting from: now, or the end of a pause still running. */
function countFrom(schedule: Schedule, now: number): { from: number; paused: boolean } {
  if (schedule.pausedUntil !== null && schedule.pausedUntil > now) {
    return { from: schedule.pausedUntil, paused: true };
  }
  return { from: now, paused: false };
}

/** A fresh interval from now (or from the end of a pause): after a nudge, a change of settings, a resume. */
export function planFresh(settings: Settings, schedule: Schedule, now: number): NudgePlan {
  if (!settings.nudgesEnabled) return { kind: 'off', reason: 'nudges-off' };
  const { from, paused } = countFrom(schedule, now);
  return { kind: 'nudge', at: from + intervalMs(settings), reason: paused ? 'after-pause' : 'interval' };
}

/**
 * What the schedule should be when the worker wakes up (install, browser start, any restart).
 * A sound stored plan is kept as it is: re-planning on every wake would push the nudge forward
 * forever, since a service worker wakes far more often than once an interval.
 */
export function planOnWake(settings: Settings, schedule: Schedule, now: number): NudgePlan {
  if (!settings.nudgesEnabled) return { kind: 'off', reason: 'nudges-off' };
  const stored = schedule.nextNudgeAt;
  const fresh = planFresh(settings, schedule, now);
  if (stored === null || fresh.kind !== 'nudge') return fresh;
  // Missed by more than half an interval (asleep, browser closed): start over rather than replay it.
  if (stored < now - intervalMs(settings) / 2) return fresh;
  // Later than a fresh plan could ever be (the clock went back, the interval got shorter): pull it in.
  if (stored > fresh.at) return fresh;
  // Due before a pause ends: the pause wins.
  if (schedule.pausedUntil !== null && stored < schedule.pausedUntil) return fresh;
  return { kind: 'nudge', at: stored, reason: 'kept' };
}

export type AlarmVerdict = 'show' | 'too-early' | 'missed' | 'paused' | 'off';

/**
 * Should the nudge alarm that fired now show a notification? Alarms can fire twice, late (after
 * sleep) or after a plan changed; only a nudge that is actually due now is shown.
 */
export function judgeNudgeAlarm(settings: Settings, schedule: Schedule, now: number): AlarmVerdict {
  if (!settings.nudgesEnabled) return 'off';
  if (schedule.pausedUntil !== null && schedule.pausedUntil > now) return 'paused';
  const due = schedule.nextNudgeAt;
  // Chrome may fire an alarm a little early; a second alarm for a nudge already shown finds the
  // next one still far away.
  if (due === null || due > now + MINUTE / 2) return 'too-early';
  if (now - due > intervalMs(settings) / 2) return 'missed';
  return 'show';
}

/** Midnight at the start of the next local day: "pause for the rest of today" ends there. */
export function startOfNextLocalDay(now: number): number {
  const date = new Date(now);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1, 0, 0, 0, 0).getTime();
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
