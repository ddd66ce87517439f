import { describe, expect, it } from 'vitest';
import {
  type CheckInLike,
  readSupport,
  type SupportSignal,
  supportSignal,
} from '../../core/insights/signals';
import { checkInWeight } from '../../core/insights/support';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2025, 4, 20, 12, 0, 0); // 20 May 2025, 12:00 UTC
const daysAgo = (days: number, plusMs = 0) => NOW - days * DAY - plusMs;
const notDismissed = { dismissedAt: null };

// Each check-in carries its local day, as stored ones do, so the table reads the same in every zone.
type Extra = Partial<Pick<CheckInLike, 'intensity' | 'helped' | 'after' | 'outletId'>> & { minutes?: number };
const on = (ago: number, feeling: string, extra: Extra = {}): CheckInLike => {
  const { minutes = 0, ...rest } = extra;
  const at = daysAgo(ago) - minutes * 60_000;
  return { at, day: new Date(daysAgo(ago)).toISOString().slice(0, 10), feeling, outletId: null, ...rest };
};
/** One check-in of `feeling` on each of the days `ago`. */
const each = (agos: number[], feeling: string | ((i: number) => string), extra: Extra = {}) =>
  agos.map((ago, i) => on(ago, typeof feeling === 'string' ? feeling : feeling(i), extra));
const range = (n: number, from = 1) => Array.from({ length: n }, (_, i) => from + i);
const rotate =
  (...feelings: string[]) =>
  (i: number) =>
    feelings[i % feelings.length] as string;

const QUIET: SupportSignal = { show: false };
const HEAVY: SupportSignal = { show: true, reason: 'heavy-checkins' };
const NOT_HELPING: SupportSignal = { show: true, reason: 'not-helping' };

describe('supportSignal: the two defects of issue 17', () => {
  it('shows the card after twelve Sad, Overwhelmed and Down check-ins over twelve days, none with a strength', () => {
    const feelings = ['sad', 'overwhelmed', 'down'];
    const history: CheckInLike[] = Array.from({ length: 12 }, (_, i) => ({
      at: daysAgo(i, -60_000),
      feeling: feelings[i % 3] as string,
      outletId: null,
    }));
    expect(supportSignal(history, notDismissed, NOW).show).toBe(true);
  });

  it('does not show the card after three "No" answers following Calm check-ins', () => {
    const history: CheckInLike[] = [3, 2, 1].map((ago) => ({
      at: daysAgo(ago),
      feeling: 'calm',
      outletId: 'walk-block',
      helped: 'no',
    }));
    expect(supportSignal(history, notDismissed, NOW)).toEqual({ show: false });
  });
});

describe('checkInWeight', () => {
  it.each([
    ['unpleasant, no strength', 'overwhelmed', undefined, 1],
    ['unpleasant, strength 1', 'sad', 1, 0.5],
    ['unpleasant, strength 3', 'tired', 3, 1],
    ['unpleasant, strength 5', 'angry', 5, 1.5],
    ['numb, no strength', 'numb', undefined, 1],
    ['numb, strength 4', 'numb', 4, 1.25],
    ["can't tell, no strength", 'cant-tell', undefined, 0.5],
    ["can't tell, strength 5", 'cant-tell', 5, 0.75],
    ['pleasant, strength 5', 'joyful', 5, 0],
    ['pleasant, no strength', 'calm', undefined, 0],
    ['a feeling no longer offered', 'meh', 5, 0],
  ])('%s weighs %s', (_, feeling, intensity, expected) => {
    expect(checkInWeight(intensity === undefined ? { feeling } : { feeling, intensity })).toBe(expected);
  });
});

