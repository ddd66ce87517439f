// Small questions asked of a person's own check-in history (oldest first, as storage gives it).
import type { CheckIn } from './schema';
import { DAY } from './time';

// Re-exported for platform/history/popup.ts until it imports core/time itself.
export { DAY };

/** "Did it help?" is asked at the next check-in only for outlets done within this long. */
export const ASK_WITHIN = DAY;

/**
 * The popup reads only this much history, whatever its size: "did it help?" looks back a day, the
 * support card 14 days, the picker's learning 60 days (core/insights/signals.ts), "another idea" 10 entries.
 */
export const RECENT_HISTORY_DAYS = 60;
export const RECENT_HISTORY_LIMIT = 500;

/** "Another idea" can be pressed again and again; a check-in records at most this many offers. */
export const SHOWN_MAX = 60;

/** The outlets shown so far with one more, keeping the newest `SHOWN_MAX` (the limit is kept where it is made). */
export function withShown(shown: readonly string[], outletId: string): string[] {
  return [...shown, outletId].slice(-SHOWN_MAX);
}

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

/** Whether two check-ins hold the same things, whatever the order of their fields. */
export function sameCheckIn(a: CheckIn, b: CheckIn): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}
