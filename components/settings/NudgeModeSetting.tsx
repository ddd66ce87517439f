import type { NudgeMode } from '../../core/schema';
import { i18n } from '../shared/words';
import { nudgeModeWords } from './words';

interface Props {
  mode: NudgeMode;
  onChange: (mode: NudgeMode) => Promise<void>;
}

const HELP: Record<NudgeMode, () => string> = {
  offer: () => i18n.t('offer_modeOfferHelp'),
  quiet: () => i18n.t('offer_modeQuietHelp'),
  'at-once': () => i18n.t('offer_modeAtOnceHelp'),
};

// The offer first: it is the default, and the middle way between the other two.
const ORDER: readonly NudgeMode[] = ['offer', 'quiet', 'at-once'];

/**
 * "How a nudge comes" (issue 18): at a good moment, quietly on the icon, or right away, each with
 * what it does in plain words. One group of radios (arrow keys move within it); kept when chosen.
 */
export function NudgeModeSetting({ mode, onChange }: Props) {
  return (
    <fieldset class="nudge-mode">
      <legend>{i18n.t('offer_modeLabel')}</legend>
      {ORDER.map((choice) => (
        <div key={choice} class="mode-choice">
          <label class="check">
            <input
              type="radio"
              name="nudge-mode"
              value={choice}
              checked={mode === choice}
              aria-describedby={`nudge-mode-${choice}-help`}
              onChange={(event) => {
                // Shown as stored until the change is kept (the stored value then re-renders it).
                event.currentTarget.checked = false;
                void onChange(choice).catch(() => undefined);
              }}
            />
            {nudgeModeWords(choice)}
          </label>
          <p id={`nudge-mode-${choice}-help`} class="help">
            {HELP[choice]()}
          </p>
        </div>
      ))}
    </fieldset>
  );
}
