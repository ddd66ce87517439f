// Issue 16's slips on the options page: "What to offer" was said twice (the section's heading and
// its group's name), its red refusal showed beside a green "Saved.", and "Add a trusted person" in
// the check-in's talk step opened settings at the top, not at People.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { browserSettings } from '../../entrypoints/options/settings';
import { loadSettings } from '../../platform/settings';
import { renderCheckIn } from './render-checkin';
import { optionsPage } from './render-options';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', location.pathname);
});

const offer = () => document.getElementById('offer') as HTMLElement;

describe('What to offer', () => {
  it('is said once: the heading names the section, no group inside says it again', async () => {
    render(optionsPage());
    await screen.findByRole('heading', { name: 'What to offer' });
    const section = within(offer());
    expect(section.getAllByRole('heading', { name: 'What to offer' })).toHaveLength(1);
    expect(section.queryByRole('group', { name: 'What to offer' })).toBeNull();
    expect([...offer().querySelectorAll('legend')].map((l) => l.textContent)).not.toContain('What to offer');
    expect(offer().textContent?.match(/What to offer/g)).toHaveLength(1);
  });

  it('never shows "Saved." beside its refusal to turn off the last kind', async () => {
    render(optionsPage());
    await screen.findByRole('heading', { name: 'What to offer' });
    const families = ['Movement', 'Journaling', 'Talking to someone', 'Creative', 'Letting it out'];
    for (const name of families) {
      fireEvent.click(within(offer()).getByRole('checkbox', { name }));
      await waitFor(async () =>
        expect((await loadSettings()).families).toHaveLength(6 - families.indexOf(name) - 1),
      );
    }
    await waitFor(() => expect(within(offer()).getByText('Saved.')).toBeTruthy());
    fireEvent.click(within(offer()).getByRole('checkbox', { name: 'Body and breath' }));
    expect(within(offer()).getByRole('alert').textContent).toMatch(/keep at least one kind/);
    expect(within(offer()).queryByText('Saved.')).toBeNull();
    // Turning one back on is a change kept: "Saved." again, and the refusal gone.
    fireEvent.click(within(offer()).getByRole('checkbox', { name: 'Movement' }));
    await waitFor(() => expect(within(offer()).getByText('Saved.')).toBeTruthy());
    expect(within(offer()).queryByRole('alert')).toBeNull();
  });
});

describe('"Saved." never beside a refusal, in any section', () => {
  it('People: a new person refused for a bad email after one was added', async () => {
    render(optionsPage());
    const people = () => within(document.getElementById('people') as HTMLElement);
    fireEvent.input(await screen.findByRole('textbox', { name: 'Name' }), { target: { value: 'Ana' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add person' }));
    await waitFor(() => expect(people().getByText('Saved.')).toBeTruthy());
    fireEvent.input(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Bo' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Email (optional)' }), { target: { value: 'bo@' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add person' }));
    expect((await people().findByRole('alert')).textContent).toMatch(/doesn't look right/);
    expect(people().queryByText('Saved.')).toBeNull();
  });

  it('Nudges: holding nudges during calls refused by the browser after another change was kept', async () => {
    render(optionsPage({ actions: { ...browserSettings, requestCallAccess: async () => false } }));
    const nudges = () => within(document.getElementById('nudges') as HTMLElement);
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Nudge without a sound' }));
    await waitFor(() => expect(nudges().getByText('Saved.')).toBeTruthy());
    fireEvent.click(screen.getByRole('checkbox', { name: 'Hold nudges during web calls' }));
    await nudges().findByRole('alert');
    expect(nudges().queryByText('Saved.')).toBeNull();
  });
});

describe('the People deep link', () => {
  it('"Add a trusted person" in the talk step asks for settings at People', () => {
    const { actions } = renderCheckIn({ now: Date.now(), settings: { families: ['talking'] } });
    fireEvent.click(screen.getByRole('button', { name: 'Lonely' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add a trusted person' }));
    expect(actions.openSettings).toHaveBeenCalledWith('people');
  });

  it('options.html#people opens with People in view and its heading focused', async () => {
    history.replaceState(null, '', '#people');
    render(optionsPage());
    const heading = await screen.findByRole('heading', { name: 'People you trust' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
  });

  it('an open page that is sent to #people goes there', async () => {
    render(optionsPage());
    const heading = await screen.findByRole('heading', { name: 'People you trust' });
    expect(document.activeElement).not.toBe(heading);
    history.replaceState(null, '', '#people');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await waitFor(() => expect(document.activeElement).toBe(heading));
  });
});
