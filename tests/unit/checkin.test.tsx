import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CheckIn, type CheckInActions, type CheckInData } from '../../components/CheckIn';
import { DEFAULT_SCHEDULE, DEFAULT_SETTINGS, type Settings } from '../../core/schema';

const NOW = new Date(2026, 4, 12, 14, 0).getTime();

function setup(settings: Partial<Settings> = {}, random = () => 0) {
  const actions: CheckInActions = {
    saveCheckIn: vi.fn(async () => undefined),
    pause: vi.fn(),
    resume: vi.fn(),
    startWalk: vi.fn(),
    openSettings: vi.fn(),
    random,
    newId: () => 'check-in-1',
    clock: () => NOW,
  };
  const data: CheckInData = {
    settings: { ...DEFAULT_SETTINGS, ...settings },
    schedule: { ...DEFAULT_SCHEDULE, nextNudgeAt: new Date(2026, 4, 12, 14, 30).getTime() },
    now: NOW,
  };
  render(<CheckIn data={data} actions={actions} />);
  return { actions, lastSaved: () => vi.mocked(actions.saveCheckIn).mock.lastCall?.[0] };
}

afterEach(cleanup);

describe('CheckIn', () => {
  it('asks how you are, with every feeling and "numb / can\'t tell"', () => {
    setup();
    expect(screen.getByRole('heading', { name: 'How are you right now?' })).toBeTruthy();
    expect(screen.getAllByRole('button').filter((b) => b.dataset.feeling).length).toBeGreaterThanOrEqual(9);
    expect(screen.getByRole('button', { name: "Numb / can't tell" })).toBeTruthy();
  });

  it('offers exactly one outlet for the feeling, and stores the check-in at once', async () => {
    const { lastSaved } = setup();
    fireEvent.click(screen.getByRole('button', { name: "Numb / can't tell" }));
    expect(screen.getAllByRole('heading')).toHaveLength(1);
    expect(screen.getByText("For feeling Numb / can't tell")).toBeTruthy();
    await waitFor(() =>
      expect(lastSaved()).toMatchObject({ id: 'check-in-1', at: NOW, feeling: 'numb', outcome: 'skipped' }),
    );
  });

  it('gives another idea that differs from the one before', () => {
    setup();
    fireEvent.click(screen.getByRole('button', { name: 'Angry' }));
    const first = screen.getByRole('heading').textContent;
    fireEvent.click(screen.getByRole('button', { name: 'Another idea' }));
    expect(screen.getByRole('heading').textContent).not.toBe(first);
  });

  it('records "Done" and thanks the person', async () => {
    const { lastSaved } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Calm' }));
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(
      await screen.findByRole('heading', { name: 'Thanks for taking a moment for yourself.' }),
    ).toBeTruthy();
    expect(lastSaved()?.outcome).toBe('done');
  });

  it('records "Not now" as skipped, without guilt', async () => {
    const { lastSaved } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Tired' }));
    fireEvent.click(screen.getByRole('button', { name: 'Not now' }));
    expect(await screen.findByRole('heading', { name: "That's fine. Your check-in is noted." })).toBeTruthy();
    expect(lastSaved()?.outcome).toBe('skipped');
  });

  it('saves a journal line right there, and refuses an empty one', async () => {
    const { lastSaved } = setup({ families: ['journaling'] });
    fireEvent.click(screen.getByRole('button', { name: 'Sad' }));
    const input = screen.getByRole('textbox', { name: 'One line for your journal' });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert').textContent).toBe('Write a few words first, or press Done.');

    fireEvent.input(input, { target: { value: 'A heavy morning, lighter now.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('heading', { name: 'Thanks for taking a moment for yourself.' });
    expect(lastSaved()).toMatchObject({
      feeling: 'sad',
      outcome: 'done',
      journal: 'A heavy morning, lighter now.',
    });
  });

  it('starts a 10-minute walk', async () => {
    const { actions } = setup({ families: ['movement'] });
    fireEvent.click(screen.getByRole('button', { name: 'Stressed' }));
    fireEvent.click(screen.getByRole('button', { name: 'Start a 10-minute walk' }));
    expect(actions.startWalk).toHaveBeenCalledWith(10);
    expect(await screen.findByText(/when the 10 minutes are up/)).toBeTruthy();
  });

  it('invites the person to add someone when nobody is saved', () => {
    const { actions } = setup({ families: ['talking'] });
    fireEvent.click(screen.getByRole('button', { name: 'Lonely' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add a trusted person' }));
    expect(actions.openSettings).toHaveBeenCalled();
  });

  it('shows a trusted person with call, message and email links', () => {
    setup({
      families: ['talking'],
      trustedPeople: [{ id: '1', name: 'Ana', phone: '+44 20 7946 0958', email: 'ana@example.org' }],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Lonely' }));
    expect(screen.getByText('Reach out to Ana')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Call' }).getAttribute('href')).toBe('tel:+442079460958');
    expect(screen.getByRole('link', { name: 'Message' }).getAttribute('href')).toBe('sms:+442079460958');
    expect(screen.getByRole('link', { name: 'Email' }).getAttribute('href')).toBe('mailto:ana@example.org');
  });

  it('says when the next nudge comes, and pauses for an hour or the rest of the day', () => {
    const { actions } = setup();
    expect(screen.getByText(/^Next nudge at 2:30/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Pause for 1 hour' }));
    expect(actions.pause).toHaveBeenCalledWith(NOW + 60 * 60_000);
    fireEvent.click(screen.getByRole('button', { name: 'Pause for the rest of today' }));
    expect(actions.pause).toHaveBeenLastCalledWith(new Date(2026, 4, 13).getTime());
  });
});
