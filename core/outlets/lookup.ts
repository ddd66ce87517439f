// Finding an outlet by its id among the catalogue's and the person's own (./own.ts): the one way the
// picker, the learning, the insights and a check-in taken up again read an outlet, so an own outlet
// is offered and learned from like any other.
import type { OutletFamily } from '../families';
import type { FeelingId } from '../feelings';
import { OUTLETS, type Outlet, outletById } from './catalogue';
import { type OwnOutlet, ownFamilyOf } from './own';

/**
 * The feelings an own outlet suits: those its family's outlets in the catalogue suit (CONTENT.md's
 * matching: a release for big unpleasant feelings, journaling and talking for the low ones…). The
 * person chose the family; the family says which feelings it is for.
 */
const FAMILY_FEELINGS: ReadonlyMap<OutletFamily, readonly FeelingId[]> = (() => {
  const byFamily = new Map<OutletFamily, Set<FeelingId>>();
  for (const outlet of OUTLETS) {
    const set = byFamily.get(outlet.family) ?? new Set<FeelingId>();
    for (const feeling of outlet.feelings) set.add(feeling);
    byFamily.set(outlet.family, set);
  }
  return new Map([...byFamily].map(([family, set]) => [family, [...set]]));
})();

/** An own outlet as the picker reads an outlet: a small thing to do, its body the person's own line. */
export function ownAsOutlet(own: OwnOutlet): Outlet {
  return {
    id: own.id,
    family: own.family,
    feelings: FAMILY_FEELINGS.get(own.family) ?? [],
    needsAlone: own.needsAlone,
    needsAway: own.needsAway,
    minutes: own.minutes,
    action: { kind: 'prompt' },
    own: { title: own.title, how: own.how },
  };
}

/** The outlet with this id: the catalogue's, else one of `own` (as ownAsOutlet makes them). */
export function findOutlet(id: string, own: readonly Outlet[] = []): Outlet | undefined {
  return outletById(id) ?? own.find((outlet) => outlet.id === id);
}

/**
 * The family an outlet's id belongs to, for the learning and the insights: the catalogue's row, or
 * the family an own outlet's id names (even once it has been removed). Undefined for an id of
 * neither (an outlet Outlet no longer offers).
 */
export function outletFamilyOf(id: string): OutletFamily | undefined {
  return outletById(id)?.family ?? ownFamilyOf(id);
}
