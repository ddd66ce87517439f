// The pick: which one outlet of the catalogue (./catalogue.ts) to offer for a feeling, in a context,
// weighed by what helped before. Pure: the random source comes in as an argument.

import { type FeelingId, feelingById } from '../feelings';
import { clampWeight } from '../insights/signals';
import {
  DEFAULT_CONTEXT,
  journalPromptKeys,
  OUTLETS,
  type Outlet,
  type OutletContext,
  type OutletFamily,
  outletById,
} from './catalogue';

/** One of the outlet's questions, never `previous` (the one shown last time) when there is a choice. */
export function journalPromptKey(outlet: Outlet, random: () => number, previous?: string): string {
  const own = journalPromptKeys(outlet);
  const keys = own.length > 1 ? own.filter((key) => key !== previous) : own;
  return keys[indexFor(random(), keys.length)] ?? '';
}

/**
 * The hard rules, never broken, not even in a fallback: nothing that needs you alone when you aren't
 * (no yelling in an open office), nothing away from the desk when you can't leave it, nothing longer than
 * the time you have.
 */
export function fitsContext(outlet: Outlet, context: OutletContext): boolean {
  if (outlet.needsAlone && !context.alone) return false;
  if (outlet.needsAway && !context.canStepAway) return false;
  return outlet.minutes <= context.minutes;
}

/** For feelings without a clear shape (numb, can't tell), only body reconnection and tiny creative steps. */
function suitsShape(outlet: Outlet, feeling: FeelingId): boolean {
  if (feelingById(feeling).energy !== 'unclear') return true;
  return outlet.family === 'body' || outlet.family === 'creative';
}

// A one-minute breath at the desk breaks no hard rule in any context and suits every feeling's shape.
// The catalogue tests make sure it's never needed; it only guards against a future catalogue edit.
const SAFE_FALLBACK = outletById('breath-minute') as Outlet;

export interface PickInput {
  feeling: FeelingId;
  /** Soft: when none of them has a fitting outlet (or none is on), every family is considered. */
  enabledFamilies: readonly OutletFamily[];
  /** Defaults to DEFAULT_CONTEXT. */
  context?: OutletContext;
  /** Shown in this check-in, oldest first: none comes again until every fitting one has, round after round. */
  exclude: readonly string[];
  /** Last shown across check-ins, newest last: the last RECENT_TO_AVOID are avoided when possible. */
  recentlyShown?: readonly string[];
  /** From insights.outletWeights; missing ids weigh 1, every weight is clamped to its bounds. */
  weights?: Readonly<Record<string, number>>;
  /** How strong the feeling is, 1 (faint) to 5 (very strong), when the person said (strengthFactor). */
  intensity?: number;
  /** From insights.helpfulAnswers: how many answers stand behind a reason (PickReason.answers). */
  helpfulAnswers?: Readonly<Record<string, number>>;
  /** Injected so the pick is deterministic in tests; expected in [0, 1). */
  random: () => number;
}

/** `answers`: how many "yes" / "a bit" answers back it up (unknown when not given to pick). */
export type PickReason =
  | { kind: 'helped-before'; outletId: string; answers?: number }
  | { kind: 'family-helped'; family: OutletFamily; answers?: number };

export interface Pick {
  outlet: Outlet;
  /** Why this one, when the person's own answers had a say; null for a plain random pick. */
  reason: PickReason | null;
}

export const RECENT_TO_AVOID = 3;
/** Above this weight, the card may say the outlet (or its family) helped before. */
export const REASON_THRESHOLD = 1.2;

/**
 * The outlets a pick draws from: those that fit the context (hard), the feeling and its shape, within the
 * enabled families, or within all families when none of the enabled ones has anything that fits.
 */
export function outletPool(
  feeling: FeelingId,
  enabledFamilies: readonly OutletFamily[],
  context: OutletContext = DEFAULT_CONTEXT,
): readonly Outlet[] {
  const fitting = OUTLETS.filter(
    (outlet) =>
      fitsContext(outlet, context) && outlet.feelings.includes(feeling) && suitsShape(outlet, feeling),
  );
  const enabled = fitting.filter((outlet) => enabledFamilies.includes(outlet.family));
  if (enabled.length > 0) return enabled;
  if (fitting.length > 0) return fitting;
  return [SAFE_FALLBACK];
}

/**
 * One outlet for a feeling, in three steps:
 * 1. the pool (outletPool): context rules are hard, families soft, and a person's family choices win over
 *    variety, so when every outlet in the pool has been shown in this check-in a new round starts
 *    within the pool (minus the one on screen) rather than reaching into a family they turned off; no
 *    outlet comes twice in a round (shownThisRound);
 * 2. among those, the last RECENT_TO_AVOID shown in earlier check-ins are left out while others remain;
 * 3. a weighted random choice, so outlets that helped come up more often, but never always.
 */
