import { useMemo, useState } from 'preact/hooks';
import { firstScreenQuestion } from '../../core/checkin/after';
import type { FlowEvent, FlowState } from '../../core/checkin/flow';
import { supportSignal } from '../../core/insights/signals';
import { MINUTE } from '../../core/time';
import type { CheckInActions, CheckInData } from './CheckIn';
import type { FeelingsStepProps } from './FeelingsStep';

/**
 * What waits on the first screen besides the feelings: the support card, a walk the flow doesn't
 * hold still running, one question about the latest outlet ("And now?" or "did it help?"). Computed from the data; each answered through
 * the flow.
 */
export function useFirstScreen({
  data,
  actions,
  state,
  act,
  failed,
}: {
  data: CheckInData;
  actions: CheckInActions;
  state: FlowState;
  act: (event: FlowEvent) => void;
  failed: () => void;
}): Pick<FeelingsStepProps, 'support' | 'running' | 'earlier' | 'after'> {
  const [supportHidden, setSupportHidden] = useState(false);
  const history = data.history ?? [];
  // A running timer the flow doesn't hold (from before it was kept, or a walk left for a new
  // check-in): its countdown on the first screen.
  const runningTimer = data.timer && data.timer.endsAt > data.now ? data.timer : null;
  const timerEntry = runningTimer ? history.find((c) => c.id === runningTimer.checkInId) : undefined;
  // One question about the latest outlet: "And now?" soon after it, else "did it help?".
  const question =
    state.step.name === 'feelings'
      ? firstScreenQuestion(history, data.now, runningTimer?.checkInId ?? null, state.answered)
      : null;
  const asked = question?.entry.outletId ? { ...question, outletId: question.entry.outletId } : null;
  // Once per history, not at every render: the step after "Done" is drawn without going over it.
  const signal = useMemo(
    () =>
      data.history && data.support
        ? supportSignal(history, data.support, data.now)
        : { show: false as const },
    [data.history, data.support, data.now],
  );
  return {
    support:
      signal.show && !supportHidden
        ? {
            reason: signal.reason,
            onOpenSupport: actions.openSupport,
            onDismiss: () => {
              setSupportHidden(true);
              void Promise.resolve(actions.dismissSupport()).catch(failed);
            },
          }
        : null,
    running:
      runningTimer && timerEntry?.outletId
        ? {
            outletId: timerEntry.outletId,
            endsAt: runningTimer.endsAt,
            clock: actions.clock,
            onStop: actions.stopTimer,
            onOver: () =>
              act({
                type: 'earlier-timer-over',
                entry: timerEntry,
                // The walk ran its whole length: it began its minutes before its end.
                startedAt: runningTimer.endsAt - runningTimer.minutes * MINUTE,
              }),
          }
        : null,
    earlier:
      asked?.kind === 'helped'
        ? {
            outletId: asked.outletId,
            onAnswer: (helped) => act({ type: 'answer-earlier', entry: asked.entry, helped }),
          }
        : null,
    after:
      asked?.kind === 'after'
        ? {
            outletId: asked.outletId,
            onAnswer: (after) =>
              act({ type: 'after-earlier', entry: asked.entry, after, at: actions.clock() }),
          }
        : null,
  };
}
