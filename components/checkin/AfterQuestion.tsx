import type { After } from '../../core/schema';
import { i18n } from '../shared/words';
import { AnswerRow } from './AnswerRow';

interface Props {
  /** What is asked, as the group's name: "Compared with before:", or about an earlier outlet. */
  legend: string;
  /** "earlier" when asked on the first screen, below the feelings. */
  when: 'now' | 'earlier';
  /** Null: skipped (never asked again about this check-in). */
  onAnswer: (after: After | null) => void;
}

/** "And now?": lighter, about the same, or heavier than before the outlet; one tap, or skipped. */
export function AfterQuestion({ legend, when, onAnswer }: Props) {
  return (
    <AnswerRow
      legend={legend}
      class={`helped after ${when}`}
      choices={[
        ['lighter', i18n.t('checkin.afterLighter')],
        ['same', i18n.t('checkin.afterSame')],
        ['heavier', i18n.t('checkin.afterHeavier')],
      ]}
      skip={i18n.t('checkin.afterSkip')}
      onAnswer={onAnswer}
    />
  );
}
