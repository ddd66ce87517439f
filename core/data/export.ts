// What an export writes: the whole of it as JSON (to read back in), the check-ins as CSV (for a
// spreadsheet) and the journal as Markdown (to read). Pure: words come in as `labels`, the moment as
// `exportedAt`, so this stays free of the browser and of i18n.
import type { CheckIn } from '../schema';
import { localDayKey } from '../time';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportV2, type Snapshot } from './export-format';

export function buildExport(snapshot: Snapshot, exportedAt: number): ExportV2 {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt,
    preferences: snapshot.preferences,
    trustedPeople: snapshot.trustedPeople,
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

/** `2024-05-01T14:30:00+02:00`: the local wall-clock time with its offset, unambiguous anywhere. */
export function localIsoDateTime(at: number): string {
  const d = new Date(at);
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` +
    `T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` +
    `${sign}${pad(offset / 60)}:${pad(offset % 60)}`
  );
}

export interface CsvLabels {
  header: { at: string; feeling: string; outlet: string; outcome: string; helped: string; journal: string };
  feeling: (id: string) => string;
  /** The outlet's title; '' when there was none. */
  outlet: (id: string | null) => string;
  outcome: (outcome: CheckIn['outcome']) => string;
  /** The answer to "did it help?"; '' when not answered. */
  helped: (helped: CheckIn['helped']) => string;
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

/** The check-ins, one row each, oldest first, with a header row; lines end in CRLF (RFC 4180). */
export function checkInsCsv(entries: readonly CheckIn[], labels: CsvLabels): string {
  const { header } = labels;
  const rows = [[header.at, header.feeling, header.outlet, header.outcome, header.helped, header.journal]];
  for (const entry of oldestFirst(entries)) {
    rows.push([
      localIsoDateTime(entry.at),
      labels.feeling(entry.feeling),
      labels.outlet(entry.outletId),
      labels.outcome(entry.outcome),
      labels.helped(entry.helped),
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
  /** "14:30", in the person's own format. */
  time: (at: number) => string;
}

/**
 * Journal text as one Markdown line of plain text: breaks become spaces, and every character that
 * could start markup (a heading, a list, a link, an HTML tag, an entity) is backslash-escaped
 * (CommonMark §2.4), so whatever was typed reads back exactly as typed.
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

/** The journal lines, oldest first, under one `## YYYY-MM-DD` heading per local day. */
export function journalMarkdown(entries: readonly CheckIn[], labels: JournalLabels): string {
  const lines = [`# ${markdownText(labels.title)}`];
  let day: string | null = null;
  for (const entry of oldestFirst(entries)) {
    if (!entry.journal?.trim()) continue;
    const entryDay = localDayKey(entry.at);
    if (entryDay !== day) {
      day = entryDay;
      lines.push('', `## ${day}`, '');
    }
    lines.push(
      `- ${markdownText(labels.time(entry.at))} · ${markdownText(labels.feeling(entry.feeling))}: ${markdownText(entry.journal)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
