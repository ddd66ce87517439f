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

const pad = (n: number) => String(n).padStart(2, '0');

/** The local day of a moment, as `YYYY-MM-DD`. */
export function localDayKey(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The start (local midnight) and the end (next local midnight) of a `YYYY-MM-DD` day. */
export function dayBounds(day: string): { start: number; end: number } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return { start: new Date(y, m - 1, d).getTime(), end: new Date(y, m - 1, d + 1).getTime() };
}

/** The day `offset` days after `day` (negative for before), as `YYYY-MM-DD`. */
export function addDays(day: string, offset: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return localDayKey(new Date(y, m - 1, d + offset, 12).getTime());
}

export function summarizeDay(day: string, entries: readonly CheckIn[]): DaySummary {
  // Null-prototype maps: ids come from stored data, and `__proto__` must be just another id.
  const feelings: Record<string, number> = Object.create(null);
  const helped: Record<string, HelpedCount> = Object.create(null);
  let done = 0;
  let journal = 0;
  for (const entry of entries) {
    feelings[entry.feeling] = (feelings[entry.feeling] ?? 0) + 1;
    if (entry.outcome === 'done') done++;
    if (entry.journal) journal++;
    if (entry.helped && entry.outletId) {
      const count = helped[entry.outletId] ?? { yes: 0, aBit: 0, no: 0 };
      if (entry.helped === 'yes') count.yes++;
      else if (entry.helped === 'a-bit') count.aBit++;
      else count.no++;
      helped[entry.outletId] = count;
    }
  }
  return { day, count: entries.length, feelings: { ...feelings }, helped: { ...helped }, done, journal };
}
