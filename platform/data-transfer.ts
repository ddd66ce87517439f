// Everything a person stored, out to a file and back in: the glue between the pure format
// (core/data/) and the stores (settings and people in storage, the history in IndexedDB).
// The stores come in as a small `DataAccess`, so tests pass fakes and a page passes `storeAccess`.
import * as v from 'valibot';
import type { CsvLabels, JournalLabels } from '../core/data/export';
import { csvPieces, exportJsonPieces, markdownPieces } from '../core/data/export-chunks';
import {
  CheckInStrict,
  type ExportV2,
  MAX_SET_ASIDE,
  MAX_UNREADABLE,
  type SetAside,
  type Snapshot,
  TimeSchema,
} from '../core/data/export-format';
import {
  type CheckIn,
  PREFERENCE_KEYS,
  type Preferences,
  type Settings,
  type TrustedPerson,
} from '../core/schema';
import { localDayKey } from '../core/time';
import {
  type ChunkOptions,
  inChunks,
  mergeInChunks,
  type PageFn,
  READ_CHUNK,
  readAllInPages,
  yieldToPage,
} from './data-jobs';
import { clearJournalDraft } from './history/draft';
import * as history from './history/store';
import * as storage from './storage';

export interface DataAccess {
  loadSettings(): Promise<Settings>;
  updateSettings(patch: Partial<Omit<Settings, 'trustedPeople'>>): Promise<void>;
  loadTrustedPeople(): Promise<TrustedPerson[]>;
  /** `full`: people that didn't fit under the limit of trusted people. */
  mergeTrustedPeople(people: TrustedPerson[]): Promise<{ added: number; kept: number; full?: number }>;
  removeAllTrustedPeople(): Promise<void>;
  loadSetAside(): Promise<SetAside[]>;
  /** The originals kept aside, and a journal line left in a draft: words too, so they go as well. */
  removeSetAsideAndDraft(): Promise<void>;
  allCheckIns(): Promise<{ entries: CheckIn[]; unreadable: unknown[] }>;
  /**
   * The readable check-ins a page at a time, newest first (`history.checkInsPage`): how an export
   * reads a big history in bounded reads. A small fake may leave it out; `allCheckIns` is read then.
   */
  checkInsPage?: PageFn;
  /** Progress and a stop between chunks: see `mergeInChunks` (it throws JobStopped or JobFailed). */
  mergeCheckIns(
    entries: readonly CheckIn[],
    options?: ChunkOptions,
  ): Promise<{ added: number; kept: number }>;
  deleteAllHistory(): Promise<void>;
  countCheckIns(): Promise<number>;
  storageUse(): Promise<{ usage: number } | null>;
}

/** The real stores. Read through the modules at call time, so a test can still swap one of them. */
export const storeAccess: DataAccess = {
  loadSettings: () => storage.loadSettings(),
  updateSettings: (patch) => storage.updateSettings(patch),
  loadTrustedPeople: () => storage.loadTrustedPeople(),
  mergeTrustedPeople: (people) => storage.mergeTrustedPeople(people),
  removeAllTrustedPeople: () => storage.removeAllTrustedPeople(),
  loadSetAside: () => storage.loadSetAside(),
  removeSetAsideAndDraft: async () => {
    await storage.removeSetAside();
    await clearJournalDraft();
  },
  allCheckIns: () => history.allCheckIns(),
  checkInsPage: (options) => history.checkInsPage(options),
  // A chunk at a time, each its own transaction: a big file never holds the database (or the page)
  // in one long write, and a stopped import keeps the chunks already written.
  mergeCheckIns: async (entries, options) => {
    const { added, same, differing } = await mergeInChunks(
      entries,
      (chunk) => history.mergeCheckIns(chunk),
      options,
    );
    return { added, kept: same + differing.length };
  },
  deleteAllHistory: () => history.deleteAllHistory(),
  countCheckIns: () => history.countCheckIns(),
  storageUse: () => history.storageUse(),
};

function preferencesOf(settings: Settings): Preferences {
  // Exactly the preference fields: the file format is strict, so nothing else may ride along.
  const preferences = {} as Record<string, unknown>;
  for (const key of PREFERENCE_KEYS) preferences[key] = settings[key];
  return preferences as Preferences;
}

/** Every stored check-in, oldest first, and the ones that can't be read, in bounded reads where the store can. */
async function readHistory(
  access: DataAccess,
  { onProgress, signal, chunkSize }: ChunkOptions,
): Promise<{ entries: CheckIn[]; unreadable: unknown[] }> {
  if (!access.checkInsPage) return access.allCheckIns();
  const total = await access.countCheckIns();
  const entries = await readAllInPages(access.checkInsPage, {
    onProgress,
    signal,
    total,
    pageSize: chunkSize,
  });
  // Pages carry the readable entries only. When the count says some weren't, the stored values are
  // read once more, whole, for those: rare (a damaged entry), and they must go out with the file.
  if (entries.length >= total) return { entries, unreadable: [] };
  const { unreadable } = await access.allCheckIns();
  return { entries, unreadable };
}

/**
 * Everything stored, read for an export. A check-in the file format could not carry back in (a
 * time past what a date can hold) goes with the unreadable ones, as it is, rather than breaking the
 * file; the set-aside values and unreadable ones are capped at what the format holds, newest kept.
 * The history is read and sorted out a chunk at a time (`onProgress` counts check-ins read).
 */
