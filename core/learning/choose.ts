// The choice among the outlets the hard rules allow: Thompson sampling on the log-odds that an outlet
// suits the person, pooled across levels, with a floor.
//
// ## The belief: log-odds, from the running totals
// The totals (totals.ts) hold, per family × kind of feeling × place and per outlet, the evidence that
// it helped and that it didn't, each answer weighed by how much it says (evidence.ts, in "answers":
// a "lighter" is +1). Read as log-likelihood ratios, the net evidence (helped − didn't) IS the
// log-odds that the family suits the person, over a neutral prior: every answer adds what it says,
// and fading (totals.ts) pulls an old belief back toward "don't know". The bench found this read
// learns faster than a Beta mean of the same totals (share of the perfect lift by check-ins 21–40
// about 31% against about 25% at 60% answers; the Beta mean kept old answers' ratio long after a
// change of taste, and explored for most of a person's ~15 answers).
//
// ## Pooled (family ← kind of feeling ← place; outlet on top)
//   for this kind:  ℓk = net(kind) + (net(family) − net(kind)) · KIND_SHARE / (KIND_SHARE + n(kind))
//   and this place: ℓ  = net(place) + (ℓk − net(place)) · PLACE_SHARE / (PLACE_SHARE + n(place))
//   an outlet:      ℓ + OUTLET_WEIGHT · net(outlet)
// where n is how much evidence there is at that level. So what a person said when tense counts when
// they are low too, until "low" has answers of its own (then its own win), and the same for alone or
// not; an answer about one walk moves every walk, and the walk itself most.
//
// ## The choice
// 1. With no evidence at all, a plain random pick (each outlet in proportion to its strength factor):
//    there is nothing to learn from yet, and it keeps the pick what it always was before any answer.
// 2. Otherwise, with chance FLOOR a family is drawn among those the candidates hold, then an outlet
//    within it: half of these draws take any of them at random, so every family the rules allow keeps
//    at least FLOOR / 12 of the picks (a disliked one is tried again now and then and a change of
//    taste is found); the other half take one of those the person has told least about, so a family
//    never tried is tried early rather than by luck (`leastTried`).
// 3. Otherwise Thompson sampling on a normal approximation of the log-odds (as Chapelle & Li, NeurIPS
//    2011, did for logistic models): each family draws ℓ + N(0, σ²), σ = SPREAD / √(1 + n), so a family
//    with little evidence is tried as often as its uncertainty deserves and a well-known one is not;
//    each outlet adds its own net evidence and ln(strength factor) (a strong feeling's "twice as
//    often" for movement and release, as odds), and the highest wins.

import { OUTLET_FAMILIES, type OutletFamily } from '../families';
import { normalDraw } from './draw';
import type { FeelingKind, Place } from './kinds';
import { FEELING_KINDS, PLACES } from './kinds';
import { FAMILY_CELLS, type Pooled } from './totals';

/** How many answers' worth the wider level keeps counting while the finer one has less (see above). */
export const KIND_SHARE = 3;
export const PLACE_SHARE = 6;
/** How much an outlet's own evidence adds to its family's. */
export const OUTLET_WEIGHT = 1;
/**
 * The spread of a family's draw with no evidence (log-odds); it narrows as evidence comes. Measured
 * (1,200 people, seeds 17 and 5): 1 learns faster than 1.5 at either answer rate (about +1.5 points of
 * the perfect lift at check-ins 21–40 with 30% answers) and 0.7 or 2 slower: a person gives ~20
 * answers in all, and a wide draw spends too many of their check-ins on finding out.
 */
export const SPREAD = 1;
/** The floor's share of the picks (see above): 0.07 keeps a helpful family unoffered less often than random does. */
export const FLOOR = 0.07;
/** "Avoid the last few" yields to a recent outlet whose log-odds beat every fresh one's by half an answer. */
export const CLEAR_MARGIN = 0.5;

export interface Situation {
  kind: FeelingKind;
  place: Place;
}

interface Candidate {
  id: string;
  family: OutletFamily;
}

/** A family's belief in one situation: its pooled log-odds and how much evidence stands behind it. */
interface Belief {
  logOdds: number;
  evidence: number;
}

/** The family-level beliefs for one situation, computed once per pick (one pass over the cells). */
export function familyBeliefs(p: Pooled, { kind, place }: Situation): Map<OutletFamily, Belief> {
  const K = FEELING_KINDS.length;
  const P = PLACES.length;
  const k0 = FEELING_KINDS.indexOf(kind);
  const p0 = PLACES.indexOf(place);
  const beliefs = new Map<OutletFamily, Belief>();
  OUTLET_FAMILIES.forEach((family, f) => {
    // helped and didn't: [family, this kind, this kind and place]
    const sums = [0, 0, 0, 0, 0, 0];
    for (let k = 0; k < K; k++)
      for (let pl = 0; pl < P; pl++) {
        const i = ((f * K + k) * P + pl) * 2;
        const h = p.cells[i] as number;
        const n = p.cells[i + 1] as number;
        sums[0] = (sums[0] as number) + h;
        sums[1] = (sums[1] as number) + n;
        if (k !== k0) continue;
        sums[2] = (sums[2] as number) + h;
        sums[3] = (sums[3] as number) + n;
        if (pl !== p0) continue;
        sums[4] = (sums[4] as number) + h;
        sums[5] = (sums[5] as number) + n;
      }
    const [fh, fn, kh, kn, ph, pn] = sums as [number, number, number, number, number, number];
    const kindShare = KIND_SHARE / (KIND_SHARE + kh + kn);
    const forKind = kh - kn + (fh - fn - (kh - kn)) * kindShare;
    const placeShare = PLACE_SHARE / (PLACE_SHARE + ph + pn);
    const logOdds = ph - pn + (forKind - (ph - pn)) * placeShare;
    // The evidence behind it: this kind's own, and the rest of the family's as far as it still counts.
    const evidence = kh + kn + (fh + fn - kh - kn) * kindShare;
    beliefs.set(family, { logOdds, evidence });
  });
  return beliefs;
}

