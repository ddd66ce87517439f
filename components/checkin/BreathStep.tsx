import { outletTitle } from '../shared/copy';
import { i18n } from '../shared/words';
import { BreathPacer } from './BreathPacer';

interface Props {
  outletId: string;
  seconds: number;
  onDone: () => void;
}

/** A paced breath, with a way out whenever it's enough. */
export function BreathStep({ outletId, seconds, onDone }: Props) {
  return (
    <section class="step" aria-labelledby="breath-title">
      <h1 id="breath-title" tabIndex={-1}>
        {outletTitle(outletId)}
      </h1>
      <BreathPacer seconds={seconds} onDone={onDone} />
      <button type="button" class="link" onClick={onDone}>
        {i18n.t('checkin.breathEnough')}
      </button>
    </section>
  );
}
