import { outletTitle } from '../shared/copy';
import { stepHeading, useFocusOnLeave } from '../shared/focus';
import { i18n } from '../shared/words';
import { TimerAction } from './TimerAction';
import { type TimerProps, timerMinutes } from './TimerStep';

/** On the first screen while a walk from an earlier check-in is still going: its countdown. */
export function RunningTimer(props: TimerProps) {
  // "Stop early" (or the walk's end): once the walk is gone from storage, focus to the step's heading.
  const running = useFocusOnLeave<HTMLDivElement>(stepHeading);
  return (
    <div ref={running} class="running">
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
