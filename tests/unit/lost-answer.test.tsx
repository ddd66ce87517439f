// One truthful message when the background's answer is lost (issue 15). Firefox stops its MV3 event
// page when it pleases; stopped after it stored a pause but before its answer got back, the popup
// heard "failed" while storage said "paused", and showed "Paused until …" and "Couldn't pause just
// now." together. Here the real popup (entrypoints/popup/App.tsx) talks to the real background
// through a channel that loses the answer at the moment the page would have been stopped.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type NudgeChange, showsChange, step } from '../../core/schedule';
import { DEFAULT_SCHEDULE, DEFAULT_SETTINGS, type Schedule } from '../../core/schema';
import { HOUR } from '../../core/time';
import { App } from '../../entrypoints/popup/App';
import { pauseNudges, resumeNudges, startOutlet, startTimer, stopTimer } from '../../platform/changes';
import { loadSchedule, loadSettings, saveSchedule } from '../../platform/storage';
import { settle, startBackground, stopBackground, TUESDAY_MORNING } from './background-harness';
import { PROPERTY_BUDGET_MS } from './budgets';
import { deliver } from './page-channel';

const NOW = TUESDAY_MORNING;
// What Firefox answers a page whose message's receiver went away mid-answer.
const LOST = 'Could not establish connection. Receiving end does not exist.';

type Channel =
  /** The background stores the change; its answer never comes back. */
  | 'answer-lost'
  /** The page is stopped before its write lands; the write lands a moment after the failure is heard. */
  | 'write-lands-late'
  /** The page is stopped before it did anything. */
  | 'nothing-stored';

/** Pages' messages reach the real background, but its answer is lost as `channel` says. */
function loseAnswers(channel: Channel) {
  fakeBrowser.runtime.sendMessage = (async (message: unknown) => {
    if (channel === 'nothing-stored') throw new Error(LOST);
    if (channel === 'answer-lost') {
      await deliver(message);
      throw new Error(LOST);
    }
    // The failure is heard first; the stopped page's write is committed just after.
    setTimeout(() => void deliver(message), 20);
    throw new Error(LOST);
  }) as typeof fakeBrowser.runtime.sendMessage;
}

async function openPopup() {
  render(<App />);
  await screen.findByRole('button', { name: 'Settings' });
  await settle();
}

const statusLine = () => document.querySelector('.status-line')?.textContent ?? '';
const alertText = () => screen.queryByRole('alert')?.textContent ?? null;

/** Every error the page showed from now on, even for a moment (a screen reader reads each one out). */
function alertsShown(): string[] {
  const seen: string[] = [];
  const observer = new MutationObserver(() => {
    for (const alert of document.querySelectorAll('[role=alert]')) seen.push(alert.textContent ?? '');
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  return seen;
}

/** Waits for the stored state and the background's queue, then a few more turns of the page. */
async function settleAll() {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 60));
    await settle();
  });
}

beforeEach(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  await startBackground(NOW);
});
afterEach(() => {
  cleanup();
  stopBackground();
});

describe('a pause whose answer is lost', () => {
  it.each(['answer-lost', 'write-lands-late'] as const)(
    '%s: the pause was stored, so the popup says paused, and no error',
    async (channel) => {
      await openPopup();
      loseAnswers(channel);
      const shown = alertsShown();
      fireEvent.click(screen.getByRole('button', { name: 'Pause…' }));
      fireEvent.click(screen.getByRole('button', { name: 'Pause for 1 hour' }));
      await settleAll();

      expect((await loadSchedule(Date.now())).pausedUntil).toBe(NOW + HOUR);
      await waitFor(() => expect(statusLine()).toMatch(/^Paused until /));
      expect(alertText()).toBeNull();
      // A lost answer is checked against storage before anything is said: no error, not even briefly.
      if (channel === 'answer-lost') expect(shown).toEqual([]);
    },
  );

  it('nothing-stored: says it couldn’t, and does not say paused', async () => {
    await openPopup();
    loseAnswers('nothing-stored');
    fireEvent.click(screen.getByRole('button', { name: 'Pause…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Pause for 1 hour' }));
    await settleAll();

    expect((await loadSchedule(Date.now())).pausedUntil).toBeNull();
    await waitFor(() => expect(alertText()).toBe("Couldn't pause just now. Please try again."));
    expect(statusLine()).not.toMatch(/Paused/);
  });
});

describe('a resume whose answer is lost', () => {
  const paused = async () => {
    const schedule: Schedule = { ...(await loadSchedule(NOW)), pausedUntil: NOW + HOUR, pauseKind: 'pause' };
    await saveSchedule(schedule);
  };

  it.each(['answer-lost', 'write-lands-late'] as const)(
    '%s: the resume was stored, so the popup says when the next nudge comes, and no error',
    async (channel) => {
      await paused();
      await openPopup();
      expect(statusLine()).toMatch(/^Paused until /);
      loseAnswers(channel);
      fireEvent.click(screen.getByRole('button', { name: 'Resume nudges' }));
      await settleAll();

      expect((await loadSchedule(Date.now())).pausedUntil).toBeNull();
      await waitFor(() => expect(statusLine()).toMatch(/^Next nudge/));
      expect(alertText()).toBeNull();
    },
  );

  it('nothing-stored: says it couldn’t, and still says paused', async () => {
    await paused();
    await openPopup();
    loseAnswers('nothing-stored');
    fireEvent.click(screen.getByRole('button', { name: 'Resume nudges' }));
    await settleAll();
    await waitFor(() => expect(alertText()).toBe("Couldn't resume nudges just now. Please try again."));
    expect(statusLine()).toMatch(/^Paused until /);
  });
});

