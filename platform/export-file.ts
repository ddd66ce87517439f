// An export file made from the stores, a chunk at a time: the one code the history page runs where
// it must (a history in storage.local, no worker), and the data worker runs for a history in IndexedDB
// (data-worker.ts), so 200,000 check-ins are read and made into a file without the page holding them.
// No browser API here, for that worker: the stores come in as an `ExportAccess`.
import * as v from 'valibot';
import { journalOrder } from '../core/data/export';
import { csvPieces, exportJsonPieces, markdownPieces } from '../core/data/export-chunks';
import {
  CheckInStrict,
  MAX_SET_ASIDE,
  MAX_UNREADABLE,
  type SetAside,
  type Snapshot,
  TimeSchema,
} from '../core/data/export-format';
import type { ExportKind, ExportLabels } from '../core/data/transfer';
import type { OwnOutlet } from '../core/outlets/own';
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
  type PageFn,
  READ_CHUNK,
  readAllInPages,
  yieldToPage,
} from './job-chunks';

/** What an export reads from the stores (data-transfer.ts's DataAccess has it all). */
export interface ExportAccess {
  loadSettings(): Promise<Settings>;
  loadTrustedPeople(): Promise<TrustedPerson[]>;
  /** The person's own outlets (platform/own-outlets.ts); a store without them exports none. */
  loadOwnOutlets?(): Promise<OwnOutlet[]>;
  loadSetAside(): Promise<SetAside[]>;
  /** Unreadable check-ins an import brought back, kept where an export reads them again. */
  loadKeptUnreadable(): Promise<unknown[]>;
  allCheckIns(): Promise<{ entries: CheckIn[]; unreadable: unknown[] }>;
  /**
   * The readable check-ins a page at a time, newest first (`history.checkInsPage`): how an export
   * reads a big history in bounded reads. A small fake may leave it out; `allCheckIns` is read then.
   */
  checkInsPage?: PageFn;
  countCheckIns(): Promise<number>;
}

export function preferencesOf(settings: Settings): Preferences {
  // Exactly the preference fields: the file format is strict, so nothing else may ride along.
  const preferences = {} as Record<string, unknown>;
  for (const key of PREFERENCE_KEYS) preferences[key] = settings[key];
  return preferences as Preferences;
}

/** Every stored check-in, oldest first, and the ones that can't be read, in bounded reads where the store can. */
async function readHistory(
  access: ExportAccess,
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
 * The stored check-ins as an export carries them: those the file format can carry back in, and the
 * rest as they are (unreadable in the history, or readable but not strictly the format: a time past
 * what every view can show, a field past its cap, a field from another version), with the
 * unreadable ones an import kept after them. Read and sorted out a chunk at a time.
 */
export async function storedForExport(
  access: ExportAccess,
  { onProgress, signal, chunkSize = READ_CHUNK }: ChunkOptions = {},
): Promise<{ checkIns: CheckIn[]; unreadable: unknown[] }> {
  const [stored, kept] = await Promise.all([
    readHistory(access, { onProgress, signal, chunkSize }),
    access.loadKeptUnreadable(),
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
  return { checkIns, unreadable: [...unreadable, ...kept] };
}

/**
 * Everything stored, read for an export: the check-ins as `storedForExport` sorts them out; the
 * set-aside values and unreadable ones capped at what the format holds, newest kept.
 * `onProgress` counts check-ins read.
 */
export async function takeSnapshot(
  access: ExportAccess,
  { onProgress, signal, chunkSize = READ_CHUNK }: ChunkOptions = {},
): Promise<Snapshot> {
  const [settings, trustedPeople, own, setAside, { checkIns, unreadable }] = await Promise.all([
    access.loadSettings(),
    access.loadTrustedPeople(),
    access.loadOwnOutlets?.() ?? [],
    access.loadSetAside(),
    storedForExport(access, { onProgress, signal, chunkSize }),
  ]);
  const keptAside = setAside
    .filter((item) => item.key.length > 0 && item.key.length <= 200 && v.is(TimeSchema, item.at))
    .sort((a, b) => a.at - b.at)
    .slice(-MAX_SET_ASIDE);
  return {
    preferences: preferencesOf(settings),
    trustedPeople,
    ownOutlets: own,
    checkIns,
    setAside: keptAside,
    unreadable: unreadable.slice(-MAX_UNREADABLE),
  };
}

/** Characters of an export file made into bytes at once (see exportFile). */
const BLOB_PIECE = 1_000_000;

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
    access,
    now = Date.now(),
    onProgress,
    signal,
    chunkSize = READ_CHUNK,
  }: { access: ExportAccess; now?: number } & ChunkOptions,
): Promise<ExportFile> {
  const day = localDayKey(now);
  const pieces: Blob[] = [];
  let waiting: string[] = [];
  let waitingLength = 0;
  // The text becomes bytes BLOB_PIECE characters at a time, so the last step (one Blob of Blobs)
  // copies nothing and no step encodes the whole file at once. Not a Blob per chunk: each Blob
  // costs the page a fixed few milliseconds besides its bytes (20 of 370 kB took 3 to 4 times as
  // long as one of all 20 pieces), a tenth of a 20,000 export's time.
  const flush = () => {
    if (waiting.length > 0) pieces.push(new Blob(waiting));
    waiting = [];
    waitingLength = 0;
  };
  const add = (text: string) => {
    if (!text) return;
    waiting.push(text);
    waitingLength += text.length;
    if (waitingLength >= BLOB_PIECE) flush();
  };
  const blob = (type: string) => {
    flush();
    return new Blob(pieces, { type });
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
    return { filename: `outlet-${day}.json`, blob: blob(type), type };
  }
  const { entries } = await readHistory(access, { onProgress: reading, signal, chunkSize });
  await yieldToPage();
  if (kind === 'csv') {
    const csv = csvPieces(labels.csv);
    // The byte-order mark lets Excel read the file as UTF-8 (it guesses a legacy code page otherwise).
    add(`\uFEFF${csv.head}`);
    await build(entries, (chunk) => add(csv.piece(chunk)));
    const type = 'text/csv;charset=utf-8';
    return { filename: `outlet-check-ins-${day}.csv`, blob: blob(type), type };
  }
  const markdown = markdownPieces(labels.journal);
  add(markdown.head);
  // Listed by the day each line was written on, which a traveller's lines may not keep in time order.
  await build(journalOrder(entries), (chunk) => add(markdown.piece(chunk)));
  const type = 'text/markdown;charset=utf-8';
  return { filename: `outlet-journal-${day}.md`, blob: blob(type), type };
}
