// The head script draws the popup's first screen (components/checkin/first-screen.ts) before the app
// has loaded; the app then renders its own over it. The two must be the same screen: the same
// buttons in the same places with the same words, or the swap would show (and early clicks, noted
// by control, would land on the wrong one).
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FeelingsStep } from '../../components/checkin/FeelingsStep';
import { buildFirstScreen } from '../../components/checkin/first-screen';
import { FEELINGS } from '../../core/feelings';
import { firstScreenWord } from '../../platform/first-words';
import { renderCheckIn } from './render-checkin';

afterEach(cleanup);

/** Every element as `tag attr=value… "text"`, attributes sorted, empty class attributes dropped. */
function outline(root: Element): string[] {
  const lines: string[] = [];
  const walk = (node: Element, depth: number) => {
    const attributes = [...node.attributes]
      .filter((a) => !(a.name === 'class' && a.value === ''))
      .map((a) => `${a.name}=${a.value}`)
      .sort();
    const text = [...node.childNodes]
      .filter((child) => child.nodeType === 3)
      .map((child) => child.textContent)
      .join('');
    lines.push(`${'  '.repeat(depth)}${node.tagName.toLowerCase()} ${attributes.join(' ')} "${text}"`);
    for (const child of node.children) walk(child, depth + 1);
  };
  walk(root, 0);
  return lines;
}

function liveFirstScreen(): Element {
  const { container } = render(
    <main class="checkin">
      <FeelingsStep
        context={null}
        onContext={() => undefined}
        onPick={() => undefined}
        chosen={null}
        support={null}
        running={null}
        earlier={null}
      />
    </main>,
  );
  return container.firstElementChild as Element;
}

describe('the first screen drawn before the app', () => {
  it('is the live first screen, element for element and word for word', () => {
    expect(outline(buildFirstScreen(firstScreenWord))).toEqual(outline(liveFirstScreen()));
  });

  it('is the same landmark as the live check-in (one <main> a screen reader can jump to)', () => {
    const root = (element: Element | null) =>
      [element?.tagName, element?.className, element?.firstElementChild?.tagName].join('|');
    const live = renderCheckIn({ now: Date.UTC(2026, 2, 2, 10) }).view.container.firstElementChild;
    expect(root(buildFirstScreen(firstScreenWord))).toBe('MAIN|checkin|SECTION');
    expect(root(live)).toBe(root(buildFirstScreen(firstScreenWord)));
  });

  it('asks the question and offers every feeling, in the words of the locale', () => {
    const screen = buildFirstScreen(firstScreenWord);
    expect(screen.querySelector('h1')?.textContent).toBe('How are you right now?');
    expect(
      [...screen.querySelectorAll('button[data-feeling]')].map((b) => b.getAttribute('data-feeling')),
    ).toEqual(FEELINGS.map((f) => f.id));
    expect(screen.querySelector('[data-feeling="cant-tell"]')?.textContent).toBe("I can't tell");
  });

  it('is drawn in whatever language the browser gives its words in', () => {
    const screen = buildFirstScreen((key) => `«${key}»`);
    expect(screen.querySelector('h1')?.textContent).toBe('«checkin.title»');
    expect(screen.querySelector('[data-feeling="calm"]')?.textContent).toBe('«feeling.calm»');
    expect(screen.querySelector('ul')?.getAttribute('aria-label')).toBe('«checkin.feelingsLabel»');
  });

  it('reads its words where there is an i18n API, and gives "" where there is none', () => {
    expect(firstScreenWord('checkin.hint')).toBe(fakeBrowser.i18n.getMessage('checkin_hint'));
  });
});
