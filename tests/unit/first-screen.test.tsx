// The head script draws the popup's first screen (components/checkin/first-screen.ts) before the app
// has loaded; the app then renders its own over it. The two must be the same screen: the same
// buttons in the same places with the same words, or the swap would show (and early clicks, noted
// by control, would land on the wrong one).
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FeelingsStep } from '../../components/checkin/FeelingsStep';
import { buildFirstOutlet } from '../../components/checkin/first-outlet';
import { buildFirstScreen } from '../../components/checkin/first-screen';
import { OutletCard, type OutletCardActions } from '../../components/checkin/OutletCard';
import { FEELINGS, type FeelingId, feelingById } from '../../core/feelings';
import { OUTLETS } from '../../core/outlets';
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

const noActions = new Proxy({}, { get: () => () => undefined }) as OutletCardActions;

/** The outlet step as the app renders it for a new check-in: no strength yet, no reason. */
function liveOutletStep(feeling: FeelingId, outletId: string): Element {
  const outlet = OUTLETS.find((o) => o.id === outletId);
  if (!outlet) throw new Error(outletId);
  const { container } = render(
    <OutletCard
      feeling={feeling}
      outlet={outlet}
      reason={null}
      intensity={undefined}
      askStrength={feelingById(feeling).energy !== 'unclear'}
      person={null}
      journalPrompt="What is on your mind?"
      actions={noActions}
    />,
  );
  return container.firstElementChild as Element;
}

describe('the outlet drawn before the app, for a feeling clicked at first paint', () => {
  // Every outlet, each with the first feeling it is offered for; and the two feelings never asked
  // for a strength, with an outlet they get.
  const cases: [FeelingId, string][] = [
    ...OUTLETS.map((outlet): [FeelingId, string] => [outlet.feelings[0] as FeelingId, outlet.id]),
    ['numb', 'breath-minute'],
    ['cant-tell', 'breath-minute'],
  ];

  it('is the top of the live outlet step, element for element and word for word, for every outlet', () => {
    for (const [feeling, outletId] of cases) {
      const drawn = outline(buildFirstOutlet(firstScreenWord, feeling, outletId));
      const live = outline(liveOutletStep(feeling, outletId));
      // The app adds the outlet's own action, "Another idea" and "Back" below; all above is the same.
      expect(live.slice(0, drawn.length), `${feeling} → ${outletId}`).toEqual(drawn);
      expect(live.length).toBeGreaterThan(drawn.length);
      cleanup();
    }
  });

  it('names the feeling and the outlet, and asks the strength only where the app does', () => {
    const step = buildFirstOutlet(firstScreenWord, 'stressed', 'walk-street');
    expect(step.querySelector('.for-feeling')?.textContent).toBe('Your answer: Stressed');
    const title = fakeBrowser.i18n.getMessage('outlet_walk_street_title');
    expect(title).not.toBe('');
    expect(step.querySelector('#outlet-title')?.textContent).toBe(title);
    expect(step.querySelectorAll('input[name="intensity"]')).toHaveLength(5);
    expect(buildFirstOutlet(firstScreenWord, 'numb', 'breath-minute').querySelector('fieldset')).toBeNull();
  });
});
