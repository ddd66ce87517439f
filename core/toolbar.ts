// What the toolbar icon says, decided here and drawn by platform/badge.ts. Each state has its own
// badge text and title, never colour alone (issue 18): a walk's minutes, no room for a nudge ("!"),
// nudges off, paused, a nudge waiting, nudges that slipped by today, or nothing to say.
import type { Schedule, Settings } from './schema';
import { settingsLeaveNoNudge } from './status';
import { minutesLeft } from './timer';

export type ToolbarState =
  | { kind: 'timer'; minutes: number }
  | { kind: 'no-room' }
  | { kind: 'off' }
  | { kind: 'paused' }
  | { kind: 'waiting' }
  | { kind: 'missed'; count: number }
  | { kind: 'plain' };

/**
 * One state, the most useful first. A running walk wins: it is what the person is doing now and it
 * ends within minutes. Then what keeps every nudge away (no room, off, paused), since a waiting or
 * missed one can't be while they hold. A waiting nudge comes before the missed count: it is the one
 * to take now, and the count is not lost (it is in the schedule and shows again once it is taken).
 * `settings` null: they could not be read; the schedule alone decides.
 */
export function toolbarState(
  settings: Settings | null,
  schedule: Schedule,
  timerEndsAt: number | null,
  now: number,
): ToolbarState {
  const minutes = timerEndsAt === null ? 0 : minutesLeft(timerEndsAt, now);
  if (minutes > 0) return { kind: 'timer', minutes };
  if (settings && settingsLeaveNoNudge(settings, now)) return { kind: 'no-room' };
  if (settings && !settings.nudgesEnabled) return { kind: 'off' };
  if (schedule.pausedUntil !== null && schedule.pausedUntil > now) return { kind: 'paused' };
  if (schedule.waitingSince !== null) return { kind: 'waiting' };
  const count = schedule.missed?.count ?? 0;
  return count > 0 ? { kind: 'missed', count } : { kind: 'plain' };
}
