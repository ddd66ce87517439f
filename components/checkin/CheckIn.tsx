import { wasAway } from '../../core/away';
import type { FirstPick, FlowResult } from '../../core/checkin/flow';
import type { StoredFlow } from '../../core/checkin/resume';
import type { Learned } from '../../core/learning/totals';
import type { OwnOutlet } from '../../core/outlets/own';
import type {
  CheckIn as CheckInEntry,
  Context,
  Schedule,
  Settings,
  SupportStateStored,
  Timer,
} from '../../core/schema';
import { AfterStep } from './AfterStep';
import { BreathStep } from './BreathStep';
import { CheckInFooter } from './CheckInFooter';
import { FeelingsStep } from './FeelingsStep';
import { HelpedStep } from './HelpedStep';
import type { NudgeStatusActions } from './NudgeStatus';
import { OutletCard } from './OutletCard';
import { useOutletCard } from './outletActions';
import { ThanksStep } from './ThanksStep';
import { TimerStep } from './TimerStep';
import { useCheckIn } from './useCheckIn';
import { useFirstScreen } from './useFirstScreen';

export interface CheckInData {
  /** Each is null while still loading: the first screen never waits for storage. */
  settings: Settings | null;
  schedule: Schedule | null;
  timer: Timer | null;
  context: Context | null;
  history: CheckInEntry[] | null;
  /** What the picker learned (core/learning); null while loading. */
  learned?: Learned | null;
  support: SupportStateStored | null;
  now: number;
  /** Journal lines kept in their drafts that the history couldn't take yet (platform/history/draft.ts). */
  draftsWaiting?: number;
  /** The person's own outlets (core/outlets/own.ts), offered beside the catalogue's; null while loading. */
  own?: readonly OwnOutlet[] | null;
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
 * The whole check-in: where you are, a feeling, then one outlet, then a kind word (and, once, "And
 * now?" or "did it help?"). Which step comes next, and what it saves, is core/checkin/flow.ts, run by useCheckIn; this
 * is a switch over its steps, with the footer under each.
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
  const session = useCheckIn({ data, actions, firstPick, resumed });
  const { state, act, settings } = session;
  const { step } = state;
  const firstScreen = useFirstScreen({ data, actions, state, act, failed: session.failed });
  const outletCard = useOutletCard({
    state,
    settings,
    history: data.history,
    act,
    send: session.send,
    offerFor: session.offerFor,
    clock: actions.clock,
    onAddPerson: actions.openSettings,
  });

  return (
    <main class="checkin" ref={session.containerRef}>
      {step.name === 'feelings' && (
        <FeelingsStep
          context={session.shownContext}
          onContext={session.saveContext}
          onPick={session.choose}
          chosen={state.waiting}
          {...firstScreen}
        />
      )}
      {outletCard && <OutletCard {...outletCard} />}
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
      {step.name === 'after' && (
        <AfterStep
          away={step.awaySince !== null && wasAway(step.awaySince, actions.clock(), settings.breakMinutes)}
          onAnswer={(after) => act({ type: 'after', after, at: actions.clock() })}
        />
      )}
      {step.name === 'helped' && step.entry.outletId && (
        <HelpedStep
          outletId={step.entry.outletId}
          away={step.awaySince !== null && wasAway(step.awaySince, actions.clock(), settings.breakMinutes)}
          onAnswer={(helped) => act({ type: 'answer', helped })}
        />
      )}
      {step.name === 'thanks' && (
        <ThanksStep outcome={step.outcome} onAgain={() => act({ type: 'again' })} now={actions.clock} />
      )}
      <CheckInFooter
        settings={settings}
        schedule={data.schedule}
        now={data.now}
        saveError={session.saveError}
        draftsWaiting={data.draftsWaiting ?? 0}
        actions={actions}
      />
    </main>
  );
}
