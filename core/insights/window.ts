// Picking the day summaries that fall in a window of local days. Day keys are `YYYY-MM-DD`, so they
// compare as strings; summaries may come in any order and may cover more days than asked for.
import type { DaySummary } from '../data/days';
import { addDays } from '../time';

/** The `length` days ending on `today` (included), oldest first. */
export function daysEnding(today: string, length: number): string[] {
  return Array.from({ length }, (_, i) => addDays(today, i - length + 1));
}

/** Summaries by day, for the days from `from` to `to` (both included). */
export function summariesBetween(
  summaries: readonly DaySummary[],
  from: string,
  to: string,
): Map<string, DaySummary> {
  const byDay = new Map<string, DaySummary>();
  for (const summary of summaries) {
    if (summary.day >= from && summary.day <= to && summary.count > 0) byDay.set(summary.day, summary);
  }
  return byDay;
}
