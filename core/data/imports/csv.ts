// CSV through Papa Parse (papaparse, pinned): quoted fields with commas and line breaks (Daylio's
// notes have both), `""` escapes, CRLF or LF, and a guessed separator (a spreadsheet saved in
// French or German writes `;`). Hand parsing gets these wrong; Papa Parse is small, has no
// dependencies, and is the most used CSV parser for the browser. Here each row also gets the file's
// line it starts on, so a refusal can name it.
import Papa from 'papaparse';

export interface CsvRow {
  line: number;
  cells: string[];
}

export interface CsvTable {
  /** The header's cells, lower-cased and trimmed, for finding columns by name. */
  header: string[];
  /** The header as the file writes it, for the person to choose columns from. */
  headerText: string[];
  rows: CsvRow[];
}

/**
 * The line each record starts on, where a record ends at a line break outside double quotes: what
 * Papa Parse does for every well-formed file. A stray quote inside a field makes the count differ
 * from Papa's, and then the slower way is taken (see readCsv).
 */
function recordLines(body: string): number[] {
  const lines: number[] = [1];
  let line = 1;
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const char = body.charCodeAt(i);
    if (char === 34) quoted = !quoted;
    else if (char === 10) {
      line++;
      if (!quoted) lines.push(line);
    }
  }
  return lines;
}

const blank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

/** Reads a CSV (a byte-order mark at the start is dropped); empty lines are skipped. */
export function readCsv(text: string): CsvTable {
  const body = text.replace(/^\uFEFF/, '');
  // Parsed whole (Papa's per-row callback made 5,000 rows 2 to 5 times slower), each record then
  // given the line it starts on by one pass over the text.
  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: false }).data;
  const lines = recordLines(body);
  const records: CsvRow[] =
    lines.length === parsed.length
      ? parsed.flatMap((cells, i) => (blank(cells) ? [] : [{ line: lines[i] as number, cells }]))
      : readWithLines(body);
  const [first, ...rows] = records;
  const headerText = (first?.cells ?? []).map((cell) => cell.trim());
  return { header: headerText.map((cell) => cell.toLowerCase()), headerText, rows };
}

/** Each record with its line, from Papa's own cursor: for files whose quotes the quick pass can't follow. */
function readWithLines(body: string): CsvRow[] {
  const records: CsvRow[] = [];
  let line = 1;
  let scanned = 0;
  Papa.parse<string[]>(body, {
    skipEmptyLines: 'greedy',
    step: (result) => {
      // `cursor` is where this record ends; it starts after the blank lines before it (skipped).
      const end = result.meta.cursor;
      let start = scanned;
      for (;;) {
        const next = body.indexOf('\n', start);
        if (next < 0 || next >= end || body.slice(start, next).trim() !== '') break;
        line++;
        start = next + 1;
      }
      records.push({ line, cells: result.data });
      for (let i = start; i < end; i++) if (body[i] === '\n') line++;
      scanned = end;
    },
  });
  return records;
}
