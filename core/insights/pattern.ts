// When the history page may name a pattern such as "moving often seems to help you on heavy days".
//
// ## The rule (heavyDayPattern)
// Over the last PATTERN_WINDOW_DAYS local days (today included):
//   - A heavy day is a day whose unpleasant, numb and can't-tell check-ins outnumber its pleasant ones.
//   - For each outlet family, "days with it" are heavy days on which an outlet of that family got an
//     answer to "did it help?"; "days without it" are the other heavy days.
//   - A family is named when it has at least PATTERN_MIN_DAYS days with it AND PATTERN_MIN_DAYS days
//     without it (so there is something to set it against), and on at least two thirds of the days with
//     it the answers were more helpful ("yes", "a bit") than not. On a tie between families, the higher
//     share of helpful days wins, then the one tried on more days, then catalogue order.
//   - With fewer than 2 × PATTERN_MIN_DAYS days of check-ins in the window, the page says kindly that
//     there isn't enough to go on yet (`notEnough`). Otherwise, when no family qualifies, it says
//     nothing (`none`): Outlet never says that something doesn't help.
// Summaries don't link an answer to the feeling of its own check-in, only to its day; a day is the
// unit on purpose, so one busy day can't make a pattern on its own.
import type { DaySummary, HelpedCount } from '../data/days';
import { OUTLET_FAMILIES, type OutletFamily } from '../families';
import { outletFamilyOf } from '../outlets/lookup';
import { addStates, emptyStates } from './states';
import { daysEnding, summariesBetween } from './window';

export const PATTERN_WINDOW_DAYS = 28;
export const PATTERN_MIN_DAYS = 3;

export type Pattern = { kind: 'pattern'; family: OutletFamily } | { kind: 'notEnough' } | { kind: 'none' };

export function isHeavyDay(summary: DaySummary): boolean {
  const states = addStates(emptyStates(), summary.feelings);
  return states.tense + states.low + states.numb + states.cantTell > states.pleasant;
}

/** Answers per family on one day; outlets no longer in the catalogue are left out. */
function familyAnswers(summary: DaySummary): Map<OutletFamily, HelpedCount> {
  const byFamily = new Map<OutletFamily, HelpedCount>();
  for (const [outletId, count] of Object.entries(summary.helped)) {
    const family = outletFamilyOf(outletId);
    if (!family) continue;
    const total = byFamily.get(family) ?? { yes: 0, aBit: 0, no: 0 };
    total.yes += count.yes;
    total.aBit += count.aBit;
    total.no += count.no;
    byFamily.set(family, total);
  }
  return byFamily;
}

export function heavyDayPattern(summaries: readonly DaySummary[], today: string): Pattern {
  const window = daysEnding(today, PATTERN_WINDOW_DAYS);
  const byDay = summariesBetween(summaries, window[0] ?? today, today);
  if (byDay.size < 2 * PATTERN_MIN_DAYS) return { kind: 'notEnough' };

  const heavy = [...byDay.values()].filter(isHeavyDay);
  let best: { family: OutletFamily; share: number; withDays: number } | null = null;
  for (const family of OUTLET_FAMILIES) {
    let withDays = 0;
    let helpfulDays = 0;
    for (const summary of heavy) {
      const answers = familyAnswers(summary).get(family);
      if (!answers || answers.yes + answers.aBit + answers.no === 0) continue;
      withDays++;
      if (answers.yes + answers.aBit > answers.no) helpfulDays++;
    }
    const withoutDays = heavy.length - withDays;
    if (withDays < PATTERN_MIN_DAYS || withoutDays < PATTERN_MIN_DAYS) continue;
    const share = helpfulDays / withDays;
    if (share < 2 / 3) continue;
    if (!best || share > best.share || (share === best.share && withDays > best.withDays))
      best = { family, share, withDays };
  }
  return best ? { kind: 'pattern', family: best.family } : { kind: 'none' };
}
