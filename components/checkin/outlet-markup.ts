// The top of the outlet step (the feeling you gave, how strong it is, and the one outlet), written
// once, as data. Two renderers draw it: the popup's head script into the DOM at first paint
// (first-outlet.ts, before Preact or the polyfill have loaded), and the app through Preact
// (OutletCard.tsx, by markup.tsx). So the step the app renders over the one the
// head script drew is the same, element for element (tests/unit/first-screen.test.tsx holds them to it).
// No framework and no browser here: the head script imports this.
import { feelingCopyKey, outletCopyKey } from '../../core/copy-keys';
import type { FeelingId } from '../../core/feelings';

/** An element: its tag, its attributes as the DOM spells them, and its children. */
export interface Markup {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly (Markup | string)[];
}

/** A message by its dotted key, with `$1`… filled in (firstScreenWord, or i18n.dynamic). */
export type Words = (key: string, substitutions?: string[]) => string;

const m = (tag: string, attrs: Record<string, string>, ...children: (Markup | string)[]): Markup => ({
  tag,
  attrs,
  children,
});

export const STRENGTH_LEVELS = [1, 2, 3, 4, 5] as const;

/** The outlet step's own element (its content follows). */
export const OUTLET_STEP_ATTRS = { class: 'step outlet', 'aria-labelledby': 'outlet-title' } as const;

/** "Your answer: Stressed". */
export function forFeelingMarkup(words: Words, feeling: FeelingId): Markup {
  return m(
    'p',
    { class: 'for-feeling' },
    words('checkin.forFeeling', [words(`feeling.${feelingCopyKey(feeling)}`)]),
  );
}

/**
 * How strong the feeling is, 1 (faint) to 5 (very strong): native radios, one Tab stop with arrow
 * keys inside. Each input's `value` is its level; the app adds which one is checked and its handler.
 */
export function strengthMarkup(words: Words): Markup {
  const faint = words('checkin.strengthFaint');
  const strong = words('checkin.strengthStrong');
  const levels = STRENGTH_LEVELS.map((level) =>
    m(
      'label',
      { class: 'level' },
      m('input', { type: 'radio', name: 'intensity', value: String(level) }),
      m('span', {}, words(`checkin.intensity.i${level}`)),
      ...(level === 1 ? [m('span', { class: 'visually-hidden' }, ` ${faint}`)] : []),
      ...(level === 5 ? [m('span', { class: 'visually-hidden' }, ` ${strong}`)] : []),
    ),
  );
  return m(
    'fieldset',
    { class: 'intensity' },
    m('legend', {}, words('checkin.intensityLabel')),
    m(
      'div',
      { class: 'scale' },
      m('span', { class: 'end', 'aria-hidden': 'true' }, faint),
      ...levels,
      m('span', { class: 'end', 'aria-hidden': 'true' }, strong),
    ),
  );
}

/**
 * The one outlet, its title (focused on a new step) and what it is, and why it was picked when the
 * person's own answers had a say (`reason`, in words). Announced when it changes; focus stays put.
 */
export function suggestionMarkup(
  words: Words,
  outletId: string,
  reason?: string,
  own?: { readonly title: string; readonly how: string },
): Markup {
  const key = `outlet.${outletCopyKey(outletId)}`;
  // A person's own outlet is in their words, as typed; a line of how left empty shows no body.
  const body = own ? own.how : words(`${key}.body`);
  return m(
    'div',
    { class: 'suggestion', 'aria-live': 'polite' },
    m('h1', { id: 'outlet-title', tabindex: '-1' }, own ? own.title : words(`${key}.title`)),
    ...(body ? [m('p', { class: 'body' }, body)] : []),
    ...(reason ? [m('p', { class: 'reason' }, reason)] : []),
  );
}

/**
 * The top of the outlet step, in order: the feeling given, the suggestion, and how strong the feeling
 * is (never asked for numb or "I can't tell"). The strength comes right after the suggestion it may
 * change, so Tab from the heading (where focus lands on a new step) reaches it (issue 16).
 */
export function outletTopMarkup(
  words: Words,
  feeling: FeelingId,
  outletId: string,
  {
    askStrength,
    reason,
    own,
  }: { askStrength: boolean; reason?: string; own?: { title: string; how: string } },
): Markup[] {
  return [
    forFeelingMarkup(words, feeling),
    suggestionMarkup(words, outletId, reason, own),
    ...(askStrength ? [strengthMarkup(words)] : []),
  ];
}
