// "And now?" (issue 17): which question the first screen asks about an earlier outlet, and when
// "And now?" may be asked at all (core/checkin/after.ts).
import { describe, expect, it } from 'vitest';
import {
  AFTER_MAX_AGE,
  ASK_AFTER_WITHIN,
  firstScreenQuestion,
  mayAskAfter,
  withAfter,
} from '../../core/checkin/after';
import type { CheckIn } from '../../core/schema';
import { DAY, HOUR, MINUTE } from '../../core/time';

const NOW = Date.UTC(2026, 11, 7, 15);
const done = (more: Partial<CheckIn> = {}): CheckIn => ({
  id: 'c1',
  at: NOW - 10 * MINUTE,
  feeling: 'stressed',
  outletId: 'doodle',
  outcome: 'done',
  shown: ['doodle'],
  ...more,
});

describe('the question the first screen asks about an earlier outlet', () => {
  it.each([
    // what the latest check-in is, → the question asked (null: none)
    ['an outlet done 10 minutes ago', done(), 'after'],
    ['one done just under half an hour ago', done({ at: NOW - ASK_AFTER_WITHIN }), 'after'],
    // Too late for a before-and-after: "did it help?" instead, as before, up to a day.
    ['one done 31 minutes ago', done({ at: NOW - ASK_AFTER_WITHIN - MINUTE }), 'helped'],
    ['one done 5 hours ago', done({ at: NOW - 5 * HOUR }), 'helped'],
    ['one done over a day ago', done({ at: NOW - DAY - MINUTE }), null],
    // Asked once: an answer or a skip of either question ends it.
    ['one whose "And now?" was answered', done({ after: 'lighter', afterAt: NOW - MINUTE }), null],
    ['one whose "And now?" was skipped', done({ afterAt: NOW - MINUTE }), null],
    [
      'one skipped "And now?" a while ago, "did it help?" not asked',
      done({ at: NOW - 3 * HOUR, afterAt: NOW - 2 * HOUR }),
      null,
    ],
    ['one whose "did it help?" was answered', done({ helped: 'yes', helpAsked: true }), null],
    ['one whose "did it help?" was passed', done({ helpAsked: true }), null],
    // Nothing to ask about.
    ['a check-in left with "Not now"', done({ outcome: 'skipped' }), null],
  ] as const)('%s: %s', (_, entry, expected) => {
    expect(firstScreenQuestion([entry], NOW, null, [])?.kind ?? null).toBe(expected);
  });

  it('asks nothing about a walk still running, nor about one answered on this screen', () => {
    expect(firstScreenQuestion([done()], NOW, 'c1', [])).toBeNull();
    expect(firstScreenQuestion([done()], NOW, null, ['c1'])).toBeNull();
  });

  it('asks about the latest outlet only, never two questions', () => {
    const older = done({ id: 'old', at: NOW - 3 * HOUR });
    expect(firstScreenQuestion([older, done()], NOW, null, [])).toEqual({ kind: 'after', entry: done() });
  });
});

describe('"And now?"', () => {
  it.each([
    [0, true],
    [AFTER_MAX_AGE, true],
    [AFTER_MAX_AGE + 1, false],
    [DAY, false],
  ])('for a check-in begun %i ms ago may be asked: %s', (age, expected) => {
    expect(mayAskAfter(done({ at: NOW - age }), NOW)).toBe(expected);
  });

  it('is stored on the same check-in; a skip keeps when it was asked, with no answer', () => {
    expect(withAfter(done(), 'heavier', NOW)).toEqual({ ...done(), after: 'heavier', afterAt: NOW });
    const skipped = withAfter(done(), null, NOW);
    expect(skipped).toEqual({ ...done(), afterAt: NOW });
    expect(skipped).not.toHaveProperty('after');
  });
});
