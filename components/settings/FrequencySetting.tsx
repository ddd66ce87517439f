import { useEffect, useRef, useState } from 'preact/hooks';
import { type IntervalInputResult, parseIntervalInput } from '../../core/inputs';
import { INTERVAL_PRESETS } from '../../core/schema';
import { i18n } from '../../platform/i18n';

interface Props {
  minutes: number;
  onChange: (minutes: number) => Promise<void>;
  /** Typed input was refused (shown next to the field): the section no longer says "Saved". */
  onRefused?: () => void;
}

const CUSTOM = 'custom';

const errorText: Record<Exclude<IntervalInputResult, { ok: true }>['reason'], () => string> = {
  empty: () => i18n.t('options.errorEmpty'),
  'not-a-number': () => i18n.t('options.errorNotNumber'),
  'not-whole': () => i18n.t('options.errorNotWhole'),
  'too-small': () => i18n.t('options.errorTooSmall'),
  'too-large': () => i18n.t('options.errorTooLarge'),
};

const isPreset = (minutes: number) => (INTERVAL_PRESETS as readonly number[]).includes(minutes);

/**
 * "Nudge every": a few presets, kept as soon as one is chosen, or any whole number of minutes from
 * 15 to 240, kept when the field is left (or on Enter). A refused number stays in the field as typed.
 */
export function FrequencySetting({ minutes, onChange, onRefused }: Props) {
  const [custom, setCustom] = useState(!isPreset(minutes));
  const [text, setText] = useState(String(minutes));
  const [error, setError] = useState<string | null>(null);

  // What the field said when it last matched the stored value: typing since then is the person's.
  const shown = useRef(text);
  // Follow the stored value when it changes elsewhere (another options tab, a reset), unless the
  // field holds a refused value the person is still working on, or a number typed since (a save is
  // written up to half a second later: its echo must not wipe what was typed meanwhile).
  useEffect(() => {
    if (error || text !== shown.current) return;
    shown.current = String(minutes);
    setText(shown.current);
    setCustom(!isPreset(minutes) || custom);
  }, [minutes]);

  // What the field holds now (a blur can come before the re-render that follows the typing).
  const keepCustom = (typed: string) => {
    const result = parseIntervalInput(typed);
    if (!result.ok) {
      setError(`${errorText[result.reason]()} ${i18n.plural('options.keptValue', minutes)}`);
      onRefused?.();
      return;
    }
    setError(null);
    shown.current = typed;
    if (result.minutes !== minutes) void onChange(result.minutes).catch(() => undefined);
  };

  return (
    <div class="field">
      <label for="frequency">{i18n.t('options.frequencyLabel')}</label>
      <select
        id="frequency"
        value={custom ? CUSTOM : String(minutes)}
        onChange={(event) => {
          const choice = event.currentTarget.value;
          if (choice === CUSTOM) {
            setCustom(true);
            return;
          }
          setCustom(false);
          setError(null);
          setText(choice);
          shown.current = choice;
          void onChange(Number(choice)).catch(() => undefined);
        }}
      >
        {INTERVAL_PRESETS.map((preset) => (
          <option key={preset} value={String(preset)}>
            {i18n.plural('options.minutes', preset)}
          </option>
        ))}
        <option value={CUSTOM}>{i18n.t('options.custom')}</option>
      </select>
      {custom && (
        <form
          class="custom-interval"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            keepCustom(text);
          }}
        >
          <label for="custom-minutes">{i18n.t('options.customLabel')}</label>
          <input
            id="custom-minutes"
            type="text"
            inputMode="numeric"
            size={5}
            value={text}
            aria-invalid={error !== null}
            aria-describedby={error ? 'custom-help custom-error' : 'custom-help'}
            onInput={(event) => setText(event.currentTarget.value)}
            onBlur={(event) => keepCustom(event.currentTarget.value)}
          />
          <p id="custom-help" class="help">
            {i18n.t('options.customHelp')}
          </p>
          {error && (
            <p id="custom-error" class="error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
