// The check-in's steps, how one leads to the next, and what each change must save, as a pure
// reducer: no DOM, no browser, no clock. `checkInFlow(state, event)` gives the next state and the
// effects to run (as data); components/checkin/useCheckInFlow.ts runs them and stores the state
// (core/checkin/resume.ts brings it back), and components/checkin/CheckIn.tsx only shows the step.
// tests/unit/checkin-flow.test.ts holds it to a table of every step × event.
//
// A check-in is recorded when it ends (Done, Not now, a timer or a breath finished, a question
// answered), never because a feeling was picked: "Back to feelings" leaves nothing behind but the
// line typed, which goes on to the next check-in (issue 16).
import type { FeelingId } from '../feelings';
import type { Helped } from '../insights';
import type { Outlet, PickReason } from '../outlets';
import type { After, CheckIn } from '../schema';
import { withAfter } from './after';

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
   * "And now?" right after a timed outlet or a breath (core/checkin/after.ts). `awaySince`: when the
   * person left for the outlet (a walk's start), so "Welcome back" is said only after a real absence
   * (core/away.ts); null after a breath, taken at the screen.
   */
  | { name: 'after'; entry: CheckIn; awaySince: number | null }
  /**
   * "How was that? Did it help?", as asked after an outlet before "And now?" replaced it: only a
   * check-in stored at that step by an earlier version comes back to it (core/checkin/resume.ts).
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
  /** The journal line typed in this check-in so far: whatever ends the check-in keeps it. */
  line: string;
  /**
   * The check-in whose draft (platform/history/draft.ts) holds `line`: the one it was typed in,
   * until the line moves on to the next check-in after "Back to feelings".
   */
  lineOf: CheckIn | null;
  /** Check-ins whose earlier "did it help?" or "And now?" was answered here, so it isn't asked again. */
  answered: string[];
  /**
   * Done (or Not now…) was pressed and the check-in handed to the history: it is no longer under
   * way, even while a failed save keeps the step on screen for another try. Its line, if any, waits
   * in its draft, and the next page's recovery stores it (platform/history/draft.ts).
   */
  ending?: boolean;
}

export type FlowEvent =
  /** A feeling picked while the pick can't be made yet: it is offered as soon as it can. */
  | { type: 'wait'; feeling: FeelingId }
  /** A new outlet for a feeling: from the feelings (a new check-in) or the outlet step ("Another idea"). */
  | ({ type: 'offer' } & OutletOffer)
  /** The strength, on the outlet step; with the outlet that fits it (the same one if it still does). */
  | ({ type: 'strength' } & OutletOffer)
  /** A keystroke in the journal line. */
  | { type: 'type'; text: string }
  /** Done, Not now, a saved journal line (`line`), "I reached out": recorded, then thanks. */
  | { type: 'finish'; outcome: Outcome; line?: string; reachedOut?: boolean }
  /** The check-in `finish` recorded is stored. */
  | { type: 'finished'; outcome: Outcome }
  | { type: 'start-timer'; minutes: number; startedAt: number; endsAt: number }
  /** The background stored the running timer. */
  | { type: 'timer-stored' }
  /** The walk's countdown ended, or the background ended it: recorded, then "And now?". */
  | { type: 'timer-over' }
  /** "Stop early": the timer stops, and the walk is over as above. */
  | { type: 'stop' }
  /** On the first screen, a walk from an earlier check-in (already recorded) ended while the popup was open. */
  | { type: 'earlier-timer-over'; entry: CheckIn; startedAt: number }
  | { type: 'start-breath'; seconds: number }
  | { type: 'breath-done' }
  /** "Did it help?" answered (null: "Rather not say"). */
  | { type: 'answer'; helped: Helped | null }
  /** The earlier check-in's "did it help?", answered on the first screen. */
  | { type: 'answer-earlier'; entry: CheckIn; helped: Helped | null }
  /** "And now?" answered at `at` (null: skipped), right after the outlet. */
  | { type: 'after'; after: After | null; at: number }
  /** An earlier check-in's "And now?", answered on the first screen (null: skipped). */
  | { type: 'after-earlier'; entry: CheckIn; after: After | null; at: number }
  /** "Back to feelings", or Escape: one step back. */
  | { type: 'back' }
  /** "Check in again". */
  | { type: 'again' }
  /**
   * A feeling clicked on a first screen drawn before the check-in under way was known: the person
   * starts a new check-in, and what was under way ends as it would (a walk is recorded).
   */
  | { type: 'restart' };

