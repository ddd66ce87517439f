import { useState } from 'preact/hooks';
import { parseBreakInput } from '../../core/settings-form';
import { i18n } from '../shared/words';
import { MinutesField, useStoredNumberText } from './MinutesField';

interface Props {
  minutes: number;
  onChange: (minutes: number) => Promise<void>;
  onRefused?: () => void;
}

/** How long away from the computer counts as a break. Kept when the field is left, or on Enter. */
export function BreakSetting({ minutes, onChange, onRefused }: Props) {
  const [error, setError] = useState<string | null>(null);
  const { text, setText, kept } = useStoredNumberText(minutes, error !== null);

  const keep = (typed: string) => {
    const value = parseBreakInput(typed);
    if (value === null) {
      setError(i18n.plural('options.breakInvalid', minutes));
      onRefused?.();
      return;
    }
    setError(null);
    kept(typed);
    if (value !== minutes) void onChange(value).catch(() => undefined);
  };

  return (
    <MinutesField
      id="break-minutes"
      formClass="field"
      label={i18n.t('options.breakLabel')}
      help={i18n.t('options.breakHelp')}
      size={4}
      text={text}
      error={error}
      onInput={setText}
      onKeep={keep}
    />
  );
}
