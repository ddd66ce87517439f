import type { ComponentProps } from 'preact';
import { useRef } from 'preact/hooks';
import type { FlowEvent, FlowState, OutletOffer } from '../../core/checkin/flow';
import { type FeelingId, feelingById, isFeelingId } from '../../core/feelings';
import { reachedOutCount } from '../../core/history';
import { strengthFactor } from '../../core/outlets';
import type { CheckIn, Settings } from '../../core/schema';
import { MINUTE } from '../../core/time';
import type { OutletCard, OutletCardActions } from './OutletCard';

/** The feeling of the check-in under way (always one of the feelings: the picker made it). */
export const feelingOf = (entry: CheckIn): FeelingId =>
  isFeelingId(entry.feeling) ? entry.feeling : 'cant-tell';

/**
 * What each control of the outlet step sends the flow (core/checkin/flow.ts decides the rest):
 * `act` sends and forgets (a failure is said by the check-in), `send` gives the Save of a journal
 * line its outcome, so the field can say a failed save beside itself.
 */
export function outletActions({
  step,
  act,
  send,
  offerFor,
  clock,
  onReachedOut,
  onAddPerson,
}: {
  step: OutletOffer;
  act: (event: FlowEvent) => void;
  send: (event: FlowEvent) => Promise<void>;
  offerFor: (feeling: FeelingId, previous: CheckIn | null, intensity?: number) => OutletOffer;
  clock: () => number;
  onReachedOut: () => void;
  onAddPerson: () => void;
}): OutletCardActions {
  const feeling = feelingOf(step.entry);
  return {
    onAnother: () => act({ type: 'offer', ...offerFor(feeling, step.entry, step.entry.intensity) }),
    onDone: () => act({ type: 'finish', outcome: 'done' }),
    onNotNow: () => act({ type: 'finish', outcome: 'skipped' }),
    onBack: () => act({ type: 'back' }),
    onIntensity: (intensity) => {
      const entry = { ...step.entry, intensity };
      // The idea on screen stays if it suits the strength; otherwise one that does, in its place: the
      // app changed it, the person passed nothing over, so it leaves `shown`, which the picker reads
      // as ideas passed over (core/learning/evidence.ts). The hard rules keep it from coming back.
      const offer =
        strengthFactor(step.outlet, feeling, intensity) > 0
          ? { ...step, entry }
          : offerFor(
              feeling,
              { ...entry, shown: (entry.shown ?? []).filter((id) => id !== step.outlet.id) },
              intensity,
            );
      act({ type: 'strength', ...offer });
    },
    onSaveJournal: (line) => send({ type: 'finish', outcome: 'done', line }),
    onJournalInput: (text) => act({ type: 'type', text }),
    onStartTimer: (minutes) => {
      const startedAt = clock();
      act({ type: 'start-timer', minutes, startedAt, endsAt: startedAt + minutes * MINUTE });
    },
    onStartBreath: (seconds) => act({ type: 'start-breath', seconds }),
    onReachedOut: () => {
      onReachedOut();
      act({ type: 'finish', outcome: 'done', reachedOut: true });
    },
    onAddPerson,
  };
}

/** Trusted people take turns, so no one is always the one asked. */
function nextPerson(settings: Settings, turn: number) {
  const people = settings.trustedPeople;
  if (people.length === 0) return null;
  return people[turn % people.length] ?? null;
}

/** The outlet card's props for the outlet step on offer, or null in any other step. */
export function useOutletCard({
  state,
  settings,
  history,
  act,
  send,
  offerFor,
  clock,
  onAddPerson,
}: {
  state: FlowState;
  settings: Settings;
  history: CheckIn[] | null;
  act: (event: FlowEvent) => void;
  send: (event: FlowEvent) => Promise<void>;
  offerFor: (feeling: FeelingId, previous: CheckIn | null, intensity?: number) => OutletOffer;
  clock: () => number;
  onAddPerson: () => void;
}): ComponentProps<typeof OutletCard> | null {
  // "I reached out" here counts before the history shows it, so the next person takes their turn.
  const personTurn = useRef(0);
  const { step } = state;
  if (step.name !== 'outlet') return null;
  const feeling = feelingOf(step.entry);
  return {
    feeling,
    outlet: step.outlet,
    reason: step.reason,
    intensity: step.entry.intensity,
    askStrength: feelingById(feeling).energy !== 'unclear',
    person: nextPerson(settings, reachedOutCount(history ?? []) + personTurn.current),
    journalPrompt: step.journalPrompt,
    journalDraft: state.line,
    actions: outletActions({
      step,
      act,
      send,
      offerFor,
      clock,
      onReachedOut: () => personTurn.current++,
      onAddPerson,
    }),
  };
}