describe('the calmer pace, when the answer is lost', () => {
  const offered = () => saveSchedule({ ...DEFAULT_SCHEDULE, nextNudgeAt: NOW + HOUR, ignoredInRow: 3 });

  it.each([
    ['Every 90 minutes', 90],
    ['Keep as is', 60],
  ] as const)(
    '"%s", stored: the offer goes, the pace is %d minutes, and no error',
    async (button, interval) => {
      await offered();
      await openPopup();
      loseAnswers('answer-lost');
      fireEvent.click(await screen.findByRole('button', { name: button }));
      await settleAll();

      expect((await loadSchedule(Date.now())).ignoredInRow).toBe(0);
      expect((await loadSettings()).intervalMinutes).toBe(interval);
      await waitFor(() => expect(screen.queryByRole('button', { name: button })).toBeNull());
      expect(alertText()).toBeNull();
    },
  );

  it('"Keep as is", nothing stored: the offer stays, and the popup says it couldn’t', async () => {
    await offered();
    await openPopup();
    loseAnswers('nothing-stored');
    fireEvent.click(await screen.findByRole('button', { name: 'Keep as is' }));
    await settleAll();
    expect(screen.getByRole('button', { name: 'Keep as is' })).toBeTruthy();
    await waitFor(() => expect(alertText()).toBe("Couldn't save your choice just now. Please try again."));
  });
});

// The page's side alone: a lost answer is believed only once storage says the change is not there,
// so the popup says nothing at all (not even for a moment) when the change was made.
describe('a change whose answer is lost, as the page hears it', () => {
  it('resolves when the background stored it', async () => {
    loseAnswers('answer-lost');
    await expect(pauseNudges(NOW + HOUR, 'meeting')).resolves.toBeUndefined();
    await expect(resumeNudges()).resolves.toBeUndefined();
    await expect(startTimer(10, 'c1')).resolves.toBeUndefined();
    await expect(stopTimer()).resolves.toBeUndefined();
  });

  it('then the background makes its alarms follow storage: a stopped page may not have moved them', async () => {
    const paused = { ...(await loadSchedule(NOW)), pausedUntil: NOW + HOUR, pauseKind: 'pause' as const };
    await saveSchedule({ ...paused, nextNudgeAt: NOW + 2 * HOUR });
    await fakeBrowser.alarms.create('nudge', { when: NOW + 2 * HOUR });
    // The resume is stored, but the page stops before it moves the alarm and before it answers.
    fakeBrowser.runtime.sendMessage = (async (message: { type: string }) => {
      if (message.type !== 'resume') return deliver(message);
      await deliver(message);
      await fakeBrowser.alarms.create('nudge', { when: NOW + 2 * HOUR });
      throw new Error(LOST);
    }) as typeof fakeBrowser.runtime.sendMessage;

    await resumeNudges();
    const planned = (await loadSchedule(NOW)).nextNudgeAt;
    expect(planned).toBe(NOW + HOUR);
    await vi.waitFor(async () => {
      await settle();
      expect((await fakeBrowser.alarms.get('nudge'))?.scheduledTime).toBe(planned);
    });
  });

  it('rejects with the failure when nothing was stored', async () => {
    loseAnswers('nothing-stored');
    await expect(pauseNudges(NOW + HOUR, 'meeting')).rejects.toThrow(LOST);
    await expect(startTimer(10, 'c1')).rejects.toThrow(LOST);
  });

  it('"Start Outlet": resolves once the install’s note is gone, rejects while it stays', async () => {
    await fakeBrowser.storage.local.set({ 'welcome:pending': true });
    loseAnswers('nothing-stored');
    await expect(startOutlet()).rejects.toThrow(LOST);
    loseAnswers('answer-lost');
    await expect(startOutlet()).resolves.toBeUndefined();
    expect((await fakeBrowser.storage.local.get('welcome:pending'))['welcome:pending']).toBeUndefined();
    expect((await loadSchedule(Date.now())).nextNudgeAt).not.toBeNull();
  });

  it('a pause stored for another time is not the one asked for', async () => {
    loseAnswers('answer-lost');
    await pauseNudges(NOW + HOUR, 'pause');
    loseAnswers('nothing-stored');
    await expect(pauseNudges(NOW + 2 * HOUR, 'pause')).rejects.toThrow(LOST);
    await expect(pauseNudges(NOW + HOUR, 'meeting')).rejects.toThrow(LOST);
  });
});

describe('showsChange', () => {
  it(
    'agrees with the scheduler: whatever the schedule was, the change made shows',
    () => {
      const change: fc.Arbitrary<NudgeChange> = fc.oneof(
        fc.record({
          type: fc.constant('pause' as const),
          until: fc.integer({ min: NOW + 1, max: NOW + 26 * HOUR }),
          kind: fc.constantFrom('pause' as const, 'meeting' as const),
        }),
        fc.constant({ type: 'resume' as const }),
        fc.constant({ type: 'calmer-offer-dismissed' as const }),
      );
      const before = fc.record({
        pausedUntil: fc.option(fc.integer({ min: NOW - HOUR, max: NOW + 26 * HOUR })),
        pauseKind: fc.constantFrom('pause' as const, 'meeting' as const),
        ignoredInRow: fc.integer({ min: 0, max: 10 }),
      });
      fc.assert(
        fc.property(before, change, (patch, asked) => {
          const schedule: Schedule = { ...DEFAULT_SCHEDULE, ...patch, nextNudgeAt: NOW + HOUR };
          const made = step(DEFAULT_SETTINGS, schedule, asked, NOW).schedule;
          expect(showsChange(made, asked, NOW)).toBe(true);
        }),
        { numRuns: 300 },
      );
    },
    PROPERTY_BUDGET_MS,
  );
});
