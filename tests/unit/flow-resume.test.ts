import { describe, expect, it } from 'vitest';
import { AFTER_MAX_AGE } from '../../core/checkin/after';
import { checkInFlow, type FlowState, INITIAL_FLOW, type Step } from '../../core/checkin/flow';
import {
  liveLine,
  RESUME_WITHIN,
  resumeFlow,
  type StoredFlow,
  storedFlow,
  underWayUntil,
} from '../../core/checkin/resume';
import { outletById } from '../../core/outlets';
import type { CheckIn, Timer } from '../../core/schema';
import { DAY, MINUTE } from '../../core/time';

const T0 = Date.UTC(2026, 4, 12, 12);
const entry: CheckIn = {
  id: 'c1',
  at: T0,
  feeling: 'stressed',
  outletId: 'walk-street',
  outcome: 'skipped',
  shown: ['walk-street'],
};
const walk = outletById('walk-street') as NonNullable<ReturnType<typeof outletById>>;
const offer = { entry, outlet: walk, reason: null, journalPrompt: '' };
const walking = { ...entry, outcome: 'done' as const };
const END = T0 + 10 * MINUTE;
const running: Timer = { endsAt: END, minutes: 10, checkInId: 'c1' };

const STEPS: Record<string, Step> = {
  outlet: { name: 'outlet', ...offer },
  breath: { name: 'breath', entry, seconds: 60, from: offer },
  timer: { name: 'timer', entry: walking, startedAt: T0, endsAt: END, started: true },
  after: { name: 'after', entry: walking, awaySince: T0 },
  // As an earlier version stored it: taken up the same way.
  helped: { name: 'helped', entry: walking, awaySince: T0 },
  thanks: { name: 'thanks', outcome: 'done' },
};

/** The state as it was stored at `savedAt`, read back at `now` with `timer`. */
const reopen = (step: Step, savedAt: number, now: number, timer: Timer = null) =>
  resumeFlow({
    stored: JSON.parse(JSON.stringify(storedFlow({ ...INITIAL_FLOW, step }, savedAt))),
    now,
    timer,
    draftOf: () => null,
  });

const ROWS = [
  // step, stored at, opened at, timer, → step, records
  ['outlet', T0, T0 + 5 * MINUTE, null, 'outlet', []],
  ['outlet', T0, T0 + RESUME_WITHIN + 1, null, 'feelings', []],
  ['outlet', T0, T0 + DAY, null, 'feelings', []],
  ['breath', T0, T0 + MINUTE, null, 'breath', []],
  ['breath', T0, T0 + RESUME_WITHIN + 1, null, 'feelings', []],
  ['timer', T0, T0 + 3 * MINUTE, running, 'timer', []],
  // A walk goes on for as long as its timer, however long ago the step changed.
  ['timer', T0, END - 1, { ...running, endsAt: END }, 'timer', []],
  ['timer', T0, END + 1000, null, 'after', ['save']],
  ['timer', T0, END + RESUME_WITHIN - 1, null, 'after', ['save']],
  // Over long ago: recorded all the same (it was taken), and the first screen asks about it.
  ['timer', T0, END + RESUME_WITHIN + 1, null, 'feelings', ['save']],
  ['timer', T0, END + DAY, null, 'feelings', ['save']],
  ['after', END, END + 5 * MINUTE, null, 'after', []],
  ['after', END, END + RESUME_WITHIN + 1, null, 'feelings', []],
  // "And now?" is never asked about a check-in older than AFTER_MAX_AGE, even from a fresh step.
  ['after', T0 + AFTER_MAX_AGE, T0 + AFTER_MAX_AGE + 1, null, 'feelings', []],
  ['helped', END, END + 5 * MINUTE, null, 'helped', []],
  ['helped', END, END + RESUME_WITHIN + 1, null, 'feelings', []],
  ['thanks', T0, T0 + MINUTE, null, 'feelings', []],
] as const;

