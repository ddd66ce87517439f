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
import {
  type CheckIn,
  PREFERENCE_KEYS,
  type Preferences,
  type Settings,
  type TrustedPerson,
} from '../core/schema';
import { localDayKey } from '../core/time';
import { clearAllJournalDrafts } from './history/draft';
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
  mergeCheckIns(entries: readonly CheckIn[]): Promise<{ added: number; kept: number }>;
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
    await clearAllJournalDrafts();
  },
  allCheckIns: () => history.allCheckIns(),
  mergeCheckIns: async (entries) => {
    const { added, same, differing } = await history.mergeCheckIns(entries);
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

/**
 * Everything stored, read for an export. A check-in the file format could not carry back in (a
 * time past what a date can hold) goes with the unreadable ones, as it is, rather than breaking the
 * file; the set-aside values and unreadable ones are capped at what the format holds, newest kept.
 */
export async function takeSnapshot(access: DataAccess = storeAccess): Promise<Snapshot> {
  const [settings, trustedPeople, setAside, stored] = await Promise.all([
    access.loadSettings(),
    access.loadTrustedPeople(),
    access.loadSetAside(),
    access.allCheckIns(),
  ]);
  const checkIns: CheckIn[] = [];
  const unreadable = [...stored.unreadable];
  for (const entry of stored.entries) {
    if (v.is(CheckInStrict, entry)) checkIns.push(entry);
    else unreadable.push(entry);
  }
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
  checkIns: { added: number; kept: number };
  people: { added: number; kept: number; full: number };
}

/**
 * Writes a file that `parseImportFile` accepted. Check-ins are merged by id in one transaction (all
 * or none), then people by id, then the preferences are set as in the file. Each step adds only
 * what isn't there yet, so importing the same file again adds nothing, and if a step fails, trying
 * again finishes the job without doubling anything.
 */
export async function applyImport(data: ExportV2, access: DataAccess = storeAccess): Promise<ImportCounts> {
  const checkIns = await access.mergeCheckIns(data.checkIns);
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
