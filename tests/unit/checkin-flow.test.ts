import { describe, expect, it } from 'vitest';
import {
  checkInFlow,
  type FlowEvent,
  type FlowState,
  INITIAL_FLOW,
  type OutletOffer,
  type Step,
  type StepName,
} from '../../core/checkin/flow';
import { outletById } from '../../core/outlets';
import type { CheckIn } from '../../core/schema';

const entry: CheckIn = {
  id: 'c1',
  at: 0,
  feeling: 'stressed',
  outletId: 'walk-street',
  outcome: 'skipped',
  shown: ['walk-street'],
};
const offer: OutletOffer = {
  entry,
  outlet: outletById('walk-street') as NonNullable<ReturnType<typeof outletById>>,
  reason: null,
  journalPrompt: '',
};
const other: OutletOffer = {
  ...offer,
  entry: { ...entry, outletId: 'slow-breath', shown: ['walk-street', 'slow-breath'] },
  outlet: outletById('slow-breath') as NonNullable<ReturnType<typeof outletById>>,
};

const STEPS: Record<StepName, Step> = {
  feelings: { name: 'feelings' },
  outlet: { name: 'outlet', ...offer },
  breath: { name: 'breath', entry, seconds: 60, from: offer },
  timer: { name: 'timer', entry, startedAt: 0, endsAt: 600_000, started: true },
  helped: { name: 'helped', entry, awaySince: 0 },
  thanks: { name: 'thanks', outcome: 'done' },
};

const EVENTS: Record<FlowEvent['type'], FlowEvent> = {
  wait: { type: 'wait', feeling: 'calm' },
  offer: { type: 'offer', ...other },
  strength: { type: 'strength', ...other },
  finish: { type: 'finish', outcome: 'done' },
  'start-timer': { type: 'start-timer', entry, startedAt: 0, endsAt: 1 },
  'timer-stored': { type: 'timer-stored' },
  'timer-over': { type: 'timer-over' },
  'earlier-timer-over': { type: 'earlier-timer-over', entry, startedAt: 0 },
  'start-breath': { type: 'start-breath', entry, seconds: 60 },
  'breath-done': { type: 'breath-done' },
  answered: { type: 'answered' },
  back: { type: 'back' },
  again: { type: 'again' },
};

// What each event does in each step: the step it leads to, and whether focus moves to its heading.
// '=' means the event means nothing there: the state is returned as it was (the same object).
type Expect = '=' | [StepName, 'focus' | 'stay'];
const TABLE: Record<StepName, Record<FlowEvent['type'], Expect>> = {
  feelings: {
    wait: ['feelings', 'stay'],
    offer: ['outlet', 'focus'],
    strength: '=',
    finish: '=',
    'start-timer': '=',
    'timer-stored': '=',
    'timer-over': '=',
    'earlier-timer-over': ['helped', 'focus'],
    'start-breath': '=',
    'breath-done': '=',
    answered: '=',
    back: '=',
    again: '=',
  },
  outlet: {
    wait: '=',
    offer: ['outlet', 'stay'],
    strength: ['outlet', 'stay'],
    finish: ['thanks', 'focus'],
    'start-timer': ['timer', 'focus'],
    'timer-stored': '=',
    'timer-over': '=',
    'earlier-timer-over': '=',
    'start-breath': ['breath', 'focus'],
    'breath-done': '=',
    answered: '=',
    back: ['feelings', 'focus'],
    again: '=',
  },
  breath: {
    wait: '=',
    offer: '=',
    strength: '=',
    finish: '=',
    'start-timer': '=',
    'timer-stored': '=',
    'timer-over': '=',
    'earlier-timer-over': '=',
    'start-breath': '=',
    'breath-done': ['helped', 'focus'],
    answered: '=',
    back: ['outlet', 'focus'],
    again: '=',
  },
  timer: {
    wait: '=',
    offer: '=',
    strength: '=',
    finish: '=',
    'start-timer': '=',
    // Already started in STEPS.timer: storing it again changes nothing.
    'timer-stored': '=',
    'timer-over': ['helped', 'focus'],
    'earlier-timer-over': '=',
    'start-breath': '=',
    'breath-done': '=',
    answered: '=',
    back: '=',
    again: '=',
  },
  helped: {
    wait: '=',
    offer: '=',
    strength: '=',
    finish: '=',
    'start-timer': '=',
    'timer-stored': '=',
    'timer-over': '=',
    'earlier-timer-over': '=',
    'start-breath': '=',
    'breath-done': '=',
    answered: ['thanks', 'focus'],
    back: '=',
    again: '=',
  },
  thanks: {
    wait: '=',
    offer: '=',
    strength: '=',
    finish: '=',
    'start-timer': '=',
    'timer-stored': '=',
    'timer-over': '=',
    'earlier-timer-over': '=',
    'start-breath': '=',
    'breath-done': '=',
    answered: '=',
    back: ['feelings', 'focus'],
    again: ['feelings', 'focus'],
  },
};

