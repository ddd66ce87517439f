// The choice among the outlets the hard rules allow: Thompson sampling over Beta beliefs pooled across
// levels. Thompson sampling, because it explores exactly as much as the evidence is uncertain (it was
// what Kumar et al., AAAI 2024, ran with 1,100 people) and needs nothing but the running totals.
//
// ## The beliefs, pooled (outlet ← family ← everything the person said)
// How likely an outlet helps this kind of feeling in this place is a Beta whose prior comes from the
// level above, with a few answers' worth of weight (PRIOR_WEIGHT):
//   everything:                       Beta(1 + helped, 1 + didn't)            → mean m0
//   family (any feeling, any place):  prior m0 with weight FAMILY              → mean m1
//   family × kind of feeling:         prior m1 with weight KIND                → mean m2
//   family × kind × place:            prior m2 with weight PLACE               → Beta(aF, bF)
//   outlet:                           prior θF (drawn from the family's Beta) with weight OUTLET
// So an answer about one walk moves every walk a little (a person's ~20 answers spread over ~14
// outlets never say much about one), an answer when low says something about when tense too, and where
// the data say otherwise, the finer level wins.
//
// ## The choice
// 1. With no evidence at all, a plain random pick (each outlet in proportion to its strength factor):
//    there is nothing to learn from yet, and it keeps the pick what it always was before any answer.
// 2. Otherwise, with chance FLOOR a family is drawn at random among those the candidates hold, then an
//    outlet within it: every family the rules allow keeps at least FLOOR / 6 of the picks, so a
//    disliked one is tried again now and then and a change of taste is found.
// 3. Otherwise each family draws θF from its Beta, each outlet θ from its own Beta around θF, and the
//    highest θ wins. An outlet the feeling's strength favours (strength factor 2) draws twice and keeps
//    the higher, which with no evidence is exactly "twice as often".

import { OUTLET_FAMILIES, type OutletFamily } from '../families';
import { betaDraw } from './beta';
import type { FeelingKind, Place } from './kinds';
import { FEELING_KINDS, PLACES } from './kinds';
import { cellIndex, type Pooled } from './totals';

/** How many answers' worth each level's prior weighs (see the top of this file). */
export const PRIOR_WEIGHT = { family: 2, kind: 3, place: 6, outlet: 10 } as const;
export const FLOOR = 0.1;
/**
 * Each unit of evidence counts as this many draws of a coin: the posterior is tempered (narrowed) so the
 * choice settles within the first few weeks, not the first few months. Plain Thompson sampling (1) is
 * right for a long horizon and many answers; a person gives ~15 answers in 40 check-ins, and the bench
 * found the plain posterior exploring for most of them (share of the perfect lift by check-ins 21–40
 * about 15% with 1, about 22% with 4, no better above). FLOOR keeps what exploration this gives up.
 */
export const SHARPEN = 4;
/** "Avoid the last few" yields to a recent outlet whose mean beats every fresh candidate's by this much. */
export const CLEAR_MARGIN = 0.1;

export interface Situation {
  kind: FeelingKind;
  place: Place;
}

interface Candidate {
  id: string;
  family: OutletFamily;
}

