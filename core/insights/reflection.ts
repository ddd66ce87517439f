// A few plain words about the last seven days. Pure: summaries and today's local day come in; what
// comes out is a list of line keys with their values, which the page turns into words. It stays quiet
// until there is something to reflect on, never counts what didn't happen, and never keeps a streak.
import type { DaySummary } from '../data/days';
import type { OutletFamily } from '../families';
import { heavyDayPattern } from './pattern';
import { FEELING_STATES, type FeelingState } from './states';
import { weekView } from './week';

/** The reflection speaks once the week has check-ins on at least this many days. */
export const REFLECTION_MIN_DAYS = 2;

export type ReflectionLine =
  | { key: 'days'; days: number }
  | { key: 'leaning'; state: Exclude<FeelingState, 'other'> }
  | { key: 'mostlyHeavy' }
  | { key: 'mixed' }
  | { key: 'helped'; outletId: string; aLittle: boolean }
  | { key: 'pattern'; family: OutletFamily }
  | { key: 'notEnough' };

export interface Reflection {
  /** Too little this week to say anything: the page shows a gentle placeholder instead. */
  quiet: boolean;
  lines: ReflectionLine[];
}

export function weeklyReflection(summaries: readonly DaySummary[], today: string): Reflection {
  const week = weekView(summaries, today);
  if (week.daysWithCheckIns < REFLECTION_MIN_DAYS) return { quiet: true, lines: [] };
  const lines: ReflectionLine[] = [{ key: 'days', days: week.daysWithCheckIns }];

  // A state "came up most" only when it is more than half of the week's known feelings. When none
  // did but tense, low and numb feelings together did, the week was "mostly heavy" (issue 17: a week
  // of overwhelmed, sad, anxious and down check-ins was called "a mix of feelings").
  const known = FEELING_STATES.filter((state) => state !== 'other');
  const knownTotal = known.reduce((sum, state) => sum + week.states[state], 0);
  const top = known.find((state) => week.states[state] * 2 > knownTotal);
  const heavy = week.states.tense + week.states.low + week.states.numb;
  lines.push(
    top ? { key: 'leaning', state: top } : heavy * 2 > knownTotal ? { key: 'mostlyHeavy' } : { key: 'mixed' },
  );

  const helped = new Map<string, { yes: number; aBit: number; no: number }>();
  for (const summary of summaries) {
    if (!week.days.some((day) => day.day === summary.day)) continue;
    for (const [outletId, count] of Object.entries(summary.helped)) {
      const total = helped.get(outletId) ?? { yes: 0, aBit: 0, no: 0 };
      total.yes += count.yes;
      total.aBit += count.aBit;
      total.no += count.no;
      helped.set(outletId, total);
    }
  }
  const best = [...helped]
    .filter(([, t]) => t.yes + t.aBit > 0 && t.yes + t.aBit >= t.no)
    .sort(([a, x], [b, y]) => y.yes - x.yes || y.aBit - x.aBit || a.localeCompare(b))[0];
  if (best) lines.push({ key: 'helped', outletId: best[0], aLittle: best[1].yes === 0 });

  const pattern = heavyDayPattern(summaries, today);
  if (pattern.kind === 'pattern') lines.push({ key: 'pattern', family: pattern.family });
  else if (pattern.kind === 'notEnough') lines.push({ key: 'notEnough' });
  return { quiet: false, lines };
}