export type FlowEffect =
  /** Store the check-in; once stored, `next` follows. */
  | { type: 'save'; entry: CheckIn; next?: FlowEvent }
  /** Keep the line typed for `entry` in its draft (an empty text lets the draft go). */
  | { type: 'draft'; entry: CheckIn; text: string }
  | { type: 'start-timer'; minutes: number; checkInId: string }
  | { type: 'stop-timer' };

export type FlowResult = [FlowState, FlowEffect[]];

export const INITIAL_FLOW: FlowState = {
  step: { name: 'feelings' },
  waiting: null,
  focusTurn: 0,
  line: '',
  lineOf: null,
  answered: [],
};

const to = (state: FlowState, step: Step): FlowState => ({
  ...state,
  ending: false,
  step,
  waiting: null,
  focusTurn: state.focusTurn + 1,
});

/** Ended: the line is in the check-in now, and the next one starts with none. */
const ended = (state: FlowState, step: Step): FlowState => ({ ...to(state, step), line: '', lineOf: null });

export const offerOf = (event: OutletOffer): OutletOffer => ({
  entry: event.entry,
  outlet: event.outlet,
  reason: event.reason,
  journalPrompt: event.journalPrompt,
});

/** The check-in with the line typed so far, if any: no way of ending a step drops it. */
export function withLine(entry: CheckIn, line: string): CheckIn {
  const text = line.trim();
  if (text) return { ...entry, journal: text };
  const { journal: _, ...rest } = entry;
  return entry.journal === undefined ? entry : rest;
}

const same = (state: FlowState): FlowResult => [state, []];

