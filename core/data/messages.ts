// What each message from a page to the background may carry: one definition of valid, read by the
// background before anything is touched (platform/background-messages.ts). Strict objects: a field
// the background doesn't know is refused, not silently ignored. A rule relative to the clock takes
// `now` and returns its schema.
import * as v from 'valibot';
import { PAUSE_AHEAD_MAX, TIMER_MINUTES_MAX, TIMER_MINUTES_MIN } from '../schema';

/** A message that carries nothing: pages send `null`. */
export const NoData = v.null();

/**
 * Pause nudges until `until`: a moment after now and at most PAUSE_AHEAD_MAX (26 hours) ahead, the
 * longest pause the popup offers ("until tomorrow" on the longest local day). A pause further out is
 * one the background could not tell from a clock gone wrong.
 */
export const pauseRequest = (now: number) =>
  v.strictObject({
    until: v.pipe(
      v.number(),
      v.integer(),
      v.check((until) => until > now, 'the pause would end in the past'),
      v.check((until) => until - now <= PAUSE_AHEAD_MAX, 'the pause would end more than 26 hours from now'),
    ),
    kind: v.picklist(['pause', 'meeting']),
  });

/** Start the countdown of a timed outlet: whole minutes, as the catalogue's outlets have them. */
export const TimerRequest = v.strictObject({
  minutes: v.pipe(v.number(), v.integer(), v.minValue(TIMER_MINUTES_MIN), v.maxValue(TIMER_MINUTES_MAX)),
  checkInId: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
});
