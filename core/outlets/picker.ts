// The pick: which one outlet of the catalogue (./catalogue.ts) to offer for a feeling, in a context,
// chosen by what the person's answers taught (core/learning). Pure: the random source comes in as an
// argument.

import { type FeelingId, feelingById } from '../feelings';
import { chooseAmong, clearlyBest, type Situation } from '../learning/choose';
import { feelingKind, placeOf } from '../learning/kinds';
import { type LiftReason, liftReason } from '../learning/reason';
import { FAMILY_CELLS, type Pooled } from '../learning/totals';
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
  /** What the person's answers taught, summed over their devices (core/learning `pooled`); none: nothing yet. */
  learned?: Pooled;
  /** How strong the feeling is, 1 (faint) to 5 (very strong), when the person said (strengthFactor). */
  intensity?: number;
  /** Recent check-ins, for the card's reason (core/learning/reason.ts); none: no reason. */
  history?: Parameters<typeof liftReason>[0];
  /** Injected so the pick is deterministic in tests; expected in [0, 1). */
  random: () => number;
  /** The person's own outlets (./lookup.ts ownAsOutlet): offered beside the catalogue's, by the same rules. */
  own?: readonly Outlet[];
}

/**
 * Why this one. The picker gives only `lifted` now; the other two are what Outlet gave before it learned
 * from "And now?", still read from a check-in stored under way by that version (core/checkin/resume.ts).
 * `answers`: how many "yes" / "a bit" answers backed it up.
 */
export type PickReason =
  | LiftReason
  | { kind: 'helped-before'; outletId: string; answers?: number }
  | { kind: 'family-helped'; family: OutletFamily; answers?: number };

export interface Pick {
  outlet: Outlet;
  /** Why this one, when the person's own answers had a say; null for a plain random pick. */
  reason: PickReason | null;
}

export const RECENT_TO_AVOID = 3;

const NOTHING_LEARNED: Pooled = { cells: new Float64Array(FAMILY_CELLS * 2), outlets: new Map(), total: 0 };

/**
 * The outlets a pick draws from: those that fit the context (hard), the feeling and its shape, within the
 * enabled families, or within all families when none of the enabled ones has anything that fits.
 */
export function outletPool(
  feeling: FeelingId,
  enabledFamilies: readonly OutletFamily[],
  context: OutletContext = DEFAULT_CONTEXT,
  own: readonly Outlet[] = [],
): readonly Outlet[] {
  const fitting = (own.length > 0 ? [...OUTLETS, ...own] : OUTLETS).filter(
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
 * 2. among those, the last RECENT_TO_AVOID shown in earlier check-ins are left out while others remain,
 *    unless one is clearly the best on the person's evidence (core/learning/choose.ts `clearlyBest`);
 * 3. the choice (core/learning/choose.ts): random while nothing is learned, then Thompson sampling on
 *    what the person's answers taught, with a floor that keeps every allowed family in play.
 */
export function pick(input: PickInput): Pick {
  const { feeling, enabledFamilies, exclude, random } = input;
  const learned = input.learned ?? NOTHING_LEARNED;
  const context = input.context ?? DEFAULT_CONTEXT;
  const situation: Situation = { kind: feelingKind(feeling) ?? 'cant-tell', place: placeOf(context) };
  const recent = (input.recentlyShown ?? []).slice(-RECENT_TO_AVOID);
  const pool = outletPool(feeling, enabledFamilies, context, input.own);

  const round = shownThisRound(exclude, pool);
  let candidates: readonly Outlet[] = pool.filter((outlet) => !round.has(outlet.id));
  if (round.size === 0) {
    // A fresh round: anything in the pool but the idea on screen.
    const onScreen = exclude[exclude.length - 1];
    const notOnScreen = pool.filter((outlet) => outlet.id !== onScreen);
    candidates = notOnScreen.length > 0 ? notOnScreen : pool;
  }
  const strength = (outlet: Outlet) => strengthFactor(outlet, feeling, input.intensity);
  const best = clearlyBest(learned, situation, candidates, recent);
  const notRecent = candidates.filter((outlet) => !recent.includes(outlet.id) || best.has(outlet));
  if (notRecent.length > 0) candidates = notRecent;
  const suited = candidates.filter((outlet) => strength(outlet) > 0);
  if (suited.length > 0) candidates = suited;

  const outlet = chooseAmong(learned, situation, candidates, strength, random);
  return { outlet, reason: input.history ? liftReason(input.history, outlet.id, feeling) : null };
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

// Clamp rather than trust the injected source: a stray 1, a negative or NaN must still land somewhere real.
function clampUnit(r: number): number {
  if (!Number.isFinite(r) || r < 0) return 0;
  return Math.min(r, 1 - Number.EPSILON);
}

function indexFor(r: number, length: number): number {
  return Math.min(length - 1, Math.floor(clampUnit(r) * length));
}
