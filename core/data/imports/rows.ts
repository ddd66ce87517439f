// What every importer reads a file into: one row per moment the person recorded, with the file's line
// it came from, and the problems that refuse a file, each naming its line. Shared by the parsers
// (daylio.ts, bearable.ts, pixels.ts, generic.ts) and by entries.ts, which makes check-ins of them.
import { ACTIVITIES_MAX, IMPORT_SOURCES, IMPORTED_MOOD_MAX, JOURNAL_MAX_LENGTH } from '../../schema';

export { ACTIVITIES_MAX, IMPORT_SOURCES, IMPORTED_MOOD_MAX };
export type ImportSource = (typeof IMPORT_SOURCES)[number];
/** Rows one file may bring: as many as an Outlet export carries (export-format.ts MAX_CHECK_INS). */
export const IMPORT_ROWS_MAX = 200_000;
/** 64 MB of text: ten years of several entries a day with notes is a few MB. */
export const IMPORT_TEXT_MAX = 64 * 1024 * 1024;
/** A broken file may have a problem on every line: the page lists this many and counts the rest. */
export const LINE_PROBLEMS_MAX = 20;

/** The name of readings with no mood beside them (Bearable), for the person to place like any mood. */
export const NO_MOOD = '—';

export interface ImportedRow {
  /** The file's line where the row starts (1 is the header of a CSV). */
  line: number;
  day: string;
  /** Minutes since midnight on the person's clock. */
  minute: number;
  /** The mood as the file names it, spaces tidied ("sad " is "sad"). */
  mood: string;
  journal?: string;
  activities?: string;
}

export type LineProblemCode =
  | 'not-a-day'
  | 'no-date'
  | 'bad-time'
  | 'no-mood'
  | 'bad-score'
  | 'note-too-long'
  | 'activities-too-long'
  | 'mood-too-long'
  | 'missing-column'
  | 'not-json'
  | 'not-entries'
  | 'unknown-shape'
  | 'no-rows'
  | 'too-many'
  | 'too-big';

export interface LineProblem {
  /** The file's line, or 0 for the file as a whole. */
  line: number;
  what: LineProblemCode;
  /** The value in question, as the file has it (shortened): a date, a time, a column's name. */
  value?: string;
}

export type RowsRead =
  | { ok: true; source: ImportSource; rows: ImportedRow[] }
  | { ok: false; problems: LineProblem[]; more: number };

/** Text from a file made short enough to show in a sentence. */
export function shown(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it strips.
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}

/** Spaces tidied: trimmed, runs of white space as one (Daylio writes custom moods with a trailing space). */
export const tidy = (text: string | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** Collects problems and rows; refuses the file if any row had one. */
export class RowCollector {
  readonly rows: ImportedRow[] = [];
  readonly problems: LineProblem[] = [];
  private extra = 0;

  problem(line: number, what: LineProblemCode, value?: string): void {
    if (this.problems.length < LINE_PROBLEMS_MAX)
      this.problems.push(value === undefined ? { line, what } : { line, what, value: shown(value) });
    else this.extra++;
  }

  /** Checks the caps of one row's texts, then keeps it. */
  add(row: ImportedRow): void {
    let sound = true;
    if (row.mood === '') {
      this.problem(row.line, 'no-mood');
      sound = false;
    } else if (row.mood.length > IMPORTED_MOOD_MAX) {
      this.problem(row.line, 'mood-too-long', row.mood);
      sound = false;
    }
    if (row.journal !== undefined && row.journal.length > JOURNAL_MAX_LENGTH) {
      this.problem(row.line, 'note-too-long', String(row.journal.length));
      sound = false;
    }
    if (row.activities !== undefined && row.activities.length > ACTIVITIES_MAX) {
      this.problem(row.line, 'activities-too-long', String(row.activities.length));
      sound = false;
    }
    if (sound) this.rows.push(row);
  }

  result(source: ImportSource): RowsRead {
    if (this.problems.length > 0) return { ok: false, problems: this.problems, more: this.extra };
    if (this.rows.length === 0) return refuseFile('no-rows');
    if (this.rows.length > IMPORT_ROWS_MAX) return refuseFile('too-many', String(this.rows.length));
    return { ok: true, source, rows: this.rows };
  }
}

export const refuseFile = (what: LineProblemCode, value?: string): RowsRead => ({
  ok: false,
  problems: [value === undefined ? { line: 0, what } : { line: 0, what, value: shown(value) }],
  more: 0,
});

/** Non-empty text, or undefined. */
export const textOrNothing = (text: string | undefined): string | undefined => {
  const trimmed = (text ?? '').trim();
  return trimmed === '' ? undefined : trimmed;
};
