import { describe, expect, it } from 'vitest';
import {
  type CheckInLike,
  clampWeight,
  type Helped,
  outletWeights,
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
