import { useEffect, useState } from 'preact/hooks';
import { i18n } from '../shared/words';

interface Props {
  /** The keys that open the check-in, as the browser shows them; '' when none is set. */
  read: () => Promise<string>;
  /** Opens the browser's own shortcut settings. */
  open: () => Promise<void>;
  /** Firefox opens its add-ons page, where the shortcuts sit behind the gear menu: say where. */
  firefox: boolean;
}

/**
 * The shortcut that opens the check-in, and a way to change it. Browsers keep shortcuts on a page
 * of their own, so the keys are read again whenever this page is shown again (back from that page).
 */
export function ShortcutSetting({ read, open, firefox }: Props) {
  // undefined: not read yet; null: the browser couldn't say.
  const [keys, setKeys] = useState<string | null | undefined>(undefined);
  const [openFailed, setOpenFailed] = useState(false);

  useEffect(() => {
    let live = true;
    const refresh = () =>
      read().then(
        (shortcut) => live && setKeys(shortcut),
        () => live && setKeys(null),
      );
    void refresh();
    const onShown = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onShown);
    return () => {
      live = false;
      document.removeEventListener('visibilitychange', onShown);
    };
  }, [read]);

  const change = async () => {
    setOpenFailed(false);
    try {
      await open();
    } catch {
      setOpenFailed(true);
    }
  };

  return (
    <div class="field">
      <h3 id="shortcut-title">{i18n.t('options.shortcutTitle')}</h3>
      {/* The keys, and the way to change them, on one line. */}
      <div class="shortcut-line">
        {keys === null ? (
          <p>{i18n.t('options.shortcutUnknown')}</p>
        ) : (
          <p>
            {i18n.t('options.shortcutLabel')}{' '}
            {keys === undefined ? null : keys ? (
              <kbd class="shortcut">{keys}</kbd>
            ) : (
              <strong>{i18n.t('options.shortcutNotSet')}</strong>
            )}
          </p>
        )}
        <button type="button" aria-describedby="shortcut-help" onClick={() => void change()}>
          {i18n.t('options.shortcutChange')}
        </button>
      </div>
      <p id="shortcut-help" class="help">
        {i18n.t(firefox ? 'options.shortcutHelpFirefox' : 'options.shortcutHelp')}
      </p>
      {openFailed && (
        <p class="error" role="alert">
          {i18n.t('options.shortcutOpenFailed')}
        </p>
      )}
    </div>
  );
}
