// A timed outlet (a walk, a move) as the toolbar and the "time's up" notification see it.

import { MINUTE } from './time';

/**
 * How late a "time's up" may still come. The timer alarm can ring long after the walk ended: the
 * computer slept, or the browser was closed and fires the missed alarm at its next start. An hour
 * later "Time's up" is only confusing, so past this it is left unsaid (the next check-in still asks
 * "did it help?").
 */
export const TIME_UP_GRACE = 5 * MINUTE;

/** Whether the "time's up" notification is worth showing at `now` for a timer that ended at `endsAt`. */
export function timeUpIsTimely(endsAt: number, now: number): boolean {
  return now - endsAt <= TIME_UP_GRACE;
}

/** Whole minutes left, rounded up ("1" until the last second), or 0 when it's over. */
export function minutesLeft(endsAt: number, now: number): number {
  return Math.max(0, Math.ceil((endsAt - now) / MINUTE));
}

/**
 * How early an alarm may ring and still count as the end: alarms ring a moment off (Chrome rounds
 * their times a little: platform/alarms.ts). Earlier than this, the clock was set back since the
 * alarm was made, and the walk is not over yet.
 */
export const ALARM_EARLY_SLACK = 1000;

/** Whether a walk that ends at `endsAt` is over at `now`, as its end alarm rings. */
export function timerIsOver(endsAt: number, now: number): boolean {
  return endsAt - now <= ALARM_EARLY_SLACK;
}
