// The history page's wiring: the history and "Your data" as the browser keeps them, given to
// components/history/HistoryApp.tsx (props in, callbacks out). Each action reads the stores' function
// when it is called, so a test's spy on the store is what the page calls.
import {
  type DataActions,
  exportLabels,
  ImportEnded,
  type ImportOutcome,
} from '../../components/history/DataPanel';
import { type HistoryActions, HistoryApp } from '../../components/history/HistoryApp';
import type { ExportV2 } from '../../core/data/export-format';
import { DEFAULT_MAX_BYTES } from '../../core/data/import';
import { encryptFile, readExportText } from '../../platform/data-crypto';
import {
  checkFileOffPage,
  encryptOffPage,
  FileUnreadable,
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
  markHistoryPlaceTold,
  recentCheckIns,
  shouldTellHistoryPlace,
  watchHistoryHere,
} from '../../platform/history/store';

export const browserHistory: HistoryActions = {
  checkInsPage: (query) => checkInsPage(query),
  recentCheckIns: (options) => recentCheckIns(options),
  daySummaries: (fromDay, toDay) => daySummaries(fromDay, toDay),
  deleteCheckIn: (id) => deleteCheckIn(id),
  shouldTellPlace: () => shouldTellHistoryPlace(),
  markPlaceTold: (now) => markHistoryPlaceTold(now),
  watch: (onChange) => watchHistoryHere(onChange),
  recoverDrafts: () => recoverJournalDrafts(),
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
  apply: (data: ExportV2, job?: BulkOptions) => Promise<ImportCounts> = (data, options) =>
    applyImport(data, storeAccess, options),
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
  return { ok: true, counts: await apply(parsed.data, job) };
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
    exportEncrypted: async (passphrase, job) => {
      const file = await exportFile('json', exportLabels(), { access, ...job });
      job?.signal?.throwIfAborted();
      const locked = await encryptOffPage(file.blob, passphrase, encryptFile);
      job?.signal?.throwIfAborted();
      downloadBlob(file.filename.replace(/^outlet-/, 'outlet-encrypted-'), locked);
    },
    importFile: async (file, job, passphrase) => {
      try {
        return await importChosenFile(
          file,
          (data, options) => applyImport(data, access, options),
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

export function App({ now }: { now: () => number }) {
  return <HistoryApp now={now} history={browserHistory} data={browserData} />;
}
