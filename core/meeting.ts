// "In a meeting until HH:MM", turned into a moment. Its own module: only the pause menu needs it,
// and that menu loads after the popup's first screen.

import { atLocalMinute, HOUR } from './time';

export type MeetingEndResult =
  | { ok: true; until: number }
  | { ok: false; reason: 'invalid' | 'past' | 'too-far' };

/**
 * "In a meeting until HH:MM": the next time the clock shows `minutes` (since midnight) today.
 * A time already gone is refused rather than read as tomorrow: a meeting rarely runs overnight, and
 * a typo should not silence a whole day.
 */
export function meetingEnd(minutes: number | null, now: number): MeetingEndResult {
  if (minutes === null) return { ok: false, reason: 'invalid' };
  const until = atLocalMinute(now, minutes);
  if (until <= now) return { ok: false, reason: 'past' };
  if (until - now > 12 * HOUR) return { ok: false, reason: 'too-far' };
  return { ok: true, until };
}
