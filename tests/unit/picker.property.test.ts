// Properties of the picker over random feelings, contexts, family choices, histories and weights.
// The expectations are worked out here from the catalogue's data, not by asking the picker's helpers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FEELING_IDS, type FeelingId, feelingById } from '../../core/feelings';
import { SHOWN_MAX } from '../../core/history';
import {
  clearlyBest,
  EMPTY_LEARNED,
  type FeelingKind,
  feelingKind,
  learn,
  placeOf,
  pooled,
} from '../../core/learning';
import {
  DEFAULT_CONTEXT,
  OUTLET_FAMILIES,
  OUTLETS,
  type Outlet,
  type OutletContext,
  type OutletFamily,
  outletById,
  type PickInput,
  pick,
  pickOutlet,
} from '../../core/outlets';
import { PROPERTY_BUDGET_MS } from './budgets';

const RUNS = { numRuns: 1000 };
const ids = OUTLETS.map((o) => o.id);

const feelingArb = fc.constantFrom(...FEELING_IDS);
const contextArb: fc.Arbitrary<OutletContext> = fc.record({
  canStepAway: fc.boolean(),
  alone: fc.boolean(),
  minutes: fc.constantFrom(2 as const, 5 as const, 15 as const),
});
const familiesArb = fc.subarray([...OUTLET_FAMILIES]);
// Mostly real ids, sometimes junk, as a damaged or old history would hold.
const idArb = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...ids) }, fc.string({ maxLength: 12 }));
const idListArb = fc.array(idArb, { maxLength: 25 });
// What a person's answers taught, as the totals hold it: any mix of evidence, over any outlets.
const learnedArb = fc
  .array(
    fc.record({
      feeling: feelingArb,
      outletId: fc.constantFrom(...ids),
      after: fc.constantFrom('lighter' as const, 'same' as const, 'heavier' as const, undefined),
      outcome: fc.constantFrom('done' as const, 'skipped' as const),
      alone: fc.boolean(),
    }),
    { maxLength: 30 },
  )
  .map((told) => {
    let learned = EMPTY_LEARNED;
    told.forEach((t, i) => {
      const checkIn = {
        at: i,
        feeling: t.feeling,
        outletId: t.outletId,
        outcome: t.outcome,
        after: t.after,
        context: { canStepAway: true, alone: t.alone, minutes: 5 as const },
      };
      learned = learn(learned, 'here', null, checkIn, i);
    });
    return pooled(learned, told.length);
  });
const unitArb = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const wildArb = fc.oneof(unitArb, fc.double());

const inputArb: fc.Arbitrary<PickInput> = fc.record(
  {
    feeling: feelingArb,
    enabledFamilies: familiesArb,
    context: contextArb,
    exclude: idListArb,
    recentlyShown: idListArb,
    learned: learnedArb,
    random: unitArb.map((r) => () => r),
  },
  { requiredKeys: ['feeling', 'enabledFamilies', 'exclude', 'random'] },
);

const fitsHard = (o: Outlet, c: OutletContext) =>
  (c.alone || !o.needsAlone) && (c.canStepAway || !o.needsAway) && o.minutes <= c.minutes;
const fitsFeeling = (o: Outlet, feeling: FeelingId) =>
  o.feelings.includes(feeling) &&
  (feelingById(feeling).energy !== 'unclear' || o.family === 'body' || o.family === 'creative');

/** Where a pick may come from: fitting outlets in the chosen families, or in all of them if none there. */
function poolFor(feeling: FeelingId, families: readonly OutletFamily[], context: OutletContext) {
  const fitting = OUTLETS.filter((o) => fitsHard(o, context) && fitsFeeling(o, feeling));
  const chosen = fitting.filter((o) => families.includes(o.family));
  return chosen.length > 0 ? chosen : fitting;
}

