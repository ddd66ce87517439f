// The outlet catalogue: small, concrete things to do with a feeling, and the pick that offers one.
// Copy lives in locales/en.yml under `outlet.<key>.title` / `outlet.<key>.body` (see outletCopyKey);
// family names under `family.<family>`. Outlet ids are stored in check-in history forever: never rename
// one, retire it by removing it from OUTLETS and let history keep the id.

import { outletCopyKey } from './copy-keys';
import { OUTLET_FAMILIES, type OutletFamily } from './families';
import { type FeelingId, feelingById } from './feelings';
import { clampWeight } from './insights/signals';

export { OUTLET_FAMILIES, type OutletFamily };

export type OutletAction =
  /** A countdown in the popup and a notification when it's over. `minutes` equals the outlet's. */
  | { readonly kind: 'timer'; readonly minutes: number; readonly label: 'walk' | 'move' }
  /**
   * Writing in the journal, under one of the outlet's own questions (journalPromptKeys), in a field
   * the size of what it asks for: one line, a short list, or a few paragraphs.
   */
  | { readonly kind: 'journal'; readonly questions: number; readonly field: JournalField }
  /** Reach one of the person's trusted people. */
  | { readonly kind: 'talk' }
  /** A small concrete thing to do; the outlet's body says what. */
  | { readonly kind: 'prompt' }
  /** A one-minute paced breath. */
  | { readonly kind: 'breath'; readonly seconds: 60 };

export interface Outlet {
  readonly id: string;
  readonly family: OutletFamily;
  readonly feelings: readonly FeelingId[];
  /** Only when the person is on their own: anything loud, physical or likely to bring tears. */
  readonly needsAlone: boolean;
  /** Means leaving the desk or screen (a walk, the kitchen, the stairs). */
  readonly needsAway: boolean;
  /** How long it takes, at most. */
  readonly minutes: number;
  readonly action: OutletAction;
}

/** What the person told us about their moment; remembered between check-ins by the UI. */
export interface OutletContext {
  canStepAway: boolean;
  alone: boolean;
  minutes: 2 | 5 | 15;
}

// Not alone and can step away is the common case at work; 5 minutes is a short break.
export const DEFAULT_CONTEXT: OutletContext = { canStepAway: true, alone: false, minutes: 5 };

/** The journal field: `line` a one-line input; `list` and `page` a textarea of a few rows. */
export type JournalField = 'line' | 'list' | 'page';

const PROMPT: OutletAction = { kind: 'prompt' };
const journal = (questions: number, field: JournalField = 'line'): OutletAction => ({
  kind: 'journal',
  questions,
  field,
});
const TALK: OutletAction = { kind: 'talk' };
const walk = (minutes: number): OutletAction => ({ kind: 'timer', minutes, label: 'walk' });
const move = (minutes: number): OutletAction => ({ kind: 'timer', minutes, label: 'move' });

