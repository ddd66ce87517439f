import type { After } from '../../core/schema';
import { stepHeading, useFocusOnLeave } from '../shared/focus';
import { i18n } from '../shared/words';

interface Props {
  /** What is asked, as the group's name: "Compared with before:", or about an earlier outlet. */
  legend: string;
  /** "earlier" when asked on the first screen, below the feelings. */
  when: 'now' | 'earlier';
  /** Null: skipped (never asked again about this check-in). */
  onAnswer: (after: After | null) => void;
}

const CHOICES = [
  ['lighter', 'checkin.afterLighter'],
  ['same', 'checkin.afterSame'],
  ['heavier', 'checkin.afterHeavier'],
] as const satisfies readonly (readonly [After, string])[];

/** "And now?": lighter, about the same, or heavier than before the outlet; one tap, or skipped. */
export function AfterQuestion({ legend, when, onAnswer }: Props) {
  // Answered on the first screen, the question goes: focus to that step's heading. Right after an
  // outlet, the next step's heading takes it (the check-in focuses it).
  const question = useFocusOnLeave<HTMLFieldSetElement>(stepHeading);
  return (
    <fieldset ref={question} class={`helped after ${when}`}>
      <legend class="helped-title">{legend}</legend>
      <div class="row">
        {CHOICES.map(([after, key]) => (
          <button key={after} type="button" class="small" onClick={() => onAnswer(after)}>
            {i18n.t(key)}
          </button>
        ))}
        <button type="button" class="small link" onClick={() => onAnswer(null)}>
          {i18n.t('checkin.afterSkip')}
        </button>
      </div>
    </fieldset>
  );
}
