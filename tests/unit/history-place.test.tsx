// The history page where the browser refuses IndexedDB (Firefox's "never remember history" mode):
// it works, and says once, plainly, where the words are kept.
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App as HistoryApp } from '../../entrypoints/history/App';
import { resetHistoryForTests, saveCheckIn } from '../../platform/history/store';
import { RefusingIDBFactory } from './history-backends';

afterEach(cleanup);
beforeEach(() => {
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
});

const NOW = new Date(2027, 0, 6, 18, 0).getTime();
const told = /kept in the extension's own storage on this device\. They stay after a restart\./;

async function openPage() {
  const view = render(<HistoryApp now={() => NOW} />);
  await screen.findByRole('heading', { level: 2, name: 'Check-ins' });
  return view;
}

describe('the history page without IndexedDB', () => {
  it('lists the check-ins and journal lines, and says once where they are kept', async () => {
    globalThis.indexedDB = new RefusingIDBFactory();
    await saveCheckIn({
      id: 'a',
      at: NOW - 60_000,
      feeling: 'sad',
      outletId: 'journal-line',
      outcome: 'done',
      journal: 'Written with history off',
    });
    const first = await openPage();
    expect(await screen.findByText(told)).toBeTruthy();
    expect(screen.getAllByText('Written with history off').length).toBeGreaterThan(0);
    expect(screen.queryByRole('alert')).toBeNull();
    first.unmount();
    // The next visit: already told.
    await resetHistoryForTests();
    await openPage();
    await screen.findAllByText('Written with history off');
    expect(screen.queryByText(told)).toBeNull();
  });

  it('says nothing about it where the database works', async () => {
    await openPage();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByText(told)).toBeNull();
  });
});
