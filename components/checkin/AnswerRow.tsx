import { stepHeading, useFocusOnLeave } from '../shared/focus';

interface Props<T extends string> {
  /** What is asked, as the group's name. */
  legend: string;
  /** The fieldset's classes (where it is asked, which question). */
  class: string;
  /** Each answer and its words, in the order shown. */
  choices: readonly (readonly [T, string])[];
  /** The words of the quiet "skip" at the end. */
  skip: string;
  /** Null: skipped. */
  onAnswer: (answer: T | null) => void;
}

/**
 * A question answered in one tap ("And now?", "Did it help?"): a row of answers and a skip. Answered,
 * the question goes: focus moves to the heading of the step it was on (or, right after an outlet, the
 * next step's heading, which the check-in focuses).
 */
export function AnswerRow<T extends string>({ legend, class: classes, choices, skip, onAnswer }: Props<T>) {
  const question = useFocusOnLeave<HTMLFieldSetElement>(stepHeading);
  return (
    <fieldset ref={question} class={classes}>
      <legend class="helped-title">{legend}</legend>
      <div class="row">
        {choices.map(([answer, words]) => (
          <button key={answer} type="button" class="small" onClick={() => onAnswer(answer)}>
            {words}
          </button>
        ))}
        <button type="button" class="small link" onClick={() => onAnswer(null)}>
          {skip}
        </button>
      </div>
    </fieldset>
  );
}
