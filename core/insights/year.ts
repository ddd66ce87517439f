// The last 365 days at a glance: a rolling year ending today, so it runs across the new year rather
// than stopping at 1 January. Pure: summaries and today's local day come in.
import type { DaySummary } from '../data/days';
import { weekdayOfDay } from '../time';
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
}

export interface YearMonth {
  /** `YYYY-MM` */
  month: string;
  daysWithCheckIns: number;
  count: number;
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

export function yearGlance(summaries: readonly DaySummary[], today: string): YearGlance {
  const keys = daysEnding(today, YEAR_DAYS);
  const byDay = summariesBetween(summaries, keys[0] ?? today, today);
  const days = keys.map((day): YearDay => {
    const count = byDay.get(day)?.count ?? 0;
    return { day, count, level: levelOf(count), weekday: weekdayOfDay(day) };
  });
  const months: YearMonth[] = [];
  for (const day of days) {
    const month = day.day.slice(0, 7);
    let last = months[months.length - 1];
    if (last?.month !== month) {
      last = { month, daysWithCheckIns: 0, count: 0 };
      months.push(last);
    }
    last.count += day.count;
    if (day.count > 0) last.daysWithCheckIns++;
  }
  return {
    days,
    months,
    total: days.reduce((sum, day) => sum + day.count, 0),
    daysWithCheckIns: days.filter((day) => day.count > 0).length,
  };
}