const ROWS = Object.entries(TABLE).flatMap(([step, events]) =>
  Object.entries(events).map(
    ([event, expected]) => [step as StepName, event as FlowEvent['type'], expected] as const,
  ),
);

describe('checkInFlow', () => {
  it.each(ROWS)('in %s, %s → %j', (stepName, eventType, expected) => {
    const state: FlowState = { step: STEPS[stepName], waiting: null, focusTurn: 3 };
    const next = checkInFlow(state, EVENTS[eventType]);
    if (expected === '=') {
      expect(next).toBe(state);
      return;
    }
    const [name, focus] = expected;
    expect(next.step.name).toBe(name);
    expect(next.focusTurn).toBe(focus === 'focus' ? 4 : 3);
  });

  it('covers every step and every event', () => {
    expect(Object.keys(TABLE).sort()).toEqual(Object.keys(STEPS).sort());
    for (const events of Object.values(TABLE))
      expect(Object.keys(events).sort()).toEqual(Object.keys(EVENTS).sort());
  });

  it('remembers a feeling picked too early, and forgets it once an outlet is offered', () => {
    const waiting = checkInFlow(INITIAL_FLOW, { type: 'wait', feeling: 'numb' });
    expect(waiting.waiting).toBe('numb');
    expect(checkInFlow(waiting, EVENTS.offer).waiting).toBeNull();
  });

  it('"Another idea" and a strength show the new outlet; back from a breath returns to its outlet', () => {
    const onOutlet: FlowState = { step: STEPS.outlet, waiting: null, focusTurn: 1 };
    const another = checkInFlow(onOutlet, EVENTS.offer);
    expect(another.step).toMatchObject({ name: 'outlet', outlet: { id: 'slow-breath' } });
    const breath = checkInFlow(onOutlet, EVENTS['start-breath']);
    expect(checkInFlow(breath, EVENTS.back).step).toMatchObject({
      name: 'outlet',
      outlet: { id: 'walk-street' },
    });
  });

  it('"did it help?" knows since when the person was away: a walk from its start, a breath never', () => {
    const walking: FlowState = {
      step: { ...STEPS.timer, startedAt: 240_000 } as Step,
      waiting: null,
      focusTurn: 0,
    };
    expect(checkInFlow(walking, EVENTS['timer-over']).step).toMatchObject({
      name: 'helped',
      awaySince: 240_000,
    });
    const breath: FlowState = { step: STEPS.breath, waiting: null, focusTurn: 0 };
    expect(checkInFlow(breath, EVENTS['breath-done']).step).toMatchObject({
      name: 'helped',
      awaySince: null,
    });
  });

  it('a breath ends as done; a timer notes once that the background stored it', () => {
    const breath: FlowState = { step: STEPS.breath, waiting: null, focusTurn: 0 };
    expect(checkInFlow(breath, EVENTS['breath-done']).step).toMatchObject({
      name: 'helped',
      entry: { outcome: 'done' },
    });
    const fresh: FlowState = {
      step: { ...STEPS.timer, started: false } as Step,
      waiting: null,
      focusTurn: 0,
    };
    expect(checkInFlow(fresh, EVENTS['timer-stored']).step).toMatchObject({ name: 'timer', started: true });
  });
});
