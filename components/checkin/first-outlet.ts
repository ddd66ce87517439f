// The top of the outlet step (the feeling you gave, how strong it is, and the one outlet), drawn by
// the page's head script (entrypoints/first-screen.ts) the moment a feeling is clicked on the first
// screen before the app has run. So a click at first paint moves on at once, not when the app's
// script has arrived; the app then renders the whole step over it, the same outlet, and adds what
// lies below (the outlet's own action, "Another idea", the footer). The markup is OutletCard's
// (tests/unit/first-screen.test.tsx holds the two to each other, element for element).
// No framework here: this runs before Preact and the polyfill have loaded.
import { feelingCopyKey, outletCopyKey } from '../../core/copy-keys';
import { type FeelingId, feelingById } from '../../core/feelings';
import { pick } from '../../core/outlets';
import type { PickInput } from '../../platform/first-pick-cache';
import type { DrawnOutlet } from './early-input';
import { element, type Words } from './first-screen';

const LEVELS = [1, 2, 3, 4, 5] as const;

/** StrengthPicker, with nothing chosen yet. */
function strengthPicker(words: Words): HTMLElement {
  const faint = words('checkin.strengthFaint');
  const strong = words('checkin.strengthStrong');
  const levels = LEVELS.map((level) =>
    element(
      'label',
      { class: 'level' },
      element('input', { type: 'radio', name: 'intensity', value: String(level) }),
      element('span', {}, words(`checkin.intensity.i${level}`)),
      ...(level === 1 ? [element('span', { class: 'visually-hidden' }, ` ${faint}`)] : []),
      ...(level === 5 ? [element('span', { class: 'visually-hidden' }, ` ${strong}`)] : []),
    ),
  );
  return element(
    'fieldset',
    { class: 'intensity' },
    element('legend', {}, words('checkin.intensityLabel')),
    element(
      'div',
      { class: 'scale' },
      element('span', { class: 'end', 'aria-hidden': 'true' }, faint),
      ...levels,
      element('span', { class: 'end', 'aria-hidden': 'true' }, strong),
    ),
  );
}

/**
 * The outlet step as OutletCard renders it for a new check-in (no strength yet, no reason: the head
 * script has no history to give one), down to the outlet's description.
 */
export function buildFirstOutlet(words: Words, feeling: FeelingId, outletId: string): HTMLElement {
  const outletKey = `outlet.${outletCopyKey(outletId)}`;
  return element(
    'section',
    { class: 'step outlet', 'aria-labelledby': 'outlet-title' },
    element(
      'p',
      { class: 'for-feeling' },
      words('checkin.forFeeling', [words(`feeling.${feelingCopyKey(feeling)}`)]),
    ),
    element(
      'div',
      { class: 'suggestion', 'aria-live': 'polite' },
      element('h1', { id: 'outlet-title', tabindex: '-1' }, words(`${outletKey}.title`)),
      element('p', { class: 'body' }, words(`${outletKey}.body`)),
    ),
    // After the suggestion, as OutletCard has it: Tab from the heading reaches it.
    ...(feelingById(feeling).energy !== 'unclear' ? [strengthPicker(words)] : []),
  );
}

/**
 * The outlet for a feeling clicked at `at`, picked as the app picks for a new check-in before its
 * history has loaded (the families and the context, nothing shown yet), and its step drawn.
 */
export function drawFirstOutlet(words: Words, feeling: FeelingId, at: number, input: PickInput): DrawnOutlet {
  const { outlet } = pick({
    feeling,
    enabledFamilies: input.families,
    context: input.context,
    exclude: [],
    random: Math.random,
  });
  return {
    step: buildFirstOutlet(words, feeling, outlet.id),
    shown: { outletId: outlet.id, checkInId: crypto.randomUUID(), at },
  };
}
