import { useRef, useState } from 'preact/hooks';
import type { Context } from '../../core/schema';
import { i18n } from '../shared/words';

interface Props {
  /** null while still loading: the summary then says only what it is about. */
  context: Context | null;
  onChange: (context: Context) => void;
}

const MINUTES = [2, 5, 15] as const;

/** "At my desk · not alone · 5 min", in the person's words for what they told us last time. */
export function contextSummary(context: Context): string {
  return i18n.t('checkin.contextSummary', [
    i18n.t(context.canStepAway ? 'checkin.contextAway' : 'checkin.contextDesk'),
    i18n.t(context.alone ? 'checkin.contextAlone' : 'checkin.contextNotAlone'),
    i18n.plural('checkin.minutes', context.minutes),
  ]);
}

/**
 * Where the person is, before the feelings (it shapes the suggestion): one line that opens into the
 * three choices, remembered between check-ins. Escape closes it, back onto the line.
 */
export function ContextPicker({ context, onChange }: Props) {
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  return (
    <div class="context">
      <button
        ref={toggle}
        type="button"
        id="context-summary"
        class="context-summary"
        aria-expanded={open}
        // Only while the choices exist: an ARIA reference must always resolve (issue 16).
        aria-controls={open && context ? 'context-choices' : undefined}
        onClick={() => setOpen(!open)}
      >
        {context ? (
          <>
            <span class="visually-hidden">{i18n.t('checkin.contextLegend')}: </span>
            {contextSummary(context)}
          </>
        ) : (
          i18n.t('checkin.contextLegend')
        )}
      </button>
      {open && context && (
        <fieldset
          id="context-choices"
          class="context-choices"
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.stopPropagation();
            close();
          }}
        >
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
      )}
    </div>
  );
}
