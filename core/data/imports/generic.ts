// Any other app's CSV, read through a mapping the person confirms: which column holds the date, the
// time, the mood, the note and the activities. A first guess comes from the columns' names; dates
// whose numbers read both ways (03/04/2021) take the order the person chooses.
import type { CsvTable } from './csv';
import { type DateOrder, dateOrderOf, readDate, readTime } from './dates';
import { RowCollector, type RowsRead, refuseFile, textOrNothing, tidy } from './rows';

export const MAPPED_FIELDS = ['date', 'time', 'mood', 'note', 'activities'] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];

/** Column indexes, by field; `date` and `mood` are needed, the others may be left out (-1). */
export type ColumnMapping = Record<MappedField, number> & { order: DateOrder };

// Names other apps give these columns, in a few languages, lower-cased.
const NAMES: Record<MappedField, string[]> = {
  date: ['date', 'day', 'full_date', 'datum', 'fecha', 'data', 'jour', '日付', 'timestamp', 'created'],
  time: ['time', 'hour', 'heure', 'zeit', 'uhrzeit', 'hora', '時刻', '時間'],
  mood: ['mood', 'feeling', 'emotion', 'humeur', 'stimmung', 'ánimo', 'animo', 'humor', '気分', 'rating'],
  note: ['note', 'notes', 'journal', 'entry', 'text', 'notiz', 'nota', 'notas', 'メモ', 'comment'],
  activities: [
    'activities',
    'activity',
    'tags',
    'tag',
    'aktivitäten',
    'actividades',
    'activités',
    'atividades',
  ],
};

/** A first guess at the mapping from the header's names; the person confirms or changes it. */
export function guessMapping(table: CsvTable): ColumnMapping {
  const taken = new Set<number>();
  const find = (field: MappedField) => {
    const index = table.header.findIndex((name, i) => !taken.has(i) && NAMES[field].includes(name));
    const fuzzy =
      index >= 0
        ? index
        : table.header.findIndex((name, i) => !taken.has(i) && NAMES[field].some((n) => name.includes(n)));
    if (fuzzy >= 0) taken.add(fuzzy);
    return fuzzy;
  };
  const mapping = {
    date: find('date'),
    mood: find('mood'),
    time: find('time'),
    note: find('note'),
    activities: find('activities'),
  };
  const dates = table.rows.map((row) => row.cells[mapping.date] ?? '');
  return { ...mapping, order: mapping.date >= 0 ? (dateOrderOf(dates) ?? 'dmy') : 'dmy' };
}

/** Whether numbers-only dates in the chosen column read both ways, so the person must say which. */
export function orderIsOpen(table: CsvTable, date: number): boolean {
  if (date < 0) return false;
  const dates = table.rows.map((row) => row.cells[date] ?? '');
  return (
    dateOrderOf(dates) === null && dates.some((text) => /^\s*\d{1,2}\D+\d{1,2}\D+\d{2,4}\s*$/.test(text))
  );
}

export function readGeneric(table: CsvTable, mapping: ColumnMapping): RowsRead {
  if (mapping.date < 0) return refuseFile('missing-column', 'date');
  if (mapping.mood < 0) return refuseFile('missing-column', 'mood');
  const out = new RowCollector();
  for (const { line, cells } of table.rows) {
    const cell = (index: number) => (index >= 0 ? (cells[index] ?? '') : '');
    const dateText = cell(mapping.date);
    if (dateText.trim() === '') {
      out.problem(line, 'no-date');
      continue;
    }
    const date = readDate(dateText, { order: mapping.order });
    if (!date.ok) {
      out.problem(line, date.why === 'not-a-day' ? 'not-a-day' : 'no-date', dateText);
      continue;
    }
    // A time in its own column, or after the date in the same one ("2021-03-14 20:30"); else noon.
    const timeText =
      mapping.time >= 0
        ? cell(mapping.time)
        : (/\d{1,2}[:.]\d{2}.*$/.exec(dateText.replace(/^\S+\s*/, ''))?.[0] ?? '');
    let minute = 12 * 60;
    if (timeText.trim() !== '') {
      const time = readTime(timeText);
      if (!time.ok) {
        out.problem(line, 'bad-time', timeText);
        continue;
      }
      minute = time.minute;
    }
    const journal = textOrNothing(cell(mapping.note));
    const activities = textOrNothing(cell(mapping.activities));
    out.add({
      line,
      day: date.day,
      minute,
      mood: tidy(cell(mapping.mood)),
      ...(journal !== undefined && { journal }),
      ...(activities !== undefined && { activities }),
    });
  }
  return out.result('csv');
}
