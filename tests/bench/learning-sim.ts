// Simulated people for the learning bench (`npm run bench:learning`, tests/bench/learning.bench.mjs) and
// its small fixed-seed run in the unit tests (tests/unit/learning-bench.test.ts). Each person has a
// hidden chance that each outlet helps them, in one of four shapes, and makes 40 check-ins fed to the
// app's own picker exactly as the popup feeds it (core/outlets pick, core/learning), to a random pick
// under the same rules (the same picker knowing nothing) and to a picker that knows the hidden chances.
// The three meet the same people, feelings and contexts. Counts only: nothing here reads a clock.

import { OUTLET_FAMILIES, type OutletFamily } from '../../core/families';
import { FEELING_IDS, type FeelingId } from '../../core/feelings';
import { recentlyShown } from '../../core/history';
import { FEELING_KINDS, type FeelingKind, feelingKind } from '../../core/learning/kinds';
import { learn } from '../../core/learning/learn';
import { EMPTY_LEARNED, type Learned, pooled } from '../../core/learning/totals';
import {
  OUTLETS,
  type Outlet,
  type OutletContext,
  outletPool,
  pick,
  strengthFactor,
} from '../../core/outlets';
import type { After, CheckIn } from '../../core/schema';

export const SHAPES = ['family', 'outlet', 'kind', 'change'] as const;
export type Shape = (typeof SHAPES)[number];
export const PICKERS = ['app', 'random', 'perfect'] as const;
export type PickerName = (typeof PICKERS)[number];
export const BLOCKS = [
  [0, 10],
  [10, 20],
  [20, 40],
] as const;
export const CHECKINS = 40;
const DAY = 86_400_000;
/** A family "would help" a person when one of its outlets helps them at least this often. */
export const HELPFUL = 0.6;

/** mulberry32: small, fast, good enough for a simulation, and the same everywhere. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const between = (r: () => number, lo: number, hi: number) => lo + (hi - lo) * r();
const clamp = (p: number) => Math.min(0.95, Math.max(0.05, p));
const choice = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;

interface Plan {
  feeling: FeelingId;
  context: OutletContext;
  intensity?: number;
  at: number;
}

interface Person {
  shape: Shape;
  families: OutletFamily[];
  plan: Plan[];
  /** The chance each outlet helps, for a kind of feeling, in the first or second half. */
  chance: (outletId: string, kind: FeelingKind, later: boolean) => number;
}

function familyTable(r: () => number): Record<OutletFamily, number> {
  const table = Object.fromEntries(OUTLET_FAMILIES.map((f) => [f, between(r, 0.15, 0.45)])) as Record<
    OutletFamily,
    number
  >;
  const loved = [...OUTLET_FAMILIES].sort(() => r() - 0.5).slice(0, r() < 0.5 ? 1 : 2);
  for (const family of loved) table[family] = between(r, 0.65, 0.85);
  return table;
}

function outletTable(r: () => number, families: Record<OutletFamily, number>): Map<string, number> {
  return new Map(OUTLETS.map((o) => [o.id, clamp(families[o.family] + between(r, -0.08, 0.08))]));
}

const feelingsOfKind = (kind: FeelingKind) => FEELING_IDS.filter((f) => feelingKind(f) === kind);

export function makePerson(seed: number, shape: Shape): Person {
  const r = rng(seed);
  let chance: Person['chance'];
  if (shape === 'family' || shape === 'change') {
    const first = outletTable(r, familyTable(r));
    const second = outletTable(r, familyTable(r));
    chance = (id, _kind, later) => (shape === 'change' && later ? second : first).get(id) as number;
  } else if (shape === 'outlet') {
    const base = Object.fromEntries(OUTLET_FAMILIES.map((f) => [f, between(r, 0.2, 0.4)])) as Record<
      OutletFamily,
      number
    >;
    const table = outletTable(r, base);
    for (const o of [...OUTLETS].sort(() => r() - 0.5).slice(0, 4)) table.set(o.id, between(r, 0.75, 0.9));
    chance = (id) => table.get(id) as number;
  } else {
    const byKind = new Map(FEELING_KINDS.map((k) => [k, outletTable(r, familyTable(r))]));
    chance = (id, kind) => byKind.get(kind)?.get(id) as number;
  }
  // Two or three kinds of feeling make most of a person's check-ins.
  const usual = [...FEELING_KINDS].sort(() => r() - 0.5).slice(0, r() < 0.5 ? 2 : 3);
  const families =
    r() < 0.8 ? [...OUTLET_FAMILIES] : OUTLET_FAMILIES.filter((f) => f !== choice(r, OUTLET_FAMILIES));
  const plan: Plan[] = [];
  let at = Date.UTC(2026, 0, 5, 9);
  for (let i = 0; i < CHECKINS; i++) {
    const kind = r() < 0.85 ? choice(r, usual) : choice(r, FEELING_KINDS);
    const feeling = choice(r, feelingsOfKind(kind));
    const context: OutletContext = {
      alone: r() < 0.4,
      canStepAway: r() < 0.6,
      minutes: choice(r, [2, 5, 5, 15] as const),
    };
    const intensity =
      kind === 'numb' || kind === 'cant-tell' || r() < 0.5 ? undefined : 1 + Math.floor(r() * 5);
    plan.push({ feeling, context, intensity, at });
    at += between(r, 0.3, 1.7) * DAY;
  }
  return { shape, families, plan, chance };
}

