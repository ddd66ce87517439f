import { i18n } from '../../platform/i18n';

interface Props {
  value: number | undefined;
  onChange: (intensity: number) => void;
}

const LEVELS = [1, 2, 3, 4, 5] as const;

/**
 * How strong the feeling is, 1 (faint) to 5 (very strong), optional. Native radios: one Tab stop,
 * arrow keys inside, and focus stays in the group while the suggestion below is fitted to it.
 */
export function StrengthPicker({ value, onChange }: Props) {
  return (
    <fieldset class="intensity">
      <legend>{i18n.t('checkin.intensityLabel')}</legend>
      <div class="scale">
        <span class="end" aria-hidden="true">
          {i18n.t('checkin.strengthFaint')}
        </span>
        {LEVELS.map((level) => (
          <label key={level} class="level">
            <input
              type="radio"
              name="intensity"
              value={String(level)}
              checked={value === level}
              onChange={() => onChange(level)}
            />
            <span>{i18n.dynamic(`checkin.intensity.i${level}`)}</span>
            {level === 1 && <span class="visually-hidden"> {i18n.t('checkin.strengthFaint')}</span>}
            {level === 5 && <span class="visually-hidden"> {i18n.t('checkin.strengthStrong')}</span>}
          </label>
        ))}
        <span class="end" aria-hidden="true">
          {i18n.t('checkin.strengthStrong')}
        </span>
      </div>
    </fieldset>
  );
}
