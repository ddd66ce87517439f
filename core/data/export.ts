// What an export writes: the whole of it as JSON (to read back in), the check-ins as CSV (for a
// spreadsheet) and the journal as Markdown (to read). Pure: words come in as `labels`, the moment as
// `exportedAt`, so this stays free of the browser and of i18n.
import type { CheckIn } from '../schema';
import { localOffsetMinutes } from '../time';
import { dayOf } from './days';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportV2, type Snapshot } from './export-format';

export function buildExport(snapshot: Snapshot, exportedAt: number): ExportV2 {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt,
    preferences: snapshot.preferences,
    trustedPeople: snapshot.trustedPeople,
    ...(snapshot.ownOutlets?.length ? { ownOutlets: snapshot.ownOutlets } : {}),
    checkIns: snapshot.checkIns,
    setAside: snapshot.setAside,
    unreadable: snapshot.unreadable,
  };
}

/** The export file's text: pretty, so a person can open it and see what is in it. */
export function buildExportJson(snapshot: Snapshot, exportedAt: number): string {
  return `${JSON.stringify(buildExport(snapshot, exportedAt), null, 2)}\n`;
}

const oldestFirst = (entries: readonly CheckIn[]) => [...entries].sort((a, b) => a.at - b.at);

const pad = (n: number, width = 2) => String(Math.trunc(Math.abs(n))).padStart(width, '0');

/**
 * `2024-05-01T14:30:00+02:00`: the wall-clock time with its offset, unambiguous anywhere. By the clock
 * `offset` minutes east of UTC when given (the clock a check-in was written on), else the local one.
 */
