import { useEffect, useRef, useState } from 'preact/hooks';
import { parseBreakInput } from '../../core/settings-form';
import { i18n } from '../../platform/i18n';

interface Props {
  minutes: number;
  onChange: (minutes: number) => Promise<void>;
  onRefused?: () => void;
}

/** How long away from the computer counts as a break. Kept when the field is left, or on Enter. */
export function BreakSetting({ minutes, onChange, onRefused }: Props) {
  const [text, setText] = useState(String(minutes));
  const [error, setError] = useState<string | null>(null);
  // What the field said when it last matched the stored value: typing since then is the person's.
  const shown = useRef(text);
  // Follow the stored value when it changes elsewhere, unless the person has typed since (a save is
  // written up to half a second later: its echo must not wipe a number typed meanwhile).
  useEffect(() => {
    if (error || text !== shown.current) return;
    shown.current = String(minutes);
    setText(shown.current);
  }, [minutes]);

  // What the field holds now (a blur can come before the re-render that follows the typing).
  const keep = (typed: string) => {
    const value = parseBreakInput(typed);
    if (value === null) {
      setError(i18n.plural('options.breakInvalid', minutes));
      onRefused?.();
      return;
    }
    setError(null);
    shown.current = typed;
    if (value !== minutes) void onChange(value).catch(() => undefined);
  };

  return (
    <form
      class="field"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        keep(text);
      }}
    >
      <label for="break-minutes">{i18n.t('options.breakLabel')}</label>
      <input
        id="break-minutes"
        type="text"
        inputMode="numeric"
        size={4}
        value={text}
        aria-invalid={error !== null}
        aria-describedby={error ? 'break-help break-error' : 'break-help'}
        onInput={(e) => setText(e.currentTarget.value)}
        onBlur={(event) => keep(event.currentTarget.value)}
      />
      <p id="break-help" class="help">
        {i18n.t('options.breakHelp')}
      </p>
      {error && (
        <p id="break-error" class="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
