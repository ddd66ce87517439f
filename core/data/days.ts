// A small summary of one local day of check-ins, kept beside the entries so that a year at a glance,
// a week view and "what helped this month" read a few hundred small records instead of every entry.
// Pure: the entries of the day come in, the summary goes out. Recomputed from the day's entries on
// every write, so it can never drift from them.
import type { CheckIn } from '../schema';

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
