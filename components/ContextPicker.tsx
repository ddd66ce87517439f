import type { Context } from '../core/schema';
import { i18n } from '../platform/i18n';

interface Props {
  context: Context;
  onChange: (context: Context) => void;
}

const MINUTES = [2, 5, 15] as const;

/** Optional context, remembered between check-ins: it keeps suggestions possible where you are. */
export function ContextPicker({ context, onChange }: Props) {
  return (
    <fieldset class="context">
      <legend class="visually-hidden">{i18n.t('checkin.contextLegend')}</legend>
      <label class="check chip">
        <input
          type="checkbox"
          checked={context.canStepAway}
          onChange={(e) => onChange({ ...context, canStepAway: e.currentTarget.checked })}
        />
        {i18n.t('checkin.canStepAway')}
      </label>
      <label class="check chip">
        <input
          type="checkbox"
          checked={context.alone}
          onChange={(e) => onChange({ ...context, alone: e.currentTarget.checked })}
        />
        {i18n.t('checkin.alone')}
      </label>
      <span class="minutes" role="radiogroup" aria-label={i18n.t('checkin.timeLabel')}>
        {MINUTES.map((minutes) => (
          <label key={minutes} class="check chip">
            <input
              type="radio"
              name="context-minutes"
              checked={context.minutes === minutes}
              onChange={() => onChange({ ...context, minutes })}
            />
            {i18n.plural('checkin.minutes', minutes)}
          </label>
        ))}
      </span>
    </fieldset>
  );
}
