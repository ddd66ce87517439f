import { describe, expect, it } from 'vitest';
import {
  type CheckInLike,
  clampWeight,
  type Helped,
  isHeavy,
  outletWeights,
  type SupportSignal,
  supportSignal,
  WEIGHT_MAX,
  WEIGHT_MIN,
} from '../../core/insights';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2025, 4, 20, 12, 0, 0); // 20 May 2025, 12:00 UTC
const daysAgo = (days: number, plusMs = 0) => NOW - days * DAY - plusMs;

const answer = (outletId: string, helped: Helped, at = daysAgo(1)): CheckInLike => ({
  at,
  feeling: 'stressed',
  outletId,
  helped,
});

describe('outletWeights', () => {
  it('starts with nothing: every outlet weighs the neutral 1 until someone answers', () => {
    expect(outletWeights([], NOW)).toEqual({});
  });

  it.each([
    ['"yes" raises it', ['yes'], 1.4],
    ['"a bit" raises it slightly', ['a-bit'], 1.15],
    ['"no" lowers it', ['no'], 0.7],
    ['a "yes" and a "no" nearly cancel out', ['yes', 'no'], 1.1],
    ['two "a bit" add up', ['a-bit', 'a-bit'], 1.3],
    ['many "yes" stop at the top of the range', Array(10).fill('yes'), WEIGHT_MAX],
    ['many "no" stop at the bottom of the range', Array(5).fill('no'), WEIGHT_MIN],
    ['a "no" after many "yes" still counts', [...Array(10).fill('yes'), 'no'], 2.7],
    ['a "yes" after many "no" still counts', [...Array(10).fill('no'), 'yes'], 0.65],
  ] as const)('%s', (_, answers, expected) => {
    const history = answers.map((helped, i) => answer('walk-street', helped, daysAgo(10, -i)));
    expect(outletWeights(history, NOW)).toEqual({ 'walk-street': expected });
  });

  it('replays answers oldest first, whatever order the history comes in', () => {
    const yeses = Array.from({ length: 10 }, (_, i) => answer('doodle', 'yes', daysAgo(5, i)));
    const lastNo = answer('doodle', 'no', daysAgo(1));
    expect(outletWeights([lastNo, ...yeses], NOW)).toEqual({ doodle: 2.7 });
  });

  it.each([
    ['today', daysAgo(0), 1.4],
    ['exactly 30 days ago, in full', daysAgo(30), 1.4],
    ['just over 30 days ago, half as much', daysAgo(30, 1), 1.2],
    ['exactly 60 days ago, half as much', daysAgo(60), 1.2],
    ['just over 60 days ago, not at all', daysAgo(60, 1), undefined],
    ['a year ago, not at all', daysAgo(365), undefined],
    ['in the future after a clock change, in full', NOW + DAY, 1.4],
  ])('counts a "yes" given %s', (_, at, expected) => {
    expect(outletWeights([answer('walk-street', 'yes', at)], NOW)['walk-street']).toBe(expected);
  });

  it('keeps each outlet apart', () => {
    const history = [answer('walk-street', 'yes'), answer('doodle', 'no'), answer('doodle', 'a-bit')];
    expect(outletWeights(history, NOW)).toEqual({ 'walk-street': 1.4, doodle: 0.85 });
  });

  it('ignores check-ins without an answer or without an outlet, and answers it does not know', () => {
    const history: CheckInLike[] = [
      { at: daysAgo(1), feeling: 'sad', outletId: 'doodle' },
      { at: daysAgo(1), feeling: 'sad', outletId: null, helped: 'yes' },
      { at: daysAgo(1), feeling: 'sad', outletId: '', helped: 'yes' },
      { at: daysAgo(1), feeling: 'sad', outletId: 'doodle', helped: 'maybe' as Helped },
    ];
    expect(outletWeights(history, NOW)).toEqual({});
  });

  it('is not confused by ids that look like object properties', () => {
    const weights = outletWeights([answer('toString', 'yes'), answer('__proto__', 'no')], NOW);
    expect(Object.getOwnPropertyDescriptor(weights, 'toString')?.value).toBe(1.4);
    expect(Object.getOwnPropertyDescriptor(weights, '__proto__')?.value).toBe(0.7);
  });
});