/**
 * What the picker may offer, by the same rules as the app: the pool, this check-in's round, the
 * strength when the person has given it (`intensity`).
 */
function allowed(
  plan: Plan,
  families: readonly OutletFamily[],
  shown: readonly string[],
  intensity: number | undefined,
): Outlet[] {
  const pool = outletPool(plan.feeling, families, plan.context);
  let candidates = pool.filter((o) => !shown.includes(o.id));
  if (candidates.length === 0) candidates = pool.filter((o) => o.id !== shown[shown.length - 1]);
  if (candidates.length === 0) candidates = [...pool];
  const suited = candidates.filter((o) => strengthFactor(o, plan.feeling, intensity) > 0);
  return suited.length > 0 ? suited : candidates;
}

export interface PersonResult {
  shape: Shape;
  /** Per check-in: the chance the outlet finally offered helps (its hidden truth). */
  helped: number[];
  /** Per check-in: "Another idea" presses. */
  another: number[];
  violations: number;
  /** Families that would help and that the rules allow (in at least one check-in), never offered. */
  starved: number;
  helpfulFamilies: number;
}

export function runPerson(
  person: Person,
  picker: PickerName,
  answerRate: number,
  seed: number,
): PersonResult {
  const r = rng(seed);
  let learned: Learned = EMPTY_LEARNED;
  const history: CheckIn[] = [];
  const helped: number[] = [];
  const another: number[] = [];
  let violations = 0;
  const offered = new Set<OutletFamily>();
  const helpful = new Set<OutletFamily>();
  person.plan.forEach((plan, i) => {
    const kind = feelingKind(plan.feeling) as FeelingKind;
    const later = i >= CHECKINS / 2;
    const chance = (o: Outlet) => person.chance(o.id, kind, later);
    const pool = outletPool(plan.feeling, person.families, plan.context);
    for (const o of pool) if (chance(o) >= HELPFUL) helpful.add(o.family);
    const shown: string[] = [];
    // What the app knows at each pick, as it passes it (components/checkin/useOffers.ts): the totals
    // as of the popup's opening, the recent check-ins, what this check-in has shown, and the strength
    // once the person has given it.
    const totals = picker === 'app' ? pooled(learned, plan.at) : undefined;
    const recent = recentlyShown(history);
    const offer = (intensity: number | undefined): Outlet => {
      let outlet: Outlet;
      if (picker === 'perfect') {
        const options = allowed(plan, person.families, shown, intensity);
        outlet = options.reduce((best, o) => (chance(o) > chance(best) ? o : best));
      } else
        outlet = pick({
          feeling: plan.feeling,
          enabledFamilies: person.families,
          context: plan.context,
          exclude: shown,
          recentlyShown: recent,
          learned: totals,
          intensity,
          random: r,
        }).outlet;
      shown.push(outlet.id);
      offered.add(outlet.family);
      if (!pool.includes(outlet)) violations++;
      return outlet;
    };
    // The app's order: the first idea is picked for the feeling alone (useCheckIn.ts `offerFor(feeling,
    // null)`); the strength is asked beside it, and an idea that doesn't suit the strength given is
    // replaced and leaves `shown` (outletActions.ts `onIntensity`); "Another idea" passes the strength
    // on (`onAnother`). About half of those whose feeling has a strength give it, on the first idea.
    let outlet = offer(undefined);
    if (plan.intensity !== undefined && strengthFactor(outlet, plan.feeling, plan.intensity) === 0) {
      shown.pop();
      outlet = offer(plan.intensity);
    }
    let presses = 0;
    for (;;) {
      // An idea that wouldn't help is passed over more often, but not always, and a good one sometimes.
      if (presses >= 3 || r() >= 0.05 + 0.35 * (1 - chance(outlet))) break;
      presses++;
      outlet = offer(plan.intensity);
    }
    helped.push(chance(outlet));
    another.push(presses);
    const worked = r() < chance(outlet);
    const done = r() < 0.55 + 0.35 * chance(outlet);
    const entry: CheckIn = {
      id: `c${i}`,
      at: plan.at,
      feeling: plan.feeling,
      outletId: outlet.id,
      outcome: done ? 'done' : 'skipped',
      context: plan.context,
      shown,
      ...(plan.intensity ? { intensity: plan.intensity } : {}),
    };
    if (done && r() < answerRate) entry.after = noisyAfter(worked, r());
    if (done && r() < answerRate / 2) entry.helped = noisyHelped(worked, r());
    history.push(entry);
    if (picker === 'app') learned = learn(learned, 'this-device', null, entry, plan.at);
  });
  const starved = [...helpful].filter((f) => !offered.has(f)).length;
  return { shape: person.shape, helped, another, violations, starved, helpfulFamilies: helpful.size };
}

