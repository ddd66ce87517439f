// Bringing entries in from another mood app: what a file is (Daylio, Bearable, Pixels, or a CSV of
// another app that needs its columns named), read into rows, all or nothing, every problem naming
// its line. Pure: the page reads the file and stores the check-ins (platform/app-import.ts).
import { isBearableHeader, readBearable } from './bearable';
import { type CsvTable, readCsv } from './csv';
import { isDaylioHeader, readDaylio } from './daylio';
import { type ColumnMapping, guessMapping } from './generic';
import { readPixels } from './pixels';
import { IMPORT_TEXT_MAX, type LineProblem, type RowsRead, refuseFile } from './rows';

export type Detected =
  | { kind: 'read'; read: RowsRead }
  /** A CSV of no app Outlet knows: the person names its columns (generic.ts). */
  | { kind: 'mapping'; table: CsvTable; guess: ColumnMapping };

const refused = (what: LineProblem['what'], value?: string): Detected => ({
  kind: 'read',
  read: refuseFile(what, value),
});

export function detectImport(text: string): Detected {
  if (text.length > IMPORT_TEXT_MAX) return refused('too-big');
  const body = text.replace(/^\uFEFF/, '');
  const start = body.trimStart();
  if (start === '') return refused('no-rows');
  if (start.startsWith('[') || start.startsWith('{')) {
    let root: unknown;
    try {
      root = JSON.parse(body);
    } catch {
      return refused('not-json');
    }
    // Pixels has written its days as a list from the start; anything else in JSON isn't a mood diary.
    return Array.isArray(root) ? { kind: 'read', read: readPixels(body, root) } : refused('not-entries');
  }
  const table = readCsv(body);
  if (isDaylioHeader(table.header)) return { kind: 'read', read: readDaylio(table) };
  if (isBearableHeader(table.header)) return { kind: 'read', read: readBearable(table) };
  if (table.header.length < 2) return refused('unknown-shape');
  return { kind: 'mapping', table, guess: guessMapping(table) };
}

export type { CsvTable } from './csv';
export { type DateOrder, readDate, readTime } from './dates';
export {
  type CheckInsMade,
  guessFeeling,
  type ImportSummary,
  importedId,
  type MoodName,
  moodKey,
  type Placements,
  summarize,
  toCheckIns,
} from './entries';
export { type ColumnMapping, MAPPED_FIELDS, type MappedField, orderIsOpen, readGeneric } from './generic';
export * from './rows';
