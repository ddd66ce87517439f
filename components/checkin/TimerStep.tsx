import { outletById } from '../../core/outlets';
import { outletTitle } from '../shared/copy';
import { TimerAction } from './TimerAction';

export interface TimerProps {
  outletId: string;
  endsAt: number;
  clock: () => number;
  onStop: () => void;
  onOver: () => void;
}

/** The outlet's countdown length, for the ring. */
export const timerMinutes = (outletId: string) => {
  const action = outletById(outletId)?.action;
  return action?.kind === 'timer' ? action.minutes : undefined;
};

/** A walk or a move under way: its countdown, and "Stop early". */
export function TimerStep(props: TimerProps) {
  return (
    <section class="step" aria-labelledby="timer-title">
      <h1 id="timer-title" tabIndex={-1}>
        {outletTitle(props.outletId)}
      </h1>
      <TimerAction
        endsAt={props.endsAt}
        minutes={timerMinutes(props.outletId)}
        clock={props.clock}
        onStop={props.onStop}
        onOver={props.onOver}
      />
    </section>
  );
}
