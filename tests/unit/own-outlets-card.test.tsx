// An own outlet on the outlet step, drawn by the popup's head script at first paint and by the app
// over it: the person's own words in both, the same, and no empty line where no "how" was given.
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { buildFirstOutlet } from '../../components/checkin/first-outlet';
import { OutletCard, type OutletCardActions } from '../../components/checkin/OutletCard';
import { ownAsOutlet, ownOutletId } from '../../core/outlets';
import { firstScreenWord } from '../../platform/first-words';

afterEach(cleanup);

const noActions = new Proxy({}, { get: () => () => undefined }) as OutletCardActions;

const suggestion = (root: Element) => {
  const box = root.querySelector('.suggestion');
  return {
    title: box?.querySelector('h1')?.textContent,
    body: box?.querySelector('.body')?.textContent ?? null,
    children: box?.children.length,
  };
};

describe('an own outlet on the outlet step', () => {
  it.each([
    ['with a line of how', 'Out loud, or under your breath.'],
    ['without one', ''],
  ])('shows the person’s words at first paint and in the app alike, %s', (_, how) => {
    const outlet = ownAsOutlet({
      id: ownOutletId('creative', 'song1234'),
      title: 'Hum one song you love',
      how,
      family: 'creative',
      minutes: 2,
      needsAway: false,
      needsAlone: false,
    });
    const drawn = suggestion(buildFirstOutlet(firstScreenWord, 'numb', outlet.id, outlet.own));
    const { container } = render(
      <OutletCard
        feeling="numb"
        outlet={outlet}
        reason={null}
        intensity={undefined}
        askStrength={false}
        person={null}
        journalPrompt=""
        actions={noActions}
      />,
    );
    const live = suggestion(container);
    expect(drawn).toEqual(live);
    expect(live.title).toBe('Hum one song you love');
    expect(live.body).toBe(how || null);
  });
});