// Matching follows CONTENT.md: high-energy unpleasant feelings get movement or release, low-energy ones
// gentle movement, a person or a journal line, pleasant ones a way to savour or share it, and `numb` /
// `cant-tell` only body reconnection and tiny creative steps (a big release asks for a feeling that isn't
// reachable yet). Every feeling has small desk-friendly outlets (a minute or two, not alone, not away), so
// even the tightest context always has something; the tests hold the catalogue to that.
export const OUTLETS: readonly Outlet[] = Object.freeze<Outlet[]>([
  // Movement
  {
    id: 'walk-street',
    family: 'movement',
    feelings: ['anxious', 'stressed', 'frustrated', 'angry', 'overwhelmed', 'sad', 'down', 'energised'],
    needsAlone: false,
    needsAway: true,
    minutes: 10,
    action: walk(10),
  },
  {
    id: 'step-outside',
    family: 'movement',
    feelings: ['tired', 'down', 'sad', 'lonely', 'stressed', 'anxious', 'calm', 'content', 'hopeful'],
    needsAlone: false,
    needsAway: true,
    minutes: 5,
    action: walk(5),
  },
  {
    id: 'brisk-walk',
    family: 'movement',
    feelings: ['angry', 'frustrated', 'stressed', 'anxious', 'overwhelmed', 'energised', 'excited'],
    needsAlone: false,
    needsAway: true,
    minutes: 15,
    action: walk(15),
  },
  {
    id: 'stairs',
    family: 'movement',
    feelings: ['angry', 'frustrated', 'stressed', 'energised', 'excited'],
    needsAlone: false,
    needsAway: true,
    minutes: 3,
    action: PROMPT,
  },
  {
    id: 'stretch-up',
    family: 'movement',
    feelings: ['tired', 'down', 'stressed', 'calm', 'content', 'joyful', 'proud', 'energised'],
    needsAlone: false,
    needsAway: false,
    minutes: 1,
    action: PROMPT,
  },
  {
    id: 'shoulder-rolls',
    family: 'movement',
    feelings: ['stressed', 'anxious', 'tired', 'frustrated', 'overwhelmed', 'calm'],
    needsAlone: false,
    needsAway: false,
    minutes: 1,
    action: PROMPT,
  },
  {
    id: 'wall-pushups',
    family: 'movement',
    feelings: ['angry', 'frustrated', 'stressed', 'energised', 'excited', 'proud'],
    needsAlone: false,
    needsAway: false,
    minutes: 1,
    action: PROMPT,
  },
  {
    id: 'dance-it-out',
    family: 'movement',
    feelings: ['joyful', 'excited', 'energised', 'proud', 'frustrated', 'stressed', 'down'],
    needsAlone: true,
    needsAway: false,
    minutes: 3,
    action: move(3),
  },
  {
    id: 'floor-stretch',
    family: 'movement',
    feelings: ['tired', 'down', 'sad', 'stressed', 'overwhelmed', 'calm', 'content'],
    needsAlone: true,
    needsAway: false,
    minutes: 5,
    action: move(5),
  },

  // Journaling
  {
    id: 'journal-line',
    family: 'journaling',
    feelings: ['anxious', 'stressed', 'frustrated', 'angry', 'overwhelmed', 'sad', 'down', 'tired', 'lonely'],
    needsAlone: false,
    needsAway: false,
    minutes: 1,
    action: journal(3),
  },
  {
    id: 'journal-good-moment',
    family: 'journaling',
    feelings: ['calm', 'content', 'grateful', 'hopeful', 'joyful', 'excited', 'proud', 'energised'],
    needsAlone: false,
    needsAway: false,
    minutes: 1,
    action: journal(2),
  },
  {
    id: 'journal-weight',
    family: 'journaling',
    feelings: ['overwhelmed', 'anxious', 'stressed', 'down'],
    needsAlone: false,
    needsAway: false,
    minutes: 2,
    action: journal(2),
  },
  {
    id: 'journal-unsent',
    family: 'journaling',
    feelings: ['angry', 'frustrated', 'sad', 'lonely'],
    needsAlone: false,
    needsAway: false,
    minutes: 3,
    action: journal(2, 'page'),
  },
  {
    id: 'journal-three-good',
    family: 'journaling',
    feelings: ['tired', 'down', 'sad', 'hopeful', 'grateful', 'content', 'proud', 'calm'],
    needsAlone: false,
    needsAway: false,
    minutes: 2,
    action: journal(2, 'list'),
  },
  {
    id: 'journal-need',
    family: 'journaling',
    feelings: ['overwhelmed', 'tired', 'lonely', 'sad', 'anxious', 'stressed', 'down', 'frustrated'],
    needsAlone: false,
    needsAway: false,
    minutes: 1,
    action: journal(2),
  },
  {
    id: 'journal-brain-dump',
    family: 'journaling',
    feelings: ['overwhelmed', 'anxious', 'stressed', 'frustrated', 'excited', 'energised'],
    needsAlone: false,
    needsAway: false,
    minutes: 5,
    action: journal(2, 'page'),
  },
  {
    id: 'journal-next-step',
    family: 'journaling',
    feelings: ['overwhelmed', 'stressed', 'hopeful', 'energised', 'excited', 'proud'],
    needsAlone: false,
    needsAway: false,
    minutes: 2,
    action: journal(2),
  },

  // Talking
  {
    id: 'talk-message',
    family: 'talking',
    feelings: [
      'lonely',
      'sad',
      'down',
      'tired',
      'anxious',
      'overwhelmed',
      'joyful',
      'excited',
      'proud',
      'grateful',
      'hopeful',
    ],
    needsAlone: false,
    needsAway: false,
    minutes: 2,
    action: TALK,
  },
  {
    id: 'talk-call',
    family: 'talking',
    feelings: ['lonely', 'sad', 'down', 'overwhelmed', 'stressed', 'excited', 'joyful'],
    needsAlone: false,
    needsAway: false,
    minutes: 10,
    action: TALK,
  },
  {
    id: 'talk-thanks',
    family: 'talking',
    feelings: ['grateful', 'content', 'hopeful', 'proud', 'calm'],
    needsAlone: false,
    needsAway: false,
    minutes: 2,
    action: TALK,
  },
  {
    id: 'talk-voice-note',
    family: 'talking',
    feelings: ['lonely', 'sad', 'down', 'joyful', 'excited', 'proud', 'hopeful', 'energised'],
    needsAlone: false,
    needsAway: false,
    minutes: 2,
    action: TALK,
  },
  {
    id: 'talk-share-good',
    family: 'talking',
    feelings: ['joyful', 'excited', 'proud', 'grateful', 'content', 'energised', 'hopeful'],
    needsAlone: false,
    needsAway: false,
    minutes: 2,
    action: TALK,
  },
  {
    id: 'talk-ask-how',
    family: 'talking',
    feelings: ['lonely', 'down', 'calm', 'content', 'grateful', 'hopeful'],
    needsAlone: false,
    needsAway: false,
    minutes: 2,
    action: TALK,
  },
  {
    id: 'talk-company',
    family: 'talking',
    feelings: ['lonely', 'down', 'sad', 'tired', 'stressed', 'frustrated', 'calm', 'content'],
    needsAlone: false,
    needsAway: true,
    minutes: 5,
    action: TALK,
  },

  // Creative
  {
    id: 'doodle',
    family: 'creative',
    feelings: ['numb', 'cant-tell', 'angry', 'frustrated', 'anxious', 'sad', 'calm', 'content', 'joyful'],
    needsAlone: false,
    needsAway: false,
    minutes: 2,
    action: PROMPT,
  },
  {
    id: 'one-song',
    family: 'creative',
    feelings: ['numb', 'cant-tell', 'sad', 'down', 'lonely', 'tired', 'joyful', 'excited', 'energised'],
    needsAlone: false,
    needsAway: false,
    minutes: 4,
    action: PROMPT,
  },
  {
    id: 'feeling-colour',
    family: 'creative',
    feelings: ['numb', 'cant-tell', 'calm', 'hopeful', 'content', 'sad', 'down'],
    needsAlone: false,
    needsAway: false,
    minutes: 1,
    action: PROMPT,
  },
  {
    id: 'photo-nearby',
    family: 'creative',
    feelings: ['numb', 'cant-tell', 'grateful', 'content', 'calm', 'joyful', 'hopeful'],
    needsAlone: false,
    needsAway: false,
    minutes: 2,
    action: PROMPT,
  },
  {
    id: 'six-words',
    family: 'creative',
    feelings: [
      'numb',
      'cant-tell',
      'proud',
      'joyful',
      'excited',
      'hopeful',
      'frustrated',
      'overwhelmed',
      'lonely',
      'tired',
    ],
    needsAlone: false,
    needsAway: false,
    minutes: 1,
    action: PROMPT,
  },
  {
    id: 'tiny-arrangement',
    family: 'creative',
    feelings: ['numb', 'cant-tell', 'calm', 'content', 'frustrated', 'anxious', 'overwhelmed'],
    needsAlone: false,
    needsAway: false,
    minutes: 2,
    action: PROMPT,
  },
  {
    id: 'sing-out-loud',
    family: 'creative',
    feelings: ['joyful', 'excited', 'energised', 'proud', 'sad', 'lonely', 'frustrated', 'angry', 'down'],
    needsAlone: true,
    needsAway: false,
    minutes: 4,
    action: PROMPT,
  },
  {
    id: 'cook-something',
    family: 'creative',
    feelings: ['numb', 'cant-tell', 'tired', 'down', 'lonely', 'sad', 'calm', 'content', 'grateful'],
    needsAlone: false,
    needsAway: true,
    minutes: 15,
    action: PROMPT,
  },

  // Release: only ever when alone, and never aimed at anyone.
  {
    id: 'pillow-yell',
    family: 'release',
    feelings: ['angry', 'frustrated', 'overwhelmed', 'stressed'],
    needsAlone: true,
    needsAway: false,
    minutes: 1,
    action: PROMPT,
  },
  {
    id: 'pillow-punch',
    family: 'release',
    feelings: ['angry', 'frustrated'],
    needsAlone: true,
    needsAway: false,
    minutes: 1,
    action: PROMPT,
  },
  {
    id: 'shake-out',
    family: 'release',
    feelings: ['anxious', 'stressed', 'overwhelmed', 'angry', 'frustrated'],
    needsAlone: true,
    needsAway: false,
    minutes: 1,
    action: PROMPT,
  },
  {
    id: 'let-it-come',
    family: 'release',
    feelings: ['sad', 'overwhelmed', 'lonely', 'down'],
    needsAlone: true,
    needsAway: false,
    minutes: 5,
    action: PROMPT,
  },
  {
    id: 'tear-paper',
    family: 'release',
    feelings: ['angry', 'frustrated', 'stressed', 'overwhelmed'],
    needsAlone: true,
    needsAway: false,
    minutes: 2,
    action: PROMPT,
  },
  {
    id: 'stomp-it-out',
    family: 'release',
    feelings: ['angry', 'frustrated', 'anxious', 'stressed'],
    needsAlone: true,
    needsAway: false,
    minutes: 1,
    action: PROMPT,
  },
  {
    id: 'squeeze-towel',
    family: 'release',
    feelings: ['angry', 'frustrated', 'anxious', 'stressed', 'overwhelmed'],
    needsAlone: true,
    needsAway: false,
    minutes: 1,
    action: PROMPT,
  },
  {
    id: 'big-sigh',
    family: 'release',
    feelings: ['tired', 'stressed', 'overwhelmed', 'frustrated', 'down', 'sad'],
    needsAlone: true,
    needsAway: false,
    minutes: 1,
    action: PROMPT,
  },

  // Body and breath
  {
    id: 'breath-minute',
    family: 'body',
    feelings: [
      'anxious',
      'stressed',
      'frustrated',
      'angry',
      'overwhelmed',
      'sad',
      'down',
      'tired',
      'lonely',
      'numb',
      'cant-tell',
      'calm',
      'content',
    ],
    needsAlone: false,
    needsAway: false,
    minutes: 1,
    action: { kind: 'breath', seconds: 60 },
  },
  {
    id: 'slow-breath',
    family: 'body',
    feelings: [
      'anxious',
      'stressed',
      'overwhelmed',
      'angry',
      'frustrated',
      'numb',
      'cant-tell',
      'calm',
      'tired',
    ],
    needsAlone: false,
    needsAway: false,
    minutes: 1,
    action: PROMPT,
  },
  {
    id: 'feel-where',
    family: 'body',
    feelings: ['numb', 'cant-tell', 'anxious', 'sad', 'overwhelmed', 'down', 'lonely', 'tired'],
    needsAlone: false,
    needsAway: false,
    minutes: 1,
    action: PROMPT,
  },
  {
    id: 'feet-floor',
    family: 'body',
    feelings: ['numb', 'cant-tell', 'anxious', 'overwhelmed', 'stressed'],
    needsAlone: false,
    needsAway: false,
    minutes: 1,
    action: PROMPT,
  },
  {
    id: 'five-things',
    family: 'body',
    feelings: ['numb', 'cant-tell', 'anxious', 'overwhelmed', 'stressed', 'calm'],
    needsAlone: false,
    needsAway: false,
    minutes: 1,
    action: PROMPT,
  },
  {
    id: 'hand-on-heart',
    family: 'body',
    feelings: ['numb', 'cant-tell', 'sad', 'lonely', 'down', 'anxious', 'grateful'],
    needsAlone: false,
    needsAway: false,
    minutes: 1,
    action: PROMPT,
  },
  {
    id: 'soft-jaw',
    family: 'body',
    feelings: ['cant-tell', 'stressed', 'anxious', 'frustrated', 'angry', 'tired'],
    needsAlone: false,
    needsAway: false,
    minutes: 1,
    action: PROMPT,
  },
  {
    id: 'savour-it',
    family: 'body',
    feelings: ['joyful', 'proud', 'excited', 'grateful', 'content', 'hopeful', 'calm', 'energised'],
    needsAlone: false,
    needsAway: false,
    minutes: 1,
    action: PROMPT,
  },
  {
    id: 'cool-water',
    family: 'body',
    feelings: ['numb', 'cant-tell', 'angry', 'anxious', 'tired', 'frustrated'],
    needsAlone: false,
    needsAway: true,
    minutes: 2,
    action: PROMPT,
  },
  {
    id: 'warm-drink',
    family: 'body',
    feelings: ['numb', 'cant-tell', 'sad', 'lonely', 'tired', 'calm', 'content'],
    needsAlone: false,
    needsAway: true,
    minutes: 5,
    action: PROMPT,
  },
]);

