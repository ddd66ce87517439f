import { useState } from 'preact/hooks';
import { firstMessageIndex, readyMessageKeys } from '../../core/ready-message';
import type { TrustedPerson } from '../../core/schema';
import { copyText } from '../../platform/clipboard';
import { i18n } from '../../platform/i18n';

interface Props {
  outletId: string;
  person: TrustedPerson;
  /** Injected in tests; the clipboard otherwise. */
  copy?: (text: string) => Promise<'copied' | 'refused'>;
}

/** A short, kind message for this outlet, ready to copy with one click and paste anywhere. */
export function ReadyMessage({ outletId, person, copy = copyText }: Props) {
  const keys = readyMessageKeys(outletId);
  const [index, setIndex] = useState(() => firstMessageIndex(outletId, person.id, keys.length));
  const [result, setResult] = useState<'copied' | 'refused' | null>(null);
  const key = keys[index % keys.length];
  if (!key) return null;
  const text = i18n.dynamic(key, [person.name]);
  return (
    <div class="ready">
      <p class="ready-label">{i18n.t('checkin.readyLabel')}</p>
      <p class="ready-text">{text}</p>
      <div class="row">
        <button
          type="button"
          onClick={async () => {
            setResult(null);
            setResult(await copy(text));
          }}
        >
          {i18n.t('checkin.readyCopy')}
        </button>
        {keys.length > 1 && (
          <button
            type="button"
            class="link small"
            onClick={() => {
              setIndex(index + 1);
              setResult(null);
            }}
          >
            {i18n.t('checkin.readyOther')}
          </button>
        )}
      </div>
      <p class={result === 'refused' ? 'error' : 'help'} role="status">
        {result === 'copied'
          ? i18n.t('checkin.readyCopied', [person.name])
          : result === 'refused'
            ? i18n.t('checkin.readyRefused')
            : ''}
      </p>
    </div>
  );
}
