// The steps after an outlet was chosen: a countdown, a paced breath, "did it help?". They come with
// the outlet step's code (outlet-flow.ts), after the popup's first screen.
import type { Helped } from '../core/insights';
import { outletById } from '../core/outlets';
import { i18n } from '../platform/i18n';
import { BreathPacer } from './BreathPacer';
import { outletTitle } from './copy';
import { HelpedQuestion } from './HelpedQuestion';
import { TimerAction } from './TimerAction';

interface TimerProps {
  outletId: string;
  endsAt: number;
  clock: () => number;
  onStop: () => void;
  onOver: () => void;
}

/** The outlet's countdown length, for the ring. */
const timerMinutes = (outletId: string) => {
  const action = outletById(outletId)?.action;
  return action?.kind === 'timer' ? action.minutes : undefined;
};

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

export function BreathStep({
  outletId,
  seconds,
  onDone,
}: {
  outletId: string;
  seconds: number;
  onDone: () => void;
}) {
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

export function HelpedStep({
  outletId,
  away = false,
  onAnswer,
}: {
  outletId: string;
  /** Whether the person was really away (core/away.ts): only then "Welcome back". */
  away?: boolean;
  onAnswer: (helped: Helped | null) => void;
}) {
  return (
    <section class="step" aria-labelledby="helped-step-title">
      <h1 id="helped-step-title" tabIndex={-1}>
        {away ? i18n.t('checkin.welcomeBack') : i18n.t('checkin.howWasThat')}
      </h1>
      <HelpedQuestion outletId={outletId} when="now" onAnswer={onAnswer} />
    </section>
  );
}

/** On the first screen while a walk is still going: its countdown. */
export function RunningTimer(props: TimerProps) {
  return (
    <div class="running">
      <p class="help">{i18n.t('checkin.timerRunning', [outletTitle(props.outletId)])}</p>
      <TimerAction
        endsAt={props.endsAt}
        minutes={timerMinutes(props.outletId)}
        clock={props.clock}
        onStop={props.onStop}
        onOver={props.onOver}
      />
    </div>
  );
}
