// The feelings a check-in offers, on two axes: valence (pleasant to unpleasant) and energy (low to high).
// Labels live in locales/en.yml under `feeling.<feelingCopyKey(id)>`. Ids are stored in check-in history,
// so they never change once shipped: add new ones, never rename or reuse one.

export type Valence = 'pleasant' | 'unpleasant' | 'unclear';
export type Energy = 'high' | 'low' | 'unclear';

// Grouped by quadrant so the popup grid reads calmly. `numb` and `cant-tell` come last and are always
// there: flatness is a common sign of being worn down, and not being able to tell is a real answer.
// They are two answers, not one: "numb" names a state, "I can't tell" says the state has no name yet.
export const FEELING_IDS = [
  'calm',
  'content',
  'grateful',
  'hopeful',
  'joyful',
  'excited',
  'proud',
  'energised',
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
] as const;

export type FeelingId = (typeof FEELING_IDS)[number];

export interface Feeling {
  readonly id: FeelingId;
  readonly valence: Valence;
  readonly energy: Energy;
}

// A Record keyed by FeelingId makes the compiler insist every id has a shape.
const SHAPES: Readonly<Record<FeelingId, { valence: Valence; energy: Energy }>> = {
  calm: { valence: 'pleasant', energy: 'low' },
  content: { valence: 'pleasant', energy: 'low' },
  grateful: { valence: 'pleasant', energy: 'low' },
  hopeful: { valence: 'pleasant', energy: 'low' },
  joyful: { valence: 'pleasant', energy: 'high' },
  excited: { valence: 'pleasant', energy: 'high' },
  proud: { valence: 'pleasant', energy: 'high' },
  energised: { valence: 'pleasant', energy: 'high' },
  anxious: { valence: 'unpleasant', energy: 'high' },
  stressed: { valence: 'unpleasant', energy: 'high' },
  frustrated: { valence: 'unpleasant', energy: 'high' },
  angry: { valence: 'unpleasant', energy: 'high' },
  overwhelmed: { valence: 'unpleasant', energy: 'high' },
  sad: { valence: 'unpleasant', energy: 'low' },
  down: { valence: 'unpleasant', energy: 'low' },
  tired: { valence: 'unpleasant', energy: 'low' },
  lonely: { valence: 'unpleasant', energy: 'low' },
  numb: { valence: 'unclear', energy: 'unclear' },
  'cant-tell': { valence: 'unclear', energy: 'unclear' },
};

export const FEELINGS: readonly Feeling[] = Object.freeze(
  FEELING_IDS.map((id): Feeling => Object.freeze({ id, ...SHAPES[id] })),
);

const BY_ID: ReadonlyMap<string, Feeling> = new Map(FEELINGS.map((feeling) => [feeling.id, feeling]));

export function isFeelingId(value: unknown): value is FeelingId {
  return typeof value === 'string' && BY_ID.has(value);
}

export function feelingById(id: FeelingId): Feeling {
  const feeling = BY_ID.get(id);
  if (!feeling) throw new Error(`Unknown feeling id: ${String(id)}`);
  return feeling;
}

export { feelingCopyKey } from './copy-keys';