/** The family-level beliefs for one situation: Beta(a, b) per family, computed once per pick. */
export function familyBeliefs(p: Pooled, { kind, place }: Situation): Map<OutletFamily, [number, number]> {
  const K = FEELING_KINDS.length;
  const P = PLACES.length;
  const k0 = FEELING_KINDS.indexOf(kind);
  // Per family: everything, this kind (any place); one pass over the cells.
  const fam = new Float64Array(OUTLET_FAMILIES.length * 4);
  let gh = 0;
  let gn = 0;
  for (let f = 0; f < OUTLET_FAMILIES.length; f++)
    for (let k = 0; k < K; k++)
      for (let pl = 0; pl < P; pl++) {
        const i = ((f * K + k) * P + pl) * 2;
        const h = (p.cells[i] as number) * SHARPEN;
        const n = (p.cells[i + 1] as number) * SHARPEN;
        gh += h;
        gn += n;
        fam[f * 4] = (fam[f * 4] as number) + h;
        fam[f * 4 + 1] = (fam[f * 4 + 1] as number) + n;
        if (k === k0) {
          fam[f * 4 + 2] = (fam[f * 4 + 2] as number) + h;
          fam[f * 4 + 3] = (fam[f * 4 + 3] as number) + n;
        }
      }
  const m0 = (1 + gh) / (2 + gh + gn);
  const beliefs = new Map<OutletFamily, [number, number]>();
  OUTLET_FAMILIES.forEach((family, f) => {
    const [fh, fn, kh, kn] = [fam[f * 4], fam[f * 4 + 1], fam[f * 4 + 2], fam[f * 4 + 3]] as number[] as [
      number,
      number,
      number,
      number,
    ];
    const m1 = (PRIOR_WEIGHT.family * m0 + fh) / (PRIOR_WEIGHT.family + fh + fn);
    const m2 = (PRIOR_WEIGHT.kind * m1 + kh) / (PRIOR_WEIGHT.kind + kh + kn);
    const i = cellIndex(family, kind, place) * 2;
    const ph = (p.cells[i] as number) * SHARPEN;
    const pn = (p.cells[i + 1] as number) * SHARPEN;
    const mean = (PRIOR_WEIGHT.place * m2 + ph) / (PRIOR_WEIGHT.place + ph + pn);
    // How sure: all the evidence about this family, over a prior of two answers' worth. The mean is
    // this kind's and place's; the certainty is the family's, or the finest level's few answers would
    // keep a well-known family as uncertain as an untried one.
    const sure = 2 + fh + fn;
    beliefs.set(family, [mean * sure, (1 - mean) * sure]);
  });
  return beliefs;
}

const own = (p: Pooled, id: string): [number, number] => {
  const [h, n] = p.outlets.get(id) ?? [0, 0];
  return [h * SHARPEN, n * SHARPEN];
};

/** The expected chance each candidate helps, in this situation (no drawing). */
export function meanOf(p: Pooled, beliefs: Map<OutletFamily, [number, number]>, outlet: Candidate): number {
  const [a, b] = beliefs.get(outlet.family) as [number, number];
  const m = a / (a + b);
  const [h, n] = own(p, outlet.id);
  return (PRIOR_WEIGHT.outlet * m + h) / (PRIOR_WEIGHT.outlet + h + n);
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
  const bar = Math.max(...fresh.map((c) => meanOf(p, beliefs, c))) + CLEAR_MARGIN;
  for (const c of candidates) if (recent.includes(c.id) && meanOf(p, beliefs, c) >= bar) kept.add(c);
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
    const families = [...new Set(candidates.map((c) => c.family))];
    const family = families[Math.min(families.length - 1, Math.floor((r / FLOOR) * families.length))];
    return proportional(
      candidates.filter((c) => c.family === family),
      tickets,
      random(),
    );
  }
  const beliefs = familyBeliefs(p, situation);
  const drawn = new Map<OutletFamily, number>();
  let best = candidates[0] as C;
  let top = -1;
  for (const c of candidates) {
    let theta = drawn.get(c.family);
    if (theta === undefined) {
      const [a, b] = beliefs.get(c.family) as [number, number];
      theta = betaDraw(a, b, random);
      drawn.set(c.family, theta);
    }
    const [h, n] = own(p, c.id);
    const a = PRIOR_WEIGHT.outlet * theta + h;
    const b = PRIOR_WEIGHT.outlet * (1 - theta) + n;
    let score = -1;
    for (let t = Math.max(1, tickets(c)); t > 0; t--)
      score = Math.max(score, betaDraw(Math.max(a, 1e-3), Math.max(b, 1e-3), random));
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
