// The outlet catalogue: small, concrete things to do with a feeling, and the pick that offers one.
// Copy lives in locales/en.yml under `outlet.<key>.title` / `outlet.<key>.body` (see outletCopyKey);
// family names under `family.<family>`. Outlet ids are stored in check-in history forever: never rename
// one, retire it by removing it from OUTLETS and let history keep the id.

import { OUTLET_FAMILIES, type OutletFamily } from './families';
import type { FeelingId } from './feelings';

export { OUTLET_FAMILIES, type OutletFamily };

export type OutletAction =
  | { readonly kind: 'walk'; readonly minutes: number }
  | { readonly kind: 'journal' }
  | { readonly kind: 'talk' }
  | { readonly kind: 'prompt' };

export interface Outlet {
  readonly id: string;
  readonly family: OutletFamily;
  readonly feelings: readonly FeelingId[];
  readonly needsAlone: boolean;
  readonly needsAway: boolean;
  readonly minutes: number;
  readonly action: OutletAction;
}

const PROMPT: OutletAction = { kind: 'prompt' };
const JOURNAL: OutletAction = { kind: 'journal' };
const TALK: OutletAction = { kind: 'talk' };

// Matching follows CONTENT.md: high-energy unpleasant feelings get movement or release, low-energy ones
// gentle movement, a person or a journal line, pleasant ones a way to savour it, and `numb` only body
// reconnection and tiny creative steps (a big release asks for a feeling that isn't reachable yet).
export const OUTLETS: readonly Outlet[] = Object.freeze<Outlet[]>([
  // Movement
  {
    id: 'walk-street',
    family: 'movement',
    feelings: ['anxious', 'stressed', 'frustrated', 'angry', 'overwhelmed', 'sad', 'down', 'energised'],
    needsAlone: false,
    needsAway: true,
    minutes: 10,
    action: { kind: 'walk', minutes: 10 },
  },
  {
    id: 'step-outside',
    family: 'movement',
    feelings: ['tired', 'down', 'sad', 'lonely', 'stressed', 'anxious', 'calm', 'content', 'hopeful'],
    needsAlone: false,
    needsAway: true,
    minutes: 5,
    action: { kind: 'walk', minutes: 5 },
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

  // Journaling
  {
    id: 'journal-line',
    family: 'journaling',
    feelings: ['anxious', 'stressed', 'frustrated', 'angry', 'overwhelmed', 'sad', 'down', 'tired', 'lonely'],
    needsAlone: false,
    needsAway: false,
    minutes: 1,
    action: JOURNAL,
  },
  {
    id: 'journal-good-moment',
    family: 'journaling',
    feelings: ['calm', 'content', 'grateful', 'hopeful', 'joyful', 'excited', 'proud', 'energised'],
    needsAlone: false,
    needsAway: false,
    minutes: 1,
    action: JOURNAL,
  },
  {
    id: 'journal-weight',
    family: 'journaling',
    feelings: ['overwhelmed', 'anxious', 'stressed', 'down'],
    needsAlone: false,
    needsAway: false,
    minutes: 2,
    action: JOURNAL,
  },
  {
    id: 'journal-unsent',
    family: 'journaling',
    feelings: ['angry', 'frustrated', 'sad', 'lonely'],
    needsAlone: false,
    needsAway: false,
    minutes: 3,
    action: JOURNAL,
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

  // Creative
  {
    id: 'doodle',
    family: 'creative',
    feelings: ['numb', 'angry', 'frustrated', 'anxious', 'sad', 'calm', 'content', 'joyful'],
    needsAlone: false,
    needsAway: false,
    minutes: 2,
    action: PROMPT,
  },
  {
    id: 'one-song',
    family: 'creative',
    feelings: ['numb', 'sad', 'down', 'lonely', 'tired', 'joyful', 'excited', 'energised'],
    needsAlone: false,
    needsAway: false,
    minutes: 4,
    action: PROMPT,
  },
  {
    id: 'feeling-colour',
    family: 'creative',
    feelings: ['numb', 'calm', 'hopeful', 'content', 'sad', 'down'],
    needsAlone: false,
    needsAway: false,
    minutes: 1,
    action: PROMPT,
  },
  {
    id: 'photo-nearby',
    family: 'creative',
    feelings: ['numb', 'grateful', 'content', 'calm', 'joyful', 'hopeful'],
    needsAlone: false,
    needsAway: false,
    minutes: 2,
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

  // Body and breath
  {
    id: 'slow-breath',
    family: 'body',
    feelings: ['anxious', 'stressed', 'overwhelmed', 'angry', 'frustrated', 'numb', 'calm', 'tired'],
    needsAlone: false,
    needsAway: false,
    minutes: 1,
    action: PROMPT,
  },
  {
    id: 'feel-where',
    family: 'body',
    feelings: ['numb', 'anxious', 'sad', 'overwhelmed', 'down', 'lonely', 'tired'],
    needsAlone: false,
    needsAway: false,
    minutes: 1,
    action: PROMPT,
  },
  {
    id: 'feet-floor',
    family: 'body',
    feelings: ['numb', 'anxious', 'overwhelmed', 'stressed'],
    needsAlone: false,
    needsAway: false,
    minutes: 1,
    action: PROMPT,
  },
  {
    id: 'cool-water',
    family: 'body',
    feelings: ['numb', 'angry', 'anxious', 'tired', 'frustrated'],
    needsAlone: false,
    needsAway: true,
    minutes: 2,
    action: PROMPT,
  },
  {
    id: 'warm-drink',
    family: 'body',
    feelings: ['numb', 'sad', 'lonely', 'tired', 'calm', 'content'],
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

/**
 * The locale key stem for an outlet's copy. Message names may not contain `-`, so `walk-street` reads
 * its copy from `outlet.walk_street.title` and `outlet.walk_street.body`.
 */
export function outletCopyKey(id: string): string {
  return id.replaceAll('-', '_');
}

export interface PickInput {
  feeling: FeelingId;
  /** Empty, or none of them fitting the feeling, falls back to every family: never offer nothing. */
  enabledFamilies: readonly OutletFamily[];
  /** Ids already shown in this check-in. Avoided while others fit; once all are shown, start over. */
  exclude: readonly string[];
  /** Injected so the pick is deterministic in tests; expected in [0, 1). */
  random: () => number;
}

/**
 * One outlet for a feeling. Candidates are the outlets that fit the feeling in the enabled families (or in
 * any family when none of those fit). A person's family choices win over variety: when every candidate
 * has been shown, the round starts over within them rather than reaching into a family they turned off.
 */
export function pickOutlet(input: PickInput): Outlet {
  const { feeling, enabledFamilies, exclude, random } = input;
  const fitting = OUTLETS.filter((outlet) => outlet.feelings.includes(feeling));
  const enabled = fitting.filter((outlet) => enabledFamilies.includes(outlet.family));
  // Every feeling has outlets (the tests hold the catalogue to that); the last fallback only guards
  // against a future catalogue edit so the check-in can still offer something.
  const pool = enabled.length > 0 ? enabled : fitting.length > 0 ? fitting : OUTLETS;

  const fresh = pool.filter((outlet) => !exclude.includes(outlet.id));
  let candidates: readonly Outlet[] = fresh;
  if (candidates.length === 0) {
    // Starting over: at least don't repeat the one that is on screen right now.
    const last = exclude[exclude.length - 1];
    const notLast = pool.filter((outlet) => outlet.id !== last);
    candidates = notLast.length > 0 ? notLast : pool;
  }
  return candidates[indexFor(random(), candidates.length)] as Outlet;
}

function indexFor(r: number, length: number): number {
  // Clamp rather than trust the injected source: a stray 1 or NaN must still land on a real outlet.
  const i = Number.isFinite(r) ? Math.floor(r * length) : 0;
  return Math.min(length - 1, Math.max(0, i));
}
