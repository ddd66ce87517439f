// Why the outlet card's idea was picked, when the person's own answers say so: "Lifted you 3 of 4
// times when you felt tense." Counted from the check-ins themselves (the popup's bounded recent
// history), never from the faded totals, so the numbers are ones the person can find in their history.
// Tentative by rule: said only after several answers with the same kind of feeling, most of them good.
import type { OutletFamily } from '../families';
import { outletFamilyOf } from '../outlets/lookup';
import { type FeelingKind, feelingKind } from './kinds';

export type LiftReason = {
  kind: 'lifted';
  /** 'outlet': this very idea; 'family': ideas like it (its family). */
  scope: 'outlet' | 'family';
  family: OutletFamily;
  feelingKind: FeelingKind;
  lifted: number;
  of: number;
};

/** At least this many answers, with the same kind of feeling, before a reason is given… */
export const REASON_MIN_ANSWERS = { outlet: 3, family: 4 } as const;
/** …and at least this share of them good. */
export const REASON_MIN_SHARE = 2 / 3;

interface Answered {
  feeling: string;
  outletId: string | null;
  after?: 'lighter' | 'same' | 'heavier';
  helped?: 'yes' | 'a-bit' | 'no';
}

/** Whether a check-in says its outlet lifted the person: "And now?" first, else "did it help?"; null: no answer. */
function lifted(checkIn: Answered): boolean | null {
  if (checkIn.after) return checkIn.after === 'lighter';
  if (checkIn.helped) return checkIn.helped !== 'no';
  return null;
}

/** The reason to show for `outletId` offered for `feeling`, or null when the answers don't back one. */
export function liftReason(
  history: readonly Answered[],
  outletId: string,
  feeling: string,
): LiftReason | null {
  const family = outletFamilyOf(outletId);
  const kind = feelingKind(feeling);
  if (!family || !kind) return null;
  const tally: Record<'outlet' | 'family', [number, number]> = { outlet: [0, 0], family: [0, 0] };
  for (const checkIn of history) {
    if (!checkIn.outletId || feelingKind(checkIn.feeling) !== kind) continue;
    const good = lifted(checkIn);
    if (good === null) continue;
    if (checkIn.outletId === outletId) {
      tally.outlet[0] += good ? 1 : 0;
      tally.outlet[1] += 1;
    }
    if (outletFamilyOf(checkIn.outletId) === family) {
      tally.family[0] += good ? 1 : 0;
      tally.family[1] += 1;
    }
  }
  for (const scope of ['outlet', 'family'] as const) {
    const [up, of] = tally[scope];
    if (of >= REASON_MIN_ANSWERS[scope] && up / of >= REASON_MIN_SHARE)
      return { kind: 'lifted', scope, family, feelingKind: kind, lifted: up, of };
  }
  return null;
}
