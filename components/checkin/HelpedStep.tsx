import type { Helped } from '../../core/insights';
import { i18n } from '../shared/words';
import { HelpedQuestion } from './HelpedQuestion';

interface Props {
  outletId: string;
  /** Whether the person was really away (core/away.ts): only then "Welcome back". */
  away?: boolean;
  onAnswer: (helped: Helped | null) => void;
}

/** Right after a timed outlet or a breath: "did it help?", once. */
export function HelpedStep({ outletId, away = false, onAnswer }: Props) {
  return (
    <section class="step" aria-labelledby="helped-step-title">
      <h1 id="helped-step-title" tabIndex={-1}>
        {away ? i18n.t('checkin.welcomeBack') : i18n.t('checkin.howWasThat')}
      </h1>
      <HelpedQuestion outletId={outletId} when="now" onAnswer={onAnswer} />
    </section>
  );
}