// What a page opening at `now` comes back to, and what it records on the way.
describe('resumeFlow', () => {
  it.each(ROWS)(
    '%s stored at %i, opened at %i (timer %j): %s, records %j',
    (name, savedAt, now, timer, expected, records) => {
      const [state, effects] = reopen(STEPS[name] as Step, savedAt, now, timer);
      expect(state.step.name).toBe(expected);
      expect(effects.map((e) => e.type)).toEqual(records);
    },
  );
  it.each(ROWS)(
    'the head script knows it without the timer: %s stored at %i, opened at %i, feelings drawn iff %s',
    (name, savedAt, now, _timer, expected) => {
      // The head script (platform/checkin-handover.ts) leaves the feelings out exactly when the page
      // opens on another step: else a person coming back mid-walk glimpses them, and may click one.
      const flow = storedFlow({ ...INITIAL_FLOW, step: STEPS[name] as Step }, savedAt);
      const until = underWayUntil(flow);
      expect(until !== null && now < until).toBe(expected !== 'feelings');
    },
  );

  it('records a walk that ended meanwhile as done, with the line typed before it', () => {
    const stored: StoredFlow = {
      step: { name: 'timer', entry: walking, startedAt: T0, endsAt: END },
      lineOf: 'c1',
      answered: [],
      savedAt: T0,
    };
    const [state, [save]] = resumeFlow({
      stored,
      now: END + MINUTE,
      timer: null,
      draftOf: (id) => (id === 'c1' ? { entry, text: 'Off I go.' } : null),
    });
    expect(save).toEqual({ type: 'save', entry: { ...walking, journal: 'Off I go.' } });
    expect(state).toMatchObject({ step: { name: 'after', awaySince: T0 }, line: '' });
  });

  it('puts focus on the heading of a step past the first screen, as a new step does', () => {
    expect(reopen(STEPS.outlet as Step, T0, T0 + MINUTE)[0].focusTurn).toBe(1);
    expect(reopen(STEPS.timer as Step, T0, T0 + MINUTE, running)[0].focusTurn).toBe(1);
    expect(reopen(STEPS.outlet as Step, T0, T0 + DAY)[0].focusTurn).toBe(0);
  });

  it('takes the line back from its draft, and the walk its end from the stored timer', () => {
    const stored: StoredFlow = { step: { name: 'feelings' }, lineOf: 'sad', answered: ['x'], savedAt: T0 };
    const [state] = resumeFlow({
      stored,
      now: T0 + MINUTE,
      timer: null,
      draftOf: () => ({ entry: { ...entry, id: 'sad' }, text: 'Kept.' }),
    });
    expect(state).toMatchObject({
      step: { name: 'feelings' },
      line: 'Kept.',
      lineOf: { id: 'sad' },
      answered: ['x'],
    });
    const [later] = reopen(STEPS.timer as Step, T0, T0 + MINUTE, { ...running, endsAt: END + 2 * MINUTE });
    expect(later.step).toMatchObject({ name: 'timer', endsAt: END + 2 * MINUTE });
  });

  it('starts afresh from anything unreadable, or from an outlet no longer in the catalogue', () => {
    for (const stored of [
      undefined,
      null,
      'x',
      { step: { name: 'nope' } },
      { ...storedFlow({ ...INITIAL_FLOW, step: STEPS.outlet as Step }, T0), savedAt: -1 },
    ])
      expect(resumeFlow({ stored, now: T0, timer: null, draftOf: () => null })).toEqual([INITIAL_FLOW, []]);
    const gone = storedFlow({ ...INITIAL_FLOW, step: STEPS.outlet as Step }, T0) as StoredFlow;
    const renamed = { ...gone, step: { ...gone.step, entry: { ...entry, outletId: 'no-such-outlet' } } };
    expect(resumeFlow({ stored: renamed, now: T0, timer: null, draftOf: () => null })[0]).toBe(INITIAL_FLOW);
  });

  it('stores nothing for the first screen, "Thanks", or a check-in handed to the history', () => {
    expect(storedFlow(INITIAL_FLOW, T0)).toBeNull();
    expect(storedFlow({ ...INITIAL_FLOW, step: STEPS.thanks as Step }, T0)).toBeNull();
    const onOutlet: FlowState = { ...INITIAL_FLOW, step: STEPS.outlet as Step };
    const [ending] = checkInFlow(onOutlet, { type: 'finish', outcome: 'done' });
    expect(storedFlow(ending, T0)).toBeNull();
  });

  it('names the line still under way, which draft recovery leaves alone', () => {
    const typed: FlowState = { ...INITIAL_FLOW, step: STEPS.outlet as Step, line: 'Mine.', lineOf: entry };
    const stored = storedFlow(typed, T0);
    expect(liveLine(stored, T0 + MINUTE, null)).toBe('c1');
    expect(liveLine(stored, T0 + RESUME_WITHIN + 1, null)).toBeNull();
    const onWalk = storedFlow({ ...typed, step: STEPS.timer as Step }, T0);
    expect(liveLine(onWalk, T0 + 5 * MINUTE, running)).toBe('c1');
    expect(liveLine(onWalk, END + 1, null)).toBeNull();
  });
});
