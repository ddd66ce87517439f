// The top of the outlet step (the feeling you gave, how strong it is, and the one outlet), drawn by
// the page's head script (entrypoints/first-screen.ts) the moment a feeling is clicked on the first
// screen before the app has run. So a click at first paint moves on at once, not when the app's
// script has arrived; the app then renders the whole step over it, the same outlet, and adds what
// lies below (the outlet's own action, "Another idea", the footer). Both draw that top from one
// source, outlet-markup.ts (tests/unit/first-screen.test.tsx holds them to it, element for element).
// No framework here: this runs before Preact and the polyfill have loaded.
import type { OutletFamily } from '../../core/families';
import { type FeelingId, feelingById } from '../../core/feelings';
import { type Learned, pooled } from '../../core/learning/totals';
import { type Outlet, ownAsOutlet, pick } from '../../core/outlets';
import type { OwnOutlet } from '../../core/outlets/own';
import type { Context } from '../../core/schema';
import type { DrawnOutlet } from './early-input';
import { element, type Words } from './first-screen';
import { type Markup, OUTLET_STEP_ATTRS, outletTopMarkup } from './outlet-markup';

/** Markup into the DOM, attribute for attribute. */
function draw(node: Markup): HTMLElement {
  return element(
    node.tag,
    node.attrs,
    ...node.children.map((child) => (typeof child === 'string' ? child : draw(child))),
  );
}

/**
 * The outlet step as OutletCard renders it for a new check-in (no strength yet, no reason: the head
 * script has no history to give one), down to the outlet's description.
 */
export function buildFirstOutlet(
  words: Words,
  feeling: FeelingId,
  outletId: string,
  own?: Outlet['own'],
): HTMLElement {
  const askStrength = feelingById(feeling).energy !== 'unclear';
  return element(
    'section',
    OUTLET_STEP_ATTRS,
    ...outletTopMarkup(words, feeling, outletId, { askStrength, own }).map(draw),
  );
}

/** What the pick needs: the families to offer and where the person is (platform/first-pick-cache.ts keeps a copy). */
export interface PickInput {
  families: readonly OutletFamily[];
  context: Context;
  /** Every device's totals (core/learning); missing: nothing learned yet, or no copy. */
  learned?: Learned;
  /** The person's own outlets, offered beside the catalogue's. */
  own?: readonly OwnOutlet[];
}

/** The pick drawFirstOutlet draws: the app's, for a new check-in before its history has loaded. */
export function pickFirstOutlet(feeling: FeelingId, input: PickInput): Outlet {
  return pick({
    feeling,
    enabledFamilies: input.families,
    context: input.context,
    exclude: [],
    // What the picker learned, as the app reads it: the first pick is weighed by the same answers.
    learned: input.learned ? pooled(input.learned, Date.now()) : undefined,
    random: Math.random,
    own: input.own?.map(ownAsOutlet),
  }).outlet;
}

/**
 * The outlet for a feeling clicked at `at`, picked as the app picks for a new check-in before its
 * history has loaded (the families and the context, nothing shown yet), and its step drawn.
 */
export function drawFirstOutlet(words: Words, feeling: FeelingId, at: number, input: PickInput): DrawnOutlet {
  const outlet = pickFirstOutlet(feeling, input);
  return {
    step: buildFirstOutlet(words, feeling, outlet.id, outlet.own),
    shown: { outletId: outlet.id, checkInId: crypto.randomUUID(), at },
  };
}
