// What two (or more) browsers learned, merged through storage.sync (core/learning/totals.ts
// mergeLearned): whatever order copies arrive in, and however often, no answer is counted twice and
// none is lost.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_LEARNED, type Learned, learn, mergeLearned, pooled } from '../../core/learning';
import type { CheckIn } from '../../core/schema';
import { PROPERTY_BUDGET_MS } from './budgets';

const RUNS = { numRuns: 200 };
const DEVICES = ['home', 'work', 'laptop'] as const;
const T0 = Date.UTC(2026, 0, 1);

// One person's answers, each given on one of their browsers, in time order.
const answerArb = fc.record({
  device: fc.constantFrom(...DEVICES),
  outletId: fc.constantFrom('walk-street', 'journal-line', 'doodle', 'breath-minute'),
  after: fc.constantFrom('lighter' as const, 'same' as const, 'heavier' as const),
  gap: fc.integer({ min: 0, max: 3 * 86_400_000 }),
});

/** Each device's own state after the answers given on it, and the moment of the last answer. */
type Answer = typeof answerArb extends fc.Arbitrary<infer T> ? T : never;

function devicesAfter(answers: Answer[]) {
  const states = new Map<string, Learned>();
  let at = T0;
  answers.forEach((answer, i) => {
    at += answer.gap;
    const entry: CheckIn = {
      id: `c${i}`,
      at,
      feeling: 'sad',
      outletId: answer.outletId,
      outcome: 'done',
      after: answer.after,
    };
    states.set(
      answer.device,
      learn(states.get(answer.device) ?? EMPTY_LEARNED, answer.device, null, entry, at),
    );
  });
  return { states: [...states.values()], at };
}

const learnedArb = fc.array(answerArb, { maxLength: 20 }).map((answers) => {
  const { states } = devicesAfter(answers);
  return states.reduce(mergeLearned, EMPTY_LEARNED);
});

describe('merging what browsers learned (properties)', () => {
  it(
    'gives the same whatever the order, and merging a copy again changes nothing',
    () => {
      fc.assert(
        fc.property(learnedArb, learnedArb, learnedArb, (a, b, c) => {
          expect(mergeLearned(a, b)).toEqual(mergeLearned(b, a));
          expect(mergeLearned(mergeLearned(a, b), c)).toEqual(mergeLearned(a, mergeLearned(b, c)));
          expect(mergeLearned(a, a)).toEqual(a);
        }),
        RUNS,
      );
    },
    PROPERTY_BUDGET_MS,
  );

  it(
    'counts every answer once, however often and in whatever order the copies arrive',
    () => {
      fc.assert(
        fc.property(
          fc.array(answerArb, { minLength: 1, maxLength: 30 }),
          fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
          (answers, deliveries) => {
            const { states, at } = devicesAfter(answers);
            // Each browser's own, summed: what the person told Outlet anywhere.
            const expected = states.reduce((sum, state) => sum + pooled(state, at).total, 0);
            // Copies delivered again and again, in any order, each time merged into what was there.
            let merged = EMPTY_LEARNED;
            for (const pick of deliveries)
              merged = mergeLearned(merged, states[pick % states.length] as Learned);
            for (const state of states) merged = mergeLearned(merged, state);
            expect(pooled(merged, at).total).toBeCloseTo(expected, 6);
          },
        ),
        RUNS,
      );
    },
    PROPERTY_BUDGET_MS,
  );

  it(
    "keeps a browser's newest copy over an older one of its own",
    () => {
      fc.assert(
        fc.property(fc.array(answerArb, { minLength: 2, maxLength: 20 }), (answers) => {
          const mine = answers.map((a) => ({ ...a, device: 'home' as const }));
          const older = devicesAfter(mine.slice(0, -1)).states[0] as Learned;
          const newer = devicesAfter(mine).states[0] as Learned;
          expect(mergeLearned(older, newer)).toEqual(newer);
          expect(mergeLearned(newer, older)).toEqual(newer);
        }),
        RUNS,
      );
    },
    PROPERTY_BUDGET_MS,
  );
});
