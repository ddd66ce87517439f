// "Your data" on the history page: take a copy (JSON to bring back, CSV for a spreadsheet, Markdown
// to read), bring a copy back (all or nothing, with every problem named), or delete everything.
// `DataPanelView` is props in, callbacks out; `DataPanel` keeps the usage figure fresh around the
// actions the entrypoint gives it (entrypoints/history/App.tsx wires them to the stores).
import { useEffect, useRef, useState } from 'preact/hooks';
import { feelingCopyKey, outletCopyKey } from '../../core/copy-keys';
import { MAX_UNREADABLE } from '../../core/data/export-format';
import { type LabelWords, labelsFrom } from '../../core/data/export-labels';
import type { DifferChoice, Differing, ImportProblem, Place, ProblemCode } from '../../core/data/import';
import type {
  BulkOptions,
  ExportKind,
  ExportLabels,
  ImportCounts,
  StoredSummary,
} from '../../core/data/transfer';
import { FEELING_IDS } from '../../core/feelings';
import { OUTLETS } from '../../core/outlets/catalogue';
import { OWN_OUTLETS_MAX } from '../../core/outlets/own';
import { type CheckIn, TRUSTED_PEOPLE_MAX } from '../../core/schema';
import { localDayKey } from '../../core/time';
import type { MessageKey } from '../../core/words';
import { ownOutletTitles } from '../shared/copy';
import { useFocusRescue } from '../shared/focus';
import { i18n } from '../shared/words';
import { DifferingChoice } from './DifferingChoice';
import { EncryptedExport } from './EncryptedExport';
import { JobProgress } from './JobProgress';
import { PassphraseStep } from './PassphraseStep';
import { AFTER_KEYS } from './words';

/**
 * An import that ended before storing the whole file, in the panel's own words: stopped between
 * chunks or failed after some were stored (`added` of the file's check-ins kept), or a file that
 * couldn't be read. The entrypoint turns the stores' own errors into it; anything else is a failure.
 */
export class ImportEnded extends Error {
  constructor(
    readonly end: 'stopped' | 'part-failed' | 'unreadable',
    readonly added = 0,
  ) {
    super(`Outlet: the import ended (${end}).`);
    this.name = 'ImportEnded';
  }
}

export type ImportOutcome =
  | { ok: true; counts: ImportCounts }
  | { ok: false; problems: ImportProblem[]; more: number };

export interface DataPanelProps {
  /** Bytes the person's data takes on this device (`dataSize`), or null where it couldn't be read. */
  usage: number | null;
  /**
   * Makes and downloads one file; rejects when it couldn't, or with the signal's reason once stopped.
   * `job.onProgress` says how far it is; `job.signal` asks it to stop.
   */
  onExport: (kind: ExportKind, job?: BulkOptions) => Promise<void>;
  /**
   * Reads, checks and (only if the whole file is sound) stores it, a chunk at a time; rejects when
   * storing failed (ImportEnded 'part-failed' once some chunks are stored, 'stopped' when stopped
   * between chunks, 'unreadable' for a file that can't be read), or with the signal's reason when
   * stopped before anything was written.
   */
  onImport: (file: File, job?: BulkOptions, passphrase?: string) => Promise<ImportOutcome>;
  /** Makes and downloads an encrypted copy of the JSON export, locked with `passphrase`. */
  onExportEncrypted?: (passphrase: string, job?: BulkOptions) => Promise<void>;
  /** What "delete everything" would delete. */
  onSummary: () => Promise<StoredSummary>;
  /** Deletes the history and the trusted people (not the preferences). */
  onDeleteAll: () => Promise<void>;
  /** Writes the person's choice for each check-in that differs from the stored one. */
  onChoose: (differing: Differing[], choices: DifferChoice[]) => Promise<unknown>;
  /** Today's local day (`YYYY-MM-DD`), for the words of a check-in's day. */
  today: string;
}

