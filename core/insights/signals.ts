// What Outlet learns from a person's own check-ins, on their device: how much each outlet seems to help,
// and when to gently mention that more support exists. Pure: history and `now` come in as arguments.
//
// ## How "did it help?" shapes the picks (outletWeights)
// Every outlet starts at weight 1. Answers are replayed oldest first; each one moves the weight from
// where it stands: "yes" +0.4, "a bit" +0.15, "no" -0.3, and the weight never leaves
// [WEIGHT_MIN, WEIGHT_MAX] = [0.25, 3] (so a long run of "yes" can't drown out a recent "no").
// An answer counts fully for 30 days, half as much from 30 to 60 days, and not at all after 60 days:
// people change, and an old "no" shouldn't hide an outlet forever. A check-in dated after `now` (a clock
// change) counts as fresh. Only outlets with at least one counted answer appear in the result; any other
// outlet has weight 1.
//
// When the "Need more support?" card shows is its own rule, in ./support.ts (re-exported here).

import { DAY } from '../time';

import type { Helped, SupportCheckIn } from './support';

export type { Helped } from './support';
export {
  readSupport,
  type SupportReading,
  type SupportReason,
  type SupportSignal,
  type SupportState,
  supportSignal,
} from './support';

export interface CheckInLike extends SupportCheckIn {
  outletId: string | null;
}

export const WEIGHT_MIN = 0.25;
export const WEIGHT_MAX = 3;
/** How far one answer moves an outlet's weight. */
export const HELPED_STEP: Readonly<Record<Helped, number>> = { yes: 0.4, 'a-bit': 0.15, no: -0.3 };
export const ANSWER_FULL_DAYS = 30;
export const ANSWER_FORGET_DAYS = 60;

/** A weight within bounds; anything that isn't a finite number is treated as the neutral 1. */
export function clampWeight(weight: unknown): number {
  if (typeof weight !== 'number' || !Number.isFinite(weight)) return 1;
  return Math.min(WEIGHT_MAX, Math.max(WEIGHT_MIN, weight));
}

/** How much an answer given `age` ms ago still counts: 1, 0.5 or 0. */
export function answerFactor(age: number): number {
  if (age <= ANSWER_FULL_DAYS * DAY) return 1;
  if (age <= ANSWER_FORGET_DAYS * DAY) return 0.5;
  return 0;
}

function isHelped(value: unknown): value is Helped {
  return value === 'yes' || value === 'a-bit' || value === 'no';
}

const byTime = (a: CheckInLike, b: CheckInLike) => a.at - b.at;
// Three decimals are plenty for a weight and keep 1 + 0.4 - 0.3 from printing as 1.1000000000000003.
const round = (n: number) => Math.round(n * 1000) / 1000;

export function outletWeights(history: readonly CheckInLike[], now: number): Record<string, number> {
  // A Map, so an id like `__proto__` from a damaged history is just another key.
  const weights = new Map<string, number>();
  for (const checkIn of [...history].sort(byTime)) {
    const { outletId, helped } = checkIn;
    if (typeof outletId !== 'string' || outletId === '' || !isHelped(helped)) continue;
    const factor = answerFactor(now - checkIn.at);
    if (factor === 0) continue;
    const current = weights.get(outletId) ?? 1;
    weights.set(outletId, round(clampWeight(current + HELPED_STEP[helped] * factor)));
  }
  return Object.fromEntries(weights);
}

/**
 * How many "yes" and "a bit" answers each outlet has, within the same 60 days the weights count.
 * The card's reason says "lately" only when there were several, never after a single "yes".
 */
export function helpfulAnswers(history: readonly CheckInLike[], now: number): Record<string, number> {
  const counts = new Map<string, number>();
  for (const { outletId, helped, at } of history) {
    if (typeof outletId !== 'string' || outletId === '') continue;
    if ((helped !== 'yes' && helped !== 'a-bit') || answerFactor(now - at) === 0) continue;
    counts.set(outletId, (counts.get(outletId) ?? 0) + 1);
  }
  return Object.fromEntries(counts);
}
