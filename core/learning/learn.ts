// Keeping the totals up to date, one check-in at a time: a check-in saved again (an answer added, a
// line typed) takes back what its earlier state said and adds what it says now, so every check-in
// counts once, as it stands. The check-in itself is only read.
import type { CheckIn } from '../schema';
import { evidenceOf } from './evidence';
import { emptyTotals, type Learned, type Totals, withEvidence } from './totals';

type Told = Parameters<typeof evidenceOf>[0];

/** A device's first totals, from the recent history it already has (so an upgrade forgets nothing recent). */
export function seedTotals(history: readonly Told[], now: number): Totals {
  return withEvidence(emptyTotals(now), history.flatMap(evidenceOf), now);
}

/**
 * `device`'s totals after a check-in went from `before` (null: new) to `after` (null: deleted).
 * A check-in made before the device began learning changes nothing: the seed counted it as it was.
 */
export function learn(
  learned: Learned,
  device: string,
  before: Told | null,
  after: Told | null,
  now: number,
): Learned {
  const own =
    (Object.hasOwn(learned.devices, device) ? learned.devices[device] : undefined) ?? emptyTotals(now);
  let next = own;
  if (before && before.at >= own.from) next = withEvidence(next, evidenceOf(before), now, -1);
  if (after && after.at >= own.from) next = withEvidence(next, evidenceOf(after), now, 1);
  return { devices: { ...learned.devices, [device]: next } };
}

export type { CheckIn };
