// Everything a person stored, out to a file and back in: the glue between the pure format
// (core/data/) and the stores (settings and people in storage, the history in IndexedDB).
// The stores come in as a small `DataAccess`, so tests pass fakes and a page passes `storeAccess`.
import { browser } from 'wxt/browser';
import type { ExportV2, SetAside, Snapshot } from '../core/data/export-format';
import { MAX_UNREADABLE } from '../core/data/export-format';
import { type LabelWords, labelsFrom } from '../core/data/export-labels';
import { chosenEntries, type DifferChoice, type Differing } from '../core/data/import';
import type { ExportKind, ExportLabels, ImportCounts, StoredSummary } from '../core/data/transfer';
import type { OwnOutlet } from '../core/outlets/own';
import type { CheckIn, Settings, TrustedPerson } from '../core/schema';
import {
  type ChunkOptions,
  exportOffPage,
  type HeldCheckIns,
  JobFailed,
  JobStopped,
  mergeInChunks,
  NoDatabaseInWorker,
} from './data-jobs';
import type { ExportAccess, ExportFile } from './export-file';
import * as made from './export-file';
import { clearAllJournalDrafts } from './history/draft';
import type { MergeResult } from './history/store';
import * as history from './history/store';
import * as moods from './import-moods';
import * as ownOutlets from './own-outlets';
import * as storage from './storage';

/** The stores "Your data" reads and writes: an export's reads (ExportAccess), and the rest. */
export type { ExportAccess, ExportFile } from './export-file';
export type { ExportKind, ExportLabels, ImportCounts, StoredSummary };

export interface DataAccess extends ExportAccess {
  updateSettings(patch: Partial<Omit<Settings, 'trustedPeople'>>): Promise<void>;
  /** `full`: people that didn't fit under the limit of trusted people. */
  mergeTrustedPeople(people: TrustedPerson[]): Promise<{ added: number; kept: number; full?: number }>;
  removeAllTrustedPeople(): Promise<void>;
  mergeOwnOutlets?(outlets: OwnOutlet[]): Promise<{ added: number; kept: number; full: number }>;
  /**
   * Own words beyond the history, which "delete everything" takes too: the own outlets, and the mood
   * names placed at imports from other apps (platform/import-moods.ts). A store without them has none.
   */
  removeOwnOutlets?(): Promise<void>;
  countMoodNames?(): Promise<number>;
  forgetMoodNames?(): Promise<void>;
  /** The originals kept aside, and a journal line left in a draft: words too, so they go as well. */
  removeSetAsideAndDraft(): Promise<void>;
  /** Brings set-aside values back (an import): those not kept yet, by key, time and value. */
  mergeSetAside(items: readonly SetAside[]): Promise<{ added: number; same: number }>;
  keepUnreadable(values: readonly unknown[]): Promise<void>;
  /**
   * Adds the entries not stored yet; one stored with other content is left as stored and reported.
   * Progress and a stop between chunks: see `mergeInChunks` (it throws JobStopped or JobFailed).
   */
  mergeCheckIns(entries: readonly CheckIn[], options?: ChunkOptions): Promise<MergeResult>;
  /**
   * The check-ins of a checked file still held by the worker that checked it (data-jobs.ts), merged as
   * `mergeCheckIns` merges a list. A fake may leave it out: the list is then brought onto the page.
   */
  mergeHeld?(held: HeldCheckIns, options?: ChunkOptions): Promise<MergeResult>;
  /**
   * The export file made off the page (data-jobs.ts, exportOffPage) where that can be done: null where
   * it can't (a history in storage.local, no worker), and the page makes it. A fake may leave it out.
   */
  exportOffPage?(
    kind: ExportKind,
    words: LabelWords,
    options: { now: number } & ChunkOptions,
  ): Promise<ExportFile | null>;
  /** Stores the entries as given, over a stored one with the same id (the person's choice). */
  putCheckIns(entries: readonly CheckIn[]): Promise<{ written: number }>;
  deleteAllHistory(): Promise<void>;
  /**
   * Bytes the extension's storage areas hold (storage.local and storage.sync: people, preferences,
   * drafts, values kept aside), and whether the history lives there too (`historyInside`: where the
   * browser refuses IndexedDB).
   */
  areaBytes(): Promise<{ bytes: number; historyInside: boolean }>;
}

