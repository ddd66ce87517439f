// "Welcome back" is for someone who went somewhere. A six-second breath, a walk stopped after a
// moment, a dance to one song at the desk: the person never left, and being welcomed back reads as
// if Outlet wasn't paying attention.

import { MINUTE } from './time';

/**
 * Whether the person was away long enough to be welcomed back: at least their own "a break counts
 * from" minutes (settings, 5 by default) between starting the outlet and now. The same measure the
 * nudges use for a real break, so the two never disagree about what being away means.
 */
export function wasAway(startedAt: number, now: number, breakMinutes: number): boolean {
  return now - startedAt >= breakMinutes * MINUTE;
}
