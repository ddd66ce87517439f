// "On this day": one moment from the same date in an earlier week, month or year, given back with care.
// Old memories shown during a low mood can hurt (people compare, or feel they have lost something), so
// the rules are strict and live here, pure, as a table in tests/unit/memory.test.ts:
// - only moments the person felt good about (a pleasant feeling) or marked as helping (a "yes" or "a bit"
//   to "did it help?", or lighter afterwards) are ever chosen; one that left them heavier never is;
// - nothing is shown while the person's latest check-in (of the last few hours) was heavy: an unpleasant
//   feeling, numb, "I can't tell", or heavier after an outlet. It is kept for a lighter moment: the same
//   rule, asked again at the next check-in or visit, shows it then;
// - a journal line written on a heavy day is never shown unasked: the memory says what helped, and the
//   line waits behind "Read what you wrote".
import * as v from 'valibot';
import { dayOf } from '../data/days';
import { feelingById, isFeelingId } from '../feelings';
import { type CheckIn, DAY_KEY_PATTERN } from '../schema';
import { addDays, HOUR } from '../time';

/** A check-in this recent still says how the person is now. */
export const MOOD_FRESH_FOR = 6 * HOUR;
/** How far back "on this day" looks. */
export const MEMORY_WEEKS = 3;
export const MEMORY_MONTHS = 11;
export const MEMORY_YEARS = 10;

export type MemoryUnit = 'year' | 'month' | 'week';
export interface MemoryDay {
  day: string;
  unit: MemoryUnit;
  /** How many of `unit` ago (1: a year ago, last month, a week ago). */
  count: number;
}

export interface Memory extends MemoryDay {
  entry: CheckIn;
  /** Why it was kept: the person felt good then, or the outlet helped (maybe on a hard day). */
  why: 'felt-good' | 'helped';
  /** The journal line may be shown at once; otherwise only when the person asks. */
  lineOpen: boolean;
}

export type MemoryChoice =
  | { shown: Memory }
  | { shown: null; reason: 'heavy-now' | 'none-kept' | 'none-that-day' };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const parse = (day: string) => day.split('-').map(Number) as [number, number, number];
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The same date `months` earlier, or null when that month has no such day (the 31st, 29 February). */
function monthsBefore(day: string, months: number): string | null {
  const [year, month, date] = parse(day);
  const index = year * 12 + (month - 1) - months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  if (y < 1 || date > daysIn(y, m)) return null;
  return `${pad(y, 4)}-${pad(m)}-${pad(date)}`;
}

/**
 * The days "on this day" looks at, in the order a memory is preferred: the same date in earlier years
 * (the nearest first), then months, then the same weekday in earlier weeks. A date a month or year does
 * not have (the 31st, 29 February) is skipped rather than moved: "on this day" means this day.
 */
export function memoryDays(today: string): MemoryDay[] {
  const days: MemoryDay[] = [];
  for (let count = 1; count <= MEMORY_YEARS; count++) {
    const day = monthsBefore(today, 12 * count);
    if (day) days.push({ day, unit: 'year', count });
  }
  for (let count = 1; count <= MEMORY_MONTHS; count++) {
    const day = monthsBefore(today, count);
    if (day) days.push({ day, unit: 'month', count });
  }
  for (let count = 1; count <= MEMORY_WEEKS; count++) {
    days.push({ day: addDays(today, -7 * count), unit: 'week', count });
  }
  return days;
}

const valenceOf = (feeling: string) => (isFeelingId(feeling) ? feelingById(feeling).valence : 'unclear');

/** Whether a check-in says the person is having a hard time: anything but a pleasant feeling, or heavier after. */
export function isHeavy(entry: CheckIn): boolean {
  return valenceOf(entry.feeling) !== 'pleasant' || entry.after === 'heavier';
}

/** Why a moment is worth giving back, or null when it isn't. */
function keptFor(entry: CheckIn): Memory['why'] | null {
  if (entry.after === 'heavier' || entry.helped === 'no') return null;
  if (valenceOf(entry.feeling) === 'pleasant') return 'felt-good';
  if (entry.outletId && (entry.helped === 'yes' || entry.helped === 'a-bit' || entry.after === 'lighter'))
    return 'helped';
  return null;
}

/** Among one day's kept moments: one with words first, then a clear "yes", then the latest. */
function rank(a: { entry: CheckIn; why: string }, b: { entry: CheckIn; why: string }): number {
  const words = Number(Boolean(b.entry.journal)) - Number(Boolean(a.entry.journal));
  if (words !== 0) return words;
  const yes = Number(b.entry.helped === 'yes') - Number(a.entry.helped === 'yes');
  return yes !== 0 ? yes : b.entry.at - a.entry.at;
}

/**
 * The memory to show now, if any. `latest` is the person's newest check-in (or null); `now` the
 * clock; `onDays` the check-ins stored on the days of `memoryDays(today)` (others are ignored).
 */
export function chooseMemory(
  today: string,
  latest: CheckIn | null,
  onDays: readonly CheckIn[],
  now: number,
): MemoryChoice {
  if (latest && now - latest.at < MOOD_FRESH_FOR && isHeavy(latest))
    return { shown: null, reason: 'heavy-now' };
  const byDay = new Map<string, CheckIn[]>();
  for (const entry of onDays) {
    const day = dayOf(entry);
    const list = byDay.get(day) ?? [];
    list.push(entry);
    byDay.set(day, list);
  }
  let anyThatDay = false;
  for (const when of memoryDays(today)) {
    const entries = byDay.get(when.day);
    if (!entries) continue;
    anyThatDay = true;
    const kept = entries
      .map((entry) => ({ entry, why: keptFor(entry) }))
      .filter((item): item is { entry: CheckIn; why: Memory['why'] } => item.why !== null)
      .sort(rank);
    const best = kept[0];
    if (best) {
      return { shown: { ...when, entry: best.entry, why: best.why, lineOpen: best.why === 'felt-good' } };
    }
  }
  return { shown: null, reason: anyThatDay ? 'none-kept' : 'none-that-day' };
}

/** The person's say over memories: on the history page (on unless turned off), after a check-in (opt-in). */
export const MemoryPrefsSchema = v.object({
  onHistory: v.boolean(),
  afterCheckIn: v.boolean(),
  /** "Not today": the local day it was put away on; it comes back the next day. */
  putAwayOn: v.nullable(v.pipe(v.string(), v.regex(DAY_KEY_PATTERN))),
});
export type MemoryPrefs = v.InferOutput<typeof MemoryPrefsSchema>;
export const DEFAULT_MEMORY_PREFS: MemoryPrefs = { onHistory: true, afterCheckIn: false, putAwayOn: null };
