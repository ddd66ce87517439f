// The history page's wiring: the history and "Your data" as the browser keeps them, given to
// components/history/HistoryApp.tsx (props in, callbacks out). Each action reads the stores' function
// when it is called, so a test's spy on the store is what the page calls.

import type { AppImportActions } from '../../components/history/AppImport';
import {
  type DataActions,
  exportLabels,
  ImportEnded,
  type ImportOutcome,
} from '../../components/history/DataPanel';
import { type HistoryActions, HistoryApp } from '../../components/history/HistoryApp';
import type { MemoryActions } from '../../components/history/OnThisDay';
import { giveOwnOutlets } from '../../components/shared/copy';
import { useStoredValue } from '../../components/shared/useStoredValue';
import type { ExportV2 } from '../../core/data/export-format';
import { DEFAULT_MAX_BYTES, parseImportFile } from '../../core/data/import';
import { fileText, loadPlacements, rememberPlacements, storeImported } from '../../platform/app-import';
import {
  checkFileOffPage,
  FileUnreadable,
  type HeldCheckIns,
  JobFailed,
  JobStopped,
} from '../../platform/data-jobs';
import {
  applyImport,
  dataSize,
  deleteEverything,
  exportFile,
  type ImportCounts,
  keepChosen,
  storeAccess,
  storedSummary,
} from '../../platform/data-transfer';
import { downloadBlob } from '../../platform/download';
import { recoverJournalDrafts } from '../../platform/history/draft';
import {
  type BulkOptions,
  checkDaySummaries,
  checkInsPage,
  daySummaries,
  deleteCheckIn,
  learnWaitingLessons,
  markHistoryPlaceTold,
  recentCheckIns,
  shouldTellHistoryPlace,
  watchHistoryHere,
} from '../../platform/history/store';
import { findMemory, loadMemoryPrefs, saveMemoryPrefs } from '../../platform/memories';
import { ownOutletsSource } from '../../platform/own-outlets';

export const browserHistory: HistoryActions = {
  checkInsPage: (query) => checkInsPage(query),
  recentCheckIns: (options) => recentCheckIns(options),
  daySummaries: (fromDay, toDay) => daySummaries(fromDay, toDay),
  deleteCheckIn: (id) => deleteCheckIn(id),
  shouldTellPlace: () => shouldTellHistoryPlace(),
  markPlaceTold: (now) => markHistoryPlaceTold(now),
  watch: (onChange) => watchHistoryHere(onChange),
  recoverDrafts: async () => {
    const recovery = await recoverJournalDrafts();
    // What the picker was to learn from a check-in whose page closed first (platform/learning.ts).
    void learnWaitingLessons();
    return recovery;
  },
  checkSummaries: () => checkDaySummaries(),
};

/** The checks on the page itself, where no worker can run (tests): the same parser. */
async function checkOnPage(file: Blob) {
  let text: string;
  try {
    text = await file.text();
  } catch {
    throw new FileUnreadable();
  }
  return parseImportFile(text);
}

/**
 * Reads a chosen file, refusing one past the size cap before reading it at all. The file is read and
 * checked off the page (a worker), then stored by `apply` a chunk at a time with `job`'s progress.
 */
export async function importChosenFile(
  file: File,
  apply: (data: ExportV2, job?: BulkOptions, held?: HeldCheckIns | null) => Promise<ImportCounts> = (
    data,
    options,
    held,
  ) => applyImport(data, storeAccess, options, held),
  job: BulkOptions = {},
): Promise<ImportOutcome> {
  const tooBig = { where: 'the file', what: 'too-big', place: { section: 'file' } } as const;
  if (file.size > DEFAULT_MAX_BYTES) return { ok: false, problems: [tooBig], more: 0 };
  const parsed = await checkFileOffPage(file, checkOnPage, { signal: job.signal });
  if (!parsed.ok) return parsed;
  try {
    return { ok: true, counts: await apply(parsed.data, job, parsed.held) };
  } finally {
    parsed.held?.close();
  }
}

/** The stores' ways of ending an import, in the panel's terms (anything else stays as it is). */
export function importEnd(failure: unknown): unknown {
  if (failure instanceof JobStopped) return new ImportEnded('stopped', failure.soFar.added);
  if (failure instanceof JobFailed && failure.soFar.done > 0)
    return new ImportEnded('part-failed', failure.soFar.added);
  if (failure instanceof FileUnreadable) return new ImportEnded('unreadable');
  return failure;
}

/** "Your data" on `access`'s stores (the browser's unless a test or a demo gives others). */
export function dataActions(access = storeAccess): DataActions {
  return {
    size: () => dataSize(access),
    exportFile: async (kind, job) => {
      const file = await exportFile(kind, exportLabels(), { access, ...job });
      downloadBlob(file.filename, file.blob);
    },
    importFile: async (file, job) => {
      try {
        return await importChosenFile(
          file,
          (data, options, held) => applyImport(data, access, options, held),
          job,
        );
      } catch (failure) {
        throw importEnd(failure);
      }
    },
    summary: () => storedSummary(access),
    choose: (differing, choices) => keepChosen(differing, choices, { access }),
    deleteAll: () => deleteEverything(access),
  };
}

const browserData = dataActions();

const browserMemories: MemoryActions = {
  find: (now) => findMemory(now),
  loadPrefs: () => loadMemoryPrefs(),
  savePrefs: (prefs) => saveMemoryPrefs(prefs),
};

/** Bringing entries in from another mood app, on the browser's stores. */
export const browserAppImport: AppImportActions = {
  readFile: (file) => fileText(file),
  loadPlacements: (source) => loadPlacements(source),
  rememberPlacements: (source, placements) => rememberPlacements(source, placements),
  store: (checkIns) => storeImported(checkIns),
};

export function App({ now }: { now: () => number }) {
  // The titles of the person's own outlets, for the check-ins that name them (the CSV export too).
  giveOwnOutlets(useStoredValue(ownOutletsSource) ?? []);
  return (
    <HistoryApp
      now={now}
      history={browserHistory}
      data={browserData}
      memories={browserMemories}
      appImport={browserAppImport}
    />
  );
}