/** The real stores. Read through the modules at call time, so a test can still swap one of them. */
export const storeAccess: DataAccess = {
  loadSettings: () => storage.loadSettings(),
  updateSettings: (patch) => storage.updateSettings(patch),
  loadTrustedPeople: () => storage.loadTrustedPeople(),
  mergeTrustedPeople: (people) => storage.mergeTrustedPeople(people),
  removeAllTrustedPeople: () => storage.removeAllTrustedPeople(),
  loadOwnOutlets: () => ownOutlets.loadOwnOutlets(),
  mergeOwnOutlets: (outlets) => ownOutlets.mergeOwnOutlets(outlets),
  removeOwnOutlets: () => ownOutlets.removeAllOwnOutlets(),
  countMoodNames: () => moods.rememberedMoodCount(),
  forgetMoodNames: () => moods.forgetPlacements(),
  loadSetAside: () => storage.loadSetAside(),
  removeSetAsideAndDraft: async () => {
    await storage.removeSetAside();
    await clearAllJournalDrafts();
  },
  mergeSetAside: (items) => storage.mergeSetAside(items),
  loadKeptUnreadable: () => storage.loadKeptUnreadable(),
  keepUnreadable: (values) => storage.keepUnreadable(values),
  allCheckIns: () => history.allCheckIns(),
  checkInsPage: (options) => history.checkInsPage(options),
  // A chunk at a time, each its own transaction: a big file never holds the database (or the page)
  // in one long write, and a stopped import keeps the chunks already written. The pages hear of it
  // once, when the job ends however it ends: told at every chunk, the history page re-read and drew
  // itself every second of a big import, beside it on the page and against it in the database.
  mergeCheckIns: async (entries, options) => {
    let added = 0;
    try {
      const result = await mergeInChunks(
        entries,
        async (chunk) => {
          const merged = await history.mergeCheckIns(chunk, { quiet: true });
          added += merged.added;
          return merged;
        },
        options,
      );
      return { added: result.added, same: result.same, differing: result.differing };
    } finally {
      if (added > 0) history.announceHistoryChange();
    }
  },
  // Where the history is in IndexedDB, the worker that checked the file writes it there itself, a
  // chunk at a time: the page neither holds 200,000 check-ins nor makes their requests, so it stays
  // free (issue 15: a task of the page over 200 ms). storage.local can't be reached from a worker:
  // the list comes onto the page and is written from there, as before.
  mergeHeld: async (held, options) => {
    await history.migrateLegacyCheckIns();
    if ((await history.historyPlace()) === 'indexeddb') {
      let added = 0;
      try {
        const result = await held.merge(options);
        added = result.added;
        return { added: result.added, same: result.same, differing: result.differing };
      } catch (error) {
        if (error instanceof JobStopped || error instanceof JobFailed) added = error.soFar.added;
        if (!(error instanceof NoDatabaseInWorker)) throw error;
      } finally {
        if (added > 0) history.announceHistoryChange();
      }
    }
    return storeAccess.mergeCheckIns(await held.take(options), options);
  },
  // Where the history is in IndexedDB the data worker reads it and makes the file, so the page never
  // holds 200,000 check-ins (issue 15); storage.local can't be reached from a worker.
  exportOffPage: async (kind, words, options) => {
    await history.migrateLegacyCheckIns();
    if ((await history.historyPlace()) !== 'indexeddb') return null;
    const around = async () => {
      const [settings, trustedPeople, own, setAside, keptUnreadable] = await Promise.all([
        storage.loadSettings(),
        storage.loadTrustedPeople(),
        ownOutlets.loadOwnOutlets(),
        storage.loadSetAside(),
        storage.loadKeptUnreadable(),
      ]);
      return { settings, trustedPeople, ownOutlets: own, setAside, keptUnreadable };
    };
    return exportOffPage(kind, words, around, options);
  },
  putCheckIns: (entries) => history.putCheckIns(entries),
  deleteAllHistory: () => history.deleteAllHistory(),
  countCheckIns: () => history.countCheckIns(),
  areaBytes: async () => {
    const [local, sync, place] = await Promise.all([
      areaSize(browser.storage.local),
      areaSize(browser.storage.sync),
      history.historyPlace().catch(() => 'indexeddb' as const),
    ]);
    return { bytes: local + sync, historyInside: place === 'storage.local' };
  },
};

interface Area {
  get(keys: null): Promise<Record<string, unknown>>;
  getBytesInUse?: (keys: null) => Promise<number>;
}

