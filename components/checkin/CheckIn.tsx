import { useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { wasAway } from '../../core/away';
import { checkInFlow, type FirstPick, INITIAL_FLOW, type OutletOffer } from '../../core/checkin/flow';
import { type FeelingId, feelingById } from '../../core/feelings';
import { pendingHelpedQuestion, reachedOutCount, recentlyShown, withShown } from '../../core/history';
import type { Helped } from '../../core/insights';
import { helpfulAnswers, outletWeights, supportSignal } from '../../core/insights/signals';
import { journalPromptKey, outletPool, pick, strengthFactor } from '../../core/outlets';
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
import { localDayKey, localOffsetMinutes, MINUTE } from '../../core/time';
import { i18n } from '../../platform/i18n';
import { BreathStep } from './BreathStep';
import { FeelingsStep } from './FeelingsStep';
import { HelpedStep } from './HelpedStep';
import { NudgeStatus, type NudgeStatusActions } from './NudgeStatus';
import { OutletCard } from './OutletCard';
import { ThanksStep } from './ThanksStep';
import { TimerStep } from './TimerStep';

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
 * help?"). Which step comes next is core/checkin/flow.ts; this runs the effects and shows the step.
 */
export function CheckIn({
  data,
  actions,
  firstPick = null,
}: {
  data: CheckInData;
  actions: CheckInActions;
  /**
   * A feeling clicked on the first screen the head script drew, before the app ran, and the outlet
   * it showed for it (mountCheckIn.tsx).
   */
  firstPick?: FirstPick | null;
}) {
  const [saveError, setSaveError] = useState(false);
  const [answered, setAnswered] = useState<string[]>([]);
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
  const lastJournalPrompt = useRef<string | undefined>(undefined);
  // The journal line typed in this check-in so far. Whatever ends the step keeps it in the entry.
  const draft = useRef('');
  const personTurn = useRef(0);

  const store = async (entry: CheckInEntry) => {
    try {
      await actions.saveCheckIn(entry);
      setSaveError(false);
    } catch (error) {
      setSaveError(true);
      throw error;
    }
  };
  const storeQuietly = (entry: CheckInEntry) => void store(entry).catch(() => undefined);

  const weights = useMemo(() => outletWeights(history, data.now), [data.history, data.now]);
  const answers = useMemo(() => helpfulAnswers(history, data.now), [data.history, data.now]);

  // The outlet the head script already showed for the first pick: it stays on screen (the same check-in,
  // from the moment of the click) if it fits what the person's settings and context allow. Used once.
  const shownFirst = useRef(firstPick?.shown ? { ...firstPick.shown, feeling: firstPick.feeling } : null);
  const takeShownFirst = (feeling: FeelingId) => {
    const shownBefore = shownFirst.current;
    shownFirst.current = null;
    if (shownBefore?.feeling !== feeling) return null;
    const outlet = outletPool(feeling, settings.families, context).find((o) => o.id === shownBefore.outletId);
    return { ...shownBefore, outlet };
  };

  /** An outlet for `feeling`: for a new check-in, or the next idea within `previous`. */
  const offerFor = (feeling: FeelingId, previous: CheckInEntry | null, intensity?: number): OutletOffer => {
    const shown = previous?.shown ?? [];
    const before = previous ? null : takeShownFirst(feeling);
    const picked = before?.outlet
      ? { outlet: before.outlet, reason: null }
      : pick({
          feeling,
          enabledFamilies: settings.families,
          context,
          exclude: shown,
          recentlyShown: recentlyShown(history),
          weights,
          intensity,
          helpfulAnswers: answers,
          random: actions.random,
        });
    const at = previous ? previous.at : (before?.at ?? actions.clock());
    const entry: CheckInEntry = previous
      ? { ...previous, outletId: picked.outlet.id, shown: withShown(shown, picked.outlet.id) }
      : {
          id: before?.checkInId ?? actions.newId(),
          at,
          // The local day it is written on: counted there wherever it is answered (core/data/days.ts).
          day: localDayKey(at),
          offset: localOffsetMinutes(at),
          feeling,
          outletId: picked.outlet.id,
          outcome: 'skipped',
          context,
          shown: [picked.outlet.id],
        };
    let journalPrompt = '';
    if (picked.outlet.action.kind === 'journal') {
      const key = journalPromptKey(picked.outlet, actions.random, lastJournalPrompt.current);
      lastJournalPrompt.current = key;
      journalPrompt = i18n.dynamic(key);
    }
    return { entry, outlet: picked.outlet, reason: picked.reason, journalPrompt };
  };

  // With a feeling already picked and the data there, the check-in starts at its outlet: the
  // feelings are not drawn a second time just to be left (that render sat between the click and
  // the outlet step). Without the data yet, the pick waits on the feelings, as any early pick does.
  const [state, dispatch] = useReducer(checkInFlow, INITIAL_FLOW, (initial) => {
    if (!firstPick) return initial;
    if (data.settings === null || data.context === null)
      return checkInFlow(initial, { type: 'wait', feeling: firstPick.feeling });
    return checkInFlow(initial, { type: 'offer', ...offerFor(firstPick.feeling, null) });
  });
  const { step } = state;
  // The first pick's check-in is saved the moment it exists, as every offered one is (see choose).
  const firstOffer = useRef(step.name === 'outlet' ? step.entry : null);
  useLayoutEffect(() => {
    if (firstOffer.current) storeQuietly(firstOffer.current);
  }, []);

  // Keyboard and screen-reader users land on each new step's heading, in the same frame as the step
  // (the button pressed has gone: focus must never fall to the page body meanwhile).
  useLayoutEffect(() => {
    if (state.focusTurn > 0) containerRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [state.focusTurn]);

  const choose = (feeling: FeelingId) => {
    if (!ready) return dispatch({ type: 'wait', feeling });
    draft.current = '';
    const offer = offerFor(feeling, null);
    dispatch({ type: 'offer', ...offer });
    // Saved as soon as it exists, as "skipped": closing the popup mid-way still leaves the check-in.
    storeQuietly(offer.entry);
  };

  // A feeling picked before the data arrived (even before the app ran: mountCheckIn replays it).
  useEffect(() => {
    if (ready && state.waiting) choose(state.waiting);
  }, [ready, state.waiting]);

  /** The entry with the line typed so far, if any: no way of ending a step drops it. */
  const withJournal = (entry: CheckInEntry): CheckInEntry => {
    const line = draft.current.trim();
    return line ? { ...entry, journal: line } : entry;
  };
  /** Stores the entry with its journal line (its draft goes once that is stored, not before). */
  const keep = (entry: CheckInEntry) => store(withJournal(entry));
  const keepQuietly = (entry: CheckInEntry) => void keep(entry).catch(() => undefined);

  const finish = async (entry: CheckInEntry, outcome: CheckInEntry['outcome']) => {
    await keep({ ...entry, outcome });
    dispatch({ type: 'finish', outcome });
  };

  const answer = (entry: CheckInEntry, helped: Helped | null) => {
    setAnswered([...answered, entry.id]);
    storeQuietly({ ...entry, helpAsked: true, ...(helped ? { helped } : {}) });
  };

  /** "Back to feelings", "Check in again", Escape: one step back, keeping a journal line typed. */
  const back = () => {
    if (step.name === 'outlet' && draft.current.trim()) keepQuietly(step.entry);
    dispatch({ type: 'back' });
  };

  // Escape is one step back; menus (pause, where you are) close first and stop the key there.
  const backRef = useRef(back);
  backRef.current = back;
  useEffect(() => {
    const container = containerRef.current;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) backRef.current();
    };
    container?.addEventListener('keydown', onKey);
    return () => container?.removeEventListener('keydown', onKey);
  }, []);

  // A running timer, reopened: show its countdown. A finished outlet: ask once whether it helped.
  const runningTimer = data.timer && data.timer.endsAt > data.now ? data.timer : null;
  const timerEntry = runningTimer ? history.find((c) => c.id === runningTimer.checkInId) : undefined;
  const pending = pendingHelpedQuestion(history, data.now, runningTimer?.checkInId ?? null);
  const askEarlier = step.name === 'feelings' && pending && !answered.includes(pending.id) ? pending : null;
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
    if (data.timer?.checkInId === step.entry.id) dispatch({ type: 'timer-stored' });
    else if (step.started) dispatch({ type: 'timer-over' });
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
                    dispatch({
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
              ? { outletId: askEarlier.outletId, onAnswer: (h) => answer(askEarlier, h) }
              : null
          }
        />
      )}
      {step.name === 'outlet' && (
        <OutletCard
          feeling={step.entry.feeling as FeelingId}
          outlet={step.outlet}
          reason={step.reason}
          intensity={step.entry.intensity}
          askStrength={feelingById(step.entry.feeling as FeelingId).energy !== 'unclear'}
          person={nextPerson(settings, reachedOutCount(history) + personTurn.current)}
          journalPrompt={step.journalPrompt}
          journalDraft={draft.current}
          actions={{
            onAnother: () => {
              const offer = offerFor(
                step.entry.feeling as FeelingId,
                withJournal(step.entry),
                step.entry.intensity,
              );
              dispatch({ type: 'offer', ...offer });
              storeQuietly(offer.entry);
            },
            onDone: () => void finish(step.entry, 'done').catch(() => undefined),
            onNotNow: () => void finish(step.entry, 'skipped').catch(() => undefined),
            onBack: back,
            onIntensity: (intensity) => {
              const feeling = step.entry.feeling as FeelingId;
              const entry = withJournal({ ...step.entry, intensity });
              // The idea on screen stays if it suits the strength; otherwise one that does.
              const offer =
                strengthFactor(step.outlet, feeling, intensity) > 0
                  ? { ...step, entry }
                  : offerFor(feeling, entry, intensity);
              dispatch({ type: 'strength', ...offer });
              storeQuietly(offer.entry);
            },
            onSaveJournal: (journal) => {
              draft.current = journal;
              return finish(step.entry, 'done');
            },
            onJournalInput: (text) => {
              draft.current = text;
              actions.saveDraft(withJournal(step.entry), text);
            },
            onStartTimer: (minutes) => {
              const entry: CheckInEntry = withJournal({ ...step.entry, outcome: 'done' });
              keepQuietly(entry);
              actions.startTimer(minutes, entry.id);
              const startedAt = actions.clock();
              dispatch({ type: 'start-timer', entry, startedAt, endsAt: startedAt + minutes * MINUTE });
            },
            onStartBreath: (seconds) =>
              dispatch({ type: 'start-breath', entry: withJournal(step.entry), seconds }),
            onReachedOut: () => {
              personTurn.current++;
              void finish({ ...step.entry, reachedOut: true }, 'done').catch(() => undefined);
            },
            onAddPerson: actions.openSettings,
          }}
        />
      )}
      {step.name === 'timer' && step.entry.outletId && (
        <TimerStep
          outletId={step.entry.outletId}
          endsAt={data.timer?.checkInId === step.entry.id ? data.timer.endsAt : step.endsAt}
          clock={actions.clock}
          onStop={() => {
            actions.stopTimer();
            dispatch({ type: 'timer-over' });
          }}
          onOver={() => dispatch({ type: 'timer-over' })}
        />
      )}
      {step.name === 'breath' && step.entry.outletId && (
        <BreathStep
          outletId={step.entry.outletId}
          seconds={step.seconds}
          onDone={() => {
            storeQuietly({ ...step.entry, outcome: 'done' });
            dispatch({ type: 'breath-done' });
          }}
        />
      )}
      {step.name === 'helped' && step.entry.outletId && (
        <HelpedStep
          outletId={step.entry.outletId}
          away={step.awaySince !== null && wasAway(step.awaySince, actions.clock(), settings.breakMinutes)}
          onAnswer={(helped) => {
            answer(step.entry, helped);
            dispatch({ type: 'answered' });
          }}
        />
      )}
      {step.name === 'thanks' && (
        <ThanksStep outcome={step.outcome} onAgain={() => dispatch({ type: 'again' })} />
      )}
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
