import { useEffect, useState } from 'preact/hooks';
import { MINUTE } from '../../core/time';
import { i18n } from '../shared/words';
import { CountdownRing } from './CountdownRing';

interface Props {
  endsAt: number;
  /** The timer's whole length, for the ring; without it the ring is full until the end. */
  minutes?: number;
  clock: () => number;
  onStop: () => void;
  onOver: () => void;
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

/** A countdown for a walk or a move. The background's alarm rings too, should the popup close. */
export function TimerAction({ endsAt, minutes, clock, onStop, onOver }: Props) {
  const [now, setNow] = useState(clock);
  const left = Math.max(0, endsAt - now);
  useEffect(() => {
    if (left === 0) {
      onOver();
      return;
    }
    const tick = setTimeout(() => setNow(clock()), Math.min(1000, left));
    return () => clearTimeout(tick);
  }, [now]);
  const seconds = Math.ceil(left / 1000);
  return (
    <div class="timer">
      <CountdownRing left={minutes ? left / (minutes * MINUTE) : 1}>
        <p class="countdown" role="timer" aria-label={i18n.t('checkin.timeLeft')}>
          {twoDigits(Math.floor(seconds / 60))}:{twoDigits(seconds % 60)}
        </p>
      </CountdownRing>
      <p class="help">{i18n.t('checkin.timerNote')}</p>
      <button type="button" class="small" onClick={onStop}>
        {i18n.t('checkin.timerStop')}
      </button>
    </div>
  );
}
