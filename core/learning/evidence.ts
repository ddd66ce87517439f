// What one check-in tells the picker, as evidence "it helped" / "it didn't" about the outlets it showed.
// The picker reads the totals as log-odds (choose.ts): each number is how far the answer moves the
// belief that the outlet suits the person, in answers (a "lighter" is 1). The weights, and why:
// - "And now?" (after) is the main outcome: asked soon after the outlet, on the person's own feeling
//   (EMMI measured stress right before and ~15 minutes after; measured hours later, AI4U found nothing).
//   Lighter 1 helped; heavier 1 didn't; the same 0.9 didn't: the question is whether it lifted, and
//   "the same" says it didn't, only a little less surely than "heavier".
// - "Did it help?" says the same thing in other words: yes 1, a bit 0.3 helped, no 1 didn't. When "And
//   now?" was answered too, it counts half: two answers about one moment are not two moments.
// - Done is a weak yes (0.35): most ideas are done, good or not. "Not now" is a real no (1): an idea
//   not taken helped nobody, and it is the one thing heard on most check-ins without an answer.
// - An idea passed over with "Another idea" is a no (1): it didn't suit the moment, and the moment is
//   what the picker is choosing for. Measured (1,200 people, seed 17): with "Not now" and passing over
//   as milder noes (0.3 and 0.5) the share of the perfect lift stayed within noise (31.7% / 26.9% at
//   60% / 30% answers against 31.8% / 25.9%), but a family that would help went unoffered more often
//   than under a random pick (4.3% against 3.1%), and a change of taste was found later (changing
//   halfway 19.9% against 24.3%): a no heard clearly moves the picker on from what doesn't suit.
// The bench (tests/bench/learning-sim.ts, `npm run bench:learning`) measures the picker with these weights.
import { outletFamilyOf } from '../outlets/lookup';
import type { CheckIn } from '../schema';
import { type FeelingKind, feelingKind, placeOf } from './kinds';
import type { Evidence } from './totals';

export const AFTER_EVIDENCE = { lighter: [1, 0], same: [0, 0.9], heavier: [0, 1] } as const;
export const HELPED_EVIDENCE = { yes: [1, 0], 'a-bit': [0.3, 0], no: [0, 1] } as const;
export const HELPED_BESIDE_AFTER = 0.5;
export const TAKEN_EVIDENCE = { done: [0.35, 0], skipped: [0, 1] } as const;
export const PASSED_OVER = 1;

type Told = Pick<
  CheckIn,
  'at' | 'feeling' | 'outletId' | 'outcome' | 'context' | 'shown' | 'helped' | 'after'
>;

/** The evidence one check-in gives, as it stands now (an answer given later changes it: see learn()). */
export function evidenceOf(checkIn: Told): Evidence[] {
  const kind = feelingKind(checkIn.feeling);
  if (!kind) return [];
  const place = placeOf(checkIn.context);
  const out: Evidence[] = [];
  const add = (id: string, helped: number, not: number, k: FeelingKind = kind) => {
    // By the id, so an own outlet counts under its family even once it is changed or removed.
    const family = outletFamilyOf(id);
    if (!family || helped + not === 0) return;
    out.push({ outletId: id, family, kind: k, place, at: checkIn.at, helped, not });
  };
  const final = checkIn.outletId;
  const passed = new Set((checkIn.shown ?? []).filter((id) => id !== final));
  for (const id of passed) add(id, 0, PASSED_OVER);
  if (!final) return out;
  let helped = 0;
  let not = 0;
  if (checkIn.after) [helped, not] = AFTER_EVIDENCE[checkIn.after];
  if (checkIn.helped) {
    const share = checkIn.after ? HELPED_BESIDE_AFTER : 1;
    const [h, n] = HELPED_EVIDENCE[checkIn.helped];
    helped += h * share;
    not += n * share;
  }
  const [h, n] = TAKEN_EVIDENCE[checkIn.outcome];
  add(final, helped + h, not + n);
  return out;
}
