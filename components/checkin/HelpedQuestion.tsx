import type { Helped } from '../../core/insights';
import { outletTitle } from '../shared/copy';
import { i18n } from '../shared/words';
import { AnswerRow } from './AnswerRow';

interface Props {
  outletId: string;
  /** "earlier" when asked at the next check-in, "now" right after a timed outlet. */
  when: 'now' | 'earlier';
  onAnswer: (helped: Helped | null) => void;
}

/** "Did it help?", asked once: yes, a bit, no, or not answered at all. */
export function HelpedQuestion({ outletId, when, onAnswer }: Props) {
  return (
    <AnswerRow
      legend={
        when === 'earlier'
          ? i18n.t('checkin.helpedEarlier', [outletTitle(outletId)])
          : i18n.t('checkin.helpedNow')
      }
      class={`helped ${when}`}
      choices={[
        ['yes', i18n.t('checkin.helpedYes')],
        ['a-bit', i18n.t('checkin.helpedABit')],
        ['no', i18n.t('checkin.helpedNo')],
      ]}
      skip={i18n.t('checkin.helpedSkip')}
      onAnswer={onAnswer}
    />
  );
}