describe('clampWeight', () => {
  it.each([
    [1, 1],
    [2.5, 2.5],
    [10, 3],
    [0, 0.25],
    [-1, 0.25],
    [Number.NaN, 1],
    [Number.POSITIVE_INFINITY, 1],
    ['2', 1],
    [undefined, 1],
  ])('%s → %s', (weight, expected) => {
    expect(clampWeight(weight)).toBe(expected);
  });
});

describe('isHeavy', () => {
  it.each([
    ['unpleasant, intensity 4', 'sad', 4, true],
    ['unpleasant, intensity 5', 'angry', 5, true],
    ['unpleasant, intensity 3', 'sad', 3, false],
    ['unpleasant, no intensity', 'overwhelmed', undefined, false],
    ['numb, no intensity', 'numb', undefined, true],
    ['numb, intensity 4', 'numb', 4, true],
    ['numb, intensity 3', 'numb', 3, false],
    ["can't tell, no intensity", 'cant-tell', undefined, true],
    ["can't tell, intensity 2", 'cant-tell', 2, false],
    ['pleasant, intensity 5', 'excited', 5, false],
    ['a feeling no longer offered', 'meh', 5, false],
  ])('%s: %s', (_, feeling, intensity, expected) => {
    const checkIn: CheckInLike = { at: NOW, feeling, outletId: null };
    if (intensity !== undefined) checkIn.intensity = intensity;
    expect(isHeavy(checkIn)).toBe(expected);
  });
});