function noisyAfter(worked: boolean, u: number): After {
  if (worked) return u < 0.8 ? 'lighter' : u < 0.95 ? 'same' : 'heavier';
  return u < 0.15 ? 'lighter' : u < 0.75 ? 'same' : 'heavier';
}

function noisyHelped(worked: boolean, u: number): 'yes' | 'a-bit' | 'no' {
  if (worked) return u < 0.6 ? 'yes' : u < 0.9 ? 'a-bit' : 'no';
  return u < 0.1 ? 'yes' : u < 0.3 ? 'a-bit' : 'no';
}

export interface BlockFigures {
  helped: Record<PickerName, number>;
  /** App minus random, mean over people, and its 95% interval (paired by person). */
  lift: number;
  ci: number;
  /** Perfect minus random. */
  perfectLift: number;
  share: number;
  /** The share of the perfect lift for each shape of preference alone (a quarter of the people each). */
  byShape: Record<Shape, number>;
  another: Record<PickerName, number>;
}

export interface Summary {
  people: number;
  answerRate: number;
  blocks: BlockFigures[];
  /** Share of (person, helpful family) pairs never offered. */
  starvation: Record<PickerName, number>;
  violations: Record<PickerName, number>;
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

export function simulate({
  people,
  answerRate,
  seed,
}: {
  people: number;
  answerRate: number;
  seed: number;
}): Summary {
  const results: Record<PickerName, PersonResult[]> = { app: [], random: [], perfect: [] };
  for (let n = 0; n < people; n++) {
    const person = makePerson(seed * 1_000_003 + n, SHAPES[n % SHAPES.length] as Shape);
    PICKERS.forEach((name, k) => {
      results[name].push(runPerson(person, name, answerRate, seed * 7_919 + n * 3 + k + 1));
    });
  }
  const blockMean = (res: PersonResult, [from, to]: readonly [number, number], key: 'helped' | 'another') =>
    mean(res[key].slice(from, to));
  const blocks = BLOCKS.map((block): BlockFigures => {
    const per = (name: PickerName, key: 'helped' | 'another') =>
      results[name].map((res) => blockMean(res, block, key));
    const app = per('app', 'helped');
    const random = per('random', 'helped');
    const perfect = per('perfect', 'helped');
    const diffs = app.map((a, i) => a - (random[i] as number));
    const lift = mean(diffs);
    const sd = Math.sqrt(diffs.reduce((s, d) => s + (d - lift) ** 2, 0) / (diffs.length - 1));
    const perfectLift = mean(perfect) - mean(random);
    const byShape = {} as Record<Shape, number>;
    for (const shape of SHAPES) {
      const of = (xs: number[]) => mean(xs.filter((_, i) => results.app[i]?.shape === shape));
      byShape[shape] = (of(app) - of(random)) / (of(perfect) - of(random));
    }
    return {
      helped: { app: mean(app), random: mean(random), perfect: mean(perfect) },
      lift,
      ci: (1.96 * sd) / Math.sqrt(diffs.length),
      perfectLift,
      share: lift / perfectLift,
      byShape,
      another: {
        app: mean(per('app', 'another')),
        random: mean(per('random', 'another')),
        perfect: mean(per('perfect', 'another')),
      },
    };
  });
  const starvation = {} as Record<PickerName, number>;
  const violations = {} as Record<PickerName, number>;
  for (const name of PICKERS) {
    const helpful = results[name].reduce((s, res) => s + res.helpfulFamilies, 0);
    starvation[name] = results[name].reduce((s, res) => s + res.starved, 0) / Math.max(1, helpful);
    violations[name] = results[name].reduce((s, res) => s + res.violations, 0);
  }
  return { people, answerRate, blocks, starvation, violations };
}
