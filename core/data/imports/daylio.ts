// Daylio's CSV export, in each header shape it has had:
//   year,date,weekday,time,mood,activities,note                 (the oldest: `date` is "March 14")
//   full_date,date,weekday,time,mood,activities,note             (`full_date` is 2021-03-14)
//   full_date,date,weekday,time,mood,activities,note_title,note
//   …with `scales` too (the person's own 1–5 scales, kept with the activities)
// The words of `date`, `weekday` and `time` follow the phone's language (`14 de marzo`, `20:30`,
// `8:30 PM`), rows come newest first, a day may have several, and mood names are the person's own
// (Daylio writes an edited name with the spaces it was typed with: `sad `).

import type { CsvTable } from './csv';
import { readDate, readTime } from './dates';
import { RowCollector, type RowsRead, refuseFile, textOrNothing, tidy } from './rows';

/** Whether a header is Daylio's: a mood and a time, and a day either whole or as year and date. */
export function isDaylioHeader(header: readonly string[]): boolean {
  const has = (name: string) => header.includes(name);
  return has('mood') && has('time') && has('weekday') && (has('full_date') || (has('year') && has('date')));
}

export function readDaylio(table: CsvTable): RowsRead {
  const { header } = table;
  if (!isDaylioHeader(header)) return refuseFile('unknown-shape');
  const col = (name: string) => header.indexOf(name);
  const at = {
    full: col('full_date'),
    year: col('year'),
    date: col('date'),
    time: col('time'),
    mood: col('mood'),
    activities: col('activities'),
    title: col('note_title'),
    note: col('note'),
    scales: col('scales'),
  };
  const out = new RowCollector();
  for (const { line, cells } of table.rows) {
    const cell = (index: number) => (index >= 0 ? (cells[index] ?? '') : '');
    const dateText = at.full >= 0 ? cell(at.full) : cell(at.date);
    if (dateText.trim() === '') {
      out.problem(line, 'no-date');
      continue;
    }
    const year = at.full >= 0 ? undefined : Number(cell(at.year).trim());
    const date = readDate(dateText, { year: Number.isFinite(year) ? year : undefined });
    if (!date.ok) {
      out.problem(line, date.why === 'not-a-day' ? 'not-a-day' : 'no-date', dateText);
      continue;
    }
    const time = readTime(cell(at.time));
    if (!time.ok) {
      out.problem(line, 'bad-time', cell(at.time));
      continue;
    }
    const title = textOrNothing(cell(at.title));
    const note = textOrNothing(cell(at.note));
    const journal = title && note ? `${title}\n${note}` : (title ?? note);
    const activities = [textOrNothing(cell(at.activities)), textOrNothing(cell(at.scales))]
      .filter((part): part is string => part !== undefined)
      .join(' · ');
    out.add({
      line,
      day: date.day,
      minute: time.minute,
      mood: tidy(cell(at.mood)),
      ...(journal !== undefined && { journal }),
      ...(activities !== '' && { activities }),
    });
  }
  return out.result('daylio');
}
