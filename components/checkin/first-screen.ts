// The popup's first screen (where you are, "How are you right now?" and the feelings), built with
// plain DOM calls by the page's head script (entrypoints/first-screen.ts) before the first paint, in
// the person's language, while the app's modules are still loading. The app then renders the same
// markup over it (FeelingsStep.tsx; tests/unit/first-screen.test.tsx holds the two to each other).
// No framework here: this runs before Preact and the polyfill have loaded.
import { feelingCopyKey } from '../../core/copy-keys';
import { FEELINGS } from '../../core/feelings';

/** A message by its dotted key ("checkin.title"), in the language the browser picked. */
export type Words = (key: string, substitutions?: string[]) => string;

type Attributes = Record<string, string>;

/** `<tag attributes…>children…</tag>`, as the app's JSX would render it. */
export function element(tag: string, attributes: Attributes, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** The first screen as FeelingsStep renders it before the context has been read. */
export function buildFirstScreen(words: Words): HTMLElement {
  const feelings = FEELINGS.map((feeling, i) =>
    element(
      'li',
      { class: feeling.valence === 'unclear' ? 'unclear-item' : '' },
      element(
        'button',
        {
          type: 'button',
          class: `feeling ${feeling.valence} ${feeling.energy}`,
          'data-feeling': feeling.id,
          tabindex: i === 0 ? '0' : '-1',
        },
        words(`feeling.${feelingCopyKey(feeling.id)}`),
      ),
    ),
  );
  return element(
    'main',
    { class: 'checkin' },
    element(
      'section',
      { class: 'step', 'aria-labelledby': 'feelings-title', 'aria-busy': 'false' },
      element(
        'div',
        { class: 'context' },
        element(
          'button',
          {
            type: 'button',
            id: 'context-summary',
            class: 'context-summary',
            'aria-expanded': 'false',
          },
          words('checkin.contextLegend'),
        ),
      ),
      element('h1', { id: 'feelings-title', tabindex: '-1' }, words('checkin.title')),
      element('p', { class: 'hint' }, words('checkin.hint')),
      element('ul', { class: 'feelings', 'aria-label': words('checkin.feelingsLabel') }, ...feelings),
    ),
  );
}

/**
 * The first screen while a check-in under way is read back: nothing to click yet, and no feelings to
 * glimpse; the app draws its step over it (components/checkin/mountCheckIn.tsx).
 */
export function buildHandover(): HTMLElement {
  return element('main', { class: 'checkin handover', 'aria-busy': 'true' });
}