// The scenarios table of issue 17: each row says shown or not, and why (heavy days, points).
describe('supportSignal: scenarios', () => {
  it.each<[string, CheckInLike[], { heavyDays: number; points: number; signal: SupportSignal }]>([
    ['nothing at all', [], { heavyDays: 0, points: 0, signal: QUIET }],
    [
      'issue 17: twelve Sad, Overwhelmed, Down over twelve days, no strength',
      each(range(12, 0), rotate('sad', 'overwhelmed', 'down')),
      { heavyDays: 12, points: 12, signal: HEAVY },
    ],
    [
      'issue 17: three "no" after Calm check-ins',
      each([3, 2, 1], 'calm', { outletId: 'walk-block', helped: 'no', after: 'heavier' }),
      { heavyDays: 0, points: 0, signal: QUIET },
    ],
    [
      'two weeks of pleasant check-ins at strength 5, every outlet a "no" that left them heavier',
      each(range(14), rotate('joyful', 'calm'), { intensity: 5, helped: 'no', after: 'heavier' }),
      { heavyDays: 0, points: 0, signal: QUIET },
    ],
    [
      'one bad afternoon: eight check-ins at strength 5',
      range(8).map((i) =>
        on(1, i % 2 ? 'angry' : 'sad', { intensity: 5, minutes: i * 10, after: 'heavier' }),
      ),
      { heavyDays: 1, points: 3, signal: QUIET },
    ],
    [
      'three very bad days: several strong check-ins, nothing helping',
      [1, 2, 3].flatMap((ago) =>
        range(3).map((i) =>
          on(ago, 'overwhelmed', { intensity: 5, minutes: i * 30, helped: 'no', after: 'heavier' }),
        ),
      ),
      { heavyDays: 3, points: 9, signal: QUIET },
    ],
    [
      'four days with one unpleasant check-in each',
      each([1, 3, 5, 7], 'stressed'),
      { heavyDays: 4, points: 4, signal: QUIET },
    ],
    [
      'four days with two strong unpleasant check-ins each',
      [1, 3, 5, 7].flatMap((ago) => [
        on(ago, 'sad', { intensity: 4 }),
        on(ago, 'anxious', { intensity: 4, minutes: 60 }),
      ]),
      { heavyDays: 4, points: 8, signal: HEAVY },
    ],
    [
      'five days with one unpleasant check-in each, no strength',
      each(range(5), 'tired'),
      { heavyDays: 5, points: 5, signal: QUIET },
    ],
    [
      'five days at strength 4 (what the old rule needed)',
      each(range(5), 'sad', { intensity: 4 }),
      { heavyDays: 5, points: 6.25, signal: HEAVY },
    ],
    [
      'six days of one unpleasant check-in each',
      each(range(6), rotate('lonely', 'frustrated')),
      { heavyDays: 6, points: 6, signal: HEAVY },
    ],
    [
      'five unpleasant days, one after-feeling that stayed heavier',
      [...each(range(4), 'down'), on(5, 'down', { outletId: 'walk-block', after: 'heavier' })],
      { heavyDays: 5, points: 6, signal: NOT_HELPING },
    ],
    [
      'five unpleasant days, two outlets answered "no"',
      [...each(range(3), 'anxious'), ...each([4, 5], 'anxious', { outletId: 'doodle', helped: 'no' })],
      { heavyDays: 5, points: 6, signal: NOT_HELPING },
    ],
    [
      'five unpleasant days, every outlet left them lighter',
      each(range(5), 'down', { outletId: 'walk-block', after: 'lighter', helped: 'yes' }),
      { heavyDays: 5, points: 5, signal: QUIET },
    ],
    [
      'six days of feeling numb, no strength',
      each(range(6), 'numb'),
      { heavyDays: 6, points: 6, signal: HEAVY },
    ],
    [
      'six days of a single "I can\'t tell"',
      each(range(6), 'cant-tell'),
      { heavyDays: 0, points: 0, signal: QUIET },
    ],
    [
      'six days of two "I can\'t tell" each',
      range(6).flatMap((ago) => [on(ago, 'cant-tell'), on(ago, 'cant-tell', { minutes: 90 })]),
      { heavyDays: 6, points: 6, signal: HEAVY },
    ],
    [
      'five days of faint sadness (strength 1)',
      each(range(5), 'sad', { intensity: 1 }),
      { heavyDays: 0, points: 0, signal: QUIET },
    ],
    [
      'a week where each day had one tired moment among three calm ones',
      range(7).flatMap((ago) => [
        on(ago, 'tired'),
        ...range(3).map((i) => on(ago, 'calm', { minutes: 30 * i + 30 })),
      ]),
      { heavyDays: 0, points: 0, signal: QUIET },
    ],
    [
      'six heavy days, each with as many calm check-ins as unpleasant ones',
      range(6).flatMap((ago) => [on(ago, 'sad'), on(ago, 'content', { minutes: 60 })]),
      { heavyDays: 6, points: 6, signal: HEAVY },
    ],
    [
      'six unpleasant days, all more than 14 days ago',
      each(range(6, 15), 'sad', { intensity: 5 }),
      { heavyDays: 0, points: 0, signal: QUIET },
    ],
    [
      'five unpleasant days in the window and one exactly 14 days old',
      each([1, 2, 3, 4, 5, 14], 'sad'),
      { heavyDays: 6, points: 6, signal: HEAVY },
    ],
    [
      'five unpleasant days in the window and one just over 14 days old',
      [...each([1, 2, 3, 4, 5], 'sad'), { ...on(14, 'sad'), at: daysAgo(14, 1) }],
      { heavyDays: 5, points: 5, signal: QUIET },
    ],
    [
      "a mixed fortnight: pleasant, unpleasant, numb and can't tell spread out",
      [
        ...each([1, 4, 7, 10, 13], 'calm'),
        ...each([2, 8], 'anxious'),
        ...each([5], 'numb'),
        ...each([3, 11], 'cant-tell'),
      ],
      { heavyDays: 3, points: 3, signal: QUIET },
    ],
  ])('%s', (_, history, expected) => {
    const { heavyDays, points, signal } = readSupport(history, notDismissed, NOW);
    expect({ heavyDays, points, signal }).toEqual(expected);
  });
});

describe('supportSignal: after the card is waved away', () => {
  const sixHeavy = (...agos: number[]) => each(agos, 'sad');

  it.each<[string, number, CheckInLike[], SupportSignal]>([
    ['dismissed yesterday, with six heavy days before', daysAgo(1), sixHeavy(2, 3, 4, 5, 6, 7), QUIET],
    ['dismissed a moment under 14 days ago', daysAgo(14, -1), sixHeavy(1, 2, 3, 4, 5, 6), QUIET],
    [
      'dismissed exactly 14 days ago, with six heavy days since',
      daysAgo(14),
      sixHeavy(1, 2, 3, 4, 5, 6),
      HEAVY,
    ],
    [
      'dismissed 20 days ago, with six heavy days this fortnight',
      daysAgo(20),
      sixHeavy(1, 2, 3, 4, 5, 6),
      HEAVY,
    ],
    ['dismissed 30 days ago, with nothing since', daysAgo(30), [], QUIET],
  ])('%s', (_, dismissedAt, history, expected) => {
    expect(supportSignal(history, { dismissedAt }, NOW)).toEqual(expected);
  });

  it('does not count check-ins from before the dismissal, once the quiet time is over', () => {
    const dismissedAt = daysAgo(14);
    const history = [...sixHeavy(1, 2, 3, 4, 5), { ...on(14, 'sad'), at: dismissedAt }];
    expect(supportSignal(history, notDismissed, NOW)).toEqual(HEAVY);
    expect(supportSignal(history, { dismissedAt }, NOW)).toEqual(QUIET);
  });
});
