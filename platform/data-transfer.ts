// Everything a person stored, out to a file and back in: the glue between the pure format
// (core/data/) and the stores (settings and people in storage, the history in IndexedDB).
// The stores come in as a small `DataAccess`, so tests pass fakes and a page passes `storeAccess`.
import * as v from 'valibot';
import {
  buildExportJson,
  type CsvLabels,
  checkInsCsv,
  type JournalLabels,
  journalMarkdown,
} from '../core/data/export';
import {
  CheckInStrict,
  type ExportV2,
  MAX_SET_ASIDE,
  MAX_UNREADABLE,
  type SetAside,
  type Snapshot,
  TimeSchema,
} from '../core/data/export-format';
import { chosenEntries, type DifferChoice, type Differing } from '../core/data/import';
import {
  type CheckIn,
  PREFERENCE_KEYS,
  type Preferences,
  type Settings,
  type TrustedPerson,
} from '../core/schema';
import { localDayKey } from '../core/time';
import { clearJournalDraft } from './history/draft';
import type { MergeResult } from './history/store';
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
  /** Brings set-aside values back (an import): those not kept yet, by key, time and value. */
  mergeSetAside(items: readonly SetAside[]): Promise<{ added: number; same: number }>;
  /** Unreadable check-ins an import brought back, kept where an export reads them again. */
  loadKeptUnreadable(): Promise<unknown[]>;
  keepUnreadable(values: readonly unknown[]): Promise<void>;
  allCheckIns(): Promise<{ entries: CheckIn[]; unreadable: unknown[] }>;
  /** Adds the entries not stored yet; one stored with other content is left as stored and reported. */
  mergeCheckIns(entries: readonly CheckIn[]): Promise<MergeResult>;
  /** Stores the entries as given, over a stored one with the same id (the person's choice). */
  putCheckIns(entries: readonly CheckIn[]): Promise<{ written: number }>;
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
  mergeSetAside: (items) => storage.mergeSetAside(items),
  loadKeptUnreadable: () => storage.loadKeptUnreadable(),
  keepUnreadable: (values) => storage.keepUnreadable(values),
  allCheckIns: () => history.allCheckIns(),
  mergeCheckIns: (entries) => history.mergeCheckIns(entries),
  putCheckIns: (entries) => history.putCheckIns(entries),
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

/**
 * The stored check-ins as an export carries them: those the file format can carry back in, and the
 * rest as they are (unreadable in the history, or readable but not strictly the format, say with a
 * field from another version), with the unreadable ones an import kept after them.
 */
async function storedForExport(access: DataAccess): Promise<{ checkIns: CheckIn[]; unreadable: unknown[] }> {
  const [stored, kept] = await Promise.all([access.allCheckIns(), access.loadKeptUnreadable()]);
  const checkIns: CheckIn[] = [];
  const unreadable = [...stored.unreadable];
  for (const entry of stored.entries) {
    if (v.is(CheckInStrict, entry)) checkIns.push(entry);
    else unreadable.push(entry);
  }
  return { checkIns, unreadable: [...unreadable, ...kept] };
}

/**
 * Everything stored, read for an export. A check-in the file format could not carry back in (a
 * time past what every view can show, a field past its cap) goes with the unreadable ones, as it
 * is, rather than breaking the file; the set-aside values and unreadable ones are capped at what
 * the format holds, newest kept.
 */
export async function takeSnapshot(access: DataAccess = storeAccess): Promise<Snapshot> {
  const [settings, trustedPeople, setAside, { checkIns, unreadable }] = await Promise.all([
    access.loadSettings(),
    access.loadTrustedPeople(),
    access.loadSetAside(),
    storedForExport(access),
  ]);
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
  text: string;
  type: string;
}

/** The file of one kind, named after the day: `outlet-2024-05-01.json`. */
export async function exportFile(
  kind: ExportKind,
  labels: ExportLabels,
  { access = storeAccess, now = Date.now() }: { access?: DataAccess; now?: number } = {},
): Promise<ExportFile> {
  const day = localDayKey(now);
  if (kind === 'json') {
    return {
      filename: `outlet-${day}.json`,
      text: buildExportJson(await takeSnapshot(access), now),
      type: 'application/json',
    };
  }
  const { entries } = await access.allCheckIns();
  if (kind === 'csv') {
    // The byte-order mark lets Excel read the file as UTF-8 (it guesses a legacy code page otherwise).
    return {
      filename: `outlet-check-ins-${day}.csv`,
      text: `\uFEFF${checkInsCsv(entries, labels.csv)}`,
      type: 'text/csv;charset=utf-8',
    };
  }
  return {
    filename: `outlet-journal-${day}.md`,
    text: journalMarkdown(entries, labels.journal),
    type: 'text/markdown;charset=utf-8',
  };
}

export interface ImportCounts {
  /** `same`: already here exactly as in the file; `differing`: here with other content, kept as here. */
  checkIns: { added: number; same: number; differing: Differing[] };
  people: { added: number; kept: number; full: number };
  setAside: { added: number; same: number };
  /** `full`: past what an export carries (MAX_UNREADABLE), so not kept. */
  unreadable: { added: number; same: number; full: number };
}

/**
 * Writes a file that `parseImportFile` accepted. Check-ins are merged by id (an entry stored with
 * other content stays as stored and is reported, for the person to choose: `keepChosen`), then
 * people by id, the set-aside values by key, time and value, the unreadable check-ins by value,
 * then the preferences are set as in the file. Each step adds only what isn't there yet, so
 * importing the same file again adds nothing, and if a step fails, trying again finishes the job
 * without doubling anything.
 */
export async function applyImport(data: ExportV2, access: DataAccess = storeAccess): Promise<ImportCounts> {
  const { added: newCheckIns, same, differing } = await access.mergeCheckIns(data.checkIns);
  const { added, kept, full = 0 } = await access.mergeTrustedPeople(data.trustedPeople);
  const setAside = await access.mergeSetAside(data.setAside);
  const unreadable = await mergeUnreadable(data.unreadable, access);
  await access.updateSettings(data.preferences);
  return {
    checkIns: { added: newCheckIns, same, differing },
    people: { added, kept, full },
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
  const here = new Set((await storedForExport(access)).unreadable.map((value) => JSON.stringify(value)));
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

export interface StoredSummary {
  checkIns: number;
  journalLines: number;
  people: number;
}

/**
 * The lines of one journal entry, as the person wrote them: a list or a page holds several (one per
 * line, blank ones aside), a one-line answer one.
 */
export const journalLineCount = (journal: string): number =>
  journal.split(/\r\n|[\r\n\u2028\u2029]/).filter((line) => line.trim() !== '').length;

/**
 * What "delete everything" would delete, for the confirmation to name it: the check-ins with the
 * unreadable ones (the history and those an import kept), and every journal line among them.
 */
export async function storedSummary(access: DataAccess = storeAccess): Promise<StoredSummary> {
  const [{ entries, unreadable }, people] = await Promise.all([
    access.allCheckIns(),
    access.loadTrustedPeople(),
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
  };
}

/** Deletes the history, the trusted people and the originals kept aside; the preferences stay. */
export async function deleteEverything(access: DataAccess = storeAccess): Promise<void> {
  await access.deleteAllHistory();
  await access.removeAllTrustedPeople();
  await access.removeSetAsideAndDraft();
}
