import type { Helped } from '../../core/insights';
import { outletTitle } from '../shared/copy';
import { stepHeading, useFocusOnLeave } from '../shared/focus';
import { i18n } from '../shared/words';

interface Props {
  outletId: string;
  /** "earlier" when asked at the next check-in, "now" right after a timed outlet. */
  when: 'now' | 'earlier';
  onAnswer: (helped: Helped | null) => void;
}

/** "Did it help?", asked once: yes, a bit, no, or not answered at all. */
export function HelpedQuestion({ outletId, when, onAnswer }: Props) {
  // Answered, the question goes: focus to the heading of the step it was on (or, after a timed
  // outlet, the next step's heading, which the check-in focuses right after).
  const question = useFocusOnLeave<HTMLFieldSetElement>(stepHeading);
  return (
    <fieldset ref={question} class={`helped ${when}`}>
      <legend class="helped-title">
        {when === 'earlier'
          ? i18n.t('checkin.helpedEarlier', [outletTitle(outletId)])
          : i18n.t('checkin.helpedNow')}
      </legend>
      <div class="row">
        <button type="button" class="small" onClick={() => onAnswer('yes')}>
          {i18n.t('checkin.helpedYes')}
        </button>
        <button type="button" class="small" onClick={() => onAnswer('a-bit')}>
          {i18n.t('checkin.helpedABit')}
        </button>
        <button type="button" class="small" onClick={() => onAnswer('no')}>
          {i18n.t('checkin.helpedNo')}
        </button>
        <button type="button" class="small link" onClick={() => onAnswer(null)}>
          {i18n.t('checkin.helpedSkip')}
        </button>
      </div>
    </fieldset>
  );
}