describe('supportSignal', () => {
  // `null` for a check-in without an intensity (a default parameter would swallow `undefined`).
  const heavy = (at: number, feeling = 'sad', intensity: number | null = 4): CheckInLike =>
    intensity === null ? { at, feeling, outletId: null } : { at, feeling, outletId: null, intensity };
  const days = (...ago: number[]) => ago.map((d) => daysAgo(d));
  const fiveHeavy = days(1, 2, 3, 5, 8).map((at) => heavy(at));
  const notDismissed = { dismissedAt: null };
  const HEAVY: SupportSignal = { show: true, reason: 'heavy-checkins' };
  const NOT_HELPING: SupportSignal = { show: true, reason: 'not-helping' };
  const QUIET: SupportSignal = { show: false };

  it.each<[string, CheckInLike[], SupportSignal]>([
    ['no check-ins at all', [], QUIET],
    ['5 heavy check-ins in two weeks', fiveHeavy, HEAVY],
    ['only 4 heavy check-ins', fiveHeavy.slice(0, 4), QUIET],
    ['4 heavy and one of intensity 3', [...fiveHeavy.slice(0, 4), heavy(daysAgo(4), 'sad', 3)], QUIET],
    ['4 heavy and one of intensity 5', [...fiveHeavy.slice(0, 4), heavy(daysAgo(4), 'anxious', 5)], HEAVY],
    ['5 unpleasant of intensity 3', days(1, 2, 3, 4, 5).map((at) => heavy(at, 'sad', 3)), QUIET],
    ['5 unpleasant without intensity', days(1, 2, 3, 4, 5).map((at) => heavy(at, 'sad', null)), QUIET],
    ['5 numb without intensity', days(1, 2, 3, 4, 5).map((at) => heavy(at, 'numb', null)), HEAVY],
    ['5 numb of intensity 3', days(1, 2, 3, 4, 5).map((at) => heavy(at, 'numb', 3)), QUIET],
    [
      "3 numb and 2 can't tell",
      [
        ...days(1, 2, 3).map((at) => heavy(at, 'numb', null)),
        ...days(4, 5).map((at) => heavy(at, 'cant-tell', 4)),
      ],
      HEAVY,
    ],
    ['5 pleasant of intensity 5', days(1, 2, 3, 4, 5).map((at) => heavy(at, 'joyful', 5)), QUIET],
    ['4 heavy and one exactly 14 days old', [...fiveHeavy.slice(0, 4), heavy(daysAgo(14))], HEAVY],
    ['4 heavy and one just over 14 days old', [...fiveHeavy.slice(0, 4), heavy(daysAgo(14, 1))], QUIET],
    ['5 heavy spread over a month', days(1, 8, 15, 22, 29).map((at) => heavy(at)), QUIET],
  ])('heavy check-ins: %s', (_, history, expected) => {
    expect(supportSignal(history, notDismissed, NOW)).toEqual(expected);
  });

  const answered = (ago: number, helped: Helped): CheckInLike => ({
    at: daysAgo(ago),
    feeling: 'tired',
    outletId: 'doodle',
    helped,
  });
  const unanswered = (ago: number): CheckInLike => ({
    at: daysAgo(ago),
    feeling: 'tired',
    outletId: 'doodle',
  });

  it.each<[string, CheckInLike[], SupportSignal]>([
    ['the last 3 answers are "no"', [answered(3, 'no'), answered(2, 'no'), answered(1, 'no')], NOT_HELPING],
    ['only 2 answers, both "no"', [answered(2, 'no'), answered(1, 'no')], QUIET],
    ['the newest answer is "yes"', [answered(3, 'no'), answered(2, 'no'), answered(1, 'yes')], QUIET],
    ['"a bit" breaks the run', [answered(3, 'no'), answered(2, 'a-bit'), answered(1, 'no')], QUIET],
    [
      'a "yes" before 3 "no"',
      [answered(4, 'yes'), answered(3, 'no'), answered(2, 'no'), answered(1, 'no')],
      NOT_HELPING,
    ],
    [
      'unanswered check-ins in between',
      [answered(5, 'no'), unanswered(4), answered(3, 'no'), unanswered(2), answered(1, 'no')],
      NOT_HELPING,
    ],
    [
      'history out of order, newest a "yes"',
      [answered(1, 'yes'), answered(3, 'no'), answered(2, 'no'), answered(4, 'no')],
      QUIET,
    ],
    [
      'one of the 3 "no" just over 14 days old',
      [answered(14.5, 'no'), answered(2, 'no'), answered(1, 'no')],
      QUIET,
    ],
  ])('not helping: %s', (_, history, expected) => {
    expect(supportSignal(history, notDismissed, NOW)).toEqual(expected);
  });

  it('names heavy check-ins first when both rules hold', () => {
    const history = [...fiveHeavy, answered(3, 'no'), answered(2, 'no'), answered(1, 'no')];
    expect(supportSignal(history, notDismissed, NOW)).toEqual(HEAVY);
  });

  it.each<[string, number, CheckInLike[], SupportSignal]>([
    [
      'dismissed yesterday, with new heavy check-ins since',
      daysAgo(1),
      days(0.9, 0.8, 0.7, 0.6, 0.5).map((at) => heavy(at)),
      QUIET,
    ],
    [
      'dismissed a moment under 14 days ago',
      daysAgo(14, -1),
      days(1, 2, 3, 4, 5).map((at) => heavy(at)),
      QUIET,
    ],
    [
      'dismissed exactly 14 days ago, with 5 heavy since',
      daysAgo(14),
      days(1, 2, 3, 4, 5).map((at) => heavy(at)),
      HEAVY,
    ],
    [
      'dismissed 20 days ago, with 5 heavy this week',
      daysAgo(20),
      days(1, 2, 3, 4, 5).map((at) => heavy(at)),
      HEAVY,
    ],
    [
      'dismissed 20 days ago, with 3 "no" since',
      daysAgo(20),
      [answered(3, 'no'), answered(2, 'no'), answered(1, 'no')],
      NOT_HELPING,
    ],
    ['dismissed 30 days ago, with nothing since', daysAgo(30), [], QUIET],
  ])('after dismissal: %s', (_, dismissedAt, history, expected) => {
    expect(supportSignal(history, { dismissedAt }, NOW)).toEqual(expected);
  });

  it('does not count a check-in made at the moment of dismissal, once the quiet time is over', () => {
    const dismissedAt = daysAgo(14);
    const history = [...days(1, 2, 3, 4).map((at) => heavy(at)), heavy(dismissedAt)];
    expect(supportSignal(history, notDismissed, NOW)).toEqual(HEAVY);
    expect(supportSignal(history, { dismissedAt }, NOW)).toEqual(QUIET);
  });

  it('does not count "no" answers from before the dismissal', () => {
    const dismissedAt = daysAgo(14);
    const history = [answered(14, 'no'), answered(2, 'no'), answered(1, 'no')];
    expect(supportSignal(history, notDismissed, NOW)).toEqual(NOT_HELPING);
    expect(supportSignal(history, { dismissedAt }, NOW)).toEqual(QUIET);
  });
});