describe('pick (properties)', () => {
  it(
    'never breaks a hard rule, and always offers a real outlet that fits the feeling and the families',
    () => {
      fc.assert(
        fc.property(inputArb, (input) => {
          const context = input.context ?? DEFAULT_CONTEXT;
          const { outlet } = pick(input);
          expect(outletById(outlet.id)).toBe(outlet);
          if (!context.alone) expect(outlet.needsAlone).toBe(false);
          if (!context.canStepAway) expect(outlet.needsAway).toBe(false);
          expect(outlet.minutes).toBeLessThanOrEqual(context.minutes);
          expect(fitsFeeling(outlet, input.feeling)).toBe(true);
          expect(poolFor(input.feeling, input.enabledFamilies, context)).toContain(outlet);
        }),
        RUNS,
      );
    },
    PROPERTY_BUDGET_MS,
  );

  it(
    'keeps the hard rules even with a random source that returns anything at all',
    () => {
      fc.assert(
        fc.property(inputArb, wildArb, (input, r) => {
          const context = input.context ?? DEFAULT_CONTEXT;
          const outlet = pickOutlet({ ...input, random: () => r });
          expect(fitsHard(outlet, context)).toBe(true);
          expect(fitsFeeling(outlet, input.feeling)).toBe(true);
        }),
        RUNS,
      );
    },
    PROPERTY_BUDGET_MS,
  );

  it(
    'never offers again what this check-in showed while another fitting outlet remains',
    () => {
      fc.assert(
        fc.property(inputArb, (input) => {
          const pool = poolFor(input.feeling, input.enabledFamilies, input.context ?? DEFAULT_CONTEXT);
          const outlet = pickOutlet(input);
          if (pool.some((o) => !input.exclude.includes(o.id))) expect(input.exclude).not.toContain(outlet.id);
        }),
        RUNS,
      );
    },
    PROPERTY_BUDGET_MS,
  );

  it(
    'never offers one of the last 3 shown while another fitting, unshown one remains, unless clearly the best',
    () => {
      fc.assert(
        fc.property(inputArb, (input) => {
          const pool = poolFor(input.feeling, input.enabledFamilies, input.context ?? DEFAULT_CONTEXT);
          const lastThree = (input.recentlyShown ?? []).slice(-3);
          const outlet = pickOutlet(input);
          const alternative = pool.some((o) => !input.exclude.includes(o.id) && !lastThree.includes(o.id));
          // Issue 17: unless the person's evidence makes it clearly the best (by CLEAR_MARGIN).
          const situation = {
            kind: feelingKind(input.feeling) as FeelingKind,
            place: placeOf(input.context),
          };
          const unshown = pool.filter((o) => !input.exclude.includes(o.id));
          const clear = input.learned ? clearlyBest(input.learned, situation, unshown, lastThree) : new Set();
          if (alternative && !clear.has(outlet)) expect(lastThree).not.toContain(outlet.id);
        }),
        RUNS,
      );
    },
    PROPERTY_BUDGET_MS,
  );

  it(
    '"another idea" until exhaustion shows every fitting outlet once, then never the one on screen',
    () => {
      fc.assert(
        fc.property(inputArb, fc.array(unitArb, { minLength: 60, maxLength: 60 }), (input, randoms) => {
          const pool = poolFor(input.feeling, input.enabledFamilies, input.context ?? DEFAULT_CONTEXT);
          const shown: string[] = [];
          for (const r of randoms.slice(0, pool.length)) {
            shown.push(pickOutlet({ ...input, exclude: shown, random: () => r }).id);
          }
          expect(new Set(shown).size).toBe(shown.length);
          expect([...shown].sort()).toEqual(pool.map((o) => o.id).sort());
          const again = pickOutlet({ ...input, exclude: shown, random: () => randoms[59] as number });
          if (pool.length > 1) expect(again.id).not.toBe(shown[shown.length - 1]);
        }),
        RUNS,
      );
    },
    PROPERTY_BUDGET_MS,
  );

  it(
    '"another idea" pressed up to the most a check-in records never repeats one within a round of the pool',
    () => {
      fc.assert(
        fc.property(
          inputArb,
          fc.array(unitArb, { minLength: SHOWN_MAX, maxLength: SHOWN_MAX }),
          (input, randoms) => {
            const pool = poolFor(input.feeling, input.enabledFamilies, input.context ?? DEFAULT_CONTEXT);
            const shown: string[] = [];
            for (const r of randoms) shown.push(pickOutlet({ ...input, exclude: shown, random: () => r }).id);
            // Round after round, each one offers every fitting outlet once before any comes back.
            for (let start = 0; start < shown.length; start += pool.length) {
              const round = shown.slice(start, start + pool.length);
              expect(new Set(round).size, `round from ${start}: ${round}`).toBe(round.length);
            }
            // And never the same idea twice in a row, where there is another.
            if (pool.length > 1)
              for (let i = 1; i < shown.length; i++) expect(shown[i]).not.toBe(shown[i - 1]);
          },
        ),
        // 60 picks a run: a tenth of the runs makes the same work as the others'.
        { numRuns: 100 },
      );
    },
    PROPERTY_BUDGET_MS,
  );

  it(
    'is deterministic: the same input gives the same outlet',
    () => {
      fc.assert(
        fc.property(inputArb, (input) => {
          expect(pick(input)).toEqual(pick(input));
        }),
        RUNS,
      );
    },
    PROPERTY_BUDGET_MS,
  );
});
