// The shapes "Your data" hands between the history page and the stores (platform/data-transfer.ts
// fills them, components/history/DataPanel.tsx shows them), defined once here so neither side
// imports the other's module.
import type { CsvLabels, JournalLabels } from './export';
import type { Differing } from './import';

export type ExportKind = 'json' | 'csv' | 'markdown';

/** An export's column names and headings, in the person's language. */
export interface ExportLabels {
  csv: CsvLabels;
  journal: JournalLabels;
}

export interface ImportCounts {
  /** `same`: already here exactly as in the file; `differing`: here with other content, kept as here. */
  checkIns: { added: number; same: number; differing: Differing[] };
  people: { added: number; kept: number; full: number };
  /** The person's own outlets, merged by id like the people; missing where a store has none. */
  ownOutlets?: { added: number; kept: number; full: number };
  setAside: { added: number; same: number };
  /** `full`: past what an export carries (MAX_UNREADABLE), so not kept. */
  unreadable: { added: number; same: number; full: number };
}

/** What "delete everything" would delete. */
export interface StoredSummary {
  checkIns: number;
  journalLines: number;
  people: number;
  /** The person's own outlets, and the mood names kept from other apps' imports (missing: none). */
  ownOutlets?: number;
  moodNames?: number;
}

/** For the long jobs (import, export): how far along, and a way to stop between chunks. */
export interface BulkOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** A page of the history, newest first. */
export interface Page<T> {
  entries: T[];
  /** Pass as `before` for the next (older) page; null when there is nothing older. */
  next: number | null;
}

export interface PageQuery {
  before?: number;
  limit: number;
  journalOnly?: boolean;
  query?: string;
}
