// Fixed clock times: "11:00 on weekdays: a walk", "16:30: a check-in". Pure wall-clock arithmetic,
// like ./hours.ts, whose daylight-saving decisions they share (firstMomentAt):
// - A time the clocks skip (2:30 on a night that goes 1:59 → 3:00) comes at the moment the clocks
//   jump (3:00): the person still gets that day's nudge, as soon as the clock has passed their time.
//   Two times inside the skipped hour land on the same moment and make one nudge.
// - A time the clocks repeat (1:30 on a night that goes 2:00 → 1:00) comes once, at its first
//   occurrence: a nudge is an appointment for the day, not for each reading of the clock.
// - The weekday is the local calendar day's, in the zone the device is in at the moment asked about.
//
// Active hours do not bind fixed times: someone who sets 11:00 has said when they want it, and each
// time carries its own weekdays; hours are for the "every N minutes" nudge, which needs to be told
// when to stop. Pauses, calls, being away and full screen hold fixed times as they hold every nudge
// (core/schedule.ts).

import type { OutletFamily } from '../families';
import { firstMomentAt, localDay, type Weekday, weekdayOf } from './hours';

/** At most this many fixed times (the editor offers no more; storage refuses more). */
export const FIXED_TIMES_MAX = 12;

/** What a fixed time offers: a plain check-in, or a family of outlets suggested first. */
export type FixedOffer = 'checkin' | OutletFamily;

export interface FixedTime {
  /** Minutes since local midnight, 0..1439. */
  minute: number;
  /** The local weekdays it comes on (0 = Sunday), at least one, each once. */
  days: readonly Weekday[];
  offer: FixedOffer;
}

/** One fixed time placed in real time. */
export interface FixedOccurrence {
  at: number;
  time: FixedTime;
}

export type FixedTimeProblem = { index: number; problem: 'no-days' | 'same-time' | 'out-of-range' };

const isMinute = (value: number) => Number.isInteger(value) && value >= 0 && value < 1440;

/**
 * Every fixed time's real moments on the local days from the day of `from` minus one to `days`
 * days after it, sorted. Two times that fall on one moment (both skipped by the clocks) give one.
 */
function occurrences(times: readonly FixedTime[], from: number, days: number): FixedOccurrence[] {
  const today = localDay(from);
  const out: FixedOccurrence[] = [];
  for (let day = today - 1; day <= today + days; day++) {
    const weekday = weekdayOf(day);
    for (const time of times) {
      if (!isMinute(time.minute) || !time.days.includes(weekday)) continue;
      const at = firstMomentAt(day, time.minute);
      if (!out.some((o) => o.at === at)) out.push({ at, time });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/** The first fixed moment strictly after `after`, or null when there are no (sound) times. */
export function nextFixedTime(times: readonly FixedTime[], after: number): FixedOccurrence | null {
  if (times.length === 0 || !Number.isFinite(after)) return null;
  // Every weekday comes within 8 local days, whatever the daylight-saving changes in between.
  return occurrences(times, after, 8).find((o) => o.at > after) ?? null;
}

/** The latest fixed moment in [from, to], or null. */
export function lastFixedTimeIn(
  times: readonly FixedTime[],
  from: number,
  to: number,
): FixedOccurrence | null {
  if (times.length === 0 || !Number.isFinite(from) || !Number.isFinite(to) || to < from) return null;
  const days = Math.ceil((to - from) / 86_400_000) + 2;
  return (
    occurrences(times, from, days)
      .filter((o) => o.at >= from && o.at <= to)
      .at(-1) ?? null
  );
}

/** Whether a fixed time falls exactly at `at`. */
export function isFixedMoment(times: readonly FixedTime[], at: number): boolean {
  const found = lastFixedTimeIn(times, at, at);
  return found !== null;
}

/**
 * Every problem in a list of fixed times, for messages next to the field: a time without a day, or
 * one that repeats another at the same minute on a shared day (later one flagged).
 */
export function validateFixedTimes(times: readonly FixedTime[]): FixedTimeProblem[] {
  const problems: FixedTimeProblem[] = [];
  times.forEach((time, index) => {
    if (!isMinute(time.minute) || time.days.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) {
      problems.push({ index, problem: 'out-of-range' });
    } else if (time.days.length === 0) {
      problems.push({ index, problem: 'no-days' });
    } else if (
      times
        .slice(0, index)
        .some((other) => other.minute === time.minute && other.days.some((d) => time.days.includes(d)))
    ) {
      problems.push({ index, problem: 'same-time' });
    }
  });
  return problems;
}
