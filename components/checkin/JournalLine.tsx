import { useRef, useState } from 'preact/hooks';
import type { JournalField as FieldKind } from '../../core/outlets';
import { JOURNAL_MAX_LENGTH } from '../../core/schema';
import { i18n } from '../shared/words';
import { JournalField } from './JournalField';

interface Props {
  /** A question to write to; it changes from one journal outlet to the next. */
  prompt: string;
  /** What was typed before (this check-in's draft). */
  initial?: string;
  /** One line, a short list or a few paragraphs, as the outlet asks. */
  field?: FieldKind;
  onSave: (line: string) => Promise<void>;
  /** Each change, so the line is kept even if the step ends another way or the popup closes. */
  onInput?: (text: string) => void;
}

/** One line, saved right there. It never leaves the device. */
export function JournalLine({ prompt, initial = '', field = 'line', onSave, onInput }: Props) {
  const form = useRef<HTMLFormElement>(null);
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const line = text.trim();
    if (line === '') return setError(i18n.t('checkin.journalEmpty'));
    if (line.length > JOURNAL_MAX_LENGTH)
      return setError(i18n.plural('checkin.journalTooLong', JOURNAL_MAX_LENGTH));
    setBusy(true);
    try {
      await onSave(line);
    } catch {
      setError(i18n.t('checkin.saveFailed'));
      setBusy(false);
    }
  };

  return (
    <form class="journal" onSubmit={submit} ref={form}>
      <p class="prompt">{prompt}</p>
      <JournalField
        id="journal-line"
        kind={field}
        value={text}
        invalid={error !== null}
        describedBy={error ? 'journal-error' : undefined}
        onInput={(value) => {
          setText(value);
          setError(null);
          onInput?.(value);
        }}
        onSubmit={() => form.current?.requestSubmit()}
      >
        {/* Beside the field, not under it: a row less, so a list or a page fits the popup. */}
        <button type="submit" class="primary" disabled={busy}>
          {i18n.t('checkin.journalSave')}
        </button>
      </JournalField>
      {error && (
        <p id="journal-error" class="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
