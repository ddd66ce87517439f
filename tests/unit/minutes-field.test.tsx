// A number field that follows its stored value (components/settings/MinutesField.tsx
// useStoredNumberText) never lets a stored value that arrived just before the person typed wipe
// what they typed. Preact runs the effect that follows the stored value after the next paint: a key
// pressed between the render and that effect must win. (Found when the settings read got faster:
// tests/unit/options.test.tsx, "shows refused input next to its field…", lost its "900".)
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { options } from 'preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { BreakSetting } from '../../components/settings/BreakSetting';

afterEach(cleanup);

describe('BreakSetting, a stored value arriving as the person types', () => {
  it('keeps what was typed after the render, before the effect that follows the stored value', async () => {
    let store: (minutes: number) => void = () => undefined;
    function Page() {
      const [minutes, setMinutes] = useState(5);
      store = setMinutes;
      return <BreakSetting minutes={minutes} onChange={async () => undefined} />;
    }
    render(<Page />);
    const field = screen.getByRole('textbox', { name: 'A break counts from' }) as HTMLInputElement;
    fireEvent.input(field, { target: { value: '9' } });
    fireEvent.blur(field);
    expect(field.value).toBe('9');

    // The paint is held, so the effects of the next render wait as they do on a busy page.
    const paint = options.requestAnimationFrame;
    const painted: (() => void)[] = [];
    options.requestAnimationFrame = (callback) => void painted.push(callback);
    try {
      // Its save's echo: the stored value is now 9. Rendered, its effect not run yet...
      store(9);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(painted).toHaveLength(1);
      // ...when the person types on.
      fireEvent.input(field, { target: { value: '900' } });
    } finally {
      options.requestAnimationFrame = paint;
    }
    for (const callback of painted) callback();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(field.value).toBe('900');
  });
});
