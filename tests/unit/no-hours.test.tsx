// Issue 16: one click ("Use these hours every day" under an empty Saturday, or removing the only
// range) used to leave every day empty with a cheerful "Saved." and no way back: nudges silently
// stopped. Now such a change is kept and said in view, with Undo; and the welcome doesn't call a
// start with no hours "all set".
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WelcomePage } from '../../components/pages/WelcomePage';
import { HoursSetting } from '../../components/settings/HoursSetting';
import { DEFAULT_SCHEDULE, type WeekHours } from '../../core/schema';
import { DEFAULT_HOURS } from '../../core/time/hours';
import { browserSettings } from '../../entrypoints/options/settings';
import { updateSettings } from '../../platform/settings';

afterEach(cleanup);

const NO_HOURS: WeekHours = { 0: [], 1: [], 2: [], 3: [], 4: [], 5: [], 6: [] };

/** The hours as a page keeps them: each change comes back as the stored value. */
function LiveHours({ start, onChange }: { start: WeekHours; onChange: (hours: WeekHours) => void }) {
  const [hours, setHours] = useState(start);
  return (
    <HoursSetting
      hours={hours}
      onChange={async (next) => {
        onChange(next);
        setHours(next);
      }}
    />
  );
}

describe('a change that leaves no active hours', () => {
  it('copying an empty Saturday to every day says nudges stop, in view, and Undo brings the week back', async () => {
    const onChange = vi.fn();
    render(<LiveHours start={DEFAULT_HOURS} onChange={onChange} />);
    fireEvent.click(screen.getByRole('radio', { name: 'Different hours each day' }));
    const copySaturday = screen.getByRole('button', {
      name: 'Use these hours every day',
      description: "Use Saturday's hours on every day of the week",
    });
    // A real click focuses the button (Chromium); Firefox on macOS doesn't, which the next test covers.
    copySaturday.focus();
    fireEvent.click(copySaturday);
    expect(onChange).toHaveBeenLastCalledWith(NO_HOURS);
    const notice = await screen.findByRole('status', { name: '' });
    expect(notice.textContent).toMatch(/No day has active hours now, so no nudges will come/);
    // In view: right where the click was, inside Saturday's box.
    expect(copySaturday.closest('fieldset')?.contains(notice)).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(onChange).toHaveBeenLastCalledWith(DEFAULT_HOURS);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull());
    // Focus goes back to what was pressed, never to the page body.
    expect(document.activeElement?.textContent).toBe('Use these hours every day');
  });

  it('removing the only range the quick way says so too, with Undo', async () => {
    const onChange = vi.fn();
    render(<LiveHours start={DEFAULT_HOURS} onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove these hours on Monday to Friday' }));
    expect(onChange).toHaveBeenLastCalledWith(NO_HOURS);
    expect((await screen.findByText(/no nudges will come/)).textContent).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(onChange).toHaveBeenLastCalledWith(DEFAULT_HOURS);
    await waitFor(() => expect(screen.queryByText(/no nudges will come/)).toBeNull());
    // The Remove button pressed is gone with its range: the range's first field, back again, takes focus.
    expect(document.activeElement).toBe(screen.getAllByLabelText(/^From/)[0]);
  });

  it('says so whenever the stored hours have none, without an Undo it has nothing to undo with', () => {
    render(<HoursSetting hours={NO_HOURS} onChange={async () => undefined} />);
    expect(screen.getByText(/No day has active hours now, so no nudges will come/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });
});

describe('the welcome page, started with no active hours', () => {
  it('does not say "all set": it says no nudges will come, and how to have them', async () => {
    await updateSettings({ hours: NO_HOURS });
    render(
      <WelcomePage
        start={async () => undefined}
        schedule={{ load: async () => DEFAULT_SCHEDULE, watch: () => () => undefined }}
        clock={() => new Date(2026, 11, 7, 10).getTime()}
        actions={browserSettings}
      />,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Start Outlet' }));
    const title = await screen.findByRole('heading', { level: 1 });
    await waitFor(() => expect(title.textContent).not.toBe('Welcome to Outlet'));
    expect(title.textContent).not.toMatch(/all set/);
    expect(screen.getByText(/no nudges will come/i)).toBeTruthy();
  });
});
