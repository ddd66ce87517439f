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

/** Reads a CSV (a byte-order mark at the start is dropped); empty lines are skipped. */
export function readCsv(text: string): CsvTable {
  const body = text.replace(/^\uFEFF/, '');
  const records: CsvRow[] = [];
  let line = 1;
  let scanned = 0;
  Papa.parse<string[]>(body, {
    skipEmptyLines: 'greedy',
    step: (result) => {
      // `cursor` is where this record ends; it starts after the line breaks before it.
      const end = result.meta.cursor;
      let start = scanned;
      while (start < end && (body[start] === '\n' || body[start] === '\r')) {
        if (body[start] === '\n') line++;
        start++;
      }
      records.push({ line, cells: result.data });
      for (let i = start; i < end; i++) if (body[i] === '\n') line++;
      scanned = end;
    },
  });
  const [first, ...rows] = records;
  const headerText = (first?.cells ?? []).map((cell) => cell.trim());
  return { header: headerText.map((cell) => cell.toLowerCase()), headerText, rows };
}
