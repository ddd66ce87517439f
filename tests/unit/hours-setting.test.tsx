// The active-hours editor (components/settings/HoursSetting.tsx) never lets stored hours that
// arrived just before the person typed wipe what they typed, and still shows stored hours as they
// are while the person hasn't changed anything. Preact runs the effect that follows the stored hours
// after the next paint: a key pressed between the render and that effect must win. The paint is
// held here, so the window is certain rather than a matter of the machine's speed (as in
// tests/unit/minutes-field.test.tsx).
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { options } from 'preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { HoursSetting } from '../../components/settings/HoursSetting';
import type { WeekHours } from '../../core/schema';
import { weekFromQuick } from '../../core/settings-form';
import { DEFAULT_HOURS } from '../../core/time/hours';

afterEach(cleanup);

const time = (name: RegExp) => screen.getAllByLabelText(name)[0] as HTMLInputElement;
const weekend = () => screen.getByRole('checkbox', { name: /Weekends too/ }) as HTMLInputElement;
// Another tab turned the weekend on, and moved the start to 08:00.
const ELSEWHERE = weekFromQuick([{ start: 8 * 60, end: 17 * 60, nextDay: false }], true);

/** The setting on a page whose stored hours `store` changes, as a save's echo or another tab does. */
function page() {
  let store: (hours: WeekHours) => void = () => undefined;
  function Page() {
    const [hours, setHours] = useState<WeekHours>(DEFAULT_HOURS);
    store = setHours;
    return <HoursSetting hours={hours} onChange={async () => undefined} />;
  }
  render(<Page />);
  return (hours: WeekHours) => store(hours);
}

/** Stored hours arrive and are rendered; `meanwhile` runs before the effects of that render do. */
async function arriving(store: () => void, meanwhile: () => void) {
  // The paint is held, so the effects of the next render wait as they do on a busy page.
  const paint = options.requestAnimationFrame;
  const painted: (() => void)[] = [];
  options.requestAnimationFrame = (callback) => void painted.push(callback);
  try {
    store();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(painted).toHaveLength(1);
    meanwhile();
  } finally {
    options.requestAnimationFrame = paint;
  }
  // The paint comes; the renders it brings have their effects run too, so none is left to a later test.
  await act(() => {
    for (const callback of painted) callback();
  });
}

describe('HoursSetting, stored hours arriving as the person types', () => {
  it('keeps a start time typed after the render, before the effect that follows the stored hours', async () => {
    const store = page();
    await arriving(
      () => store(ELSEWHERE),
      () => fireEvent.input(time(/^From/), { target: { value: '07:15' } }),
    );
    expect(time(/^From/).value).toBe('07:15');
    // Nothing else here changed under the person either.
    expect(time(/^to/).value).toBe('18:00');
    expect(weekend().checked).toBe(false);
  });

  it('keeps an end time typed in the same moment', async () => {
    const store = page();
    await arriving(
      () => store(ELSEWHERE),
      () => fireEvent.input(time(/^to/), { target: { value: '16:30' } }),
    );
    expect(time(/^to/).value).toBe('16:30');
    expect(time(/^From/).value).toBe('09:00');
  });

  it('still shows stored hours as they are when nothing was changed here', async () => {
    const store = page();
    await arriving(
      () => store(ELSEWHERE),
      () => undefined,
    );
    expect(time(/^From/).value).toBe('08:00');
    expect(weekend().checked).toBe(true);
  });

  it('keeps the weekend choice made in that moment, with the hours it was made beside', async () => {
    const store = page();
    await arriving(
      () => store(ELSEWHERE),
      () => fireEvent.click(weekend()),
    );
    // The person turned the weekend on next to 09:00, and that week was kept at once: the other tab's
    // 08:00, stored before it, must not replace it (its save's echo would put it back only later, if
    // the save goes through).
    expect(weekend().checked).toBe(true);
    expect(time(/^From/).value).toBe('09:00');
  });
});
