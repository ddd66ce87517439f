import type { Outcome } from '../../core/checkin/flow';
import { i18n } from '../shared/words';

interface Props {
  outcome: Outcome;
  onAgain: () => void;
}

/** A kind word, whatever the person did; skipping is fine. */
export function ThanksStep({ outcome, onAgain }: Props) {
  return (
    <section class="step thanks" aria-labelledby="thanks-title">
      <h1 id="thanks-title" tabIndex={-1}>
        {outcome === 'done' ? i18n.t('checkin.thanksDone') : i18n.t('checkin.thanksSkipped')}
      </h1>
      <button type="button" class="link" onClick={onAgain}>
        {i18n.t('checkin.again')}
      </button>
    </section>
  );
}
