// The encrypted copy's form: a passphrase typed twice, a gentle hint about its strength that never
// refuses one, and the plain truth that a forgotten passphrase can't be recovered. Props in,
// callbacks out; the panel runs the job (DataPanel.tsx).
import { useEffect, useRef, useState } from 'preact/hooks';
import { type PassphraseHint, passphraseHint } from '../../core/data/encrypted';
import type { MessageKey } from '../../core/words';
import { i18n } from '../shared/words';

const HINT_KEYS: Record<Exclude<PassphraseHint, 'empty'>, MessageKey> = {
  short: 'crypto.hintShort',
  fair: 'crypto.hintFair',
  strong: 'crypto.hintStrong',
};

interface Props {
  busy: boolean;
  /** Makes the copy locked with `passphrase`. */
  onSubmit: (passphrase: string) => void;
  onCancel: () => void;
}

export function EncryptedExport({ busy, onSubmit, onCancel }: Props) {
  const [first, setFirst] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<'empty' | 'mismatch' | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const hint = passphraseHint(first);

  const submit = (event: Event) => {
    event.preventDefault();
    if (hint === 'empty') return setError('empty');
    // Compared as typed: the copy is locked with exactly this passphrase (NFC, data-crypto.ts).
    if (first.normalize('NFC') !== again.normalize('NFC')) return setError('mismatch');
    setError(null);
    onSubmit(first);
  };

  return (
    <form
      class="confirm crypto-export"
      aria-labelledby="crypto-export-heading"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !busy) onCancel();
      }}
    >
      <h4 id="crypto-export-heading" tabIndex={-1} ref={heading}>
        {i18n.t('crypto.exportHeading')}
      </h4>
      <p>{i18n.t('crypto.exportIntro')}</p>
      <div class="field">
        <label for="crypto-passphrase">{i18n.t('crypto.passphrase')}</label>
        <input
          id="crypto-passphrase"
          type="password"
          autocomplete="new-password"
          value={first}
          aria-describedby="crypto-passphrase-hint"
          aria-invalid={error === 'empty'}
          onInput={(event) => {
            setFirst(event.currentTarget.value);
            if (error === 'empty') setError(null);
          }}
        />
        {/* Polite: read when the hint changes (at most three times), never on every key. */}
        <p id="crypto-passphrase-hint" class="help" aria-live="polite">
          {hint === 'empty' ? '' : i18n.t(HINT_KEYS[hint] as 'crypto.hintShort')}
        </p>
      </div>
      <div class="field">
        <label for="crypto-passphrase-again">{i18n.t('crypto.passphraseAgain')}</label>
        <input
          id="crypto-passphrase-again"
          type="password"
          autocomplete="new-password"
          value={again}
          aria-invalid={error === 'mismatch'}
          aria-describedby={error ? 'crypto-export-error' : undefined}
          onInput={(event) => {
            setAgain(event.currentTarget.value);
            if (error === 'mismatch') setError(null);
          }}
        />
      </div>
      {error && (
        <p id="crypto-export-error" class="error" role="alert">
          {i18n.t(error === 'empty' ? 'crypto.needPassphrase' : 'crypto.mismatch')}
        </p>
      )}
      <p class="crypto-forgotten">{i18n.t('crypto.forgotten')}</p>
      <div class="actions">
        <button type="submit" disabled={busy}>
          {i18n.t('crypto.exportSubmit')}
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={onCancel}>
          {i18n.t('crypto.cancel')}
        </button>
      </div>
    </form>
  );
}