const CODE_KEYS: Record<ProblemCode, MessageKey> = {
  'too-big': 'data.what.tooBig',
  empty: 'data.what.empty',
  'not-json': 'data.what.notJson',
  truncated: 'data.what.truncated',
  markdown: 'data.what.markdown',
  csv: 'data.what.csv',
  text: 'data.what.text',
  html: 'data.what.html',
  image: 'data.what.image',
  binary: 'data.what.binary',
  'not-outlet': 'data.what.notOutlet',
  'future-version': 'data.what.futureVersion',
  'unknown-version': 'data.what.unknownVersion',
  missing: 'data.what.missing',
  'unknown-field': 'data.what.unknownField',
  'wrong-type': 'data.what.wrongType',
  'bad-time': 'data.what.badTime',
  'out-of-range': 'data.what.outOfRange',
  'too-long': 'data.what.tooLong',
  'too-short': 'data.what.tooShort',
  'too-many': 'data.what.tooMany',
  'not-allowed': 'data.what.notAllowed',
  'duplicate-id': 'data.what.duplicateId',
  invalid: 'data.what.invalid',
  'crypto-locked': 'crypto.locked',
  'crypto-wrong': 'crypto.wrong',
  'crypto-kdf-weak': 'crypto.kdfWeak',
  'crypto-kdf-slow': 'crypto.kdfSlow',
};

/** Problems about the file as a whole: a sentence of their own, with no place in front. */
const WHOLE_FILE: ReadonlySet<ProblemCode> = new Set([
  'too-big',
  'empty',
  'not-json',
  'truncated',
  'markdown',
  'csv',
  'text',
  'html',
  'image',
  'binary',
  'not-outlet',
  'future-version',
  'unknown-version',
  'crypto-locked',
  'crypto-wrong',
  'crypto-kdf-weak',
  'crypto-kdf-slow',
]);

function placeText(place: Place): string {
  const n = String(place.index ?? '');
  const base = ((): string => {
    switch (place.section) {
      case 'file':
        return place.field ? i18n.t('data.where.fileField', [place.field]) : i18n.t('data.where.file');
      case 'preferences':
        return place.field
          ? i18n.t('data.where.preference', [place.field.split('.')[0] ?? place.field])
          : i18n.t('data.where.preferences');
      case 'checkIns':
        return place.index ? i18n.t('data.where.checkIn', [n]) : i18n.t('data.where.checkIns');
      case 'people':
        return place.index ? i18n.t('data.where.person', [n]) : i18n.t('data.where.people');
      case 'ownOutlets':
        return place.index ? i18n.t('own_whereOne', [n]) : i18n.t('own_whereAll');
      case 'setAside':
        return place.index ? i18n.t('data.where.setAside', [n]) : i18n.t('data.where.setAsides');
      case 'unreadable':
        return place.index ? i18n.t('data.where.unreadable', [n]) : i18n.t('data.where.unreadables');
    }
  })();
  return place.field && place.section !== 'file' && place.section !== 'preferences'
    ? i18n.t('data.where.withField', [base, place.field])
    : base;
}

/** "Check-in 12: the time isn't a valid date." */
export function problemText(problem: ImportProblem): string {
  const what = i18n.t(CODE_KEYS[problem.what] as 'data.what.tooBig');
  if (WHOLE_FILE.has(problem.what)) return what;
  // The time's own words say which field it is.
  const place = problem.what === 'bad-time' ? { ...problem.place, field: undefined } : problem.place;
  return `${placeText(place)}: ${what}.`;
}

const checkInsText = (n: number) => i18n.plural('data.checkIns', n);
const peopleText = (n: number) => i18n.plural('data.people', n);
const journalText = (n: number) => i18n.plural('data.journalLines', n);
const ownText = (n: number) => i18n.plural('own_ideas', n);
const NO_OWN = { added: 0, kept: 0, full: 0 };

/** "40 check-ins and 2 people", in the words' language; empty when every count is 0. */
function listOf(counts: [number, (n: number) => string][]): string {
  const parts = counts.filter(([n]) => n > 0).map(([n, words]) => words(n));
  return parts.length === 0 ? '' : i18n.list(parts);
}

/**
 * "Added: 40 check-ins and 2 people. Already here as in the file: 10 check-ins. Different in the
 * file: 1 check-in. … Your preferences now match the file." Each sentence names what it counts, and
 * a count of nothing is left out.
 */
