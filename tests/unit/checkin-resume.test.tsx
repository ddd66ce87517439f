// The check-in outlives the popup (issue 16): the whole popup (entrypoints/popup/App.tsx with the real
// storage, history and background) is closed and opened again, and comes back to where the person
// was. Before, a popup opened mid-walk led with "How are you right now?" (the walk below it), "How
// was that?" came only if the popup had stayed open, and a feeling picked was recorded at once.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RESUME_WITHIN } from '../../core/checkin/resume';
import type { CheckIn } from '../../core/schema';
import { HOUR, MINUTE } from '../../core/time';
import { App } from '../../entrypoints/popup/App';
import { TIMER_ALARM } from '../../platform/alarms';
import * as store from '../../platform/history/store';
import { updateSettings } from '../../platform/settings';
import { saveContext } from '../../platform/storage';
import { settle, startBackground, stopBackground, TUESDAY_MORNING } from './background-harness';
import { deliver } from './page-channel';

const START = TUESDAY_MORNING;
const stored = async () => (await store.allCheckIns()).entries;

/** Opens the popup; resolves once the app has drawn its step. */
async function openPopup() {
  const view = render(<App />);
  await screen.findByRole('button', { name: 'Need more support?' });
  // The stored check-in is read after the first render when there is no head script's read.
  await new Promise((resolve) => setTimeout(resolve, 20));
  return view;
}

/** Closes the popup, once what it handed to storage is there. */
async function closePopup(view: ReturnType<typeof render>) {
  await settle();
  view.unmount();
}

async function startWalk() {
  fireEvent.click(await screen.findByRole('button', { name: 'Stressed' }));
  for (let i = 0; i < 40 && !screen.queryByRole('button', { name: 'Start a 10-minute walk' }); i++)
    fireEvent.click(screen.getByRole('button', { name: 'Another idea' }));
  const title = screen.getByRole('heading', { level: 1 }).textContent;
  fireEvent.click(screen.getByRole('button', { name: 'Start a 10-minute walk' }));
  await settle();
  return title;
}

describe('a popup opened again comes back to the check-in under way', () => {
  beforeEach(async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await startBackground(START);
    // Pages reach the background as in the browser (the fake's sendMessage answers nothing).
    fakeBrowser.runtime.sendMessage = ((message: unknown) =>
      deliver(message)) as typeof fakeBrowser.runtime.sendMessage;
    await updateSettings({ families: ['movement'] });
    await saveContext({ canStepAway: true, alone: true, minutes: 15 });
  });
  afterEach(() => {
    cleanup();
    stopBackground();
  });

  it('mid-walk, to the walk: its countdown first, no feelings, nothing recorded yet', async () => {
    const view = await openPopup();
    const title = await startWalk();
    expect(screen.getByRole('button', { name: 'Stop early' })).toBeTruthy();
    await closePopup(view);

    vi.setSystemTime(START + 3 * MINUTE);
    await openPopup();
    await screen.findByRole('button', { name: 'Stop early' });
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual([title]);
    expect(screen.queryByRole('button', { name: 'Stressed' })).toBeNull();
    // Three minutes in: seven left, from the walk's stored end.
    expect(screen.getByRole('timer').textContent).toBe('07:00');
    expect(await stored()).toEqual([]);
  });

  it('after its end ("time\'s up" shown), to "And now?", the walk recorded once', async () => {
    const view = await openPopup();
    await startWalk();
    await closePopup(view);

    vi.setSystemTime(START + 10 * MINUTE + 1000);
    const alarm = await fakeBrowser.alarms.get(TIMER_ALARM);
    await fakeBrowser.alarms.onAlarm.trigger(alarm as NonNullable<typeof alarm>);
    await settle();

    await openPopup();
    // "And now?", with "Welcome back" after ten minutes away (core/away.ts).
    expect((await screen.findAllByRole('heading', { level: 1 })).map((h) => h.textContent)).toEqual([
      'And now?',
    ]);
    expect(screen.getByRole('group', { name: 'Welcome back. Compared with before:' })).toBeTruthy();
    await waitFor(async () =>
      expect(await stored()).toMatchObject([{ feeling: 'stressed', outcome: 'done' }]),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Lighter' }));
    await waitFor(async () => expect(await stored()).toMatchObject([{ outcome: 'done', after: 'lighter' }]));
  });

  it('to a "did it help?" still waiting (as an earlier version stored it), before anything else', async () => {
    const walked: CheckIn = {
      id: 'walked',
      at: START,
      feeling: 'stressed',
      outletId: 'walk-street',
      outcome: 'done',
      shown: ['walk-street'],
    };
    vi.setSystemTime(START + 12 * MINUTE);
    await fakeBrowser.storage.local.set({
      checkinFlow: {
        step: { name: 'helped', entry: walked, awaySince: START },
        lineOf: null,
        answered: [],
        savedAt: START + 10 * MINUTE,
      },
    });
    await openPopup();
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual(['Welcome back']);
    expect(screen.getByText('Did it help?')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Stressed' })).toBeNull();
  });

  it('not a check-in left long ago: the first screen, and nothing recorded', async () => {
    const left: CheckIn = {
      id: 'left',
      at: START,
      feeling: 'sad',
      outletId: 'walk-street',
      outcome: 'skipped',
      shown: ['walk-street'],
    };
    await fakeBrowser.storage.local.set({
      checkinFlow: {
        step: { name: 'outlet', entry: left, reason: null, journalPrompt: '' },
        lineOf: null,
        answered: [],
        savedAt: START,
      },
    });
    vi.setSystemTime(START + RESUME_WITHIN + MINUTE);
    await openPopup();
    expect(screen.getByRole('heading', { level: 1, name: 'How are you right now?' })).toBeTruthy();
    expect(await stored()).toEqual([]);
    // And the stale one is gone: the next open doesn't weigh it again.
    await waitFor(async () =>
      expect((await fakeBrowser.storage.local.get('checkinFlow')).checkinFlow).toBeUndefined(),
    );
    vi.setSystemTime(START + 2 * HOUR);
  });

  it('a line typed, then "Back to feelings", then the popup closed: offered again in the next check-in', async () => {
    await updateSettings({ families: ['journaling'] });
    const view = await openPopup();
    fireEvent.click(screen.getByRole('button', { name: 'Sad' }));
    fireEvent.input(await screen.findByRole('textbox'), { target: { value: 'Not sure how I feel.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Back to feelings' }));
    await closePopup(view);

    vi.setSystemTime(START + 2 * MINUTE);
    await openPopup();
    fireEvent.click(screen.getByRole('button', { name: 'Calm' }));
    expect(((await screen.findByRole('textbox')) as HTMLInputElement).value).toBe('Not sure how I feel.');
    // Nothing was recorded meanwhile: not the Sad check-in, not its line (the draft waited for this one).
    expect(await stored()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(async () =>
      expect(await stored()).toMatchObject([
        { feeling: 'calm', outcome: 'done', journal: 'Not sure how I feel.' },
      ]),
    );
  });
});
