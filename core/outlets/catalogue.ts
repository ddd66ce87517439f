// The outlet catalogue, as data: small, concrete things to do with a feeling, one row each, and the
// lookups on a row. The pick that offers one is in ./picker.ts.
// Copy lives in locales/en.yml under `outlet.<key>.title` / `outlet.<key>.body` (see outletCopyKey);
// family names under `family.<family>`. Outlet ids are stored in check-in history forever: never rename
// one, retire it by removing it from OUTLETS and let history keep the id.

import { outletCopyKey } from '../copy-keys';
import { OUTLET_FAMILIES, type OutletFamily } from '../families';
import type { FeelingId } from '../feelings';

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
  /** Only on a person's own outlet (./own.ts): its title and line of how, in their words, shown as typed. */
  readonly own?: { readonly title: string; readonly how: string };
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