export function importDoneText({
  checkIns,
  people,
  ownOutlets = NO_OWN,
  setAside,
  unreadable,
}: ImportCounts): string {
  const added = listOf([
    [checkIns.added, checkInsText],
    [people.added, peopleText],
    [ownOutlets.added, ownText],
  ]);
  const same = listOf([
    [checkIns.same, checkInsText],
    [people.kept, peopleText],
    [ownOutlets.kept, ownText],
  ]);
  const back = listOf([
    [setAside.added, (n) => i18n.plural('data.setAsideValues', n)],
    [unreadable.added, (n) => i18n.plural('data.unreadableEntries', n)],
  ]);
  const differing = checkIns.differing.length;
  const parts: string[] = [];
  if (!added && !back && differing === 0) parts.push(i18n.t('data.importNothingNew'));
  else {
    if (added) parts.push(i18n.t('data.importAddedList', [added]));
    if (same) parts.push(i18n.t('data.importSameList', [same]));
    if (differing > 0) parts.push(i18n.t('data.importDifferList', [checkInsText(differing)]));
    if (back) parts.push(i18n.t('data.importBackList', [back]));
  }
  if (people.full > 0)
    parts.push(i18n.t('data.importFull', [peopleText(people.full), String(TRUSTED_PEOPLE_MAX)]));
  if (ownOutlets.full > 0)
    parts.push(i18n.t('own_importFull', [ownText(ownOutlets.full), String(OWN_OUTLETS_MAX)]));
  if (unreadable.full > 0)
    parts.push(
      i18n.t('data.importUnreadableFull', [
        i18n.plural('data.unreadableEntries', unreadable.full),
        i18n.number(MAX_UNREADABLE),
      ]),
    );
  return [...parts, i18n.t('data.importPreferences')].join(' ');
}

/** "4.2 MB", in the number format of the words around it. */
export function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  const [value, unit] = mb >= 1 ? [mb, 'megabyte'] : [Math.max(bytes / 1024, 0.1), 'kilobyte'];
  return i18n.number(value, { style: 'unit', unit, maximumFractionDigits: 1 });
}

type Notice = { kind: 'status' | 'alert'; text: string; problems?: string[] };

/** A long job under way: what it is, how far, and how to stop it. */
interface Job {
  kind: 'import' | 'export';
  /** Import: 'reading' the file (off the page), then 'writing' the check-ins. */
  phase: 'reading' | 'writing';
  done: number;
  total: number;
  stopping: boolean;
}

/** "Stopped: 12,000 check-ins from the file were added and are kept…": what a stop or a failed chunk kept. */
function importEndedText(failure: unknown, stopped: boolean): Notice {
  if (failure instanceof ImportEnded && failure.end === 'stopped')
    return { kind: 'status', text: i18n.t('data.importStopped', [checkInsText(failure.added)]) };
  if (failure instanceof ImportEnded && failure.end === 'part-failed')
    return { kind: 'alert', text: i18n.t('data.importPartFailed', [checkInsText(failure.added)]) };
  if (failure instanceof ImportEnded && failure.end === 'unreadable')
    return { kind: 'alert', text: i18n.t('data.importReadFailed') };
  // Stopped before a check-in was written: the file was still being read.
  if (stopped) return { kind: 'status', text: i18n.t('data.importStoppedEarly') };
  return { kind: 'alert', text: i18n.t('data.importFailed') };
}

const count = (n: number) => i18n.number(n);

