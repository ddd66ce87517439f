// "How a nudge comes" in the settings (issue 18): three ways, each said in plain words, the offer
// chosen by default, a choice kept in storage as soon as it is made, and "Saved." where it was made.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSettings } from '../../platform/settings';
import { optionsPage } from './render-options';

afterEach(cleanup);

describe('How a nudge comes', () => {
  it('offers three ways, each with what it does, the offer chosen at first', async () => {
    render(optionsPage());
    const group = await screen.findByRole('group', { name: 'How a nudge comes' });
    const radios = ['At a good moment', 'Quietly, on the icon', 'Right away'].map(
      (name) => screen.getByRole('radio', { name }) as HTMLInputElement,
    );
    expect(radios.map((radio) => radio.checked)).toEqual([true, false, false]);
    expect(group.contains(radios[0] as HTMLElement)).toBe(true);
    expect(radios[0]?.getAttribute('aria-describedby')).toBeTruthy();
    const help = document.getElementById(radios[0]?.getAttribute('aria-describedby') ?? '');
    expect(help?.textContent).toMatch(/switch of tab or window.*within 10 minutes/);
    expect(document.getElementById(radios[1]?.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(
      /Nothing pops up/,
    );
  });

  it('keeps a choice at once, and says so in the nudges section', async () => {
    render(optionsPage());
    fireEvent.click(await screen.findByRole('radio', { name: 'Quietly, on the icon' }));
    await waitFor(async () => expect((await loadSettings()).nudgeMode).toBe('quiet'));
    await waitFor(() => expect(document.querySelector('#nudges .saved')?.textContent).toBe('Saved.'));
    expect((screen.getByRole('radio', { name: 'Quietly, on the icon' }) as HTMLInputElement).checked).toBe(
      true,
    );
    fireEvent.click(screen.getByRole('radio', { name: 'Right away' }));
    await waitFor(async () => expect((await loadSettings()).nudgeMode).toBe('at-once'));
  });
});
