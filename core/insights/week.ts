// The last seven days as the history page draws them, and "what helped this month". Pure: the day
// summaries and today's local day (`YYYY-MM-DD`) come in as arguments.
import type { DaySummary, HelpedCount } from '../data/days';
import { FEELING_IDS } from '../feelings';
import { addDays } from '../time';
import { addStates, emptyStates, type StateCounts } from './states';
import { daysEnding, summariesBetween } from './window';

export const WEEK_DAYS = 7;

export interface WeekDay {
  day: string;
  count: number;
  states: StateCounts;
  /** Feelings of the day with their counts, most frequent first (catalogue order on a tie). */
  feelings: { id: string; count: number }[];
  /** Outlets answered "yes" or "a bit" to "did it help?" that day. */
  helped: string[];
}

export interface WeekView {
  /** Seven days, oldest first, ending today; a day without check-ins has count 0. */
  days: WeekDay[];
  total: number;
  daysWithCheckIns: number;
  states: StateCounts;
  /** The most check-ins on one day (at least 1), to scale a chart. */
  maxCount: number;
}

const catalogueOrder = (id: string) => {
  const index = (FEELING_IDS as readonly string[]).indexOf(id);
  return index === -1 ? FEELING_IDS.length : index;
};

const helpful = (count: HelpedCount) => count.yes + count.aBit;

export function weekView(summaries: readonly DaySummary[], today: string): WeekView {
  const days = daysEnding(today, WEEK_DAYS);
  const byDay = summariesBetween(summaries, days[0] ?? today, today);
  const states = emptyStates();
  const week = days.map((day): WeekDay => {
    const summary = byDay.get(day);
    if (!summary) return { day, count: 0, states: emptyStates(), feelings: [], helped: [] };
    addStates(states, summary.feelings);
    const feelings = Object.entries(summary.feelings)
      .filter(([, count]) => count > 0)
      .map(([id, count]) => ({ id, count }))
      .sort((a, b) => b.count - a.count || catalogueOrder(a.id) - catalogueOrder(b.id));
    const helped = Object.entries(summary.helped)
      .filter(([, count]) => helpful(count) > 0)
      .map(([id]) => id)
      .sort();
    return {
      day,
      count: summary.count,
      states: addStates(emptyStates(), summary.feelings),
      feelings,
      helped,
    };
  });
  return {
    days: week,
    total: week.reduce((sum, day) => sum + day.count, 0),
    daysWithCheckIns: week.filter((day) => day.count > 0).length,
    states,
    maxCount: Math.max(1, ...week.map((day) => day.count)),
  };
}

/**
 * How tentatively to word an outlet that helped: `often` needs three "yes" answers and at least twice
 * as many helpful answers as "no"; `sometimes` one "yes"; `aLittle` only "a bit" answers.
 */
export type HelpedTone = 'often' | 'sometimes' | 'aLittle';

export interface HelpedOutlet {
  outletId: string;
  yes: number;
  aBit: number;
  /** Days this month on which it was answered "yes" or "a bit". */
  days: number;
  tone: HelpedTone;
}

export const HELPED_MONTH_MAX = 5;
/** "This month" is the past 30 days, today included. */
export const HELPED_MONTH_DAYS = 30;
export const OFTEN_YES = 3;

function tone(total: HelpedCount): HelpedTone {
  if (total.yes >= OFTEN_YES && helpful(total) >= 2 * total.no) return 'often';
  return total.yes > 0 ? 'sometimes' : 'aLittle';
}

/**
 * Outlets that seemed to help in today's calendar month. Only helpful answers are shown, never a tally
 * of "no"; an outlet answered "no" more often than "yes" or "a bit" is left out rather than called
 * helpful. Most "yes" answers first, at most HELPED_MONTH_MAX.
 */
export function helpedThisMonth(summaries: readonly DaySummary[], today: string): HelpedOutlet[] {
  // The past 30 days rather than the calendar month: on the 1st, a calendar month would show nothing
  // of everything that helped the day before.
  const from = addDays(today, -(HELPED_MONTH_DAYS - 1));
  const totals = new Map<string, HelpedCount & { days: number }>();
  for (const summary of summaries) {
    if (summary.day < from || summary.day > today) continue;
    for (const [outletId, count] of Object.entries(summary.helped)) {
      const total = totals.get(outletId) ?? { yes: 0, aBit: 0, no: 0, days: 0 };
      total.yes += count.yes;
      total.aBit += count.aBit;
      total.no += count.no;
      if (helpful(count) > 0) total.days++;
      totals.set(outletId, total);
    }
  }
  return [...totals]
    .filter(([, total]) => helpful(total) > 0 && helpful(total) >= total.no)
    .map(([outletId, total]) => ({
      outletId,
      yes: total.yes,
      aBit: total.aBit,
      days: total.days,
      tone: tone(total),
    }))
    .sort((a, b) => b.yes - a.yes || b.aBit - a.aBit || a.outletId.localeCompare(b.outletId))
    .slice(0, HELPED_MONTH_MAX);
}
