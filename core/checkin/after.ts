// "And now?" (issue 17): the check-in's feeling is how the person felt before its outlet; soon after
// it, one tap says how they feel now, next to that: lighter, about the same, heavier (core/schema.ts
// AFTER). It is stored on the same check-in (`after`, `afterAt`), and a skip is kept too (`afterAt`
// with no `after`), so it is asked at most once per check-in.
//
// When it is asked:
// - right after a timed outlet or a breath ends (the flow's 'after' step, core/checkin/flow.ts), and
//   again when the popup opens within RESUME_WITHIN of that (the step is stored like any other);
// - on the first screen, at the next open within ASK_AFTER_WITHIN of an outlet done (a line written,
//   a message sent, a doodle), below the feelings, so it never stands in the way of a new check-in.
// It replaces "did it help?": one question about one outlet, never two in a row. "Did it help?" is
// still asked at a later open (up to a day, core/history.ts) about an outlet "And now?" wasn't asked
// about: too late for a before-and-after, still worth knowing.
//
// Never about a check-in older than AFTER_MAX_AGE: "after" is measured soon after the outlet (the
// EMMI design asked about 15 minutes later; AI4U, JMIR 2026, found nothing measured hours later).
// Two hours holds the longest timed outlet with its half hour to answer, and a late alarm after a
// sleep, with room; past that, an answer says more about the day than about the outlet.
import { pendingHelpedQuestion } from '../history';
import type { After, CheckIn } from '../schema';
import { HOUR, MINUTE } from '../time';

/** At the next open, "And now?" is asked about an outlet done at most this long ago. */
export const ASK_AFTER_WITHIN = 30 * MINUTE;
/** Never asked about a check-in that began longer ago than this. */
export const AFTER_MAX_AGE = 2 * HOUR;

/** Whether "And now?" may still be asked about `entry` at `now`: not asked yet, not too old. */
export function mayAskAfter(entry: CheckIn, now: number): boolean {
  return entry.afterAt === undefined && now - entry.at <= AFTER_MAX_AGE;
}

/** The check-in with its "And now?" answer (null: skipped, kept so it isn't asked again). */
export function withAfter(entry: CheckIn, after: After | null, at: number): CheckIn {
  const { after: _, ...rest } = entry;
  return after ? { ...rest, after, afterAt: at } : { ...rest, afterAt: at };
}

/** The one question the first screen asks about an earlier outlet, if any. */
export interface FirstScreenQuestion {
  kind: 'after' | 'helped';
  entry: CheckIn;
}

/**
 * "And now?" about the latest outlet done within ASK_AFTER_WITHIN, else "did it help?" about it
 * within a day; nothing about a check-in asked either already (here: `answered`), nor about a walk
 * still running (it asks when it ends).
 */
export function firstScreenQuestion(
  history: readonly CheckIn[],
  now: number,
  running: string | null,
  answered: readonly string[],
): FirstScreenQuestion | null {
  const entry = pendingHelpedQuestion(history, now, running);
  if (!entry || answered.includes(entry.id) || entry.afterAt !== undefined) return null;
  const soon = now - entry.at <= ASK_AFTER_WITHIN && mayAskAfter(entry, now);
  return { kind: soon ? 'after' : 'helped', entry };
}
