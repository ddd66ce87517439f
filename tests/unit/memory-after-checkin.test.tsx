// "On this day" after a check-in: only when the person turned it on, only after a light check-in, and
// "Not after check-ins" turns it off again.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CheckInPageContext } from '../../components/checkin/page';
import { ThanksStep } from '../../components/checkin/ThanksStep';
import { DEFAULT_MEMORY_PREFS } from '../../core/insights/memory';
import { saveCheckIn } from '../../platform/history/store';
import {
  loadMemoryPrefs,
  memoryAfterCheckIn,
  saveMemoryPrefs,
  stopMemoriesAfterCheckIn,
} from '../../platform/memories';
import { entry } from './history-backends';

afterEach(cleanup);

const NOW = new Date(2027, 0, 6, 18, 0).getTime();
const YEAR_AGO = new Date(2026, 0, 6, 9, 30).getTime();
const MINUTE = 60_000;

const page = {
  phoneLike: false,
  copyText: async () => 'refused' as const,
  memory: memoryAfterCheckIn,
  stopMemoriesHere: stopMemoriesAfterCheckIn,
};
const thanks = () =>
  render(
    <CheckInPageContext.Provider value={page}>
      <ThanksStep outcome="done" onAgain={() => undefined} now={() => NOW} />
    </CheckInPageContext.Provider>,
  );

describe('a memory after a check-in', () => {
  it('is not shown unless the person asked for it', async () => {
    await saveCheckIn(entry('old', YEAR_AGO, { feeling: 'joyful', journal: 'Dancing in the kitchen.' }));
    await saveCheckIn(entry('now', NOW - MINUTE, { feeling: 'calm' }));
    expect(await memoryAfterCheckIn(NOW)).toBeNull();
  });

  it('is shown after a light check-in once asked for, and "Not after check-ins" stops it', async () => {
    await saveMemoryPrefs({ ...DEFAULT_MEMORY_PREFS, afterCheckIn: true });
    await saveCheckIn(entry('old', YEAR_AGO, { feeling: 'joyful', journal: 'Dancing in the kitchen.' }));
    await saveCheckIn(entry('now', NOW - MINUTE, { feeling: 'calm' }));
    thanks();
    const card = await screen.findByRole('region', { name: 'On this day' });
    expect(card.textContent).toContain('A year ago today');
    expect(card.textContent).toContain('Dancing in the kitchen.');
    fireEvent.click(screen.getByRole('button', { name: 'Not after check-ins' }));
    expect((await screen.findByRole('status')).textContent).toBe('Only on the history page from now on.');
    expect(screen.queryByRole('region', { name: 'On this day' })).toBeNull();
    expect(await loadMemoryPrefs()).toMatchObject({ afterCheckIn: false, onHistory: true });
  });

  it('is not shown after a heavy check-in, even when asked for', async () => {
    await saveMemoryPrefs({ ...DEFAULT_MEMORY_PREFS, afterCheckIn: true });
    await saveCheckIn(entry('old', YEAR_AGO, { feeling: 'joyful' }));
    await saveCheckIn(entry('now', NOW - MINUTE, { feeling: 'overwhelmed' }));
    expect(await memoryAfterCheckIn(NOW)).toBeNull();
  });

  it('keeps a stored switch that does not read, as it was, before writing over it', async () => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    await fakeBrowser.storage.local.set({ memories: 'garbled', memories$: { v: 1 } });
    expect(await loadMemoryPrefs()).toEqual(DEFAULT_MEMORY_PREFS);
    await saveMemoryPrefs({ ...DEFAULT_MEMORY_PREFS, afterCheckIn: true });
    const stored = await fakeBrowser.storage.local.get(null);
    expect(Object.entries(stored).find(([key]) => key.startsWith('aside:'))?.[1]).toMatchObject({
      key: 'memories',
      value: 'garbled',
    });
  });
});
