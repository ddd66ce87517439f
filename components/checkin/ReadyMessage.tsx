import { useContext, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { firstMessageIndex, readyMessageKeys } from '../../core/ready-message';
import type { TrustedPerson } from '../../core/schema';
import { i18n } from '../shared/words';
import { CheckInPageContext } from './page';

interface Props {
  outletId: string;
  person: TrustedPerson;
  /** Injected in tests; the page's clipboard otherwise (page.ts). */
  copy?: (text: string) => Promise<'copied' | 'refused'>;
  /** Escape closes it (and only it: the check-in stays on its step). */
  onClose?: () => void;
  /**
   * Copied as it opens: the click that opened it ("Copy a ready message") is the one click that
   * puts the message on the clipboard. Still within that click's user activation, which the
   * clipboard asks for.
   */
  copyAtOnce?: boolean;
}

/**
 * A short, kind message for this outlet, ready to copy with one click and paste anywhere. Opened
 * from its button, focus goes to "Copy message", which the message describes.
 */
export function ReadyMessage({ outletId, person, copy: givenCopy, onClose, copyAtOnce = false }: Props) {
  const pageCopy = useContext(CheckInPageContext).copyText;
  const copy = givenCopy ?? pageCopy;
  const copyButton = useRef<HTMLButtonElement>(null);
  const keys = readyMessageKeys(outletId);
  const [index, setIndex] = useState(() => firstMessageIndex(outletId, person.id, keys.length));
  const [result, setResult] = useState<'copied' | 'refused' | null>(null);
  const key = keys[index % keys.length];
  const text = key ? i18n.dynamic(key, [person.name]) : '';
  const copyNow = async () => {
    setResult(null);
    setResult(await copy(text));
  };
  useLayoutEffect(() => {
    if (onClose) copyButton.current?.focus();
    if (copyAtOnce && text) void copyNow();
  }, []);
  if (!key) return null;
  return (
    <section
      id="ready-message"
      class="ready"
      aria-labelledby="ready-label"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !onClose) return;
        event.stopPropagation();
        onClose();
      }}
    >
      <p id="ready-label" class="ready-label">
        {i18n.t('checkin.readyLabel')}
      </p>
      <p id="ready-text" class="ready-text">
        {text}
      </p>
      <div class="row">
        <button ref={copyButton} type="button" aria-describedby="ready-text" onClick={copyNow}>
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
    </section>
  );
}
