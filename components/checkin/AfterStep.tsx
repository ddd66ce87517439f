import type { After } from '../../core/schema';
import { i18n } from '../shared/words';
import { AfterQuestion } from './AfterQuestion';

interface Props {
  /** Whether the person was really away (core/away.ts): only then "Welcome back". */
  away?: boolean;
  onAnswer: (after: After | null) => void;
}

/** Right after a timed outlet or a breath: "And now?", once (core/checkin/after.ts). */
export function AfterStep({ away = false, onAnswer }: Props) {
  return (
    <section class="step" aria-labelledby="after-step-title">
      <h1 id="after-step-title" tabIndex={-1}>
        {i18n.t('checkin.afterTitle')}
      </h1>
      <AfterQuestion
        legend={away ? i18n.t('checkin.afterWelcome') : i18n.t('checkin.afterHint')}
        when="now"
        onAnswer={onAnswer}
      />
    </section>
  );
}
