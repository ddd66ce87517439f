// The history page's wiring: the history and "Your data" as the browser keeps them, given to
// components/history/HistoryApp.tsx (props in, callbacks out). Each action reads the stores' function
// when it is called, so a test's spy on the store is what the page calls.

import type { AppImportActions } from '../../components/history/AppImport';
import {
  type DataActions,
  exportWords,
  ImportEnded,
  type ImportOutcome,
} from '../../components/history/DataPanel';
import { type HistoryActions, HistoryApp } from '../../components/history/HistoryApp';
import type { MemoryActions } from '../../components/history/OnThisDay';
import { giveOwnOutlets } from '../../components/shared/copy';
import { useStoredValue } from '../../components/shared/useStoredValue';
import type { ExportV2 } from '../../core/data/export-format';
import { DEFAULT_MAX_BYTES } from '../../core/data/import';
import { fileText, loadPlacements, rememberPlacements, storeImported } from '../../platform/app-import';
import { encryptFile, readExportText } from '../../platform/data-crypto';
import {
  checkFileOffPage,
  encryptOffPage,
  FileUnreadable,
  type HeldCheckIns,
  JobFailed,
  JobStopped,
} from '../../platform/data-jobs';
import {
  applyImport,
  dataSize,
  deleteEverything,
  type ImportCounts,
  keepChosen,
  makeExportFile,
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
import { loadNudgeLog } from '../../platform/nudge-log';
import { ownOutletsSource } from '../../platform/own-outlets';
import { openOptions } from '../../platform/pages';

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
async function checkOnPage(file: Blob, passphrase?: string) {
  let text: string;
  try {
    text = await file.text();
  } catch {
    throw new FileUnreadable();
  }
  return readExportText(text, passphrase);
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
  passphrase?: string,
): Promise<ImportOutcome> {
  const tooBig = { where: 'the file', what: 'too-big', place: { section: 'file' } } as const;
  if (file.size > DEFAULT_MAX_BYTES) return { ok: false, problems: [tooBig], more: 0 };
  const parsed = await checkFileOffPage(
    file,
    (blob) => checkOnPage(blob, passphrase),
    { signal: job.signal },
    passphrase,
  );
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
      const file = await makeExportFile(kind, exportWords(), { access, ...job });
      downloadBlob(file.filename, file.blob);
    },
    exportEncrypted: async (passphrase, job) => {
      const file = await makeExportFile('json', exportWords(), { access, ...job });
      job?.signal?.throwIfAborted();
      const locked = await encryptOffPage(file.blob, passphrase, encryptFile);
      job?.signal?.throwIfAborted();
      downloadBlob(file.filename.replace(/^outlet-/, 'outlet-encrypted-'), locked);
    },
    importFile: async (file, job, passphrase) => {
      try {
        return await importChosenFile(
          file,
          (data, options, held) => applyImport(data, access, options, held),
          job,
          passphrase,
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

// "When nudges land": the background's log of nudges; its offer opens the settings at a section.
const browserTiming = {
  load: () => loadNudgeLog(),
  openSettings: (section: 'hours' | 'nudges') => void openOptions(section),
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
      timing={browserTiming}
    />
  );
}
