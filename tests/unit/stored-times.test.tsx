// The popup's status line and pause control (issue 7): a time past the range of Date never breaks
// it, and a pause or resume that failed is said in plain words. The read-time bounds are in
// stored-times.zones.test.ts.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NudgeStatus, type NudgeStatusActions } from '../../components/checkin/NudgeStatus';
import { DEFAULT_SCHEDULE, DEFAULT_SETTINGS, type Schedule } from '../../core/schema';
import { nudgeStatus } from '../../core/status';
import { MINUTE } from '../../core/time';

const HOUR = 60 * MINUTE;
// Tuesday 12 May 2026, 14:00 local time: inside the default active hours.
const NOW = new Date(2026, 4, 12, 14, 0).getTime();
const PAST_DATE_RANGE = 9e15; // new Date(9e15) is an Invalid Date; Intl throws a RangeError on it

afterEach(cleanup);

describe('the popup status with a time past the range of Date', () => {
  const actions = (): NudgeStatusActions => ({
    pause: vi.fn(async () => undefined),
    resume: vi.fn(async () => undefined),
    openSettings: vi.fn(),
    acceptCalmerPace: vi.fn(),
    dismissCalmerPace: vi.fn(),
  });

  it.each([
    ['nextNudgeAt', { nextNudgeAt: PAST_DATE_RANGE }],
    ['pausedUntil', { pausedUntil: PAST_DATE_RANGE, pauseKind: 'pause' }],
    ['a meeting', { pausedUntil: PAST_DATE_RANGE, pauseKind: 'meeting' }],
    ['lastNudgeAt', { lastNudgeAt: PAST_DATE_RANGE }],
  ] as const)('%s: renders, and never throws', (_, patch) => {
    const schedule = { ...DEFAULT_SCHEDULE, ...patch } as Schedule;
    expect(() => nudgeStatus(DEFAULT_SETTINGS, schedule, NOW)).not.toThrow();
    render(<NudgeStatus settings={DEFAULT_SETTINGS} schedule={schedule} now={NOW} actions={actions()} />);
    expect(screen.getByRole('button', { name: 'Settings' })).toBeTruthy();
    expect(screen.queryByText(/Paused until tomorrow/)).toBeNull();
  });
});

describe('a pause or resume that fails', () => {
  const schedule = { ...DEFAULT_SCHEDULE, nextNudgeAt: NOW + 30 * MINUTE };
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('says so in plain words near the pause control, and clears when a later try works', async () => {
    const pause = vi.fn(async (_until: number, _kind: 'pause' | 'meeting'): Promise<void> => {
      throw new Error('Resource::kQuotaBytes quota exceeded');
    });
    const view = render(
      <NudgeStatus
        settings={DEFAULT_SETTINGS}
        schedule={schedule}
        now={NOW}
        actions={{
          pause,
          resume: vi.fn(),
          openSettings: vi.fn(),
          acceptCalmerPace: vi.fn(),
          dismissCalmerPace: vi.fn(),
        }}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Pause…' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Pause for 1 hour' }));
    });
    expect(pause).toHaveBeenCalledWith(NOW + HOUR, 'pause');
    expect(screen.getByRole('alert').textContent).toBe("Couldn't pause just now. Please try again.");

    pause.mockResolvedValueOnce(undefined);
    fireEvent.click(screen.getByRole('button', { name: 'Pause…' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Pause for 30 minutes' }));
    });
    expect(screen.queryByRole('alert')).toBeNull();
    view.unmount();
  });

  it('says so when resuming fails', async () => {
    render(
      <NudgeStatus
        settings={DEFAULT_SETTINGS}
        schedule={{ ...schedule, pausedUntil: NOW + HOUR, pauseKind: 'pause' }}
        now={NOW}
        actions={{
          pause: vi.fn(),
          resume: vi.fn(() => Promise.reject(new Error('no'))),
          openSettings: vi.fn(),
          acceptCalmerPace: vi.fn(),
          dismissCalmerPace: vi.fn(),
        }}
      />,
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Resume nudges' }));
    });
    expect(screen.getByRole('alert').textContent).toBe("Couldn't resume nudges just now. Please try again.");
  });
});
