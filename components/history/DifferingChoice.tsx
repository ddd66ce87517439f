// After an import: the check-ins the file holds with other content than the ones stored under the
// same id, each named (when, feeling, a piece of its journal line) in both versions, and the person
// chooses which to keep: theirs, the file's, or both. Until they choose, nothing changes.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DifferChoice, Differing } from '../../core/data/import';
import type { CheckIn } from '../../core/schema';
import { localDayKey } from '../../core/time';
import { formatTime } from '../shared/copy';
import { i18n } from '../shared/words';
import { dayHeading, feelingWords, outletWords } from './words';

/** Listed one by one; past these, one choice covers the rest (a file can hold thousands). */
export const DIFFER_LISTED = 20;
/** How much of a journal line names a version: enough to recognise it, short enough to scan. */
const PIECE = 60;

const HELPED_KEYS = {
  yes: 'history.helpedYes',
  'a-bit': 'history.helpedABit',
  no: 'history.helpedNo',
} as const;

const piece = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > PIECE ? `${flat.slice(0, PIECE)}…` : flat;
};

const whenWords = (entry: CheckIn, today: string) =>
  `${dayHeading(localDayKey(entry.at), today)}, ${formatTime(entry.at)}`;

/** "Today, 09:12 · Calm · A walk · It helped · “first words of the line…”" */
export function versionWords(entry: CheckIn, today: string): string {
  return [
    whenWords(entry, today),
    feelingWords(entry.feeling),
    entry.outletId ? outletWords(entry.outletId) : null,
    entry.helped ? i18n.t(HELPED_KEYS[entry.helped]) : null,
    entry.journal?.trim() ? `“${piece(entry.journal)}”` : i18n.t('data.differNoLine'),
  ]
    .filter((part): part is string => part !== null)
    .join(' · ');
}

const OPTIONS: [DifferChoice, 'data.differMine' | 'data.differTheirs' | 'data.differBoth'][] = [
  ['mine', 'data.differMine'],
  ['file', 'data.differTheirs'],
  ['both', 'data.differBoth'],
];

function Choice({
  name,
  value,
  onChange,
}: {
  name: string;
  value: DifferChoice;
  onChange: (choice: DifferChoice) => void;
}) {
  return (
    <div class="choices">
      {OPTIONS.map(([choice, key]) => (
        <label key={choice} class="choice">
          <input
            type="radio"
            name={name}
            value={choice}
            checked={value === choice}
            onChange={() => onChange(choice)}
          />{' '}
          {i18n.t(key)}
        </label>
      ))}
    </div>
  );
}

interface Props {
  differing: readonly Differing[];
  /** Today's local day, `YYYY-MM-DD`, for "Today" and "Yesterday". */
  today: string;
  /** Writes the choices, one per differing check-in; rejects when it couldn't. */
  onKeep: (choices: DifferChoice[]) => Promise<void>;
}

export function DifferingChoice({ differing, today, onKeep }: Props) {
  const listed = differing.slice(0, DIFFER_LISTED);
  const rest = differing.length - listed.length;
  const [choices, setChoices] = useState<DifferChoice[]>(() => listed.map(() => 'mine'));
  const [restChoice, setRestChoice] = useState<DifferChoice>('mine');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);

  const save = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await onKeep(differing.map((_, i) => (i < listed.length ? (choices[i] ?? 'mine') : restChoice)));
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="confirm differing" aria-labelledby="differ-heading">
      <h4 id="differ-heading" tabIndex={-1} ref={heading}>
        {i18n.t('data.differHeading')}
      </h4>
      <p class="help">{i18n.t('data.differIntro')}</p>
      <ol>
        {listed.map(({ stored, incoming }, i) => (
          <li key={stored.id}>
            <fieldset>
              <legend>
                {whenWords(stored, today)} · {feelingWords(stored.feeling)}
              </legend>
              <p>{i18n.t('data.differHere', [versionWords(stored, today)])}</p>
              <p>{i18n.t('data.differFile', [versionWords(incoming, today)])}</p>
              <Choice
                name={`differ-${i}`}
                value={choices[i] ?? 'mine'}
                onChange={(choice) => setChoices((now) => now.map((old, j) => (j === i ? choice : old)))}
              />
            </fieldset>
          </li>
        ))}
      </ol>
      {rest > 0 && (
        <fieldset>
          <legend>{i18n.t('data.differRest', [i18n.plural('data.checkIns', rest)])}</legend>
          <Choice name="differ-rest" value={restChoice} onChange={setRestChoice} />
        </fieldset>
      )}
      <button type="button" disabled={busy} onClick={() => void save()}>
        {i18n.t('data.differKeep')}
      </button>
      {failed && (
        <p class="error" role="alert">
          {i18n.t('data.differFailed')}
        </p>
      )}
    </section>
  );
}
