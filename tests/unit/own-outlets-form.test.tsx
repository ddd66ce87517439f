// The options page's own outlets (components/settings/OwnOutletsSetting.tsx), on the real store:
// added, refused in plain words next to the field, changed, removed, and nothing typed lost when a
// save fails.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OWN_OUTLETS_MAX, ownOutletId } from '../../core/outlets/own';
import { browserOwnOutlets } from '../../entrypoints/options/App';
import { addOwnOutlet, loadOwnOutlets } from '../../platform/own-outlets';
import { optionsPage } from './render-options';

afterEach(cleanup);
beforeEach(() => fakeBrowser.reset());

const page = (own = browserOwnOutlets) => optionsPage({ own });

const field = (name: string) => screen.getByLabelText(name) as HTMLInputElement;
const type = (name: string, value: string) => fireEvent.input(field(name), { target: { value } });

async function openForm() {
  fireEvent.click(await screen.findByRole('button', { name: 'Add an idea of your own' }));
}

async function fillIdea(title: string) {
  await openForm();
  type('What to do', title);
  type('How, in a line (if you like)', 'Slowly, with both hands.');
  fireEvent.change(screen.getByLabelText('What kind of idea'), { target: { value: 'body' } });
  type('Minutes it takes (1 to 15)', '3');
  fireEvent.click(screen.getByLabelText("Only when I'm on my own"));
}

describe('Your own ideas', () => {
  it('adds an idea in the person’s words, keeps it, and says "Saved."', async () => {
    render(page());
    await fillIdea('Water the plants');
    fireEvent.click(screen.getByRole('button', { name: 'Add this idea' }));
    await screen.findByText('Water the plants');
    expect(await loadOwnOutlets()).toEqual([
      expect.objectContaining({
        title: 'Water the plants',
        how: 'Slowly, with both hands.',
        family: 'body',
        minutes: 3,
        needsAway: false,
        needsAlone: true,
      }),
    ]);
    expect(screen.getByText('Body and breath · 3 min · on your own')).toBeTruthy();
    expect(document.getElementById('offer')?.querySelector('.saved')?.textContent).toBe('Saved.');
    // The form is empty again for the next one.
    expect(field('What to do').value).toBe('');
  });

  it.each([
    ['What to do', '', 'Give it a short title, so you know it when it comes.'],
    ['Minutes it takes (1 to 15)', '30', 'From 1 to 15 minutes: a check-in offers up to 15.'],
    ['Minutes it takes (1 to 15)', 'ten', 'Minutes as a whole number, like 5.'],
  ])(
    'refuses %s = %j next to the field, keeps what was typed and stores nothing',
    async (name, value, words) => {
      render(page());
      await fillIdea('Water the plants');
      type(name, value);
      fireEvent.click(screen.getByRole('button', { name: 'Add this idea' }));
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toBe(words);
      expect(field(name).getAttribute('aria-invalid')).toBe('true');
      expect(field(name).getAttribute('aria-describedby')).toContain(alert.id);
      expect(field(name).value).toBe(value);
      expect(field('How, in a line (if you like)').value).toBe('Slowly, with both hands.');
      expect(await loadOwnOutlets()).toEqual([]);
    },
  );

  it('asks for a kind when none is chosen', async () => {
    render(page());
    await openForm();
    type('What to do', 'Hum a song');
    fireEvent.click(screen.getByRole('button', { name: 'Add this idea' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Choose what kind of idea it is, so it comes at the right moments.',
    );
  });

  it('keeps everything typed when storage refuses, and says so plainly', async () => {
    const add = vi.fn(async () => {
      throw new Error('QUOTA_BYTES quota exceeded');
    });
    render(page({ ...browserOwnOutlets, actions: { ...browserOwnOutlets.actions, add } }));
    await fillIdea('Water the plants');
    fireEvent.click(screen.getByRole('button', { name: 'Add this idea' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      "Couldn't save that just now, so it isn't kept yet. Please try again in a moment.",
    );
    expect(field('What to do').value).toBe('Water the plants');
    expect(field('Minutes it takes (1 to 15)').value).toBe('3');
    expect((screen.getByLabelText("Only when I'm on my own") as HTMLInputElement).checked).toBe(true);
    expect(document.getElementById('offer')?.querySelector('.saved')?.textContent).toBe('');
  });

  it('changes an idea in place, and removes one', async () => {
    const id = ownOutletId('creative', 'abcd1234');
    await addOwnOutlet(
      {
        id,
        title: 'Doodle a cloud',
        how: '',
        family: 'creative',
        minutes: 2,
        needsAway: false,
        needsAlone: false,
      },
      1,
    );
    render(page());
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    expect(screen.getByText('Changing “Doodle a cloud”')).toBeTruthy();
    expect(field('What to do').value).toBe('Doodle a cloud');
    type('What to do', 'Doodle two clouds');
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Doodle two clouds');
    expect(await loadOwnOutlets()).toEqual([expect.objectContaining({ id, title: 'Doodle two clouds' })]);
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.queryByText('Doodle two clouds')).toBeNull());
    expect(await loadOwnOutlets()).toEqual([]);
    // Focus goes to what comes next, not to the top of the page.
    expect(document.activeElement?.id).toBe('own-open');
  });

  it('says when the list is full, before anything is typed', async () => {
    for (let i = 0; i < OWN_OUTLETS_MAX; i++)
      await addOwnOutlet(
        {
          id: ownOutletId('body', `full${i}abc`),
          title: `Idea ${i}`,
          how: '',
          family: 'body',
          minutes: 1,
          needsAway: false,
          needsAlone: false,
        },
        i,
      );
    render(page());
    await screen.findByText('Idea 0');
    expect(
      screen.getByText(
        `You have ${OWN_OUTLETS_MAX} ideas of your own, as many as Outlet keeps. Remove one to add another.`,
      ),
    ).toBeTruthy();
    expect(
      (screen.getByRole('button', { name: 'Add an idea of your own' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    await waitFor(() =>
      expect(screen.getAllByRole('button', { name: 'Edit' })).toHaveLength(OWN_OUTLETS_MAX),
    );
  });
});
