import type { FlowEvent, OutletOffer } from '../../core/checkin/flow';
import { type FeelingId, isFeelingId } from '../../core/feelings';
import { strengthFactor } from '../../core/outlets';
import type { CheckIn } from '../../core/schema';
import { MINUTE } from '../../core/time';
import type { OutletCardActions } from './OutletCard';

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
      // The idea on screen stays if it suits the strength; otherwise one that does.
      const offer =
        strengthFactor(step.outlet, feeling, intensity) > 0
          ? { ...step, entry }
          : offerFor(feeling, entry, intensity);
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
