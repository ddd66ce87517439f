// What the picker learns (core/learning): the evidence each answer gives, totals that count every
// check-in once as it stands, fade with time, survive a damaged store, fit storage.sync, and a small
// fixed-seed run of the learning bench (tests/bench/learning-sim.ts): counts only, never a time.
import { describe, expect, it } from 'vitest';
import {
  EMPTY_LEARNED,
  emptyTotals,
  evidenceOf,
  FAMILY_CELLS,
  HALF_LIFE_DAYS,
  type Learned,
  learn,
  liftReason,
  normalDraw,
  OUTLETS_MAX,
  parseLearned,
  pooled,
  storedLearned,
  type Totals,
  withEvidence,
} from '../../core/learning';
import type { CheckIn } from '../../core/schema';
import { simulate } from '../bench/learning-sim';

const NOW = Date.UTC(2026, 11, 7, 12);
const DAY = 86_400_000;
const checkIn = (more: Partial<CheckIn> = {}): CheckIn => ({
  id: 'c1',
  at: NOW - DAY,
  feeling: 'anxious',
  outletId: 'walk-street',
  outcome: 'done',
  shown: ['journal-line', 'walk-street'],
  ...more,
});
const own = (learned: Learned, id = 'walk-street') => pooled(learned, NOW).outlets.get(id) ?? [0, 0];

describe('evidence from a check-in', () => {
  it('counts "And now?" most, "did it help?" beside it by half, and a passed-over idea as a no', () => {
    const evidence = evidenceOf(checkIn({ after: 'lighter', helped: 'yes' }));
    const walk = evidence.find((e) => e.outletId === 'walk-street');
    const passed = evidence.find((e) => e.outletId === 'journal-line');
    // 1 (lighter) + 0.5 (yes, beside an after) + 0.5 (done).
    expect(walk).toMatchObject({ helped: 2, not: 0, kind: 'unpleasant-high', family: 'movement' });
    expect(passed).toMatchObject({ helped: 0, not: 1, family: 'journaling' });
  });

  it('hears "Not now" as a no, and nothing from an outlet or feeling it does not know', () => {
    expect(evidenceOf(checkIn({ outcome: 'skipped', shown: ['walk-street'] }))).toMatchObject([
      { helped: 0, not: 1 },
    ]);
    expect(evidenceOf(checkIn({ outletId: 'retired-outlet', shown: ['retired-outlet'] }))).toEqual([]);
    expect(evidenceOf(checkIn({ feeling: 'grumpy' }))).toEqual([]);
  });
});

describe('the running totals', () => {
  it('count a check-in once, as it stands, however many times it is saved', () => {
    const first = checkIn({ outcome: 'done' });
    const answered = { ...first, after: 'lighter' as const };
    const stepByStep = learn(learn(EMPTY_LEARNED, 'here', null, first, NOW), 'here', first, answered, NOW);
    const atOnce = learn(EMPTY_LEARNED, 'here', null, answered, NOW);
    expect(own(stepByStep)).toEqual(own(atOnce));
    expect(pooled(stepByStep, NOW).total).toBeCloseTo(pooled(atOnce, NOW).total, 6);
  });

  it('take a deleted check-in back out', () => {
    const entry = checkIn({ after: 'heavier' });
    const learned = learn(learn(EMPTY_LEARNED, 'here', null, entry, NOW), 'here', entry, null, NOW);
    expect(pooled(learned, NOW).total).toBe(0);
  });

  it(`fade: evidence counts half after ${HALF_LIFE_DAYS} days`, () => {
    const learned = learn(
      EMPTY_LEARNED,
      'here',
      null,
      checkIn({ at: NOW, shown: [], after: 'lighter' }),
      NOW,
    );
    const [fresh] = own(learned);
    const later = pooled(learned, NOW + HALF_LIFE_DAYS * DAY).outlets.get('walk-street') ?? [0, 0];
    expect(later[0]).toBeCloseTo(fresh / 2, 3);
  });

  it('stay small: a browser with evidence on every cell and outlet fits one storage.sync item (8 KB)', () => {
    let totals: Totals = emptyTotals(NOW);
    totals = { ...totals, cells: totals.cells.map((_, i) => 1234.567 + i / 1000) };
    const outlets = Object.fromEntries(
      Array.from({ length: OUTLETS_MAX }, (_, i) => [`outlet-id-long-${i}`, [999.999, 999.999]]),
    );
    const item = JSON.stringify({ [`learn:${crypto.randomUUID()}`]: { ...totals, outlets } });
    expect(new TextEncoder().encode(item).length).toBeLessThan(8192);
    expect(FAMILY_CELLS).toBe(72);
  });

  it('keep at most OUTLETS_MAX outlets, the ones with most evidence', () => {
    const evidence = Array.from({ length: OUTLETS_MAX + 10 }, (_, i) => ({
      outletId: `x${i}`,
      family: 'body' as const,
      kind: 'numb' as const,
      place: 'alone' as const,
      at: NOW,
      helped: 1 + i,
      not: 0,
    }));
    const totals = withEvidence(emptyTotals(NOW), evidence, NOW);
    expect(Object.keys(totals.outlets)).toHaveLength(OUTLETS_MAX);
    expect(totals.outlets.x0).toBeUndefined();
  });
});

