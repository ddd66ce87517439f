// A small summary of one local day of check-ins, kept beside the entries so that a year at a glance,
// a week view and "what helped this month" read a few hundred small records instead of every entry.
// Pure: the entries of the day come in, the summary goes out. An entry is counted on the day it carries
// (`CheckIn.day`, the local day it was written on), never on the local day of its time in the zone of
// the moment: a traveller who answers in another zone, or imports there, changes the same day.
import type { CheckIn } from '../schema';
import { localDayKey, localOffsetMinutes } from '../time';

/**
 * The entry as it is stored: with its own day, else the day of the stored version it replaces, else
 * the local day of its time (a new entry, or one from before entries carried their day).
 */
export function placeOnDay(entry: CheckIn, previous: CheckIn | null): CheckIn & { day: string } {
  if (entry.day !== undefined) return entry as CheckIn & { day: string };
  // The day and the clock it was read on go together: both from the earlier state, or both from here.
  if (previous?.day !== undefined) {
    const { day, offset } = previous;
    return offset === undefined ? { ...entry, day } : { ...entry, day, offset };
  }
  return { ...entry, day: localDayKey(entry.at), offset: localOffsetMinutes(entry.at) };
}

/** The day an entry is counted on (a stored entry always carries it; an old one falls back to `at`). */
export const dayOf = (entry: CheckIn): string => entry.day ?? localDayKey(entry.at);

/**
 * Whether a day's summary can be holding this entry: taking it away leaves no count below zero. When
 * it can't, the summary has drifted from its entries and must be rebuilt from them.
 */
export function holdsEntry(summary: DaySummary | undefined, entry: CheckIn): boolean {
  if (!summary || summary.count < 1) return false;
  if (!Object.hasOwn(summary.feelings, entry.feeling) || (summary.feelings[entry.feeling] ?? 0) < 1)
    return false;
  if (entry.outcome === 'done' && summary.done < 1) return false;
  if (entry.journal && summary.journal < 1) return false;
  if (entry.helped && entry.outletId) {
    const count = Object.hasOwn(summary.helped, entry.outletId) ? summary.helped[entry.outletId] : undefined;
    const kind = entry.helped === 'yes' ? 'yes' : entry.helped === 'a-bit' ? 'aBit' : 'no';
    if (!count || count[kind] < 1) return false;
  }
  return true;
}

export interface HelpedCount {
  yes: number;
  aBit: number;
  no: number;
}

export interface DaySummary {
  /** The local calendar day, `YYYY-MM-DD`, in the zone of the device that wrote it. */
  day: string;
  count: number;
  /** Check-ins per feeling id (numb and can't-tell count as themselves, never as a gap). */
  feelings: Record<string, number>;
  /** Answers to "did it help?" per outlet id. */
  helped: Record<string, HelpedCount>;
  /** Check-ins done with an outlet (not skipped). */
  done: number;
  /** Check-ins with a journal line. */
  journal: number;
}

export function summarizeDay(day: string, entries: readonly CheckIn[]): DaySummary {
  let summary: DaySummary | undefined;
  for (const entry of entries) summary = changeDay(summary, day, entry, 1) ?? undefined;
  return summary ?? emptyDay(day);
}

const emptyDay = (day: string): DaySummary => ({
  day,
  count: 0,
  feelings: {},
  helped: {},
  done: 0,
  journal: 0,
});

/**
 * A day's summary with one entry added (`sign` 1) or taken away (-1): what one save changes, so a
 * save costs the same whatever the size of the day. Null when the day is left with no entries.
 * `summarizeDay` of the day's entries gives the same result (a unit test checks it).
 */
export function changeDay(
  summary: DaySummary | undefined,
  day: string,
  entry: CheckIn,
  sign: 1 | -1,
): DaySummary | null {
  const base = summary ?? emptyDay(day);
  const feelings: Record<string, number> = { ...base.feelings };
  const helped: Record<string, HelpedCount> = { ...base.helped };
  const bump = (record: Record<string, number>, key: string) => {
    const next = (Object.hasOwn(record, key) ? (record[key] ?? 0) : 0) + sign;
    if (next > 0)
      Object.defineProperty(record, key, {
        value: next,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else delete record[key];
  };
  bump(feelings, entry.feeling);
  if (entry.helped && entry.outletId) {
    const current = Object.hasOwn(helped, entry.outletId) ? helped[entry.outletId] : undefined;
    const count = { ...(current ?? { yes: 0, aBit: 0, no: 0 }) };
    if (entry.helped === 'yes') count.yes += sign;
    else if (entry.helped === 'a-bit') count.aBit += sign;
    else count.no += sign;
    if (count.yes + count.aBit + count.no > 0)
      Object.defineProperty(helped, entry.outletId, {
        value: count,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else delete helped[entry.outletId];
  }
  const next: DaySummary = {
    day,
    count: base.count + sign,
    feelings,
    helped,
    done: base.done + (entry.outcome === 'done' ? sign : 0),
    journal: base.journal + (entry.journal ? sign : 0),
  };
  return next.count > 0 ? next : null;
}
