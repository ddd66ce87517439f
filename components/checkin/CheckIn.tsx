import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { wasAway } from '../../core/away';
import { checkInFlow, type FirstPick, type FlowResult, INITIAL_FLOW } from '../../core/checkin/flow';
import type { StoredFlow } from '../../core/checkin/resume';
import { type FeelingId, feelingById } from '../../core/feelings';
import { pendingHelpedQuestion, reachedOutCount } from '../../core/history';
import { supportSignal } from '../../core/insights/signals';
import {
  type CheckIn as CheckInEntry,
  type Context,
  DEFAULT_CONTEXT_STATE,
  DEFAULT_SETTINGS,
  type Schedule,
  type Settings,
  type SupportStateStored,
  type Timer,
} from '../../core/schema';
import { MINUTE } from '../../core/time';
import { i18n } from '../../platform/i18n';
import { BreathStep } from './BreathStep';
import { FeelingsStep } from './FeelingsStep';
import { HelpedStep } from './HelpedStep';
import { NudgeStatus, type NudgeStatusActions } from './NudgeStatus';
import { OutletCard } from './OutletCard';
import { feelingOf, outletActions } from './outletActions';
import { ThanksStep } from './ThanksStep';
import { TimerStep } from './TimerStep';
import { useCheckInFlow } from './useCheckInFlow';
import { useOffers } from './useOffers';

export interface CheckInData {
  /** Each is null while still loading: the first screen never waits for storage. */
  settings: Settings | null;
  schedule: Schedule | null;
  timer: Timer | null;
  context: Context | null;
  history: CheckInEntry[] | null;
  support: SupportStateStored | null;
  now: number;
  /** Journal lines kept in their drafts that the history couldn't take yet (platform/history/draft.ts). */
  draftsWaiting?: number;
}

export interface CheckInActions extends NudgeStatusActions {
  saveCheckIn: (entry: CheckInEntry) => Promise<void>;
  /**
   * Keeps the journal line being typed, so a closing popup can't take it. The draft goes once
   * `saveCheckIn` has stored the entry with exactly that line (platform/history/draft.ts).
   */
  saveDraft: (entry: CheckInEntry, text: string) => void;
  /** Keeps the check-in under way as it changes (null: none), so a popup opened later comes back to it. */
  saveFlow?: (flow: StoredFlow | null) => void;
  saveContext: (context: Context) => Promise<void> | void;
  startTimer: (minutes: number, checkInId: string) => void;
  stopTimer: () => void;
  openSupport: () => void;
  openHistory: () => void;
  dismissSupport: () => Promise<void> | void;
  random: () => number;
  newId: () => string;
  clock: () => number;
}

/**
 * The whole check-in: where you are, a feeling, then one outlet, then a kind word (and, once, "did it
 * help?"). Which step comes next, and what it saves, is core/checkin/flow.ts, run by useCheckInFlow;
 * this shows the step and turns what the person does into the flow's events.
 */
