import { useState } from 'preact/hooks';
import { JOURNAL_MAX_LENGTH } from '../core/schema';
import { i18n } from '../platform/i18n';

interface Props {
  /** A question to write to; it changes from one journal outlet to the next. */
  prompt: string;
  /** What was typed before (this check-in's draft). */
  initial?: string;
  onSave: (line: string) => Promise<void>;
  /** Each change, so the line is kept even if the step ends another way or the popup closes. */
  onInput?: (text: string) => void;
}

/** One line, saved right there. It never leaves the device. */
export function JournalLine({ prompt, initial = '', onSave, onInput }: Props) {
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
    <form class="journal" onSubmit={submit}>
      <p class="prompt">{prompt}</p>
      <label for="journal-line">{i18n.t('checkin.journalLabel')}</label>
      <input
        id="journal-line"
        type="text"
        autoComplete="off"
        // Exactly what storage keeps: a longer line could never be saved.
        maxLength={JOURNAL_MAX_LENGTH}
        placeholder={i18n.t('checkin.journalPlaceholder')}
        value={text}
        aria-invalid={error !== null}
        aria-describedby={error ? 'journal-error' : undefined}
        onInput={(event) => {
          setText(event.currentTarget.value);
          setError(null);
          onInput?.(event.currentTarget.value);
        }}
      />
      {error && (
        <p id="journal-error" class="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class="primary" disabled={busy}>
        {i18n.t('checkin.journalSave')}
      </button>
    </form>
  );
}