/** Of `families`, those the person has told least about (all kinds of feeling, within half an answer). */
export function leastTried(p: Pooled, families: readonly OutletFamily[]): OutletFamily[] {
  const per = FAMILY_CELLS / OUTLET_FAMILIES.length;
  const told = (family: OutletFamily) => {
    const from = OUTLET_FAMILIES.indexOf(family) * per * 2;
    let sum = 0;
    for (let i = from; i < from + per * 2; i++) sum += p.cells[i] as number;
    return sum;
  };
  const least = Math.min(...families.map(told));
  return families.filter((family) => told(family) <= least + 0.5);
}

const ownNet = (p: Pooled, id: string): number => {
  const [h, n] = p.outlets.get(id) ?? [0, 0];
  return h - n;
};

/** The log-odds that a candidate suits the person in this situation (no drawing). */
export function logOddsOf(p: Pooled, beliefs: Map<OutletFamily, Belief>, outlet: Candidate): number {
  return (beliefs.get(outlet.family) as Belief).logOdds + OUTLET_WEIGHT * ownNet(p, outlet.id);
}

/**
 * The recent outlets (`recent`) among `candidates` that are clearly better on the evidence than every
 * outlet not recent: "avoid the last few" keeps variety, and never hides the clear best.
 */
export function clearlyBest<C extends Candidate>(
  p: Pooled,
  situation: Situation,
  candidates: readonly C[],
  recent: readonly string[],
): Set<C> {
  const kept = new Set<C>();
  if (p.total === 0) return kept;
  const beliefs = familyBeliefs(p, situation);
  const fresh = candidates.filter((c) => !recent.includes(c.id));
  const bar = Math.max(...fresh.map((c) => logOddsOf(p, beliefs, c))) + CLEAR_MARGIN;
  for (const c of candidates) if (recent.includes(c.id) && logOddsOf(p, beliefs, c) >= bar) kept.add(c);
  return kept;
}

/**
 * One of `candidates` (never empty), by the steps at the top of this file. `tickets` is the strength
 * factor (1 or 2; 0 never reaches here). Draws from `random` only.
 */
export function chooseAmong<C extends Candidate>(
  p: Pooled,
  situation: Situation,
  candidates: readonly C[],
  tickets: (c: C) => number,
  random: () => number,
): C {
  if (candidates.length === 1) return candidates[0] as C;
  if (p.total === 0) return proportional(candidates, tickets, random());
  const r = unit(random());
  if (r < FLOOR) {
    const all = [...new Set(candidates.map((c) => c.family))];
    const u = r / FLOOR;
    const families = u < 0.5 ? all : leastTried(p, all);
    const family =
      families[Math.min(families.length - 1, Math.floor((u < 0.5 ? u : u - 0.5) * 2 * families.length))];
    return proportional(
      candidates.filter((c) => c.family === family),
      tickets,
      random(),
    );
  }
  const beliefs = familyBeliefs(p, situation);
  const drawn = new Map<OutletFamily, number>();
  let best = candidates[0] as C;
  let top = Number.NEGATIVE_INFINITY;
  for (const c of candidates) {
    let theta = drawn.get(c.family);
    if (theta === undefined) {
      const { logOdds, evidence } = beliefs.get(c.family) as Belief;
      theta = logOdds + (SPREAD / Math.sqrt(1 + evidence)) * normalDraw(random);
      drawn.set(c.family, theta);
    }
    // A hair of noise: outlets level on everything take turns rather than the first always winning.
    const score =
      theta + OUTLET_WEIGHT * ownNet(p, c.id) + Math.log(Math.max(1, tickets(c))) + 1e-6 * unit(random());
    if (score > top) {
      top = score;
      best = c;
    }
  }
  return best;
}

/** A pick in proportion to tickets, from one uniform value. */
export function proportional<C>(candidates: readonly C[], tickets: (c: C) => number, r: number): C {
  const each = candidates.map(tickets);
  const total = each.reduce((s, w) => s + w, 0);
  const target = unit(r) * total;
  let reached = 0;
  for (const [i, c] of candidates.entries()) {
    reached += each[i] as number;
    if (target < reached) return c;
  }
  return candidates[candidates.length - 1] as C;
}

// Clamp rather than trust the injected source: a stray 1, a negative or NaN must still land somewhere real.
function unit(r: number): number {
  if (!Number.isFinite(r) || r < 0) return 0;
  return Math.min(r, 1 - Number.EPSILON);
}
