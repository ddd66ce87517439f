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
// ## When the "Need more support?" card shows (supportSignal)
// The card is a gentle pointer, never a diagnosis. It shows when, among the person's check-ins from the
// last 14 days (a check-in exactly 14 days old still counts):
//   - heavy-checkins: at least 5 are heavy. A check-in is heavy when its feeling is unpleasant with an
//     intensity of 4 or 5, or when it is "numb" or "I can't tell" with an intensity of 4 or 5 or no
//     intensity at all (flatness rarely comes with a sense of how strong it is, so we don't ask for one).
//     Unpleasant feelings without an intensity and pleasant feelings never count.
//   - not-helping: the 3 most recent answers to "did it help?" are all "no". Check-ins without an answer
//     are skipped, not counted as a break in the run. If both hold, heavy-checkins is the reason given.
// Dismissing the card keeps it away for 14 days (it may return exactly 14 days later). From then on only
// check-ins made after the dismissal count, so the same days that led to the card can't bring it straight
// back: it returns only if the new check-ins meet the rule on their own.

import { type FeelingId, feelingById, isFeelingId } from '../feelings';
import { DAY } from '../time';

export type Helped = 'yes' | 'a-bit' | 'no';

export interface CheckInLike {
  at: number;
  feeling: string;
  outletId: string | null;
  intensity?: number;
  helped?: Helped;
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

export const SUPPORT_WINDOW_DAYS = 14;
export const SUPPORT_QUIET_DAYS = 14;
export const HEAVY_CHECKINS = 5;
export const HEAVY_INTENSITY = 4;
export const NOT_HELPING_RUN = 3;

export interface SupportState {
  dismissedAt: number | null;
}

export type SupportSignal = { show: false } | { show: true; reason: 'heavy-checkins' | 'not-helping' };

/** Whether one check-in counts towards the heavy-checkins rule (see the top of this file). */
export function isHeavy(checkIn: CheckInLike): boolean {
  if (!isFeelingId(checkIn.feeling)) return false;
  const feeling = feelingById(checkIn.feeling as FeelingId);
  const intensity = typeof checkIn.intensity === 'number' ? checkIn.intensity : undefined;
  if (feeling.valence === 'unclear') return intensity === undefined || intensity >= HEAVY_INTENSITY;
  return feeling.valence === 'unpleasant' && intensity !== undefined && intensity >= HEAVY_INTENSITY;
}

export function supportSignal(
  history: readonly CheckInLike[],
  state: SupportState,
  now: number,
): SupportSignal {
  const { dismissedAt } = state;
  if (dismissedAt !== null && now - dismissedAt < SUPPORT_QUIET_DAYS * DAY) return { show: false };

  const counted = history.filter(
    (checkIn) =>
      now - checkIn.at <= SUPPORT_WINDOW_DAYS * DAY && (dismissedAt === null || checkIn.at > dismissedAt),
  );
  if (counted.filter(isHeavy).length >= HEAVY_CHECKINS) return { show: true, reason: 'heavy-checkins' };

  const answers = counted.filter((checkIn) => isHelped(checkIn.helped)).sort(byTime);
  const lastAnswers = answers.slice(-NOT_HELPING_RUN);
  if (lastAnswers.length === NOT_HELPING_RUN && lastAnswers.every((checkIn) => checkIn.helped === 'no'))
    return { show: true, reason: 'not-helping' };

  return { show: false };
}