export function localIsoDateTime(at: number, offset = localOffsetMinutes(at)): string {
  // The wall clock of that zone, read as UTC: no Date here depends on the zone of the device now.
  const d = new Date(at + offset * 60_000);
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` +
    `${sign}${pad(offset / 60)}:${pad(offset % 60)}`
  );
}

export interface CsvLabels {
  header: {
    at: string;
    feeling: string;
    /** How strong the feeling was, 1 to 5. */
    strength: string;
    /** Where the person was: free to step away, alone, how many minutes they had. */
    stepAway: string;
    alone: string;
    minutes: string;
    outlet: string;
    outcome: string;
    helped: string;
    /** The answer to "And now?" after the outlet (lighter, the same, heavier), and when it was given. */
    after: string;
    afterAt: string;
    journal: string;
  };
  feeling: (id: string) => string;
  /** The outlet's title; '' when there was none. */
  outlet: (id: string | null) => string;
  outcome: (outcome: CheckIn['outcome']) => string;
  /** The answer to "did it help?"; '' when not answered. */
  helped: (helped: CheckIn['helped']) => string;
  /** The answer to "And now?"; '' when not answered. */
  after: (after: CheckIn['after']) => string;
  /** "Yes" or "No", for where the person was. */
  yesNo: (yes: boolean) => string;
}

// A cell starting with one of these is run as a formula by Excel, LibreOffice and Sheets (CSV
// injection, OWASP). A leading apostrophe makes it text, and shows as nothing in a spreadsheet.
const FORMULA_START = /^[=+\-@\t\r]/;
// A spreadsheet may split on `,`, `;` or a tab (LibreOffice asks; Excel follows the region), and some
// importers ignore quotes: then text after a separator inside a cell starts a cell of its own, and
// `ok;=1+1` showed as 2. So a formula start right after any of them gets the apostrophe too.
const FORMULA_AFTER_SEPARATOR = /([,;\t])(?=[=+\-@\t\r])/g;

/**
 * One CSV cell, RFC 4180: quoted when it holds a quote, a line break or any separator a spreadsheet
 * may split on (comma, semicolon, tab), so the cell stays whole wherever quotes are honoured.
 */
export function csvCell(text: string): string {
  const safe = (FORMULA_START.test(text) ? `'${text}` : text).replace(FORMULA_AFTER_SEPARATOR, "$1'");
  return /[",;\t\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The check-ins, one row each, oldest first, with a header row; lines end in CRLF (RFC 4180). Each
 * row says what the check-in held in the order it was asked: the feeling and how strong it was, where
 * the person was, what was offered, how it ended, whether it helped, how they felt after (and when
 * they said), the journal. A cell the person
 * left unsaid (no strength, no context) is empty. The time is the one the person's clock showed.
 */
export function checkInsCsv(entries: readonly CheckIn[], labels: CsvLabels): string {
  const { header } = labels;
  const rows = [
    [
      header.at,
      header.feeling,
      header.strength,
      header.stepAway,
      header.alone,
      header.minutes,
      header.outlet,
      header.outcome,
      header.helped,
      header.after,
      header.afterAt,
      header.journal,
    ],
  ];
  for (const entry of oldestFirst(entries)) {
    const { context } = entry;
    rows.push([
      localIsoDateTime(entry.at, entry.offset),
      labels.feeling(entry.feeling),
      entry.intensity === undefined ? '' : String(entry.intensity),
      context ? labels.yesNo(context.canStepAway) : '',
      context ? labels.yesNo(context.alone) : '',
      context ? String(context.minutes) : '',
      labels.outlet(entry.outletId),
      labels.outcome(entry.outcome),
      labels.helped(entry.helped),
      labels.after(entry.after),
      entry.afterAt === undefined ? '' : localIsoDateTime(entry.afterAt, entry.offset),
      entry.journal ?? '',
    ]);
  }
  return rows
    .map((row) => row.map(csvCell).join(','))
    .join('\r\n')
    .concat('\r\n');
}

export interface JournalLabels {
  /** The file's title, the first heading. */
  title: string;
  feeling: (id: string) => string;
  /** "14:30", in the person's own format, as their clock showed it when they wrote (its `offset`). */
  time: (entry: { at: number; offset?: number }) => string;
  /** "felt lighter after", when "And now?" was answered; '' when not. */
  after: (after: CheckIn['after']) => string;
}

/**
 * Text as one Markdown line of plain text: breaks become spaces, and every character that could
 * start markup (a heading, a list, a link, an HTML tag, an entity) is
 * backslash-escaped (CommonMark §2.4), so whatever was typed reads back exactly as typed.
 *
 * Addresses too: GFM (GitHub, and renderers like it) turns a bare `https://…`, `www.…` or
 * `me@example.org` into a link. An escaped `:` before `//`, `.` after `www` and `@` render as
 * themselves but break each pattern, so no link forms (checked against micromark with GFM and
 * markdown-it with linkify, tests/unit/export.test.ts).
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_[\]<>#|~!@-]/g, '\\$&')
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/(www)\./gi, '$1\\.')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * `markdownText` for a line that starts a Markdown line of its own: `+ ` would start a list and a
 * line of `=` under another turn it into a heading (a setext underline), so they are escaped too.
 */
const markdownLineStart = (text: string): string => markdownText(text).replace(/^([+=])/, '\\$1');

/**
 * A journal entry's text as Markdown lines under its list item: a list or a page keeps its lines.
 * Each line is `markdownText`, so none can start a heading, a list, a quote, code, a table or a
 * break of its own; lines end in a backslash (a hard break, CommonMark §6.7), so each renders as a
 * line, not run into the one before; blank lines between them make one paragraph break. Lines after
 * the first sit two spaces in (inside the item); their own leading spaces go, since four of them
 * after a blank line would make the rest a code block.
 */
export function markdownLines(text: string): string[] {
  const paragraphs = text
    .split(/\r\n|[\r\n\u2028\u2029]/)
    .map((line) => line.trim())
    .join('\n')
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.split('\n').filter((line) => line !== ''))
    .filter((lines) => lines.length > 0);
  const out: string[] = [];
  for (const lines of paragraphs) {
    if (out.length > 0) out.push('');
    lines.forEach((line, i) => {
      const text = out.length === 0 ? markdownText(line) : `  ${markdownLineStart(line)}`;
      out.push(i < lines.length - 1 ? `${text}\\` : text);
    });
  }
  return out;
}

/** The journal's order: by the day written on, then by time (negative when `a` comes first). */
function journalCompare(a: CheckIn, b: CheckIn): number {
  const dayA = dayOf(a);
  const dayB = dayOf(b);
  return dayA < dayB ? -1 : dayA > dayB ? 1 : a.at - b.at;
}

/**
 * The entries with a journal line in the order the journal lists them: by the day each was written
 * on (`dayOf`: a traveller's line stays on its day), oldest first, then by time within the day.
 * Entries come oldest first from the store, and days follow time except for a traveller's, so the
 * list is sorted only when one is out of place: a 200,000-entry export makes one quick pass.
 */
export function journalOrder(entries: readonly CheckIn[]): CheckIn[] {
  const lines = entries.filter((entry) => entry.journal?.trim());
  for (let i = 1; i < lines.length; i++)
    if (journalCompare(lines[i - 1] as CheckIn, lines[i] as CheckIn) > 0) return lines.sort(journalCompare);
  return lines;
}

/** The journal, one `## YYYY-MM-DD` heading per day each line was written on (`journalOrder`). */
export function journalMarkdown(entries: readonly CheckIn[], labels: JournalLabels): string {
  const lines = [`# ${markdownText(labels.title)}`];
  let day: string | null = null;
  for (const entry of journalOrder(entries)) {
    const entryDay = dayOf(entry);
    if (entryDay !== day) {
      day = entryDay;
      lines.push('', `## ${day}`, '');
    }
    const [first = '', ...rest] = markdownLines(entry.journal ?? '');
    const after = labels.after(entry.after);
    const said = [labels.time(entry), labels.feeling(entry.feeling), ...(after ? [after] : [])];
    lines.push(`- ${said.map(markdownText).join(' · ')}: ${first}`, ...rest);
  }
  return `${lines.join('\n')}\n`;
}