export async function takeSnapshot(
  access: DataAccess = storeAccess,
  { onProgress, signal, chunkSize = READ_CHUNK }: ChunkOptions = {},
): Promise<Snapshot> {
  const [settings, trustedPeople, setAside, stored] = await Promise.all([
    access.loadSettings(),
    access.loadTrustedPeople(),
    access.loadSetAside(),
    readHistory(access, { onProgress, signal, chunkSize }),
  ]);
  const checkIns: CheckIn[] = [];
  const unreadable = [...stored.unreadable];
  await inChunks(
    stored.entries,
    (chunk) => {
      for (const entry of chunk) {
        if (v.is(CheckInStrict, entry)) checkIns.push(entry);
        else unreadable.push(entry);
      }
    },
    { signal, chunkSize },
  );
  const keptAside = setAside
    .filter((item) => item.key.length > 0 && item.key.length <= 200 && v.is(TimeSchema, item.at))
    .sort((a, b) => a.at - b.at)
    .slice(-MAX_SET_ASIDE);
  return {
    preferences: preferencesOf(settings),
    trustedPeople,
    checkIns,
    setAside: keptAside,
    unreadable: unreadable.slice(-MAX_UNREADABLE),
  };
}

export type ExportKind = 'json' | 'csv' | 'markdown';

export interface ExportLabels {
  csv: CsvLabels;
  journal: JournalLabels;
}

export interface ExportFile {
  filename: string;
  /** The file, made of one Blob per chunk: no single string of the whole file is ever built. */
  blob: Blob;
  type: string;
}

/**
 * The file of one kind, named after the day: `outlet-2024-05-01.json`. The history is read in pages
 * and the file made a chunk at a time, the page free between chunks. `onProgress(done, total)`: reading
 * is the first half of `total`, making the file the second. Rejects with the signal's reason once it aborts.
 */
export async function exportFile(
  kind: ExportKind,
  labels: ExportLabels,
  {
    access = storeAccess,
    now = Date.now(),
    onProgress,
    signal,
    chunkSize = READ_CHUNK,
  }: { access?: DataAccess; now?: number } & ChunkOptions = {},
): Promise<ExportFile> {
  const day = localDayKey(now);
  const pieces: Blob[] = [];
  // Each piece becomes bytes as it is made, so the last step (one Blob of Blobs) copies nothing.
  const add = (text: string) => {
    if (text) pieces.push(new Blob([text]));
  };
  const reading = (done: number, total: number) => onProgress?.(done, total * 2);
  const build = async (entries: readonly CheckIn[], each: (chunk: readonly CheckIn[]) => void) => {
    let built = 0;
    await inChunks(
      entries,
      (chunk) => {
        each(chunk);
        built += chunk.length;
        onProgress?.(entries.length + built, entries.length * 2);
      },
      { signal, chunkSize },
    );
  };

  if (kind === 'json') {
    const { checkIns, ...rest } = await takeSnapshot(access, { onProgress: reading, signal, chunkSize });
    const json = exportJsonPieces(rest, now);
    add(json.head);
    let first = true;
    await build(checkIns, (chunk) => {
      add(json.entries(chunk, first));
      first = false;
    });
    add(json.tail(checkIns.length === 0));
    const type = 'application/json';
    return { filename: `outlet-${day}.json`, blob: new Blob(pieces, { type }), type };
  }
  const { entries } = await readHistory(access, { onProgress: reading, signal, chunkSize });
  await yieldToPage();
  if (kind === 'csv') {
    const csv = csvPieces(labels.csv);
    // The byte-order mark lets Excel read the file as UTF-8 (it guesses a legacy code page otherwise).
    add(`\uFEFF${csv.head}`);
    await build(entries, (chunk) => add(csv.piece(chunk)));
    const type = 'text/csv;charset=utf-8';
    return { filename: `outlet-check-ins-${day}.csv`, blob: new Blob(pieces, { type }), type };
  }
  const markdown = markdownPieces(labels.journal);
  add(markdown.head);
  await build(entries, (chunk) => add(markdown.piece(chunk)));
  const type = 'text/markdown;charset=utf-8';
  return { filename: `outlet-journal-${day}.md`, blob: new Blob(pieces, { type }), type };
}

export interface ImportCounts {
  checkIns: { added: number; kept: number };
  people: { added: number; kept: number; full: number };
}

/**
 * Writes a file that `parseImportFile` accepted. Check-ins are merged by id a chunk at a time (each
 * chunk all or none; `options` shows progress and stops between chunks), then people by id, then
 * the preferences are set as in the file. Each step adds only what isn't there yet, so importing the
 * same file again adds nothing, and if a step fails or is stopped, importing it again finishes the
 * job without doubling anything. A stop or a failed chunk rejects with JobStopped or JobFailed
 * (data-jobs.ts), which say how many check-ins were stored; people and preferences then wait.
 */
export async function applyImport(
  data: ExportV2,
  access: DataAccess = storeAccess,
  options: ChunkOptions = {},
): Promise<ImportCounts> {
  const checkIns = await access.mergeCheckIns(data.checkIns, options);
  const { added, kept, full = 0 } = await access.mergeTrustedPeople(data.trustedPeople);
  await access.updateSettings(data.preferences);
  return { checkIns, people: { added, kept, full } };
}

export interface StoredSummary {
  checkIns: number;
  journalLines: number;
  people: number;
}

/** What "delete everything" would delete, for the confirmation to name it. */
export async function storedSummary(access: DataAccess = storeAccess): Promise<StoredSummary> {
  const [{ entries, unreadable }, people] = await Promise.all([
    access.allCheckIns(),
    access.loadTrustedPeople(),
  ]);
  return {
    checkIns: entries.length + unreadable.length,
    journalLines: entries.filter((entry) => entry.journal?.trim()).length,
    people: people.length,
  };
}

/** Deletes the history, the trusted people and the originals kept aside; the preferences stay. */
export async function deleteEverything(access: DataAccess = storeAccess): Promise<void> {
  await access.deleteAllHistory();
  await access.removeAllTrustedPeople();
  await access.removeSetAsideAndDraft();
}
