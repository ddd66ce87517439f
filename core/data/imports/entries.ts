// From rows read out of another app's file to Outlet check-ins: a summary for the preview, a first
// guess at where each mood name goes, and check-ins with a stable id each, so bringing the same file
// in twice (or a later export of the same app, holding the same entries and more) adds nothing twice.
import { type FeelingId, isFeelingId } from '../../feelings';
import type { CheckIn } from '../../schema';
import type { ImportedRow, ImportSource } from './rows';

export interface MoodName {
  /** How it is compared: lower-cased (Daylio's `Refreshed` and `refreshed` are one mood). */
  key: string;
  /** As the file first writes it. */
  name: string;
  count: number;
}

export interface ImportSummary {
  count: number;
  /** The first and last day, `YYYY-MM-DD`. */
  first: string;
  last: string;
  /** Every mood name, most used first. */
  moods: MoodName[];
}

export const moodKey = (name: string): string => name.toLowerCase();

export function summarize(rows: readonly ImportedRow[]): ImportSummary {
  let first = '';
  let last = '';
  const moods = new Map<string, MoodName>();
  for (const row of rows) {
    if (first === '' || row.day < first) first = row.day;
    if (row.day > last) last = row.day;
    const key = moodKey(row.mood);
    const known = moods.get(key);
    if (known) known.count++;
    else moods.set(key, { key, name: row.mood, count: 1 });
  }
  const list = [...moods.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return { count: rows.length, first, last, moods: list };
}

/** Where each mood name goes, by its key. */
export type Placements = Readonly<Record<string, FeelingId>>;

// Daylio's five moods as it names them out of the box, Pixels' five scores, and Bearable's 0–10.
const DEFAULTS: Readonly<Record<string, FeelingId>> = {
  rad: 'joyful',
  good: 'content',
  meh: 'cant-tell',
  bad: 'down',
  awful: 'sad',
  '5/5': 'joyful',
  '4/5': 'content',
  '3/5': 'cant-tell',
  '2/5': 'down',
  '1/5': 'sad',
};
const TEN: readonly FeelingId[] = [
  'sad',
  'sad',
  'sad',
  'down',
  'down',
  'cant-tell',
  'content',
  'content',
  'joyful',
  'joyful',
  'joyful',
];
const SYNONYMS: Readonly<Record<string, FeelingId>> = {
  happy: 'joyful',
  relaxed: 'calm',
  peaceful: 'calm',
  thankful: 'grateful',
  optimistic: 'hopeful',
  energetic: 'energised',
  energized: 'energised',
  nervous: 'anxious',
  worried: 'anxious',
  annoyed: 'frustrated',
  irritated: 'frustrated',
  mad: 'angry',
  unhappy: 'sad',
  depressed: 'down',
  low: 'down',
  exhausted: 'tired',
  sleepy: 'tired',
  alone: 'lonely',
  empty: 'numb',
  "can't tell": 'cant-tell',
  unsure: 'cant-tell',
};

/**
 * A first guess at where a mood name goes, or null when there is none to make: the app's own names,
 * a feeling's own name (`sad`), a few common words. A name the person made up (`ok but sleepy`) is
 * left for them to place.
 */
export function guessFeeling(key: string): FeelingId | null {
  const ten = /^(\d{1,2})\/10$/.exec(key);
  if (ten) return TEN[Number(ten[1])] ?? null;
  if (isFeelingId(key)) return key;
  return DEFAULTS[key] ?? SYNONYMS[key] ?? null;
}

// Two independent 53-bit hashes (cyrb53, public domain) of the same text: 106 bits, so ids of
// different entries never meet in practice (below 1 in 10^20 for a million entries). Identity, not
// secrecy: no one gains from guessing an id. Synchronous, so the ids are made as the rows are.
function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * The id of an imported entry, from what the entry is: its app, day, time, mood and note, and which
 * of identical entries it is (the second `sad` at 20:30 with no note is another entry). Activities
 * are left out, so an entry whose activities were changed in the app since is the same entry.
 */
export function importedId(source: ImportSource, row: ImportedRow, occurrence: number): string {
  const text = JSON.stringify([
    source,
    row.day,
    row.minute,
    moodKey(row.mood),
    row.journal ?? '',
    occurrence,
  ]);
  return `${source}-${hash53(text, 1).toString(36)}${hash53(text, 2).toString(36)}`;
}

/** The moment a day and minute name on this device's clock. */
function momentOf(day: string, minute: number): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, Math.floor(minute / 60), minute % 60).getTime();
}

export type CheckInsMade = { ok: true; checkIns: CheckIn[] } | { ok: false; unplaced: string[] };

/** The check-ins of `rows`, each mood placed as `placements` says; refused while any is unplaced. */
export function toCheckIns(
  source: ImportSource,
  rows: readonly ImportedRow[],
  placements: Placements,
): CheckInsMade {
  const unplaced = new Set<string>();
  for (const row of rows) if (!isFeelingId(placements[moodKey(row.mood)])) unplaced.add(row.mood);
  if (unplaced.size > 0) return { ok: false, unplaced: [...unplaced] };
  const seen = new Map<string, number>();
  const checkIns = rows.map((row): CheckIn => {
    const base = importedId(source, row, 0);
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    const at = momentOf(row.day, row.minute);
    return {
      id: occurrence === 0 ? base : importedId(source, row, occurrence),
      at,
      day: row.day,
      offset: 0 - new Date(at).getTimezoneOffset(),
      feeling: placements[moodKey(row.mood)] as FeelingId,
      outletId: null,
      outcome: 'skipped',
      ...(row.journal !== undefined && { journal: row.journal }),
      imported: {
        from: source,
        mood: row.mood,
        ...(row.activities !== undefined && { activities: row.activities }),
      },
    };
  });
  return { ok: true, checkIns };
}
