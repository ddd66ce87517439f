import { useEffect, useRef, useState } from 'preact/hooks';
import { NO_MOOD } from '../../core/data/imports/rows';
import type { CheckIn } from '../../core/schema';
import { formatEntryTime } from '../shared/copy';
import { i18n } from '../shared/words';
import { AFTER_KEYS, feelingWords, outletWords } from './words';

interface Props {
  entry: CheckIn;
  /** The day it belongs to, in words, for the delete button's name ("… from 09:30, Monday 2 November"). */
  dayWords: string;
  /** The entry and its delete button, so the list can move focus to them. */
  itemRef: (element: HTMLLIElement | null) => void;
  deleteRef: (element: HTMLButtonElement | null) => void;
  /** Resolves once the entry is gone (true) or couldn't be deleted (false). */
  onDelete: (id: string) => Promise<boolean>;
}

const HELPED_KEYS = {
  yes: 'history.helpedYes',
  'a-bit': 'history.helpedABit',
  no: 'history.helpedNo',
} as const;

/** "Felt lighter after (10:42)": the answer to "And now?", with the time it was given when known. */
function afterWords(entry: CheckIn): string | null {
  if (!entry.after) return null;
  const words = i18n.t(AFTER_KEYS[entry.after]);
  if (entry.afterAt === undefined) return words;
  return i18n.t('history.afterWhen', [words, formatEntryTime({ at: entry.afterAt, offset: entry.offset })]);
}

const APP_NAMES = {
  daylio: 'import_apps.app.daylio',
  bearable: 'import_apps.app.bearable',
  pixels: 'import_apps.app.pixels',
  csv: 'import_apps.app.csv',
} as const;

/** "From Daylio: “ok but sleepy”": where an imported entry came from, in the person's own mood word. */
function importedWords(imported: NonNullable<CheckIn['imported']>): string {
  const mood = imported.mood === NO_MOOD ? i18n.t('import_apps.noMood') : imported.mood;
  return i18n.t('import_apps.fromApp', [i18n.t(APP_NAMES[imported.from]), mood]);
}

/** One check-in as plain text: time, feeling, outlet, what happened, and its journal line. */
export function CheckInEntry({ entry, dayWords, itemRef, deleteRef, onDelete }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const keepRef = useRef<HTMLButtonElement>(null);
  const ownDeleteRef = useRef<HTMLButtonElement | null>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (confirming) keepRef.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      ownDeleteRef.current?.focus();
    }
  }, [confirming]);

  const cancel = () => {
    returnFocus.current = true;
    setConfirming(false);
  };
  const confirm = async () => {
    setBusy(true);
    const deleted = await onDelete(entry.id);
    setBusy(false);
    if (!deleted) cancel();
  };

  const time = formatEntryTime(entry);
  const details = [
    entry.outletId
      ? outletWords(entry.outletId)
      : entry.imported
        ? importedWords(entry.imported)
        : i18n.t('history.noOutlet'),
    entry.outletId
      ? entry.outcome === 'done'
        ? i18n.t('history.outcomeDone')
        : i18n.t('history.outcomeSkipped')
      : null,
    entry.helped ? i18n.t(HELPED_KEYS[entry.helped]) : null,
    afterWords(entry),
    entry.reachedOut ? i18n.t('history.reachedOut') : null,
  ].filter((part): part is string => part !== null);

  return (
    <li class="entry" tabIndex={-1} ref={itemRef}>
      <p class="entry-head">
        <time dateTime={new Date(entry.at).toISOString()}>{time}</time>{' '}
        <strong>{feelingWords(entry.feeling)}</strong>
        {entry.intensity !== undefined && (
          <span class="muted"> · {i18n.t('history.intensity', [String(entry.intensity)])}</span>
        )}
      </p>
      <p class="entry-details">{details.join(' · ')}</p>
      {entry.imported?.activities && (
        <p class="entry-activities muted">
          <span class="visually-hidden">{i18n.t('import_apps.activities')}: </span>
          {entry.imported.activities}
        </p>
      )}
      {entry.journal && (
        <p class="journal-line">
          <span class="visually-hidden">{i18n.t('history.journalLine')}: </span>
          {entry.journal}
        </p>
      )}
      {confirming ? (
        <fieldset
          class="confirm"
          onKeyDown={(event) => {
            // Escape anywhere in the question means "keep it".
            if (event.key === 'Escape') cancel();
          }}
        >
          <legend>{i18n.t('history.deleteConfirm')}</legend>
          <div class="row">
            <button type="button" class="small danger" disabled={busy} onClick={() => void confirm()}>
              {i18n.t('history.deleteYes')}
            </button>
            <button type="button" class="small" ref={keepRef} disabled={busy} onClick={cancel}>
              {i18n.t('history.deleteKeep')}
            </button>
          </div>
        </fieldset>
      ) : (
        <button
          type="button"
          class="small link delete"
          ref={(element) => {
            ownDeleteRef.current = element;
            deleteRef(element);
          }}
          aria-label={i18n.t('history.deleteLabel', [`${time}, ${dayWords}`])}
          onClick={() => setConfirming(true)}
        >
          {i18n.t('history.delete')}
        </button>
      )}
    </li>
  );
}
