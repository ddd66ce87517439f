// The popup's side of issue 18: the put-off choices for a nudge waiting or closed within the hour,
// and "pause until a date and time", checked by the same rule the background's message uses.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NudgeStatus, type NudgeStatusActions } from '../../components/checkin/NudgeStatus';
import { formatTime } from '../../components/shared/copy';
import { DEFAULT_SCHEDULE, DEFAULT_SETTINGS, type Schedule } from '../../core/schema';

afterEach(cleanup);

// Tuesday 12 May 2026, 14:00 local; office hours 9:00 to 18:00, a nudge every 60 minutes.
const NOW = new Date(2026, 4, 12, 14, 0).getTime();
const MINUTE = 60_000;

const actions = () => ({
  pause: vi.fn<NudgeStatusActions['pause']>(),
  resume: vi.fn(),
  openSettings: vi.fn(),
  acceptCalmerPace: vi.fn(),
  dismissCalmerPace: vi.fn(),
  putOff: vi.fn<(choice: 'soon' | 'later', bringBack: boolean) => Promise<void>>(),
});
const show = (schedule: Partial<Schedule>, now = NOW, given = actions()) => {
  render(
    <NudgeStatus
      settings={DEFAULT_SETTINGS}
      schedule={{ ...DEFAULT_SCHEDULE, nextNudgeAt: NOW + 55 * MINUTE, ...schedule }}
      now={now}
      actions={given}
    />,
  );
  return given;
};

describe('the put-off choices in the popup', () => {
  it('offer "in 10 minutes" and "later today" with its time, for a nudge waiting now', () => {
    const given = show({ lastNudgeAt: NOW - 5 * MINUTE, lastNudgeAnswered: false });
    expect(screen.getByText('Not a good moment? The nudge can come back.')).toBeTruthy();
    fireEvent.click(
      screen.getByRole('button', { name: `Later today, at ${formatTime(NOW + 120 * MINUTE)}` }),
    );
    expect(given.putOff).toHaveBeenCalledWith('later', false);
  });

  it('say "next time" and when, once today\'s hours leave no room for later', () => {
    const late = new Date(2026, 4, 12, 17, 20).getTime();
    show({ lastNudgeAt: late - 5 * MINUTE, lastNudgeAnswered: false }, late);
    expect(
      screen.getByRole('button', {
        name: `Next time: tomorrow at ${formatTime(new Date(2026, 4, 13, 10).getTime())}`,
      }),
    ).toBeTruthy();
  });

  it('bring back a nudge closed within the hour, in place of the "slipped by" line', () => {
    const given = show({
      lastNudgeAt: NOW - 20 * MINUTE,
      dismissedAt: NOW - 19 * MINUTE,
      missed: { day: new Date(2026, 4, 12).getTime(), count: 1 },
    });
    expect(
      screen.getByText(`You closed a nudge at ${formatTime(NOW - 19 * MINUTE)}. Want it back?`),
    ).toBeTruthy();
    expect(screen.queryByText(/slipped by/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'In 10 minutes' }));
    expect(given.putOff).toHaveBeenCalledWith('soon', true);
  });

  it('are gone an hour after the closing, and when nothing waits', () => {
    show({ lastNudgeAt: NOW - 70 * MINUTE, dismissedAt: NOW - 61 * MINUTE });
    expect(screen.queryByRole('region', { name: 'When the nudge comes back' })).toBeNull();
    cleanup();
    show({ lastNudgeAt: NOW - 5 * MINUTE, lastNudgeAnswered: true });
    expect(screen.queryByRole('button', { name: 'In 10 minutes' })).toBeNull();
  });

  it('say so when the choice could not be saved', async () => {
    const given = actions();
    given.putOff.mockRejectedValue(new Error('Could not establish connection'));
    show({ lastNudgeAt: NOW - 5 * MINUTE, lastNudgeAnswered: false }, NOW, given);
    fireEvent.click(screen.getByRole('button', { name: 'In 10 minutes' }));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      "Couldn't save that just now. Please try again.",
    );
  });
});

describe('pause until a date and time', () => {
  const openMenu = () => {
    const given = show({});
    fireEvent.click(screen.getByRole('button', { name: 'Pause…' }));
    return given;
  };
  const pauseUntil = (value: string) => {
    fireEvent.input(screen.getByLabelText('Pause until'), { target: { value } });
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
  };

  it('pauses until the moment picked, days ahead', async () => {
    const given = openMenu();
    pauseUntil('2026-05-20T09:30');
    await waitFor(() =>
      expect(given.pause).toHaveBeenCalledWith(new Date(2026, 4, 20, 9, 30).getTime(), 'pause'),
    );
  });

  it('says plainly when the moment is past or too far, and pauses nothing', () => {
    const given = openMenu();
    pauseUntil('2026-05-12T09:00');
    expect(screen.getByRole('alert').textContent).toBe('That moment has already passed. Pick a later one.');
    pauseUntil('2026-07-01T09:00');
    expect(screen.getByRole('alert').textContent).toContain('more than 31 days');
    expect(given.pause).not.toHaveBeenCalled();
  });

  it('says the day of a pause that ends after tomorrow', () => {
    show({ pausedUntil: new Date(2026, 4, 20, 9, 30).getTime(), pauseKind: 'pause' });
    expect(screen.getByText(/^Paused until .*20.* at /).textContent).toContain(
      formatTime(new Date(2026, 4, 20, 9, 30).getTime()),
    );
  });
});
