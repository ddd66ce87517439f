import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { wasAway } from '../core/away';
import type { FeelingId } from '../core/feelings';
import { withShown } from '../core/history';
import type { Helped } from '../core/insights';
import type { Outlet, PickReason } from '../core/outlets';
import {
  type CheckIn as CheckInEntry,
  type Context,
  DEFAULT_CONTEXT_STATE,
  DEFAULT_SETTINGS,
  type Schedule,
  type Settings,
  type SupportStateStored,
  type Timer,
} from '../core/schema';
import { i18n } from '../platform/i18n';
import { ContextPicker } from './ContextPicker';
import { FeelingPicker } from './FeelingPicker';
import { NudgeStatus, type NudgeStatusActions } from './NudgeStatus';
import type { OutletFlow } from './outlet-flow';

export interface CheckInData {
  /** Each is null while still loading: the first step never waits for storage. */
  settings: Settings | null;
  schedule: Schedule | null;
  timer: Timer | null;
  context: Context | null;
  history: CheckInEntry[] | null;
  support: SupportStateStored | null;
  now: number;
  /** The outlet step's code, loaded just after the first screen; null until it arrives. */
  flow: OutletFlow | null;
}

export interface CheckInActions extends NudgeStatusActions {
  saveCheckIn: (entry: CheckInEntry) => Promise<void>;
  /** Keeps the journal line being typed, so a closing popup can't take it (platform/history/draft.ts). */
  saveDraft: (entry: CheckInEntry, text: string) => void;
  clearDraft: () => void;
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

type Step =
  | { name: 'feelings' }
  | { name: 'outlet'; entry: CheckInEntry; outlet: Outlet; reason: PickReason | null; journalPrompt: string }
  | { name: 'breath'; entry: CheckInEntry; seconds: number }
  | { name: 'timer'; entry: CheckInEntry; endsAt: number; started: boolean }
  | { name: 'helped'; entry: CheckInEntry }
  | { name: 'thanks'; outcome: CheckInEntry['outcome'] };

/** The whole check-in: a feeling, then one outlet, then a kind word (and, once, "did it help?"). */
export function CheckIn({ data, actions }: { data: CheckInData; actions: CheckInActions }) {
  const [step, setStep] = useState<Step>({ name: 'feelings' });
  // A feeling picked in the few milliseconds before the outlet step's code arrived.
  const [waitingFeeling, setWaitingFeeling] = useState<FeelingId | null>(null);
  const flow = data.flow;
  const [saveError, setSaveError] = useState(false);
  const [answered, setAnswered] = useState<string[]>([]);
  const [supportHidden, setSupportHidden] = useState(false);
  const containerRef = useRef<HTMLDivElement>(null);
  const settings = data.settings ?? DEFAULT_SETTINGS;
  const context = data.context ?? DEFAULT_CONTEXT_STATE;
  const history = data.history ?? [];
  const lastJournalPrompt = useRef<string | undefined>(undefined);
  // The journal line typed in this check-in so far. Whatever ends the step keeps it in the entry.
  const draft = useRef('');
  const personTurn = useRef(0);

  // Keyboard and screen-reader users land on the new step's heading.
  useEffect(() => {
    if (step.name !== 'feelings') containerRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [step]);

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

  const weights = useMemo(
    () => (flow ? flow.outletWeights(history, data.now) : {}),
    [flow, data.history, data.now],
  );

  const offer = (feeling: FeelingId, previous: CheckInEntry | null) => {
    if (!flow) {
      setWaitingFeeling(feeling);
      return;
    }
    if (!previous) draft.current = '';
    const shown = previous?.shown ?? [];
    const picked = flow.pick({
      feeling,
      enabledFamilies: settings.families,
      context,
      exclude: shown,
      recentlyShown: flow.recentlyShown(history),
      weights,
      helpfulAnswers: flow.helpfulAnswers(history, data.now),
      random: actions.random,
    });
    const entry: CheckInEntry = previous
      ? { ...previous, outletId: picked.outlet.id, shown: withShown(shown, picked.outlet.id) }
      : {
          id: actions.newId(),
          at: actions.clock(),
          feeling,
          outletId: picked.outlet.id,
          outcome: 'skipped',
          context,
          shown: [picked.outlet.id],
        };
    let journalPrompt = '';
    if (picked.outlet.action.kind === 'journal') {
      const key = flow.journalPromptKey(picked.outlet, actions.random, lastJournalPrompt.current);
      lastJournalPrompt.current = key;
      journalPrompt = i18n.dynamic(key);
    }
    setStep({ name: 'outlet', entry, outlet: picked.outlet, reason: picked.reason, journalPrompt });
    // Saved as soon as it exists, as "skipped": closing the popup mid-way still leaves the check-in.
    storeQuietly(entry);
  };

  /** The entry with the line typed so far, if any: no way of ending a step drops it. */
  const withJournal = (entry: CheckInEntry): CheckInEntry => {
    const line = draft.current.trim();
    return line ? { ...entry, journal: line } : entry;
  };
  /** Stores the entry with its journal line; the draft goes only once the line is stored. */
  const keep = (entry: CheckInEntry) =>
    store(withJournal(entry)).then(() => {
      if (draft.current.trim()) actions.clearDraft();
    });
  const keepQuietly = (entry: CheckInEntry) => void keep(entry).catch(() => undefined);

  const finish = async (entry: CheckInEntry, outcome: CheckInEntry['outcome']) => {
    await keep({ ...entry, outcome });
    setStep({ name: 'thanks', outcome });
  };

  const answer = (entry: CheckInEntry, helped: Helped | null) => {
    setAnswered([...answered, entry.id]);
    storeQuietly({ ...entry, helpAsked: true, ...(helped ? { helped } : {}) });
  };

  // A running timer, reopened: show its countdown. A finished outlet: ask once whether it helped.
  const runningTimer = data.timer && data.timer.endsAt > data.now ? data.timer : null;
  const timerEntry = runningTimer ? history.find((c) => c.id === runningTimer.checkInId) : undefined;
  const pending = flow
    ? flow.pendingHelpedQuestion(history, data.now, runningTimer?.checkInId ?? null)
    : null;
  const askEarlier = step.name === 'feelings' && pending && !answered.includes(pending.id) ? pending : null;
  const signal =
    flow && data.history && data.support
      ? flow.supportSignal(history, data.support, data.now)
      : { show: false as const };

  // The background ends a timer at its alarm (which may ring a moment early, or late after a
  // sleep): once the stored timer is gone, the walk is over here too.
  useEffect(() => {
    if (step.name !== 'timer') return;
    if (data.timer?.checkInId === step.entry.id) {
      if (!step.started) setStep({ ...step, started: true });
    } else if (step.started) {
      setStep({ name: 'helped', entry: step.entry });
    }
  }, [data.timer, step]);

  // A feeling picked before the outlet step's code arrived is offered as soon as it does.
  useEffect(() => {
    if (flow && waitingFeeling) {
      setWaitingFeeling(null);
      offer(waitingFeeling, null);
    }
  }, [flow]);

  return (
    <div class="checkin" ref={containerRef}>
      {step.name === 'feelings' && (
        <section class="step" aria-labelledby="feelings-title">
          <h1 id="feelings-title">{i18n.t('checkin.title')}</h1>
          <p class="hint">{i18n.t('checkin.hint')}</p>
          <FeelingPicker onPick={(feeling) => offer(feeling, null)} />
          {/* After the feelings, so a keyboard reaches a feeling with one Tab, whatever else is shown. */}
          {flow && signal.show && !supportHidden && (
            <flow.SupportCard
              reason={signal.reason}
              onOpenSupport={actions.openSupport}
              onDismiss={() => {
                setSupportHidden(true);
                void Promise.resolve(actions.dismissSupport()).catch(() => setSaveError(true));
              }}
            />
          )}
          {flow && runningTimer && timerEntry?.outletId && (
            <flow.RunningTimer
              outletId={timerEntry.outletId}
              endsAt={runningTimer.endsAt}
              clock={actions.clock}
              onStop={actions.stopTimer}
              onOver={() => setStep({ name: 'helped', entry: timerEntry })}
            />
          )}
          {flow && askEarlier?.outletId && (
            <flow.HelpedQuestion
              outletId={askEarlier.outletId}
              when="earlier"
              onAnswer={(h) => answer(askEarlier, h)}
            />
          )}
          <ContextPicker
            context={context}
            onChange={(next) =>
              void Promise.resolve(actions.saveContext(next)).catch(() => setSaveError(true))
            }
          />
        </section>
      )}
      {flow && step.name === 'outlet' && (
        <flow.OutletCard
          feeling={step.entry.feeling as FeelingId}
          outlet={step.outlet}
          reason={step.reason}
          intensity={step.entry.intensity}
          person={nextPerson(settings, flow.reachedOutCount(history) + personTurn.current)}
          journalPrompt={step.journalPrompt}
          journalDraft={draft.current}
          actions={{
            onAnother: () => offer(step.entry.feeling as FeelingId, withJournal(step.entry)),
            onDone: () => void finish(step.entry, 'done').catch(() => undefined),
            onNotNow: () => void finish(step.entry, 'skipped').catch(() => undefined),
            onBack: () => {
              if (draft.current.trim()) keepQuietly(step.entry);
              setStep({ name: 'feelings' });
            },
            onIntensity: (intensity) => {
              const entry = withJournal({ ...step.entry, intensity });
              setStep({ ...step, entry });
              storeQuietly(entry);
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
              setStep({ name: 'timer', entry, endsAt: actions.clock() + minutes * 60_000, started: false });
            },
            onStartBreath: (seconds) => setStep({ name: 'breath', entry: withJournal(step.entry), seconds }),
            onReachedOut: () => {
              personTurn.current++;
              void finish({ ...step.entry, reachedOut: true }, 'done').catch(() => undefined);
            },
            onAddPerson: actions.openSettings,
          }}
        />
      )}
      {flow && step.name === 'timer' && step.entry.outletId && (
        <flow.TimerStep
          outletId={step.entry.outletId}
          endsAt={data.timer?.checkInId === step.entry.id ? data.timer.endsAt : step.endsAt}
          clock={actions.clock}
          onStop={() => {
            actions.stopTimer();
            setStep({ name: 'helped', entry: step.entry });
          }}
          onOver={() => setStep({ name: 'helped', entry: step.entry })}
        />
      )}
      {flow && step.name === 'breath' && step.entry.outletId && (
        <flow.BreathStep
          outletId={step.entry.outletId}
          seconds={step.seconds}
          onDone={() => {
            const entry: CheckInEntry = { ...step.entry, outcome: 'done' };
            storeQuietly(entry);
            setStep({ name: 'helped', entry });
          }}
        />
      )}
      {flow && step.name === 'helped' && step.entry.outletId && (
        <flow.HelpedStep
          outletId={step.entry.outletId}
          away={wasAway(step.entry.at, actions.clock(), settings.breakMinutes)}
          onAnswer={(helped) => {
            answer(step.entry, helped);
            setStep({ name: 'thanks', outcome: 'done' });
          }}
        />
      )}
      {step.name === 'thanks' && (
        <section class="step thanks" aria-labelledby="thanks-title">
          <h1 id="thanks-title" tabIndex={-1}>
            {step.outcome === 'done' ? i18n.t('checkin.thanksDone') : i18n.t('checkin.thanksSkipped')}
          </h1>
          <button type="button" class="link" onClick={() => setStep({ name: 'feelings' })}>
            {i18n.t('checkin.again')}
          </button>
        </section>
      )}
      {saveError && (
        <p class="error" role="alert">
          {i18n.t('checkin.saveFailed')}
        </p>
      )}
      <NudgeStatus
        settings={settings}
        schedule={data.schedule}
        now={data.now}
        actions={actions}
        pauseChoices={flow?.PauseChoices ?? null}
      />
      <p class="support-link">
        <button type="button" class="link small" onClick={actions.openSupport}>
          {i18n.t('support.link')}
        </button>
        <button type="button" class="link small" onClick={actions.openHistory}>
          {i18n.t('history.link')}
        </button>
      </p>
    </div>
  );
}

/** Trusted people take turns, so no one is always the one asked. */
function nextPerson(settings: Settings, turn: number) {
  const people = settings.trustedPeople;
  if (people.length === 0) return null;
  return people[turn % people.length] ?? null;
}
