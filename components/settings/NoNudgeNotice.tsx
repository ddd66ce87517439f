import { i18n } from '../shared/words';

interface Props {
  /** Why no nudge can come: no day has active hours, or no stretch is long enough for one. */
  reason: 'no-hours' | 'too-short';
}

/**
 * At the top of the settings, whenever they leave no nudge possible (the popup's "No nudge fits
 * your active hours"), with the way to mend it: the link goes to the hours and focuses them.
 */
export function NoNudgeNotice({ reason }: Props) {
  return (
    <div class="notice no-nudge" role="status">
      <p>{i18n.t(reason === 'no-hours' ? 'options.hoursNoneLeft' : 'options.noNudgeShort')}</p>
      <a href="#hours">{i18n.t('options.noNudgeFix')}</a>
    </div>
  );
}
