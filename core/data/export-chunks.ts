// The export files made a piece at a time, so a page can build a file of 200,000 check-ins without
// one long task: each piece is a few thousand entries, and the pieces joined in order are exactly
// the text the whole-file functions (export.ts) make. The pieces reuse those functions rather than
// writing the formats a second time; tests/unit/export-chunks.test.ts holds the joined pieces to them.
import type { CheckIn } from '../schema';
import { dayOf } from './days';
import {
  buildExportJson,
  type CsvLabels,
  checkInsCsv,
  type JournalLabels,
  journalMarkdown,
  journalOrder,
} from './export';
import type { Snapshot } from './export-format';

/** Everything before the first line break, and the break: a title or header row. */
const firstLine = (text: string, lineBreak: string) =>
  text.slice(0, text.indexOf(lineBreak) + lineBreak.length);

export interface JsonPieces {
  /** The file up to the check-ins' opening bracket. */
  head: string;
  /** The check-ins of one piece (oldest first), `first` when no piece came before it. */
  entries(entries: readonly CheckIn[], first: boolean): string;
  /** The file after the last check-in; `empty` when there was none. */
  tail(empty: boolean): string;
}

// How JSON.stringify(…, null, 2) lays out the export: the check-ins array is a top-level field, so
// its entries sit 4 spaces in. A string in JSON never holds a raw line break, so every line break of
// an entry's own text is a line of its layout.
const CHECK_INS_EMPTY = '\n  "checkIns": []';
const ENTRY_INDENT = '    ';

/** The JSON export of `snapshot` (its check-ins left out: they come piece by piece). */
export function exportJsonPieces(snapshot: Omit<Snapshot, 'checkIns'>, exportedAt: number): JsonPieces {
  const whole = buildExportJson({ ...snapshot, checkIns: [] }, exportedAt);
  // The top-level field is the only one at 2 spaces with that name (preferences and people are
  // strict, nested fields sit deeper), so the first match is it.
  const at = whole.indexOf(CHECK_INS_EMPTY);
  if (at < 0) throw new Error('The export has no check-ins field');
  const open = at + CHECK_INS_EMPTY.length - 1;
  const head = whole.slice(0, open);
  const after = whole.slice(open + 1);
  return {
    head,
    entries: (entries, first) =>
      entries
        .map(
          (entry, i) =>
            `${first && i === 0 ? '' : ','}\n${ENTRY_INDENT}${JSON.stringify(entry, null, 2).replaceAll('\n', `\n${ENTRY_INDENT}`)}`,
        )
        .join(''),
    tail: (empty) => (empty ? `]${after}` : `\n  ]${after}`),
  };
}

export interface TextPieces {
  head: string;
  /** One piece: check-ins oldest first, each piece after the one before. */
  piece(entries: readonly CheckIn[]): string;
}

/** The CSV export piece by piece: the header row, then rows. */
export function csvPieces(labels: CsvLabels): TextPieces {
  const head = firstLine(checkInsCsv([], labels), '\r\n');
  return { head, piece: (entries) => checkInsCsv(entries, labels).slice(head.length) };
}

/**
 * The Markdown journal piece by piece: the title, then days; a day split over two pieces gets one
 * heading. The pieces come in the journal's order (`journalOrder` of all the entries, then cut), as
 * the whole-file text lists them.
 */
export function markdownPieces(labels: JournalLabels): TextPieces {
  const head = firstLine(journalMarkdown([], labels), '\n');
  let lastDay: string | null = null;
  return {
    head,
    piece(entries) {
      const withLine = journalOrder(entries);
      if (withLine.length === 0) return '';
      let text = journalMarkdown(withLine, labels).slice(head.length);
      const firstDay = dayOf(withLine[0] as CheckIn);
      // The piece before ended in this day: its heading is already written.
      if (firstDay === lastDay) text = text.slice(`\n## ${firstDay}\n\n`.length);
      lastDay = dayOf(withLine[withLine.length - 1] as CheckIn);
      return text;
    },
  };
}