export function pick(input: PickInput): Pick {
  const { feeling, enabledFamilies, exclude, random } = input;
  const weights = input.weights ?? {};
  const recent = (input.recentlyShown ?? []).slice(-RECENT_TO_AVOID);
  const pool = outletPool(feeling, enabledFamilies, input.context ?? DEFAULT_CONTEXT);

  const round = shownThisRound(exclude, pool);
  let candidates: readonly Outlet[] = pool.filter((outlet) => !round.has(outlet.id));
  if (round.size === 0) {
    // A fresh round: anything in the pool but the idea on screen.
    const onScreen = exclude[exclude.length - 1];
    const notOnScreen = pool.filter((outlet) => outlet.id !== onScreen);
    candidates = notOnScreen.length > 0 ? notOnScreen : pool;
  }
  const notRecent = candidates.filter((outlet) => !recent.includes(outlet.id));
  if (notRecent.length > 0) candidates = notRecent;
  const strength = (outlet: Outlet) => strengthFactor(outlet, feeling, input.intensity);
  const suited = candidates.filter((outlet) => strength(outlet) > 0);
  if (suited.length > 0) candidates = suited;

  const outlet = weightedChoice(candidates, weights, random(), strength);
  return { outlet, reason: withAnswers(reasonFor(outlet, weights), input.helpfulAnswers) };
}

/**
 * The pool's outlets this check-in has shown in its current round. Once every one has been shown the
 * round starts over, so each comes back only after all the others have, round after round. (A check-in
 * keeps its last SHOWN_MAX ideas, core/history.ts; past that the rounds are counted from the oldest kept.)
 */
function shownThisRound(shown: readonly string[], pool: readonly Outlet[]): Set<string> {
  const inPool = new Set(pool.map((outlet) => outlet.id));
  let round = new Set<string>();
  for (const id of shown) {
    if (!inPool.has(id)) continue;
    round.add(id);
    if (round.size === inPool.size) round = new Set();
  }
  return round;
}

/** At or below this strength (1–5) a feeling is faint; at or above STRONG, strong. */
export const FAINT = 2;
export const STRONG = 4;
const FOR_BIG_FEELINGS: readonly OutletFamily[] = ['release', 'movement'];

/**
 * How the strength the person gave shapes the pick (soft, like the families): a faint feeling is not
 * offered "letting it out" (0: left out while anything else fits), a strong one gets release and
 * movement twice as often (2). No strength, a middling one, or a feeling without a clear shape
 * (numb, can't tell, never asked for a strength) change nothing (1).
 */
export function strengthFactor(outlet: Outlet, feeling: FeelingId, intensity: number | undefined): number {
  if (intensity === undefined || feelingById(feeling).energy === 'unclear') return 1;
  const big = FOR_BIG_FEELINGS.includes(outlet.family);
  if (intensity <= FAINT) return outlet.family === 'release' ? 0 : 1;
  if (intensity >= STRONG) return big ? 2 : 1;
  return 1;
}

/** The same pick, without the reason. */
export function pickOutlet(input: PickInput): Outlet {
  return pick(input).outlet;
}

function weightOf(weights: Readonly<Record<string, number>>, id: string): number {
  return Object.hasOwn(weights, id) ? clampWeight(weights[id]) : 1;
}

function weightedChoice(
  candidates: readonly Outlet[],
  weights: Readonly<Record<string, number>>,
  r: number,
  factor: (outlet: Outlet) => number = () => 1,
): Outlet {
  const each = candidates.map((outlet) => weightOf(weights, outlet.id) * factor(outlet));
  const total = each.reduce((sum, weight) => sum + weight, 0);
  const target = clampUnit(r) * total;
  let reached = 0;
  for (const [i, outlet] of candidates.entries()) {
    reached += each[i] as number;
    if (target < reached) return outlet;
  }
  return candidates[candidates.length - 1] as Outlet;
}

function reasonFor(outlet: Outlet, weights: Readonly<Record<string, number>>): PickReason | null {
  if (weightOf(weights, outlet.id) > REASON_THRESHOLD) return { kind: 'helped-before', outletId: outlet.id };
  const familyBest = Math.max(
    1,
    ...Object.keys(weights)
      .filter((id) => outletById(id)?.family === outlet.family)
      .map((id) => weightOf(weights, id)),
  );
  if (familyBest > REASON_THRESHOLD) return { kind: 'family-helped', family: outlet.family };
  return null;
}

function withAnswers(
  reason: PickReason | null,
  counts: Readonly<Record<string, number>> | undefined,
): PickReason | null {
  if (!reason || !counts) return reason;
  const count = (id: string) => (Object.hasOwn(counts, id) ? (counts[id] ?? 0) : 0);
  const answers =
    reason.kind === 'helped-before'
      ? count(reason.outletId)
      : OUTLETS.filter((o) => o.family === reason.family).reduce((sum, o) => sum + count(o.id), 0);
  return { ...reason, answers };
}

// Clamp rather than trust the injected source: a stray 1, a negative or NaN must still land somewhere real.
function clampUnit(r: number): number {
  if (!Number.isFinite(r) || r < 0) return 0;
  return Math.min(r, 1 - Number.EPSILON);
}

function indexFor(r: number, length: number): number {
  return Math.min(length - 1, Math.floor(clampUnit(r) * length));
}