describe('a damaged store', () => {
  const good = learn(EMPTY_LEARNED, 'here', null, checkIn({ after: 'lighter' }), NOW);

  it.each([
    ['not an object', 'garbage'],
    ['another version', { v: 99, devices: {} }],
    ['devices missing', { v: 1 }],
  ])('reads as nothing learned when %s, and says it was repaired', (_, raw) => {
    expect(parseLearned(raw)).toEqual({ value: EMPTY_LEARNED, repaired: true });
  });

  it("keeps every sound device's totals and leaves out only the broken one", () => {
    const raw = {
      ...storedLearned(good),
      devices: { ...good.devices, broken: { at: 'yesterday', cells: [-1] }, 'bad id!': good.devices.here },
    };
    const { value, repaired } = parseLearned(raw);
    expect(repaired).toBe(true);
    expect(Object.keys(value.devices)).toEqual(['here']);
    expect(parseLearned(JSON.parse(JSON.stringify(storedLearned(good))))).toEqual({
      value: good,
      repaired: false,
    });
  });

  it('never hangs on a random source that never lets the sampler settle', () => {
    for (const r of [0, 0.5, 1, Number.NaN, -3]) expect(Number.isFinite(normalDraw(() => r))).toBe(true);
  });
});

describe('the outlet card reason', () => {
  it('names the kind of feeling and the counts, for this idea first', () => {
    const history = [1, 2, 3, 4].map((d) =>
      checkIn({ at: NOW - d * DAY, after: d === 4 ? 'same' : 'lighter', feeling: 'stressed' }),
    );
    expect(liftReason(history, 'walk-street', 'anxious')).toEqual({
      kind: 'lifted',
      scope: 'outlet',
      family: 'movement',
      feelingKind: 'unpleasant-high',
      lifted: 3,
      of: 4,
    });
    // "Did it help?" stands in where "And now?" wasn't answered.
    const helped = [1, 2, 3].map((d) => checkIn({ at: NOW - d * DAY, helped: 'yes' }));
    expect(liftReason(helped, 'walk-street', 'angry')).toMatchObject({ lifted: 3, of: 3 });
    expect(liftReason(helped, 'walk-street', 'sad')).toBeNull();
  });
});

describe('learning bench, small and fixed', () => {
  // 120 people × 40 check-ins, seed 1: the full bench is `npm run bench:learning`.
  const summary = simulate({ people: 120, answerRate: 0.6, seed: 1 });

  it('offers outlets that help more often than a random pick under the same rules by check-ins 21–40', () => {
    const late = summary.blocks[2];
    expect(late?.lift).toBeGreaterThan(0);
    expect(late?.helped.app).toBeGreaterThan(late?.helped.random ?? 1);
  });

  it('never breaks a hard rule', () => {
    expect(summary.violations).toEqual({ app: 0, random: 0, perfect: 0 });
  });
});
