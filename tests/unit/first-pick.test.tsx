// A feeling clicked on the first screen the head script drew, before the app ran, reaches the app as
// its `firstPick` (components/checkin/mountCheckIn.tsx): the check-in must start at that feeling's
// outlet, save the check-in once, and never show the feelings a second time on the way.
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { feelingOfKey } from '../../components/checkin/early-input';
import { DEFAULT_SETTINGS } from '../../core/schema';
import { renderCheckIn } from './render-checkin';

afterEach(cleanup);
const now = new Date(2026, 5, 3, 10, 0).getTime();

describe('a feeling picked before the app ran', () => {
  it('starts the check-in at its outlet, heading focused, and saves it once', async () => {
    const { actions, lastSaved } = renderCheckIn({ now, firstPick: 'stressed' });
    expect(screen.queryByText('How are you right now?')).toBeNull();
    const heading = document.getElementById('outlet-title');
    expect(heading).toBeTruthy();
    expect(document.activeElement).toBe(heading);
    await vi.waitFor(() => expect(actions.saveCheckIn).toHaveBeenCalledTimes(1));
    expect(lastSaved()).toMatchObject({ feeling: 'stressed', outcome: 'skipped' });
  });

  it('waits on the feelings, shown as chosen, while the settings are still on their way', async () => {
    const { actions, rerender, lastSaved } = renderCheckIn({
      now,
      firstPick: 'calm',
      data: { settings: null },
    });
    expect(screen.getByText('How are you right now?')).toBeTruthy();
    expect(actions.saveCheckIn).not.toHaveBeenCalled();
    rerender({ settings: DEFAULT_SETTINGS });
    await vi.waitFor(() => expect(document.getElementById('outlet-title')).toBeTruthy());
    expect(actions.saveCheckIn).toHaveBeenCalledTimes(1);
    expect(lastSaved()).toMatchObject({ feeling: 'calm' });
  });

  it('is read only from a feeling button, never from another control', () => {
    expect(feelingOfKey('[data-feeling="cant-tell"]')).toBe('cant-tell');
    expect(feelingOfKey('#context-summary')).toBeNull();
    expect(feelingOfKey('[data-feeling="calm"] button')).toBeNull();
  });
});
