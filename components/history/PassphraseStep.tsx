// The import's passphrase step, for a file that is an encrypted copy: one field, and one plain
// message when the passphrase doesn't open it (a wrong one and a changed file read alike: GCM can't
// tell them apart). Props in, callbacks out (DataPanel.tsx runs the import).
import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '../shared/words';

interface Props {
  /** The chosen file's name, so the person knows which copy asks. */
  fileName: string;
  /** The last passphrase didn't open it. */
  wrong: boolean;
  busy: boolean;
  onSubmit: (passphrase: string) => void;
  onCancel: () => void;
}

export function PassphraseStep({ fileName, wrong, busy, onSubmit, onCancel }: Props) {
  const [passphrase, setPassphrase] = useState('');
  const field = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  // After a wrong one: the field again, its text selected to type over.
  useEffect(() => {
    if (wrong && !busy) field.current?.select();
  }, [wrong, busy]);

  return (
    <form
      class="confirm crypto-import"
      aria-labelledby="crypto-import-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (passphrase !== '') onSubmit(passphrase);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !busy) onCancel();
      }}
    >
      <h4 id="crypto-import-heading" tabIndex={-1} ref={heading}>
        {i18n.t('crypto.importHeading')}
      </h4>
      <p>{i18n.t('crypto.importIntro', [fileName])}</p>
      <div class="field">
        <label for="crypto-import-passphrase">{i18n.t('crypto.passphrase')}</label>
        <input
          id="crypto-import-passphrase"
          ref={field}
          type="password"
          autocomplete="current-password"
          value={passphrase}
          aria-invalid={wrong}
          aria-describedby={wrong ? 'crypto-import-error' : undefined}
          onInput={(event) => setPassphrase(event.currentTarget.value)}
        />
      </div>
      {wrong && (
        <p id="crypto-import-error" class="error" role="alert">
          {i18n.t('crypto.wrong')}
        </p>
      )}
      <div class="actions">
        <button type="submit" disabled={busy || passphrase === ''}>
          {i18n.t('crypto.importSubmit')}
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={onCancel}>
          {i18n.t('crypto.cancel')}
        </button>
      </div>
    </form>
  );
}
