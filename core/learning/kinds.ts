// The kinds of feeling the picker keeps its evidence by: pleasant/unpleasant × high/low energy, and numb
// and "I can't tell" as kinds of their own (CONTENT.md: flatness and not knowing are real answers, and
// what helps with them is not what helps with anger). Where the person is (alone or not) splits each.
import { type FeelingId, feelingById, isFeelingId } from '../feelings';

export const FEELING_KINDS = [
  'pleasant-high',
  'pleasant-low',
  'unpleasant-high',
  'unpleasant-low',
  'numb',
  'cant-tell',
] as const;
export type FeelingKind = (typeof FEELING_KINDS)[number];

/** The kind of a feeling id; null for an id the catalogue doesn't know (an old or damaged entry). */
export function feelingKind(feeling: string): FeelingKind | null {
  if (!isFeelingId(feeling)) return null;
  if (feeling === 'numb' || feeling === 'cant-tell') return feeling;
  const { valence, energy } = feelingById(feeling as FeelingId);
  return `${valence}-${energy}` as FeelingKind;
}

/** With others or alone: the context that most changes what suits (a yell, a cry, a call). */
export const PLACES = ['with-others', 'alone'] as const;
export type Place = (typeof PLACES)[number];

export const placeOf = (context: { alone: boolean } | undefined): Place =>
  context?.alone ? 'alone' : 'with-others';
