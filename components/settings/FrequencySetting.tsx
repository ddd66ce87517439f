import { useState } from 'preact/hooks';
import { type IntervalInputResult, parseIntervalInput } from '../../core/inputs';
import { INTERVAL_PRESETS } from '../../core/schema';
import { i18n } from '../shared/words';
import { MinutesField, useStoredNumberText } from './MinutesField';

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
  const [error, setError] = useState<string | null>(null);
  const { text, setText, kept } = useStoredNumberText(minutes, error !== null, (stored) =>
    setCustom(!isPreset(stored) || custom),
  );

  const keepCustom = (typed: string) => {
    const result = parseIntervalInput(typed);
    if (!result.ok) {
      setError(`${errorText[result.reason]()} ${i18n.plural('options.keptValue', minutes)}`);
      onRefused?.();
      return;
    }
    setError(null);
    kept(typed);
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
          kept(choice);
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
        <MinutesField
          id="custom-minutes"
          formClass="custom-interval"
          label={i18n.t('options.customLabel')}
          help={i18n.t('options.customHelp')}
          size={5}
          text={text}
          error={error}
          onInput={setText}
          onKeep={keepCustom}
        />
      )}
    </div>
  );
}
