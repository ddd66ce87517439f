import { useEffect, useState } from 'preact/hooks';
import { i18n } from '../shared/words';

interface Props {
  seconds: number;
  onDone: () => void;
}

// In for 4, out for 6: a longer out-breath is the calming part.
const IN = 4;
const OUT = 6;

/**
 * A one-minute paced breath: a circle that grows and shrinks, with the step also in words. With
 * prefers-reduced-motion the circle stays still (CSS) and the words carry the rhythm.
 */
export function BreathPacer({ seconds, onDone }: Props) {
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    if (elapsed >= seconds) {
      onDone();
      return;
    }
    const tick = setTimeout(() => setElapsed(elapsed + 1), 1000);
    return () => clearTimeout(tick);
  }, [elapsed]);
  const inCycle = elapsed % (IN + OUT);
  const breathingIn = inCycle < IN;
  const count = breathingIn ? IN - inCycle : IN + OUT - inCycle;
  return (
    <div class="breath">
      <div class={`breath-circle ${breathingIn ? 'in' : 'out'}`} aria-hidden="true" />
      <p class="breath-step" aria-live="polite">
        {breathingIn ? i18n.t('checkin.breatheIn') : i18n.t('checkin.breatheOut')} {count}
      </p>
      <p class="help">{i18n.plural('checkin.breathLeft', Math.max(0, seconds - elapsed))}</p>
    </div>
  );
}
