// What each message from a page to the background may carry: one definition of valid, read by the
// background before anything is touched (platform/background-messages.ts). Strict objects: a field
// the background doesn't know is refused, not silently ignored. A rule relative to the clock takes
// `now` and returns its schema.
import * as v from 'valibot';
import { pauseEnd } from '../putoff';
import { TIMER_MINUTES_MAX, TIMER_MINUTES_MIN } from '../schema';

/** A message that carries nothing: pages send `null`. */
export const NoData = v.null();

/**
 * Pause nudges until `until`: a moment after now and at most PAUSE_AHEAD_MAX (31 days) ahead, the
 * longest pause the popup's "until a date and time" accepts, by the same schema (core/putoff.ts). A
 * pause further out is one the background could not tell from a clock gone wrong.
 */
export const pauseRequest = (now: number) =>
  v.strictObject({
    until: pauseEnd(now),
    kind: v.picklist(['pause', 'meeting']),
  });

/** "In 10 minutes" or "later today", from the popup: the background works out the moment at its own `now`. */
export const PutOffRequest = v.strictObject({
  choice: v.picklist(['soon', 'later']),
  /** The nudge is one the person closed within the hour: it is brought back. */
  bringBack: v.boolean(),
});

/** Start the countdown of a timed outlet: whole minutes, as the catalogue's outlets have them. */
export const TimerRequest = v.strictObject({
  minutes: v.pipe(v.number(), v.integer(), v.minValue(TIMER_MINUTES_MIN), v.maxValue(TIMER_MINUTES_MAX)),
  checkInId: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
});
