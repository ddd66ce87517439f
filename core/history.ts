// Small questions asked of a person's own check-in history (oldest first, as storage gives it).
import type { CheckIn } from './schema';

/** "Did it help?" is asked at the next check-in only for outlets done within this long. */
export const ASK_WITHIN = 24 * 60 * 60_000;

/**
 * The check-in whose "did it help?" is still open: the latest one done with an outlet, not asked yet,
 * from the last day. A timed outlet still running is left alone: it asks when it ends.
 */
export function pendingHelpedQuestion(
  history: readonly CheckIn[],
  now: number,
  running: string | null,
): CheckIn | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const checkIn = history[i];
    if (!checkIn || now - checkIn.at > ASK_WITHIN) return null;
    if (checkIn.id === running) continue;
    if (checkIn.outcome !== 'done' || checkIn.outletId === null) continue;
    return checkIn.helpAsked || checkIn.helped ? null : checkIn;
  }
  return null;
}

/** Outlets shown in recent check-ins, newest last, so the next check-in can offer something else. */
export function recentlyShown(history: readonly CheckIn[], count = 10): string[] {
  const shown: string[] = [];
  for (let i = history.length - 1; i >= 0 && shown.length < count; i--) {
    const checkIn = history[i];
    const ids = checkIn?.shown ?? (checkIn?.outletId ? [checkIn.outletId] : []);
    shown.unshift(...ids.slice(-(count - shown.length)));
  }
  return shown;
}

/** How many times the person reached out to someone: trusted people take turns by this count. */
export function reachedOutCount(history: readonly CheckIn[]): number {
  return history.filter((checkIn) => checkIn.reachedOut).length;
}