/** The bytes a storage area holds: the browser's own count where it has one (Chrome), else the JSON's. */
async function areaSize(area: Area): Promise<number> {
  if (typeof area.getBytesInUse === 'function') {
    try {
      return await area.getBytesInUse(null);
    } catch {
      // Firefox has no such count for every area: measured below.
    }
  }
  const all = await area.get(null);
  return Object.entries(all).reduce((sum, [key, value]) => sum + jsonBytes(key) + jsonBytes(value), 0);
}

const encoder = new TextEncoder();
/** The UTF-8 bytes of `value` written as JSON. */
const jsonBytes = (value: unknown): number => encoder.encode(JSON.stringify(value) ?? '').length;

/** How many of the newest check-ins `dataSize` measures; a longer history is counted from them. */
export const SIZE_SAMPLE = 2_000;

/**
 * What the person's data takes on this device, in bytes: the storage areas (people, preferences,
 * drafts, values kept aside) and the check-ins, each as the UTF-8 of its JSON. Not the browser's
 * `navigator.storage.estimate()`: that counts the database's files, which grow when entries are
 * deleted (deletions are written, then compacted away some time later), so the figure rose after
 * "Delete everything" (issue 16: 92.8 → 111.8 kB). Bounded: the newest `sample` check-ins are
 * measured, and a longer history is counted at their average size (the figure says "about").
 */
export async function dataSize(access: DataAccess = storeAccess, sample = SIZE_SAMPLE): Promise<number> {
  const [{ bytes, historyInside }, count] = await Promise.all([access.areaBytes(), access.countCheckIns()]);
  // In storage.local the history is already in the area's bytes.
  if (historyInside || count === 0) return bytes;
  const newest = access.checkInsPage
    ? (await access.checkInsPage({ limit: sample })).entries
    : (await access.allCheckIns()).entries.slice(-sample);
  if (newest.length === 0) return bytes;
  const measured = newest.reduce((sum, entry) => sum + jsonBytes(entry), 0);
  return bytes + Math.round((measured * Math.max(count, newest.length)) / newest.length);
}

/** Everything stored, read for an export (export-file.ts), from the browser's stores unless told. */
export const takeSnapshot = (access: ExportAccess = storeAccess, options?: ChunkOptions): Promise<Snapshot> =>
  made.takeSnapshot(access, options);

/** The export file of one kind, made on this page (export-file.ts), from the browser's stores unless told. */
export const exportFile = (
  kind: ExportKind,
  labels: ExportLabels,
  { access = storeAccess, ...options }: { access?: ExportAccess; now?: number } & ChunkOptions = {},
): Promise<ExportFile> => made.exportFile(kind, labels, { access, ...options });

/**
 * The export file of one kind in `words` (core/data/export-labels.ts), as `exportFile` makes it, made off the page where the stores can
 * (`exportOffPage`: a history in IndexedDB, a worker), else on the page.
 */
export async function makeExportFile(
  kind: ExportKind,
  words: LabelWords,
  {
    access = storeAccess,
    now = Date.now(),
    ...job
  }: { access?: DataAccess; now?: number } & ChunkOptions = {},
): Promise<ExportFile> {
  const off = await access.exportOffPage?.(kind, words, { now, ...job });
  return off ?? exportFile(kind, labelsFrom(words), { access, now, ...job });
}

/**
 * Writes a file that `parseImportFile` accepted. Check-ins are merged by id a chunk at a time (each
 * chunk all or none; `options` shows progress and stops between chunks; an entry stored with other
 * content stays as stored and is reported, for the person to choose: `keepChosen`), then people by
 * id, the set-aside values by key, time and value, the unreadable check-ins by value, then the
 * preferences are set as in the file. Each step adds only what isn't there yet, so importing the
 * same file again adds nothing, and if a step fails or is stopped, importing it again finishes the
 * job without doubling anything. A stop or a failed chunk rejects with JobStopped or JobFailed
 * (data-jobs.ts), which say how many check-ins were stored; the rest then waits. With `held`, the
 * file's check-ins are those the worker that checked it holds (`data.checkIns` is then empty).
 */
