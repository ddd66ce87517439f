// The check-in's steps and how one leads to the next, as a pure reducer: no DOM, no browser, no clock.
// The component (components/checkin/CheckIn.tsx) turns what the person does into events, runs the
// effects (storing, the timer's alarm) and renders `state.step`; everything about *which* step comes
// next lives here, and tests/unit/checkin-flow.test.ts holds it to a table of every step × event.
import type { FeelingId } from '../feelings';
import type { Outlet, PickReason } from '../outlets';
import type { CheckIn } from '../schema';

export type Outcome = CheckIn['outcome'];

/** The outlet on offer: what the card shows, and the check-in it belongs to. */
export interface OutletOffer {
  entry: CheckIn;
  outlet: Outlet;
  reason: PickReason | null;
  journalPrompt: string;
}

export type Step =
  | { name: 'feelings' }
  | ({ name: 'outlet' } & OutletOffer)
  /** `from` is the outlet step it came from, so "back" (Escape) returns to it. */
  | { name: 'breath'; entry: CheckIn; seconds: number; from: OutletOffer }
  /** `startedAt`: when the walk began, the start of the person's time away. */
  | { name: 'timer'; entry: CheckIn; startedAt: number; endsAt: number; started: boolean }
  /**
   * `awaySince`: when the person left for the outlet (a walk's start), so "Welcome back" is said
   * only after a real absence (core/away.ts); null after a breath, taken at the screen.
   */
  | { name: 'helped'; entry: CheckIn; awaySince: number | null }
  | { name: 'thanks'; outcome: Outcome };

export type StepName = Step['name'];

/**
 * A feeling clicked on the first screen the page's head script drew, before the app ran; with the
 * outlet that script already showed for it (`shown`), when it could read what a pick needs.
 */
export interface FirstPick {
  feeling: FeelingId;
  shown?: { outletId: string; checkInId: string; at: number };
}

export interface FlowState {
  step: Step;
  /** A feeling picked before what the pick needs (settings, history, context) has arrived. */
  waiting: FeelingId | null;
  /**
   * Bumped whenever a new step is shown, so the page moves focus to its heading. Left alone by
   * changes within a step (a strength, "Another idea"), so focus stays where the person is.
   */
  focusTurn: number;
}

export type FlowEvent =
  /** A feeling picked while the pick can't be made yet: it is offered as soon as it can. */
  | { type: 'wait'; feeling: FeelingId }
  /** A new outlet for a feeling: from the feelings (a new check-in) or the outlet step ("Another idea"). */
  | ({ type: 'offer' } & OutletOffer)
  /** The strength, on the outlet step; with the outlet that fits it (the same one if it still does). */
  | ({ type: 'strength' } & OutletOffer)
  /** Done, Not now, a saved journal line, "I reached out". */
  | { type: 'finish'; outcome: Outcome }
  | { type: 'start-timer'; entry: CheckIn; startedAt: number; endsAt: number }
  /** The background stored the running timer. */
  | { type: 'timer-stored' }
  /** The walk is over: its countdown ended, it was stopped, or the background ended it. */
  | { type: 'timer-over' }
  /** On the first screen, a walk from an earlier check-in ended while the popup was open. */
  | { type: 'earlier-timer-over'; entry: CheckIn; startedAt: number }
  | { type: 'start-breath'; entry: CheckIn; seconds: number }
  | { type: 'breath-done' }
  | { type: 'answered' }
  /** "Check in again", "Back to feelings", or Escape: one step back. */
  | { type: 'back' }
  | { type: 'again' };

export const INITIAL_FLOW: FlowState = { step: { name: 'feelings' }, waiting: null, focusTurn: 0 };

const to = (state: FlowState, step: Step): FlowState => ({
  step,
  waiting: null,
  focusTurn: state.focusTurn + 1,
});

const offerOf = (event: OutletOffer): OutletOffer => ({
  entry: event.entry,
  outlet: event.outlet,
  reason: event.reason,
  journalPrompt: event.journalPrompt,
});

/** The next state; an event that means nothing in the current step leaves the state as it is (same object). */
export function checkInFlow(state: FlowState, event: FlowEvent): FlowState {
  const { step } = state;
  switch (event.type) {
    case 'wait':
      return step.name === 'feelings' ? { ...state, waiting: event.feeling } : state;
    case 'offer':
      if (step.name === 'feelings') return to(state, { name: 'outlet', ...offerOf(event) });
      // "Another idea": the same step with a new outlet; focus stays on the button pressed.
      if (step.name === 'outlet') return { ...state, step: { name: 'outlet', ...offerOf(event) } };
      return state;
    case 'strength':
      return step.name === 'outlet' ? { ...state, step: { name: 'outlet', ...offerOf(event) } } : state;
    case 'finish':
      return step.name === 'outlet' ? to(state, { name: 'thanks', outcome: event.outcome }) : state;
    case 'start-timer':
      return step.name === 'outlet'
        ? to(state, {
            name: 'timer',
            entry: event.entry,
            startedAt: event.startedAt,
            endsAt: event.endsAt,
            started: false,
          })
        : state;
    case 'timer-stored':
      return step.name === 'timer' && !step.started ? { ...state, step: { ...step, started: true } } : state;
    case 'timer-over':
      return step.name === 'timer'
        ? to(state, { name: 'helped', entry: step.entry, awaySince: step.startedAt })
        : state;
    case 'earlier-timer-over':
      return step.name === 'feelings'
        ? to(state, { name: 'helped', entry: event.entry, awaySince: event.startedAt })
        : state;
    case 'start-breath':
      return step.name === 'outlet'
        ? to(state, { name: 'breath', entry: event.entry, seconds: event.seconds, from: offerOf(step) })
        : state;
    case 'breath-done':
      return step.name === 'breath'
        ? to(state, { name: 'helped', entry: { ...step.entry, outcome: 'done' }, awaySince: null })
        : state;
    case 'answered':
      return step.name === 'helped' ? to(state, { name: 'thanks', outcome: 'done' }) : state;
    case 'back':
      if (step.name === 'outlet' || step.name === 'thanks') return to(state, { name: 'feelings' });
      if (step.name === 'breath') return to(state, { name: 'outlet', ...step.from });
      // A running walk and "did it help?" have no step behind them worth going back to.
      return state;
    case 'again':
      return step.name === 'thanks' ? to(state, { name: 'feelings' }) : state;
  }
}