function NoticeLine({ notice, id }: { notice: Notice | null; id?: string }) {
  if (!notice) return null;
  return (
    <div class={notice.kind === 'alert' ? 'error' : 'notice'} role={notice.kind}>
      {/* With an id, focus can be brought to it when the button pressed is gone. */}
      <p id={id} tabIndex={id ? -1 : undefined}>
        {notice.text}
      </p>
      {notice.problems && notice.problems.length > 0 && (
        <ul>
          {notice.problems.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function DataPanelView({
  usage,
  onExport,
  onImport,
  onExportEncrypted,
  onSummary,
  onDeleteAll,
  onChoose,
  today,
}: DataPanelProps) {
  const [exportNotice, setExportNotice] = useState<Notice | null>(null);
  const [importNotice, setImportNotice] = useState<Notice | null>(null);
  const [deleteNotice, setDeleteNotice] = useState<Notice | null>(null);
  const [file, setFile] = useState<File | null>(null);
  // Check-ins the last import found stored with other content, until the person has chosen.
  const [differing, setDiffering] = useState<Differing[]>([]);
  const [busy, setBusy] = useState<'export' | 'import' | 'delete' | null>(null);
  const [job, setJob] = useState<Job | null>(null);
  const stopJob = useRef<AbortController | null>(null);
  // Where the person was when the job began, for focus to come back to once its Cancel button goes.
  const jobOpener = useRef<HTMLElement | null>(null);
  const [confirming, setConfirming] = useState<StoredSummary | null>(null);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const rescueFocus = useFocusRescue();
  // The encrypted copy's form is open; the chosen file is an encrypted copy waiting for its passphrase.
  const [encrypting, setEncrypting] = useState(false);
  const [locked, setLocked] = useState<{ wrong: boolean } | null>(null);
  const encryptButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);

  /** Runs one long job with progress and a way to stop it; returns what `run` returned. */
  const runJob = async <T,>(kind: Job['kind'], run: (job: BulkOptions, stop: AbortSignal) => Promise<T>) => {
    const controller = new AbortController();
    stopJob.current = controller;
    jobOpener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setJob({ kind, phase: 'reading', done: 0, total: 0, stopping: false });
    // Each chunk reports; the bar follows at most once a frame's worth of chunks (state updates batch).
    const onProgress = (done: number, total: number) =>
      setJob((current) => current && { ...current, phase: 'writing', done, total });
    try {
      return await run({ onProgress, signal: controller.signal }, controller.signal);
    } finally {
      stopJob.current = null;
      setJob(null);
      // The Cancel button is gone: bring focus back where the job began rather than to the page's top.
      setTimeout(() => {
        if (document.activeElement === document.body || document.activeElement === null)
          jobOpener.current?.focus();
      });
    }
  };

  const cancelJob = () => {
    stopJob.current?.abort();
    setJob((current) => current && { ...current, stopping: true });
  };

  const doExport = async (kind: ExportKind | 'encrypted', passphrase = '') => {
    setBusy('export');
    setExportNotice(null);
    let stop: AbortSignal | null = null;
    try {
      await runJob('export', (options, signal) => {
        stop = signal;
        if (kind === 'encrypted') return onExportEncrypted?.(passphrase, options) ?? Promise.resolve();
        return onExport(kind, options);
      });
      if (kind === 'encrypted') {
        setEncrypting(false);
        setExportNotice({ kind: 'status', text: i18n.t('crypto.exportDone') });
        setTimeout(() => encryptButton.current?.focus());
      }
    } catch {
      const stopped = (stop as AbortSignal | null)?.aborted === true;
      setExportNotice(
        stopped
          ? { kind: 'status', text: i18n.t('data.exportStopped') }
          : { kind: 'alert', text: i18n.t('data.exportFailed') },
      );
    } finally {
      setBusy(null);
    }
  };

  const doImport = async (event: Event | null, passphrase?: string) => {
    event?.preventDefault();
    if (!file) return;
    setBusy('import');
    setImportNotice(null);
    let stop: AbortSignal | null = null;
    try {
      const outcome = await runJob('import', (options, signal) => {
        stop = signal;
        return onImport(file, options, passphrase);
      });
      // An encrypted copy: its passphrase is asked for; a wrong one is said in the step, which stays.
      const code = outcome.ok ? null : outcome.problems[0]?.what;
      if (code === 'crypto-locked' || (code === 'crypto-wrong' && passphrase !== undefined)) {
        setLocked({ wrong: code === 'crypto-wrong' });
        return;
      }
      setLocked(null);
      if (outcome.ok) {
        setImportNotice({ kind: 'status', text: importDoneText(outcome.counts) });
        setDiffering(outcome.counts.checkIns.differing);
      } else {
        const problems = outcome.problems.map(problemText);
        if (outcome.more > 0) problems.push(i18n.t('data.importMore', [String(outcome.more)]));
        setImportNotice({ kind: 'alert', text: i18n.t('data.importRefused'), problems });
      }
    } catch (failure) {
      setImportNotice(importEndedText(failure, (stop as AbortSignal | null)?.aborted === true));
    } finally {
      setBusy(null);
    }
  };

  const askDelete = async () => {
    try {
      setConfirming(await onSummary());
      setDeleteNotice(null);
    } catch {
      setDeleteNotice({ kind: 'alert', text: i18n.t('data.summaryFailed') });
    }
  };

  const cancelDelete = () => {
    setConfirming(null);
    // Back where the person was, once the button is on the page again.
    setTimeout(() => deleteButton.current?.focus());
  };

  const doDelete = async () => {
    setBusy('delete');
    // Once the confirmation (and its button) is gone: the words that say what happened.
    rescueFocus(() => document.getElementById('data-delete-notice'));
    try {
      await onDeleteAll();
      setConfirming(null);
      setDeleteNotice({ kind: 'status', text: i18n.t('data.deleteDone') });
    } catch {
      // The confirmation stays; its button, disabled meanwhile, has it again.
      rescueFocus(() => document.getElementById('data-delete-confirm'));
      setDeleteNotice({ kind: 'alert', text: i18n.t('data.deleteFailed') });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section class="data-panel" aria-labelledby="data-heading">
      <h2 id="data-heading">{i18n.t('data.heading')}</h2>
      <p class="help">{i18n.t('data.intro')}</p>
      {usage !== null && <p class="help">{i18n.t('data.usage', [formatBytes(usage)])}</p>}

      <h3>{i18n.t('data.exportHeading')}</h3>
      <div class="actions">
        <button type="button" disabled={busy !== null} onClick={() => void doExport('json')}>
          {i18n.t('data.exportJson')}
        </button>
        <button type="button" class="secondary" disabled={busy !== null} onClick={() => void doExport('csv')}>
          {i18n.t('data.exportCsv')}
        </button>
        <button
          type="button"
          class="secondary"
          disabled={busy !== null}
          onClick={() => void doExport('markdown')}
        >
          {i18n.t('data.exportMarkdown')}
        </button>
        {onExportEncrypted && (
          <button
            type="button"
            class="secondary"
            ref={encryptButton}
            disabled={busy !== null || encrypting}
            aria-expanded={encrypting}
            onClick={() => {
              setEncrypting(true);
              setExportNotice(null);
            }}
          >
            {i18n.t('crypto.exportButton')}
          </button>
        )}
      </div>
      <p class="help">{i18n.t('data.exportHint')}</p>
      {encrypting && (
        <EncryptedExport
          busy={busy !== null}
          onSubmit={(passphrase) => void doExport('encrypted', passphrase)}
          onCancel={() => {
            setEncrypting(false);
            setTimeout(() => encryptButton.current?.focus());
          }}
        />
      )}
      {job?.kind === 'export' && (
        <JobProgress
          phase={i18n.t('data.exportBusy')}
          detail={job.total > 0 ? i18n.number(job.done / job.total, { style: 'percent' }) : ''}
          value={job.done}
          max={job.total}
          cancelLabel={i18n.t('data.jobCancel')}
          onCancel={cancelJob}
          stopping={job.stopping}
        />
      )}
      <NoticeLine notice={exportNotice} />

      <h3>{i18n.t('data.importHeading')}</h3>
      <form onSubmit={doImport}>
        <div class="field">
          <label for="data-import-file">{i18n.t('data.importFile')}</label>
          <input
            id="data-import-file"
            type="file"
            accept=".json,application/json"
            aria-describedby="data-import-hint"
            onChange={(event) => {
              setFile(event.currentTarget.files?.[0] ?? null);
              setLocked(null);
              setImportNotice(null);
              setDiffering([]);
            }}
          />
        </div>
        <p id="data-import-hint" class="help">
          {i18n.t('data.importHint')}
        </p>
        <button type="submit" disabled={!file || busy !== null || locked !== null}>
          {i18n.t('data.importButton')}
        </button>
      </form>
      {locked && file && (
        <PassphraseStep
          fileName={file.name}
          wrong={locked.wrong}
          busy={busy !== null}
          onSubmit={(passphrase) => void doImport(null, passphrase)}
          onCancel={() => {
            setLocked(null);
            setTimeout(() => document.getElementById('data-import-file')?.focus());
          }}
        />
      )}
      {job?.kind === 'import' && (
        <JobProgress
          phase={i18n.t(job.phase === 'reading' ? 'data.importBusy' : 'data.importWriting')}
          detail={job.phase === 'writing' ? i18n.t('data.jobCount', [count(job.done), count(job.total)]) : ''}
          value={job.phase === 'writing' ? job.done : undefined}
          max={job.phase === 'writing' ? job.total : undefined}
          cancelLabel={i18n.t('data.jobCancel')}
          onCancel={cancelJob}
          stopping={job.stopping}
        />
      )}
      <NoticeLine notice={importNotice} />
      {differing.length > 0 && (
        <DifferingChoice
          differing={differing}
          today={today}
          onKeep={async (choices) => {
            await onChoose(differing, choices);
            setDiffering([]);
            setImportNotice({ kind: 'status', text: i18n.t('data.differDone') });
          }}
        />
      )}

      <h3>{i18n.t('data.deleteHeading')}</h3>
      {confirming ? (
        <fieldset
          class="confirm"
          aria-labelledby="data-delete-heading"
          onKeyDown={(event) => {
            if (event.key === 'Escape') cancelDelete();
          }}
        >
          <h4 id="data-delete-heading" tabIndex={-1} ref={confirmHeading}>
            {i18n.t('data.deleteConfirmHeading')}
          </h4>
          <p>
            {i18n.t('gaps_deleteWhat', [
              i18n.list([
                checkInsText(confirming.checkIns),
                journalText(confirming.journalLines),
                peopleText(confirming.people),
                ...(confirming.ownOutlets ? [ownText(confirming.ownOutlets)] : []),
                ...(confirming.moodNames ? [i18n.plural('gaps_moodNames', confirming.moodNames)] : []),
              ]),
            ])}{' '}
            {i18n.t('data.deleteKeeps')}
          </p>
          <p>{i18n.t('data.deleteExportFirst')}</p>
          <div class="actions">
            <button
              type="button"
              class="secondary"
              disabled={busy !== null}
              onClick={() => void doExport('json')}
            >
              {i18n.t('data.exportJson')}
            </button>
            <button
              id="data-delete-confirm"
              type="button"
              class="danger"
              disabled={busy === 'delete'}
              onClick={() => void doDelete()}
            >
              {i18n.t('data.deleteConfirm')}
            </button>
            <button type="button" class="secondary" onClick={cancelDelete}>
              {i18n.t('data.deleteCancel')}
            </button>
          </div>
        </fieldset>
      ) : (
        <button
          type="button"
          class="secondary"
          ref={deleteButton}
          disabled={busy !== null}
          onClick={() => void askDelete()}
        >
          {i18n.t('data.deleteButton')}
        </button>
      )}
      <NoticeLine notice={deleteNotice} id="data-delete-notice" />
    </section>
  );
}

const CSV_AFTER_KEYS = {
  lighter: 'data.csv.afterLighter',
  same: 'data.csv.afterSame',
  heavier: 'data.csv.afterHeavier',
} as const;

/** Catalogue words for a stored id, or the id itself when the catalogue no longer has it. */
const orId = (text: string, id: string) => text || id;

/**
 * The words of an export file, read once as plain data: what the data worker needs to make the file
 * of a big history exactly as this page would (core/data/export-labels.ts).
 */
export function exportWords(): LabelWords {
  const helped: Record<NonNullable<CheckIn['helped']>, MessageKey> = {
    yes: 'checkin.helpedYes',
    'a-bit': 'checkin.helpedABit',
    no: 'checkin.helpedNo',
  };
  const byAnswer = <K extends string>(keys: Record<K, MessageKey>) =>
    Object.fromEntries(
      Object.entries(keys).map(([answer, key]) => [answer, i18n.t(key as 'checkin.helpedYes')]),
    ) as Record<K, string>;
  const feelings: Record<string, string> = {};
  for (const id of FEELING_IDS) feelings[id] = orId(i18n.dynamic(`feeling.${feelingCopyKey(id)}`), id);
  const outlets: Record<string, string> = {};
  for (const { id } of OUTLETS) outlets[id] = orId(i18n.dynamic(`outlet.${outletCopyKey(id)}.title`), id);
  for (const [id, title] of ownOutletTitles()) outlets[id] = title;
  return {
    csv: {
      header: {
        at: i18n.t('data.csv.at'),
        feeling: i18n.t('data.csv.feeling'),
        strength: i18n.t('data.csv.strength'),
        stepAway: i18n.t('data.csv.stepAway'),
        alone: i18n.t('data.csv.alone'),
        minutes: i18n.t('data.csv.minutes'),
        outlet: i18n.t('data.csv.outlet'),
        outcome: i18n.t('data.csv.outcome'),
        helped: i18n.t('data.csv.helped'),
        after: i18n.t('data.csv.after'),
        afterAt: i18n.t('data.csv.afterAt'),
        journal: i18n.t('data.csv.journal'),
      },
      done: i18n.t('data.csv.done'),
      skipped: i18n.t('data.csv.skipped'),
      helped: byAnswer(helped),
      after: byAnswer(CSV_AFTER_KEYS),
      yes: i18n.t('data.csv.answerYes'),
      no: i18n.t('data.csv.answerNo'),
    },
    journal: { title: i18n.t('data.journalTitle'), after: byAnswer(AFTER_KEYS) },
    feelings,
    outlets,
    removedOwnOutlet: i18n.t('own_removedTitle'),
    clock: i18n.clock(),
  };
}

/** The labels an export writes with, in this page's words. */
export const exportLabels = (): ExportLabels => labelsFrom(exportWords());

/** What "Your data" does with the person's data: the entrypoint gives the stores' (entrypoints/history/App.tsx). */
export interface DataActions {
  /** Bytes the person's data takes on this device. */
  size: () => Promise<number>;
  /** Makes and downloads one file (see DataPanelProps.onExport). */
  exportFile: (kind: ExportKind, job?: BulkOptions) => Promise<void>;
  /** Reads, checks and stores a chosen file (see DataPanelProps.onImport). */
  importFile: (file: File, job?: BulkOptions, passphrase?: string) => Promise<ImportOutcome>;
  /** Makes and downloads an encrypted copy (see DataPanelProps.onExportEncrypted). */
  exportEncrypted?: (passphrase: string, job?: BulkOptions) => Promise<void>;
  summary: () => Promise<StoredSummary>;
  choose: (differing: Differing[], choices: DifferChoice[]) => Promise<unknown>;
  deleteAll: () => Promise<void>;
}

/** The panel with the given actions, and how much room the data takes, read again after each change. */
export function DataPanel({
  actions,
  measure = true,
}: {
  actions: DataActions;
  /**
   * Whether to measure the data's size now. The measure counts every check-in (a walk over the
   * whole store in Chromium): the history page asks for it once its first screen is drawn, so its
   * first reads don't wait behind that count.
   */
  measure?: boolean;
}) {
  const [usage, setUsage] = useState<number | null>(null);
  const refreshUsage = () =>
    void actions
      .size()
      .then(setUsage)
      .catch(() => setUsage(null));
  useEffect(() => {
    if (measure) refreshUsage();
  }, [measure]);

  return (
    <DataPanelView
      usage={usage}
      onExport={actions.exportFile}
      onExportEncrypted={actions.exportEncrypted}
      onImport={async (file, job, passphrase) => {
        try {
          return await actions.importFile(file, job, passphrase);
        } finally {
          refreshUsage();
        }
      }}
      onSummary={actions.summary}
      onChoose={actions.choose}
      today={localDayKey(Date.now())}
      onDeleteAll={async () => {
        try {
          await actions.deleteAll();
        } finally {
          refreshUsage();
        }
      }}
    />
  );
}
