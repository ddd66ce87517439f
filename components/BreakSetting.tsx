import { useEffect, useState } from 'preact/hooks';
import { BREAK_MINUTES_MAX, BREAK_MINUTES_MIN } from '../core/schema';
import { i18n } from '../platform/i18n';

interface Props {
  minutes: number;
  onChange: (minutes: number) => Promise<void>;
}

/** How long away from the computer counts as a break. */
export function BreakSetting({ minutes, onChange }: Props) {
  const [text, setText] = useState(String(minutes));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(String(minutes)), [minutes]);

  const save = async (event: Event) => {
    event.preventDefault();
    const value = Number(text.trim());
    if (
      text.trim() === '' ||
      !Number.isInteger(value) ||
      value < BREAK_MINUTES_MIN ||
      value > BREAK_MINUTES_MAX
    ) {
      setError(i18n.plural('options.breakInvalid', minutes));
      return;
    }
    setError(null);
    await onChange(value);
  };

  return (
    <form class="field" onSubmit={save} noValidate>
      <label for="break-minutes">{i18n.t('options.breakLabel')}</label>
      <div class="row">
        <input
          id="break-minutes"
          type="text"
          inputMode="numeric"
          size={4}
          value={text}
          aria-invalid={error !== null}
          aria-describedby={error ? 'break-help break-error' : 'break-help'}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <button type="submit" class="small">
          {i18n.t('options.save')}
        </button>
      </div>
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
