// The defect as seen in Chromium and Firefox (issue 15): lines typed while the history refused every
// write waited in the draft, and the next open threw them away ("0 of 3 lines kept"). Here the whole
// popup runs (entrypoints/popup/App.tsx with the real storage and history), only the history's write
// is made to fail.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App as HistoryApp } from '../../entrypoints/history/App';
import { App } from '../../entrypoints/popup/App';
import * as store from '../../platform/history/store';
import { updateSettings } from '../../platform/settings';

vi.mock('../../platform/history/store', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../platform/history/store')>();
  return { ...real, saveCheckIn: vi.fn(real.saveCheckIn), getCheckIn: vi.fn(real.getCheckIn) };
});
const save = vi.mocked(store.saveCheckIn);

const draftKeys = async () =>
  Object.keys(await fakeBrowser.storage.local.get(null)).filter((key) => key.startsWith('journalDraft'));
const storedLines = async () =>
  (await store.allCheckIns()).entries.map((entry) => entry.journal ?? null).filter((line) => line !== null);

/** "Sad", then "Another idea" until the outlet is a line to write. */
async function journalField() {
  fireEvent.click(await screen.findByRole('button', { name: 'Sad' }));
  await screen.findByRole('button', { name: 'Another idea' });
  for (let i = 0; i < 50; i++) {
    const field = screen.queryByRole('textbox', { name: 'One line for your journal' });
    if (field) return field;
    fireEvent.click(screen.getByRole('button', { name: 'Another idea' }));
  }
  throw new Error('no journal line offered');
}

/** Opens the popup, writes `line` as the journal outlet's line, presses Done, and closes it again. */
async function checkInWithLine(line: string, { fails }: { fails: boolean }) {
  const view = render(<App />);
  fireEvent.input(await journalField(), { target: { value: line } });
  fireEvent.click(screen.getByRole('button', { name: 'Done' }));
  if (fails) expect((await screen.findByRole('alert')).textContent).toMatch(/couldn't be saved/);
  else await screen.findByRole('heading', { name: 'Thanks for taking a moment for yourself.' });
  // Whatever the popup handed to storage is there before it closes.
  await new Promise((resolve) => setTimeout(resolve, 20));
  view.unmount();
}

describe('journal lines typed while the history refuses to save', () => {
  beforeEach(async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    save.mockReset();
    save.mockImplementation(
      (await vi.importActual<typeof store>('../../platform/history/store')).saveCheckIn,
    );
    await updateSettings({ families: ['journaling'] });
  });
  afterEach(cleanup);

  it('keeps all three lines and stores them at the next open', async () => {
    const works = save.getMockImplementation();
    save.mockRejectedValue(new DOMException('The write was refused.', 'UnknownError'));
    await checkInWithLine('First, a heavy morning.', { fails: true });
    await checkInWithLine('Second, the bus was late.', { fails: true });
    await checkInWithLine('Third, lighter now.', { fails: true });
    expect(await storedLines()).toEqual([]);
    expect(await draftKeys()).toHaveLength(3);

    save.mockImplementation(works as typeof store.saveCheckIn);
    render(<App />);
    await waitFor(async () => expect(await draftKeys()).toEqual([]));
    expect(await storedLines()).toEqual([
      'First, a heavy morning.',
      'Second, the bus was late.',
      'Third, lighter now.',
    ]);
  });

  it('says where the lines wait when the next open still cannot store them, and keeps them', async () => {
    save.mockRejectedValue(new DOMException('The write was refused.', 'UnknownError'));
    await checkInWithLine('Still waiting.', { fails: true });
    render(<App />);
    expect(
      await screen.findByText(
        'A journal line of yours is kept safe on this device. It goes into your history as soon as it can be saved.',
      ),
    ).toBeTruthy();
    expect(await draftKeys()).toHaveLength(1);
  });

  it('a line saved on the second try leaves no draft, and nothing older comes back over it', async () => {
    const works = save.getMockImplementation();
    save.mockImplementation(async (entry) => {
      // The first save of the step (the check-in as offered) works, the one with the line doesn't.
      if (entry.journal && save.mock.calls.filter(([e]) => e.journal).length === 1)
        throw new DOMException('The write was refused.', 'UnknownError');
      return (works as typeof store.saveCheckIn)(entry);
    });
    const view = render(<App />);
    const field = await journalField();
    fireEvent.input(field, { target: { value: 'A first try.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    await screen.findByRole('alert');
    fireEvent.input(field, { target: { value: 'A second try, better.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    await screen.findByRole('heading', { name: 'Thanks for taking a moment for yourself.' });
    await waitFor(async () => expect(await draftKeys()).toEqual([]));
    view.unmount();

    render(<App />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await storedLines()).toEqual(['A second try, better.']);
  });

  it('the history page puts a waiting line in too, and shows it in the journal', async () => {
    const works = save.getMockImplementation();
    save.mockRejectedValue(new DOMException('The write was refused.', 'UnknownError'));
    await checkInWithLine('Written in the popup.', { fails: true });
    render(<HistoryApp now={() => Date.now()} />);
    expect(await screen.findByText(/kept safe on this device/)).toBeTruthy();
    cleanup();

    save.mockImplementation(works as typeof store.saveCheckIn);
    render(<HistoryApp now={() => Date.now()} />);
    const journal = await screen.findByRole('region', { name: 'Journal' });
    await waitFor(() => expect(journal.textContent).toContain('Written in the popup.'));
    // The draft goes once its save has finished (what the picker learned from it is kept first).
    await waitFor(async () => expect(await draftKeys()).toEqual([]));
    expect(screen.queryByText(/kept safe on this device/)).toBeNull();
  });
});
