import { useState } from 'preact/hooks';
import { i18n } from '../shared/words';

interface Props {
  enabled: boolean;
  /** Asks the browser for access to the call sites; resolves to whether the person agreed. */
  requestAccess: () => Promise<boolean>;
  releaseAccess: () => Promise<void>;
  onChange: (enabled: boolean) => Promise<void>;
  /** The browser refused access (said here): the section no longer says "Saved". */
  onRefused?: () => void;
}

/** Opt-in: hold nudges during web calls. Access to the call sites is asked for only here. */
export function CallsSetting({ enabled, requestAccess, releaseAccess, onChange, onRefused }: Props) {
  const [note, setNote] = useState<string | null>(null);
  const toggle = async (on: boolean) => {
    if (on) {
      const granted = await requestAccess();
      if (!granted) {
        setNote(i18n.t('options.callsRefused'));
        onRefused?.();
        return;
      }
      setNote(null);
      await onChange(true);
    } else {
      setNote(null);
      await onChange(false);
      await releaseAccess();
    }
  };
  return (
    <div class="field">
      <label class="check">
        <input
          type="checkbox"
          checked={enabled}
          aria-describedby="calls-help"
          onChange={(event) => {
            const on = event.currentTarget.checked;
            event.currentTarget.checked = enabled;
            void toggle(on);
          }}
        />
        {i18n.t('options.callsLabel')}
      </label>
      <p id="calls-help" class="help">
        {i18n.t('options.callsHelp')}
      </p>
      {note && (
        <p class="error" role="alert">
          {note}
        </p>
      )}
    </div>
  );
}
