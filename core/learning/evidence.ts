// What one check-in tells the picker, as evidence "it helped" / "it didn't" about the outlets it showed.
// The weights, and why:
// - "And now?" (after) is the main outcome: asked soon after the outlet, on the person's own feeling
//   (EMMI measured stress right before and ~15 minutes after; measured hours later, AI4U found nothing).
//   Lighter 1 helped; heavier 1 didn't; the same 0.6 didn't (nothing moved, but it did no harm).
// - "Did it help?" says the same thing in other words: yes 1, a bit 0.5 helped and 0.25 didn't, no 1
//   didn't. When "And now?" was answered too, it counts half: two answers about one moment are not two
//   moments.
// - Done or "Not now" on the outlet says whether it was taken, not whether it worked: 0.3 either way,
//   so an outlet someone keeps doing but never answers about still rises, slowly.
// - An idea passed over with "Another idea" is a mild no (0.5, half an answer): it didn't appeal then,
//   which is about the moment as much as the outlet. Most check-ins get no answer at all, so these two
//   are most of what the picker hears; the bench found twice these no better and half of them worse.
// The bench (tests/bench/learning.bench.ts) measures the picker with these weights.
import { outletById } from '../outlets/catalogue';
import type { CheckIn } from '../schema';
import { type FeelingKind, feelingKind, placeOf } from './kinds';
import type { Evidence } from './totals';

export const AFTER_EVIDENCE = { lighter: [1, 0], same: [0, 0.6], heavier: [0, 1] } as const;
export const HELPED_EVIDENCE = { yes: [1, 0], 'a-bit': [0.5, 0.25], no: [0, 1] } as const;
export const HELPED_BESIDE_AFTER = 0.5;
export const TAKEN_EVIDENCE = { done: [0.3, 0], skipped: [0, 0.3] } as const;
export const PASSED_OVER = 0.5;

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
    const outlet = outletById(id);
    if (!outlet || helped + not === 0) return;
    out.push({ outletId: id, family: outlet.family, kind: k, place, at: checkIn.at, helped, not });
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
