// When the "Need more support?" card shows: a gentle pointer built on the person's own feelings, never
// a diagnosis. Pure: check-ins, the dismissal and `now` come in as arguments. The support page says the
// same in plain words (`supportPage.noticeBody`); change both together.
//
// ## The rule (supportSignal)
// Only check-ins from the last SUPPORT_WINDOW_DAYS days count (one exactly 14 days old still does), and,
// after the card was waved away, only those made since (it stays quiet SUPPORT_QUIET_DAYS first).
//
// 1. Each check-in weighs by its own feeling (checkInWeight):
//      - an unpleasant feeling (tense or low, any energy) and "numb" weigh 1;
//      - "I can't tell" weighs 1/2: not knowing is not heavy in itself, but day after day of it can be
//        part of a wider flatness, so it counts, more slowly;
//      - a strength, when given, scales that: 1 → ×0.5, 2 → ×0.75, 3 → ×1, 4 → ×1.25, 5 → ×1.5.
//        Without one the weight is that of strength 3: strength is optional and never required, so
//        leaving it out must not hide a hard stretch (issue 17: twelve unpleasant check-ins over twelve
//        days without a strength showed no card);
//      - pleasant feelings, and ids no longer in the catalogue, weigh 0. Pleasant check-ins never raise
//        the signal (issue 17: three "no" answers after Calm check-ins showed the card).
// 2. A heavy day is a local day whose check-ins weigh HEAVY_DAY_WEIGHT (1) or more, and whose
//    unpleasant, numb and can't-tell check-ins are not outnumbered by its pleasant ones (a day of
//    "calm, calm, calm, tired" reads as a calm day with a tired moment).
// 3. Each heavy day adds its weight, capped at DAY_CAP (2) so one very bad afternoon, however many
//    check-ins it holds, can't carry the signal alone; and, for each of its unpleasant, numb or can't-tell
//    check-ins, what followed when it was said:
//      - "And now?" answered "heavier": +1; "the same": +1/2 (the feeling stayed heavy);
//      - "did it help?" answered "no": +1/2 (outlets not helping on heavy days).
//    Lighter after-feelings and helpful answers take nothing away: the stretch was still heavy. A day
//    counts at most DAY_POINTS_CAP (3) in all.
// 4. The card shows when there are at least MIN_HEAVY_DAYS (4) heavy days and the points reach
//    SUPPORT_POINTS (6). Its words say "it's been heavy lately" when the feelings alone reach the points,
//    and "the small things haven't been helping much" when what followed them was needed to get there.
//
// So: 6 days with one unpleasant check-in each shows it; 5 such days, with one after-feeling that stayed
// heavier, shows it; 5 days at strength 4 (the old rule's 5 heavy check-ins) shows it; 3 very bad days,
// or any number of pleasant ones, never do. The table in tests/unit/support-signal.test.ts walks through
// more.
import { feelingById, isFeelingId } from '../feelings';
import { DAY, localDayKey } from '../time';

export type Helped = 'yes' | 'a-bit' | 'no';

/** What the support rule reads of a check-in (a stored CheckIn fits). */
export interface SupportCheckIn {
  at: number;
  feeling: string;
  intensity?: number;
  helped?: Helped;
  after?: 'lighter' | 'same' | 'heavier';
  /** The local day it was written on; without it, the local day of `at`. */
  day?: string;
}

export const SUPPORT_WINDOW_DAYS = 14;
export const SUPPORT_QUIET_DAYS = 14;
export const HEAVY_DAY_WEIGHT = 1;
export const DAY_CAP = 2;
export const DAY_POINTS_CAP = 3;
export const MIN_HEAVY_DAYS = 4;
export const SUPPORT_POINTS = 6;
/** Weight of a check-in by its strength (1–5); without a strength, that of 3. */
export const STRENGTH_FACTOR: Readonly<Record<number, number>> = { 1: 0.5, 2: 0.75, 3: 1, 4: 1.25, 5: 1.5 };
export const CANT_TELL_WEIGHT = 0.5;
export const AFTER_POINTS = { heavier: 1, same: 0.5 } as const;
export const HELPED_NO_POINTS = 0.5;

