// The feeling states the history page draws and talks about: the four quadrants folded into three
// (pleasant feelings of either energy read alike on a chart), plus "numb" and "I can't tell" each as a
// state of its own. They are answers, never gaps, so they get their own colour, label and count.
import { feelingById, isFeelingId } from '../feelings';

export const FEELING_STATES = ['pleasant', 'tense', 'low', 'numb', 'cantTell', 'other'] as const;
export type FeelingState = (typeof FEELING_STATES)[number];
export type StateCounts = Record<FeelingState, number>;

/** The state of a stored feeling id; an id the catalogue no longer knows is `other`. */
export function feelingState(id: string): FeelingState {
  if (id === 'numb') return 'numb';
  if (id === 'cant-tell') return 'cantTell';
  if (!isFeelingId(id)) return 'other';
  const { valence, energy } = feelingById(id);
  if (valence === 'pleasant') return 'pleasant';
  return energy === 'high' ? 'tense' : 'low';
}

export function emptyStates(): StateCounts {
  return { pleasant: 0, tense: 0, low: 0, numb: 0, cantTell: 0, other: 0 };
}

/** Adds a day's feelings (check-ins per feeling id) into `into`, by state. */
export function addStates(into: StateCounts, feelings: Readonly<Record<string, number>>): StateCounts {
  for (const [id, count] of Object.entries(feelings)) {
    if (Number.isFinite(count) && count > 0) into[feelingState(id)] += count;
  }
  return into;
}