const BY_ID: ReadonlyMap<string, Outlet> = new Map(OUTLETS.map((outlet) => [outlet.id, outlet]));

export function isOutletFamily(value: unknown): value is OutletFamily {
  return typeof value === 'string' && (OUTLET_FAMILIES as readonly string[]).includes(value);
}

export function outletById(id: string): Outlet | undefined {
  return BY_ID.get(id);
}

export { outletCopyKey };

/**
 * A journal outlet's own questions: `outlet.<key>.question.q1` … `qN`. Only its own, so the question
 * under "Write three small things that went okay today" is about what went okay; none for an outlet
 * that isn't a journal one.
 */
export function journalPromptKeys(outlet: Outlet): string[] {
  if (outlet.action.kind !== 'journal') return [];
  const stem = `outlet.${outletCopyKey(outlet.id)}.question`;
  return Array.from({ length: outlet.action.questions }, (_, i) => `${stem}.q${i + 1}`);
}

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
const SAFE_FALLBACK = BY_ID.get('breath-minute') as Outlet;

export interface PickInput {
  feeling: FeelingId;
  /** Soft: when none of them has a fitting outlet (or none is on), every family is considered. */
  enabledFamilies: readonly OutletFamily[];
  /** Defaults to DEFAULT_CONTEXT. */
  context?: OutletContext;
  /** Shown in this check-in: never repeated while any other fitting one remains; then the round restarts. */
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
 *    variety, so when every outlet in the pool has been shown in this check-in the round starts over
 *    within the pool (minus the one on screen) rather than reaching into a family they turned off;
 * 2. among those, the last RECENT_TO_AVOID shown in earlier check-ins are left out while others remain;
 * 3. a weighted random choice, so outlets that helped come up more often, but never always.
 */
export function pick(input: PickInput): Pick {
  const { feeling, enabledFamilies, exclude, random } = input;
  const weights = input.weights ?? {};
  const recent = (input.recentlyShown ?? []).slice(-RECENT_TO_AVOID);
  const pool = outletPool(feeling, enabledFamilies, input.context ?? DEFAULT_CONTEXT);

  let candidates: readonly Outlet[] = pool.filter((outlet) => !exclude.includes(outlet.id));
  if (candidates.length === 0) {
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
      .filter((id) => BY_ID.get(id)?.family === outlet.family)
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