export interface SupportState {
  dismissedAt: number | null;
}

export type SupportReason = 'heavy-checkins' | 'not-helping';
export type SupportSignal = { show: false } | { show: true; reason: SupportReason };

/** How the rule read the window: the figures the tests' table states, and the reason. */
export interface SupportReading {
  heavyDays: number;
  /** The heavy days' own weights (each capped at DAY_CAP). */
  feelingPoints: number;
  /** All points: the feelings plus what followed them, each day capped at DAY_POINTS_CAP. */
  points: number;
  signal: SupportSignal;
}

/** How much one check-in weighs towards a heavy day (step 1 of the rule). */
export function checkInWeight(checkIn: Pick<SupportCheckIn, 'feeling' | 'intensity'>): number {
  if (!isFeelingId(checkIn.feeling)) return 0;
  const { valence } = feelingById(checkIn.feeling);
  if (valence === 'pleasant') return 0;
  const base = checkIn.feeling === 'cant-tell' ? CANT_TELL_WEIGHT : 1;
  const strength = checkIn.intensity;
  const factor = typeof strength === 'number' ? (STRENGTH_FACTOR[strength] ?? 1) : 1;
  return base * factor;
}

const isPleasant = (feeling: string) => isFeelingId(feeling) && feelingById(feeling).valence === 'pleasant';

/** What followed a heavy check-in: an after-feeling that stayed heavy, an outlet that didn't help. */
function stuckPoints(checkIn: SupportCheckIn): number {
  const after = checkIn.after === 'heavier' || checkIn.after === 'same' ? AFTER_POINTS[checkIn.after] : 0;
  return after + (checkIn.helped === 'no' ? HELPED_NO_POINTS : 0);
}

export function readSupport(
  history: readonly SupportCheckIn[],
  state: SupportState,
  now: number,
): SupportReading {
  const quiet: SupportReading = { heavyDays: 0, feelingPoints: 0, points: 0, signal: { show: false } };
  const { dismissedAt } = state;
  if (dismissedAt !== null && now - dismissedAt < SUPPORT_QUIET_DAYS * DAY) return quiet;

  const days = new Map<string, { weight: number; heavy: number; pleasant: number; stuck: number }>();
  for (const checkIn of history) {
    if (now - checkIn.at > SUPPORT_WINDOW_DAYS * DAY) continue;
    if (dismissedAt !== null && checkIn.at <= dismissedAt) continue;
    const key = checkIn.day ?? localDayKey(checkIn.at);
    const day = days.get(key) ?? { weight: 0, heavy: 0, pleasant: 0, stuck: 0 };
    const weight = checkInWeight(checkIn);
    if (weight > 0) {
      day.weight += weight;
      day.heavy++;
      day.stuck += stuckPoints(checkIn);
    } else if (isPleasant(checkIn.feeling)) day.pleasant++;
    days.set(key, day);
  }

  let heavyDays = 0;
  let feelingPoints = 0;
  let points = 0;
  for (const day of days.values()) {
    if (day.weight < HEAVY_DAY_WEIGHT || day.heavy < day.pleasant) continue;
    heavyDays++;
    const own = Math.min(DAY_CAP, day.weight);
    feelingPoints += own;
    points += Math.min(DAY_POINTS_CAP, own + day.stuck);
  }
  if (heavyDays < MIN_HEAVY_DAYS || points < SUPPORT_POINTS)
    return { ...quiet, heavyDays, feelingPoints, points };
  const reason: SupportReason = feelingPoints >= SUPPORT_POINTS ? 'heavy-checkins' : 'not-helping';
  return { heavyDays, feelingPoints, points, signal: { show: true, reason } };
}

export function supportSignal(
  history: readonly SupportCheckIn[],
  state: SupportState,
  now: number,
): SupportSignal {
  return readSupport(history, state, now).signal;
}