/** The next state and what to save; an event that means nothing in the current step changes nothing. */
export function checkInFlow(state: FlowState, event: FlowEvent): FlowResult {
  const { step, line } = state;
  switch (event.type) {
    case 'wait':
      return step.name === 'feelings' ? [{ ...state, waiting: event.feeling }, []] : same(state);
    case 'offer': {
      const offer = offerOf(event);
      if (step.name === 'feelings') {
        const next = to(state, { name: 'outlet', ...offer });
        if (!line.trim() || !state.lineOf || state.lineOf.id === offer.entry.id) return [next, []];
        // A line typed before "Back to feelings" goes on to this check-in: its draft moves with it.
        return [
          { ...next, lineOf: offer.entry },
          [
            { type: 'draft', entry: withLine(offer.entry, line), text: line },
            { type: 'draft', entry: state.lineOf, text: '' },
          ],
        ];
      }
      // "Another idea": the same step with a new outlet; focus stays on the button pressed.
      if (step.name === 'outlet') return [{ ...state, step: { name: 'outlet', ...offer } }, []];
      return same(state);
    }
    case 'strength':
      return step.name === 'outlet'
        ? [{ ...state, step: { name: 'outlet', ...offerOf(event) } }, []]
        : same(state);
    case 'type':
      if (step.name !== 'outlet') return same(state);
      return [
        { ...state, line: event.text, lineOf: step.entry, ending: false },
        [{ type: 'draft', entry: withLine(step.entry, event.text), text: event.text }],
      ];
    case 'finish': {
      if (step.name !== 'outlet') return same(state);
      const typed = event.line ?? line;
      const entry = withLine(
        { ...step.entry, outcome: event.outcome, ...(event.reachedOut ? { reachedOut: true } : {}) },
        typed,
      );
      // The step changes once the check-in is stored: a save that fails leaves the person where they
      // are. The line goes into the draft as the check-in ends, so a failed save can't lose it.
      const save: FlowEffect = { type: 'save', entry, next: { type: 'finished', outcome: event.outcome } };
      return [
        { ...state, line: typed, lineOf: typed.trim() ? step.entry : state.lineOf, ending: true },
        typed.trim() ? [{ type: 'draft', entry, text: typed }, save] : [save],
      ];
    }
    case 'finished':
      return step.name === 'outlet'
        ? [ended(state, { name: 'thanks', outcome: event.outcome }), []]
        : same(state);
    case 'start-timer':
      if (step.name !== 'outlet') return same(state);
      return [
        to(state, {
          name: 'timer',
          entry: { ...step.entry, outcome: 'done' },
          startedAt: event.startedAt,
          endsAt: event.endsAt,
          started: false,
        }),
        [{ type: 'start-timer', minutes: event.minutes, checkInId: step.entry.id }],
      ];
    case 'timer-stored':
      return step.name === 'timer' && !step.started
        ? [{ ...state, step: { ...step, started: true } }, []]
        : same(state);
    case 'timer-over':
    case 'stop': {
      if (step.name !== 'timer') return same(state);
      const effects: FlowEffect[] = [{ type: 'save', entry: withLine(step.entry, line) }];
      if (event.type === 'stop') effects.unshift({ type: 'stop-timer' });
      return [
        ended(state, { name: 'after', entry: withLine(step.entry, line), awaySince: step.startedAt }),
        effects,
      ];
    }
    case 'earlier-timer-over':
      return step.name === 'feelings'
        ? [to(state, { name: 'after', entry: event.entry, awaySince: event.startedAt }), []]
        : same(state);
    case 'start-breath':
      return step.name === 'outlet'
        ? [to(state, { name: 'breath', entry: step.entry, seconds: event.seconds, from: offerOf(step) }), []]
        : same(state);
    case 'breath-done': {
      if (step.name !== 'breath') return same(state);
      const entry = withLine({ ...step.entry, outcome: 'done' }, line);
      return [ended(state, { name: 'after', entry, awaySince: null }), [{ type: 'save', entry }]];
    }
    case 'answer': {
      if (step.name !== 'helped') return same(state);
      const entry = { ...step.entry, helpAsked: true, ...(event.helped ? { helped: event.helped } : {}) };
      return [ended(state, { name: 'thanks', outcome: 'done' }), [{ type: 'save', entry }]];
    }
    case 'after': {
      if (step.name !== 'after') return same(state);
      const entry = withAfter(step.entry, event.after, event.at);
      // Skipped, the person may well want the feelings: they come at once, never a step in between.
      const next: Step = event.after ? { name: 'thanks', outcome: 'done' } : { name: 'feelings' };
      return [ended(state, next), [{ type: 'save', entry }]];
    }
    case 'after-earlier': {
      if (step.name !== 'feelings' || state.answered.includes(event.entry.id)) return same(state);
      const entry = withAfter(event.entry, event.after, event.at);
      return [{ ...state, answered: [...state.answered, entry.id] }, [{ type: 'save', entry }]];
    }
    case 'answer-earlier': {
      if (step.name !== 'feelings' || state.answered.includes(event.entry.id)) return same(state);
      const entry = { ...event.entry, helpAsked: true, ...(event.helped ? { helped: event.helped } : {}) };
      return [{ ...state, answered: [...state.answered, entry.id] }, [{ type: 'save', entry }]];
    }
    case 'back':
      // Nothing is recorded: the line typed (in its draft) waits for the next check-in. After a Done
      // whose save failed, the check-in was ended: its line stays in its draft, for it alone.
      if (step.name === 'outlet')
        return [
          state.ending
            ? { ...to(state, { name: 'feelings' }), line: '', lineOf: null }
            : to(state, { name: 'feelings' }),
          [],
        ];
      if (step.name === 'thanks') return [to(state, { name: 'feelings' }), []];
      if (step.name === 'breath') return [to(state, { name: 'outlet', ...step.from }), []];
      // A running walk and its question have no step behind them worth going back to.
      return same(state);
    case 'again':
      return step.name === 'thanks' ? [to(state, { name: 'feelings' }), []] : same(state);
    case 'restart':
      switch (step.name) {
        case 'feelings':
          return same(state);
        case 'timer': {
          // The walk goes on (its countdown shows on the first screen); it was taken, so it is recorded.
          const entry = withLine(step.entry, line);
          return [ended(state, { name: 'feelings' }), [{ type: 'save', entry }]];
        }
        case 'after':
        case 'helped':
          // Already recorded; its question waits for the first screen (core/checkin/after.ts).
          return [to(state, { name: 'feelings' }), []];
        case 'breath':
          // As "Back to feelings" from its outlet: nothing recorded, the line typed goes on.
          return [to(state, { name: 'feelings' }), []];
        default:
          return checkInFlow(state, { type: 'back' });
      }
  }
}
