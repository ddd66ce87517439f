// The last 365 days at a glance: a rolling year ending today, so it runs across the new year rather
// than stopping at 1 January. Pure: summaries and today's local day come in.
import type { DaySummary } from '../data/days';
import { weekdayOfDay } from '../time';
import { addStates, emptyStates, FEELING_STATES, type FeelingState } from './states';
import { daysEnding, summariesBetween } from './window';

export const YEAR_DAYS = 365;

export type YearLevel = 0 | 1 | 2 | 3 | 4;

export interface YearDay {
  day: string;
  count: number;
  /** How dark to shade it: 0 none, 1 one check-in, 2 two, 3 three or four, 4 five or more. */
  level: YearLevel;
  /** 0 (Sunday) to 6 (Saturday), like Date#getDay. */
  weekday: number;
  /**
   * How the day felt (`dayFeel`): the state felt most often that day; two states when two (or more)
   * were felt equally often; none on a day without check-ins.
   */
  feel: FeelingState[];
}

/** How a month's days felt: days of each state (a day of two states counts as `mixed`). */
export type MonthFeel = Record<FeelingState | 'mixed', number>;

export interface YearMonth {
  /** `YYYY-MM` */
  month: string;
  daysWithCheckIns: number;
  count: number;
  feel: MonthFeel;
}

export interface YearGlance {
  days: YearDay[];
  months: YearMonth[];
  total: number;
  daysWithCheckIns: number;
}

export function levelOf(count: number): YearLevel {
  if (count <= 0) return 0;
  if (count === 1) return 1;
  if (count === 2) return 2;
  return count <= 4 ? 3 : 4;
}

/**
 * What one day's cell shows, from the check-ins of the day by feeling id. A cell is a few pixels
 * wide: proportions of five states in it can't be read, so it shows the state felt most often that
 * day, which is what the day mostly was. A tie has no honest single answer (one calm and one anxious
 * check-in is not a calm day, nor an anxious one), so the cell shows the two tied states side by side,
 * neither a hard feeling hidden behind a pleasant one nor the reverse; past two, the first two in the
 * states' order, and the day's words (its accessible name, the table) still name every feeling.
 * Numb and can't-tell are states of their own, never a gap.
 */
export function dayFeel(feelings: Readonly<Record<string, number>>): FeelingState[] {
  const counts = addStates(emptyStates(), feelings);
  const most = Math.max(...FEELING_STATES.map((state) => counts[state]));
  if (most <= 0) return [];
  return FEELING_STATES.filter((state) => counts[state] === most).slice(0, 2);
}

const emptyMonthFeel = (): MonthFeel => ({ ...emptyStates(), mixed: 0 });

export function yearGlance(summaries: readonly DaySummary[], today: string): YearGlance {
  const keys = daysEnding(today, YEAR_DAYS);
  const byDay = summariesBetween(summaries, keys[0] ?? today, today);
  const days = keys.map((day): YearDay => {
    const summary = byDay.get(day);
    const count = summary?.count ?? 0;
    const feel = summary ? dayFeel(summary.feelings) : [];
    return { day, count, level: levelOf(count), weekday: weekdayOfDay(day), feel };
  });
  const months: YearMonth[] = [];
  for (const day of days) {
    const month = day.day.slice(0, 7);
    let last = months[months.length - 1];
    if (last?.month !== month) {
      last = { month, daysWithCheckIns: 0, count: 0, feel: emptyMonthFeel() };
      months.push(last);
    }
    last.count += day.count;
    const [first, second] = day.feel;
    if (second) last.feel.mixed++;
    else if (first) last.feel[first]++;
    if (day.count > 0) last.daysWithCheckIns++;
  }
  return {
    days,
    months,
    total: days.reduce((sum, day) => sum + day.count, 0),
    daysWithCheckIns: days.filter((day) => day.count > 0).length,
  };
}