export function CheckIn({
  data,
  actions,
  firstPick = null,
  resumed,
}: {
  data: CheckInData;
  actions: CheckInActions;
  /**
   * A feeling clicked on the first screen the head script drew, before the app ran, and the outlet
   * it showed for it (mountCheckIn.tsx).
   */
  firstPick?: FirstPick | null;
  /**
   * The check-in under way when the page opened (core/checkin/resume.ts), and what it must save
   * first; null when there is none, undefined while it is still being read.
   */
  resumed?: FlowResult | null;
}) {
  const [saveError, setSaveError] = useState(false);
  const [supportHidden, setSupportHidden] = useState(false);
  // The context as just chosen here, before storage has echoed it back.
  const [chosenContext, setChosenContext] = useState<Context | null>(null);
  const containerRef = useRef<HTMLElement>(null);
  const settings = data.settings ?? DEFAULT_SETTINGS;
  const shownContext = chosenContext ?? data.context;
  const context = shownContext ?? DEFAULT_CONTEXT_STATE;
  const history = data.history ?? [];
  // A pick made before the person's families and context are known could break their choices (a walk
  // for someone who can't step away). The history only weighs the pick (what helped, what was shown
  // lately): a feeling clicked in the first few milliseconds doesn't wait for the database.
  const ready = data.settings !== null && data.context !== null;
  const personTurn = useRef(0);
  const offerFor = useOffers({
    settings,
    context,
    history: data.history,
    now: data.now,
    random: actions.random,
    newId: actions.newId,
    clock: actions.clock,
    firstPick,
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
  // new one instead, unless a walk or its question is waiting (the newer click can't see those).
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
  const act = (event: Parameters<typeof send>[0]) => void send(event).catch(() => undefined);

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

  // A running timer the flow doesn't hold (from before it was kept): its countdown on the first screen.
  const runningTimer = data.timer && data.timer.endsAt > data.now ? data.timer : null;
  const timerEntry = runningTimer ? history.find((c) => c.id === runningTimer.checkInId) : undefined;
  const pending = pendingHelpedQuestion(history, data.now, runningTimer?.checkInId ?? null);
  const askEarlier =
    step.name === 'feelings' && pending && !state.answered.includes(pending.id) ? pending : null;
  // Once per history, not at every render: the step after "Done" is drawn without going over it.
  const signal = useMemo(
    () =>
      data.history && data.support
        ? supportSignal(history, data.support, data.now)
        : { show: false as const },
    [data.history, data.support, data.now],
  );

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

  return (
    <main class="checkin" ref={containerRef}>
      {step.name === 'feelings' && (
        <FeelingsStep
          context={shownContext}
          onContext={saveContext}
          onPick={choose}
          chosen={state.waiting}
          support={
            signal.show && !supportHidden
              ? {
                  reason: signal.reason,
                  onOpenSupport: actions.openSupport,
                  onDismiss: () => {
                    setSupportHidden(true);
                    void Promise.resolve(actions.dismissSupport()).catch(() => setSaveError(true));
                  },
                }
              : null
          }
          running={
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
              : null
          }
          earlier={
            askEarlier?.outletId
              ? {
                  outletId: askEarlier.outletId,
                  onAnswer: (helped) => act({ type: 'answer-earlier', entry: askEarlier, helped }),
                }
              : null
          }
        />
      )}
      {step.name === 'outlet' && (
        <OutletCard
          feeling={feelingOf(step.entry)}
          outlet={step.outlet}
          reason={step.reason}
          intensity={step.entry.intensity}
          askStrength={feelingById(feelingOf(step.entry)).energy !== 'unclear'}
          person={nextPerson(settings, reachedOutCount(history) + personTurn.current)}
          journalPrompt={step.journalPrompt}
          journalDraft={state.line}
          actions={outletActions({
            step,
            act,
            send,
            offerFor,
            clock: actions.clock,
            onReachedOut: () => personTurn.current++,
            onAddPerson: actions.openSettings,
          })}
        />
      )}
      {step.name === 'timer' && step.entry.outletId && (
        <TimerStep
          outletId={step.entry.outletId}
          endsAt={data.timer?.checkInId === step.entry.id ? data.timer.endsAt : step.endsAt}
          clock={actions.clock}
          onStop={() => act({ type: 'stop' })}
          onOver={() => act({ type: 'timer-over' })}
        />
      )}
      {step.name === 'breath' && step.entry.outletId && (
        <BreathStep
          outletId={step.entry.outletId}
          seconds={step.seconds}
          onDone={() => act({ type: 'breath-done' })}
        />
      )}
      {step.name === 'helped' && step.entry.outletId && (
        <HelpedStep
          outletId={step.entry.outletId}
          away={step.awaySince !== null && wasAway(step.awaySince, actions.clock(), settings.breakMinutes)}
          onAnswer={(helped) => act({ type: 'answer', helped })}
        />
      )}
      {step.name === 'thanks' && <ThanksStep outcome={step.outcome} onAgain={() => act({ type: 'again' })} />}
      {saveError && (
        <p class="error" role="alert">
          {i18n.t('checkin.saveFailed')}
        </p>
      )}
      {(data.draftsWaiting ?? 0) > 0 && (
        <p class="notice" role="status">
          {i18n.t('checkin.draftsWaiting')}
        </p>
      )}
      <NudgeStatus settings={settings} schedule={data.schedule} now={data.now} actions={actions} />
      <p class="support-link">
        <button type="button" class="link small" onClick={actions.openSupport}>
          {i18n.t('support.link')}
        </button>
        <button type="button" class="link small" onClick={actions.openHistory}>
          {i18n.t('history.link')}
        </button>
      </p>
    </main>
  );
}

/** Trusted people take turns, so no one is always the one asked. */
function nextPerson(settings: Settings, turn: number) {
  const people = settings.trustedPeople;
  if (people.length === 0) return null;
  return people[turn % people.length] ?? null;
}