export async function applyImport(
  data: ExportV2,
  access: DataAccess = storeAccess,
  options: ChunkOptions = {},
  held: HeldCheckIns | null = null,
): Promise<ImportCounts> {
  const {
    added: newCheckIns,
    same,
    differing,
  } = !held
    ? await access.mergeCheckIns(data.checkIns, options)
    : access.mergeHeld
      ? await access.mergeHeld(held, options)
      : await access.mergeCheckIns(await held.take(options), options);
  const { added, kept, full = 0 } = await access.mergeTrustedPeople(data.trustedPeople);
  const own =
    access.mergeOwnOutlets && data.ownOutlets?.length
      ? await access.mergeOwnOutlets(data.ownOutlets)
      : undefined;
  const setAside = await access.mergeSetAside(data.setAside);
  const unreadable = await mergeUnreadable(data.unreadable, access);
  await access.updateSettings(data.preferences);
  return {
    checkIns: { added: newCheckIns, same, differing },
    people: { added, kept, full },
    ...(own ? { ownOutlets: own } : {}),
    setAside,
    unreadable,
  };
}

/**
 * Unreadable check-ins from a file, kept where an export reads them again: those not stored yet
 * (compared as JSON), as many as an export carries.
 */
async function mergeUnreadable(
  values: readonly unknown[],
  access: DataAccess,
): Promise<ImportCounts['unreadable']> {
  if (values.length === 0) return { added: 0, same: 0, full: 0 };
  const here = new Set((await made.storedForExport(access)).unreadable.map((value) => JSON.stringify(value)));
  const fresh: unknown[] = [];
  let same = 0;
  for (const value of values) {
    const json = JSON.stringify(value);
    if (here.has(json)) same++;
    else {
      here.add(json);
      fresh.push(value);
    }
  }
  const room = Math.max(0, MAX_UNREADABLE - (here.size - fresh.length));
  const keep = fresh.slice(0, room);
  await access.keepUnreadable(keep);
  return { added: keep.length, same, full: fresh.length - keep.length };
}

/**
 * Writes what the person chose for each check-in that differs from the one stored: `file` puts the
 * file's over it, `both` keeps the file's as well under a new id, `mine` (the default) changes
 * nothing. Resolves to how many were replaced and how many added.
 */
export async function keepChosen(
  differing: readonly Differing[],
  choices: readonly DifferChoice[],
  {
    access = storeAccess,
    newId = () => crypto.randomUUID(),
  }: { access?: DataAccess; newId?: () => string } = {},
): Promise<{ replaced: number; added: number }> {
  const entries = chosenEntries(differing, choices, newId);
  if (entries.length > 0) await access.putCheckIns(entries);
  return {
    replaced: choices.filter((choice, i) => choice === 'file' && differing[i]).length,
    added: choices.filter((choice, i) => choice === 'both' && differing[i]).length,
  };
}

/**
 * The lines of one journal entry, as the person wrote them: a list or a page holds several (one per
 * line, blank ones aside), a one-line answer one.
 */
export const journalLineCount = (journal: string): number =>
  journal.split(/\r\n|[\r\n\u2028\u2029]/).filter((line) => line.trim() !== '').length;

/**
 * What "delete everything" would delete, for the confirmation to name it: the check-ins with the
 * unreadable ones (the history and those an import kept), every journal line among them, and the
 * person's other words that go with them (own outlets, mood names from other apps).
 */
export async function storedSummary(access: DataAccess = storeAccess): Promise<StoredSummary> {
  const [{ entries, unreadable }, people, own, moodNames] = await Promise.all([
    access.allCheckIns(),
    access.loadTrustedPeople(),
    access.loadOwnOutlets?.() ?? [],
    access.countMoodNames?.() ?? 0,
  ]);
  const kept = await access.loadKeptUnreadable();
  const unreadableJournal = [...unreadable, ...kept].map((value) =>
    typeof value === 'object' && value !== null ? (value as { journal?: unknown }).journal : undefined,
  );
  return {
    checkIns: entries.length + unreadable.length + kept.length,
    journalLines: [...entries.map((entry) => entry.journal), ...unreadableJournal].reduce(
      (sum: number, journal) => sum + (typeof journal === 'string' ? journalLineCount(journal) : 0),
      0,
    ),
    people: people.length,
    ownOutlets: own.length,
    moodNames,
  };
}

/**
 * Deletes the history, the trusted people, the originals kept aside, the own outlets and the mood
 * names from other apps: every word the person gave. The preferences stay.
 */
export async function deleteEverything(access: DataAccess = storeAccess): Promise<void> {
  await access.deleteAllHistory();
  await access.removeAllTrustedPeople();
  await access.removeSetAsideAndDraft();
  await access.removeOwnOutlets?.();
  await access.forgetMoodNames?.();
}
