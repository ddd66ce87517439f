import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import {
  checkInFlow,
  type FirstPick,
  type FlowEvent,
  type FlowResult,
  INITIAL_FLOW,
} from '../../core/checkin/flow';
import type { FeelingId } from '../../core/feelings';
import { fixedOfferFamily } from '../../core/schedule';
import { type Context, DEFAULT_CONTEXT_STATE, DEFAULT_SETTINGS } from '../../core/schema';
import type { CheckInActions, CheckInData } from './CheckIn';
import { useCheckInFlow } from './useCheckInFlow';
import { useOffers } from './useOffers';

/**
 * The check-in's session: the flow (core/checkin/flow.ts, run and stored by useCheckInFlow) as the
 * page opens it (a check-in taken up, a feeling clicked on the first screen), what the person does
 * turned into its events, and what follows the data (a walk the background ended, a feeling picked
 * before the settings arrived), focus on each new step's heading, Escape as one step back.
 * CheckIn.tsx only shows the step.
 */
export function useCheckIn({
  data,
  actions,
  firstPick,
  resumed,
}: {
  data: CheckInData;
  actions: CheckInActions;
  firstPick: FirstPick | null;
  resumed: FlowResult | null | undefined;
}) {
  const [saveError, setSaveError] = useState(false);
  // The context as just chosen here, before storage has echoed it back.
  const [chosenContext, setChosenContext] = useState<Context | null>(null);
  const containerRef = useRef<HTMLElement>(null);
  const settings = data.settings ?? DEFAULT_SETTINGS;
  const shownContext = chosenContext ?? data.context;
  const context = shownContext ?? DEFAULT_CONTEXT_STATE;
  // A pick made before the person's families and context are known could break their choices (a walk
  // for someone who can't step away), and one before the schedule is would miss a fixed time's family
  // ("11:00: a walk"; the head script's read brings it, platform/early-read.ts). The history only
  // weighs the pick (what helped, what was shown lately): a feeling clicked in the first few
  // milliseconds doesn't wait for the database.
  const ready = data.settings !== null && data.context !== null && data.schedule !== null;
  const offerFor = useOffers({
    settings,
    context,
    history: data.history,
    now: data.now,
    random: actions.random,
    newId: actions.newId,
    clock: actions.clock,
    firstPick,
    learned: data.learned,
    own: data.own,
    // A fixed time's nudge ("11:00: a walk") opens with its family first (core/schedule.ts).
    firstFamily: fixedOfferFamily(data.schedule, data.now),
  });

  const runner = {
    saveCheckIn: actions.saveCheckIn,
    saveDraft: actions.saveDraft,
    startTimer: actions.startTimer,
    stopTimer: actions.stopTimer,
    saveFlow: actions.saveFlow,
    clock: actions.clock,
    onSaved: (stored: boolean) => setSaveError(!stored),
  };
  // The page opens on the check-in under way, if any. A feeling clicked on the first screen starts a
  // new one instead.
  const { state, send, resume, settle, current } = useCheckInFlow(() => {
    const [resumedState, resumedEffects] = resumed ?? [INITIAL_FLOW, []];
    const keep = resumed != null || firstPick !== null;
    if (!firstPick) return { state: resumedState, effects: resumedEffects, keep };
    // The person saw the feelings and picked one: that starts a new check-in, whatever was under way
    // (the head script leaves the feelings out when it knows of one: platform/checkin-handover.ts).
    const [opened, ended] = checkInFlow(resumedState, { type: 'restart' });
    const effects = [...resumedEffects, ...ended];
    if (!ready)
      return { state: checkInFlow(opened, { type: 'wait', feeling: firstPick.feeling })[0], effects, keep };
    // With the data there, the check-in starts at its outlet: the feelings are not drawn a second
    // time just to be left (that render sat between the click and the outlet step).
    const [offered, more] = checkInFlow(opened, { type: 'offer', ...offerFor(firstPick.feeling, null) });
    return { state: offered, effects: [...effects, ...more], keep };
  }, runner);
  const { step } = state;
  const act = (event: FlowEvent) => void send(event).catch(() => undefined);

  // Read after the first render (a page without the head script's read): taken up unless the person
  // has already begun something else.
  const waitedForResume = useRef(resumed === undefined);
  useEffect(() => {
    if (!waitedForResume.current || resumed === undefined) return;
    waitedForResume.current = false;
    if (!resumed) return;
    if (current.current === INITIAL_FLOW) void resume(resumed).catch(() => undefined);
    // The person began another check-in meanwhile: the one under way ends as it would (a walk is
    // recorded), so nothing of it is lost.
    else void settle([...resumed[1], ...checkInFlow(resumed[0], { type: 'restart' })[1]]);
  }, [resumed]);

  // Keyboard and screen-reader users land on each new step's heading, in the same frame as the step
  // (the button pressed has gone: focus must never fall to the page body meanwhile).
  useLayoutEffect(() => {
    if (state.focusTurn > 0) containerRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [state.focusTurn]);

  const choose = (feeling: FeelingId) =>
    act(ready ? { type: 'offer', ...offerFor(feeling, null) } : { type: 'wait', feeling });

  // A feeling picked before the data arrived (even before the app ran: mountCheckIn replays it).
  useEffect(() => {
    if (ready && state.waiting) choose(state.waiting);
  }, [ready, state.waiting]);

  // Escape is one step back; menus (pause, where you are) close first and stop the key there.
  useEffect(() => {
    const container = containerRef.current;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) act({ type: 'back' });
    };
    container?.addEventListener('keydown', onKey);
    return () => container?.removeEventListener('keydown', onKey);
  }, []);

  // The background ends a timer at its alarm (which may ring a moment early, or late after a
  // sleep): once the stored timer is gone, the walk is over here too.
  useEffect(() => {
    if (step.name !== 'timer') return;
    if (data.timer?.checkInId === step.entry.id) act({ type: 'timer-stored' });
    else if (step.started) act({ type: 'timer-over' });
  }, [data.timer, step]);

  const saveContext = (next: Context) => {
    setChosenContext(next);
    void Promise.resolve(actions.saveContext(next)).catch(() => setSaveError(true));
  };

  return {
    state,
    act,
    send,
    offerFor,
    choose,
    settings,
    shownContext,
    saveContext,
    saveError,
    /** A save elsewhere on the page (dismissing the support card) failed: said like the flow's. */
    failed: () => setSaveError(true),
    containerRef,
  };
}
