// Bearable's CSV export: one row per reading, `date,weekday,time of day,category,rating/amount,detail,
// notes`, dates like `22nd Sep 2020`, the time of day as a part of it (`pre`, `am`, `mid`, `pm`, or
// `all day`), mood as 0–10 with the feelings chosen in `detail`. The readings of one day and part of
// it become one check-in: its mood row gives the feeling, every other reading (energy, sleep,
// symptoms, factors) is kept as text, and the notes become its journal line.

import type { CsvTable } from './csv';
import { readDate } from './dates';
import {
  type ImportedRow,
  NO_MOOD,
  RowCollector,
  type RowsRead,
  refuseFile,
  textOrNothing,
  tidy,
} from './rows';

const REQUIRED = ['date', 'time of day', 'category', 'rating/amount', 'detail', 'notes'];

/**
 * The clock time a part of the day is placed at: the middle of it as Bearable divides the day
 * (before 6, morning, midday, evening); a reading for the whole day at noon.
 */
const PART_MINUTE: Record<string, number> = {
  pre: 3 * 60,
  am: 9 * 60,
  mid: 14 * 60,
  pm: 20 * 60,
  'all day': 12 * 60,
};

export function isBearableHeader(header: readonly string[]): boolean {
  return REQUIRED.every((name) => header.includes(name));
}

/** A mood of 0 to 10 as a name to place: the first feeling chosen with it, else the number. */
function moodName(rating: string, detail: string): string {
  const feelings = detail.split(/[|,;]/).map(tidy).filter(Boolean);
  return feelings[0] ?? `${rating}/10`;
}

export function readBearable(table: CsvTable): RowsRead {
  const { header } = table;
  if (!isBearableHeader(header)) return refuseFile('unknown-shape');
  const col = (name: string) => header.indexOf(name);
  const at = {
    date: col('date'),
    part: col('time of day'),
    category: col('category'),
    amount: col('rating/amount'),
    detail: col('detail'),
    notes: col('notes'),
  };
  const out = new RowCollector();
  interface Group {
    line: number;
    day: string;
    minute: number;
    moods: { line: number; mood: string; other: string[] }[];
    readings: string[];
    notes: string[];
  }
  const groups = new Map<string, Group>();
  for (const { line, cells } of table.rows) {
    const cell = (index: number) => (cells[index] ?? '').trim();
    const dateText = cell(at.date);
    const date = readDate(dateText);
    if (!date.ok) {
      out.problem(
        line,
        dateText === '' ? 'no-date' : date.why === 'not-a-day' ? 'not-a-day' : 'no-date',
        dateText,
      );
      continue;
    }
    const partText = cell(at.part).toLowerCase();
    const minute = PART_MINUTE[partText];
    if (minute === undefined) {
      out.problem(line, 'bad-time', cell(at.part));
      continue;
    }
    const key = `${date.day} ${minute}`;
    let group = groups.get(key);
    if (!group) {
      group = { line, day: date.day, minute, moods: [], readings: [], notes: [] };
      groups.set(key, group);
    }
    const category = cell(at.category);
    const amount = cell(at.amount);
    const detail = cell(at.detail);
    if (category.toLowerCase() === 'mood') {
      const rating = Number(amount);
      if (amount === '' || !Number.isFinite(rating) || rating < 0 || rating > 10) {
        out.problem(line, 'bad-score', amount);
        continue;
      }
      const feelings = detail.split(/[|,;]/).map(tidy).filter(Boolean);
      group.moods.push({
        line,
        mood: moodName(amount, detail),
        other: [`${amount}/10`, ...feelings.slice(1)],
      });
    } else if (category !== '') {
      const reading = [amount, detail].filter((part) => part !== '').join(' ');
      group.readings.push(reading === '' ? category : `${category}: ${reading}`);
    }
    const note = textOrNothing(cells[at.notes]);
    if (note !== undefined && !group.notes.includes(note)) group.notes.push(note);
  }
  for (const group of groups.values()) {
    // A part of the day with no mood still keeps its notes and readings, under a name to place.
    const moods = group.moods.length > 0 ? group.moods : [{ line: group.line, mood: '', other: [] }];
    moods.forEach((mood, i) => {
      const activities = [...mood.other, ...(i === 0 ? group.readings : [])].join(' · ');
      const journal = i === 0 && group.notes.length > 0 ? group.notes.join('\n') : undefined;
      const row: ImportedRow = {
        line: mood.line,
        day: group.day,
        minute: group.minute,
        mood: mood.mood === '' ? NO_MOOD : mood.mood,
        ...(journal !== undefined && { journal }),
        ...(activities !== '' && { activities }),
      };
      out.add(row);
    });
  }
  return out.result('bearable');
}
