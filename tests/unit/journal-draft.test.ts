// A journal line waits in a draft (storage.local) until its check-in is known to be stored with exactly
// that line: these follow a line through every point where its save can fail.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CheckIn } from '../../core/schema';
import {
  clearAllJournalDrafts,
  recoverJournalDrafts,
  saveJournalDraft,
  settleJournalDraft,
} from '../../platform/history/draft';
import * as store from '../../platform/history/store';

// The real store this file's tests run on: the module instance tests/unit/setup.ts resets before each
// test. Kept from the first import, because "worker stopped" below imports a fresh module graph
// (vi.resetModules) and `vi.importActual` after it returns that fresh copy, whose database
// connection setup.ts never closes: taking it made the tests after it see the check-ins of the ones
// before (found with `--sequence.shuffle`).
const real = vi.hoisted(() => ({ store: null as null | typeof import('../../platform/history/store') }));
vi.mock('../../platform/history/store', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../platform/history/store')>();
  real.store ??= actual;
  return { ...actual, saveCheckIn: vi.fn(actual.saveCheckIn), getCheckIn: vi.fn(actual.getCheckIn) };
});
const save = vi.mocked(store.saveCheckIn);
const get = vi.mocked(store.getCheckIn);
const realStore = () => real.store as typeof import('../../platform/history/store');
const refused = () => new DOMException('The write was refused.', 'UnknownError');

const T = 1_780_000_000_000;
const entry: CheckIn = {
  id: 'c1',
  at: T,
  feeling: 'sad',
  outletId: 'journal-line',
  outcome: 'done',
};
/** What the check-in hands to the draft at each keystroke: the entry with the line typed so far. */
const typed = (checkIn: CheckIn, text: string, at = T + 60_000) => {
  vi.setSystemTime(at);
  return saveJournalDraft({ ...checkIn, journal: text.trim() }, text);
};

const draftKeys = async () =>
  Object.keys(await fakeBrowser.storage.local.get(null))
    .filter((key) => key.startsWith('journalDraft'))
    .sort();
const stored = async (id = 'c1') => (await store.getCheckIn(id))?.journal;

describe('a journal draft', () => {
  beforeEach(async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    save.mockReset();
    save.mockImplementation(realStore().saveCheckIn);
    get.mockReset();
    get.mockImplementation(realStore().getCheckIn);
    // Each test starts clean, in whatever order they run: no check-in, no draft, the real clock.
    expect((await realStore().getCheckIn('c1')) ?? null).toBeNull();
    expect(await draftKeys()).toEqual([]);
    expect(Date.now()).toBeGreaterThan(T + 86_400_000);
  });
  afterEach(() => {
    // `typed` sets the clock; the next test starts on the real one.
    vi.useRealTimers();
  });

  it('write refused: the line stays in the draft, and the next open stores it', async () => {
    await store.saveCheckIn(entry); // stored as the outlet step starts
    await typed(entry, 'Half a thought');
    // Done: the save with the line is refused, so nothing settles the draft.
    save.mockRejectedValueOnce(refused());
    await expect(store.saveCheckIn({ ...entry, journal: 'Half a thought' })).rejects.toThrow();

    expect(await recoverJournalDrafts()).toMatchObject({ waiting: 0 });
    expect(await stored()).toBe('Half a thought');
    expect(await draftKeys()).toEqual([]);
  });

  it('a check-in never stored at all (the history refused every write) comes back with its line', async () => {
    await typed(entry, 'Only in the draft');
    const result = await recoverJournalDrafts();
    expect(result.stored).toEqual([{ ...entry, journal: 'Only in the draft' }]);
    expect(await stored()).toBe('Only in the draft');
    expect(await draftKeys()).toEqual([]);
  });

  it('page closed mid-write (the draft written, the save never ran): stored at the next open', async () => {
    await store.saveCheckIn(entry);
    await typed(entry, 'Typed, then the popup closed');
    await recoverJournalDrafts();
    expect(await stored()).toBe('Typed, then the popup closed');
    expect(await draftKeys()).toEqual([]);
  });

  it('recovery refused too: the draft stays, is counted as waiting, and a later open stores it', async () => {
    await typed(entry, 'Patience');
    save.mockRejectedValueOnce(refused());
    expect(await recoverJournalDrafts()).toEqual({ stored: [], waiting: 1 });
    expect(await draftKeys()).toEqual(['journalDraft:c1']);

    expect(await recoverJournalDrafts()).toMatchObject({ waiting: 0 });
    expect(await stored()).toBe('Patience');
    expect(await draftKeys()).toEqual([]);
  });

  it('the history unavailable, then available again: nothing is lost meanwhile', async () => {
    await typed(entry, 'While the history was away');
    get.mockRejectedValue(new DOMException('A mutation operation was attempted…', 'InvalidStateError'));
    expect(await recoverJournalDrafts()).toEqual({ stored: [], waiting: 1 });
    expect(await recoverJournalDrafts()).toEqual({ stored: [], waiting: 1 });
    expect(await draftKeys()).toEqual(['journalDraft:c1']);

    get.mockImplementation(realStore().getCheckIn);
    await recoverJournalDrafts();
    expect(await stored()).toBe('While the history was away');
  });

  it('a save that "worked" but did not keep the line is not taken at its word: the draft stays', async () => {
    await typed(entry, 'Read back, or it did not happen');
    save.mockResolvedValueOnce({ created: true }); // reports success, stores nothing
    expect(await recoverJournalDrafts()).toMatchObject({ waiting: 1 });
    expect(await draftKeys()).toEqual(['journalDraft:c1']);
  });

  it('worker stopped: nothing kept in memory is needed, a fresh context recovers from storage alone', async () => {
    await typed(entry, 'Before the stop');
    await store.resetHistoryForTests();
    vi.resetModules();
    const fresh = await import('../../platform/history/draft');
    const freshStore = await import('../../platform/history/store');
    try {
      await fresh.recoverJournalDrafts();
      expect(await stored()).toBe('Before the stop');
    } finally {
      // The fresh context's own database connection: closed, as the worker's is when it stops.
      await freshStore.resetHistoryForTests();
    }
  });

  it('two failed lines in two check-ins both wait, and both are stored', async () => {
    const other = { ...entry, id: 'c2', at: T + 3_600_000 };
    await typed(entry, 'The first line');
    await typed(other, 'The second line');
    expect(await draftKeys()).toEqual(['journalDraft:c1', 'journalDraft:c2']);
    await recoverJournalDrafts();
    expect(await stored('c1')).toBe('The first line');
    expect(await stored('c2')).toBe('The second line');
  });

  it('keeps what the check-in gained meanwhile (a later "did it help?")', async () => {
    await typed(entry, 'Line');
    await store.saveCheckIn({ ...entry, helpAsked: true, helped: 'yes' });
    await recoverJournalDrafts();
    expect(await store.getCheckIn('c1')).toMatchObject({
      ...entry,
      helpAsked: true,
      helped: 'yes',
      journal: 'Line',
    });
  });

  it('the same check-in saved later with another line: the newer line stays, the older draft goes', async () => {
    await typed(entry, 'An older line', T + 60_000);
    // The popup stores the check-in with a newer line (typed after the draft above was kept).
    vi.setSystemTime(T + 120_000);
    const newer = { ...entry, journal: 'A newer line' };
    await store.saveCheckIn(newer);
    expect(await settleJournalDraft(newer, T + 120_000)).toBe(true);
    await recoverJournalDrafts();
    expect(await stored()).toBe('A newer line');
    expect(await draftKeys()).toEqual([]);
  });

  it('settling keeps a draft typed after the save began, and one whose line is not what was stored', async () => {
    await store.saveCheckIn({ ...entry, journal: 'Saved' });
    await typed(entry, 'Saved, and more', T + 120_000);
    expect(await settleJournalDraft({ ...entry, journal: 'Saved' }, T + 60_000)).toBe(false);
    expect(await draftKeys()).toEqual(['journalDraft:c1']);
    // Claimed stored, but the history holds something else: the draft is not given up.
    expect(await settleJournalDraft({ ...entry, journal: 'Saved, and more' }, T + 180_000)).toBe(false);
    expect(await draftKeys()).toEqual(['journalDraft:c1']);
  });

  it('a line typed on while recovery runs is not overwritten by the older one', async () => {
    await typed(entry, 'Typed so far', T + 60_000);
    const real = get.getMockImplementation() as typeof store.getCheckIn;
    get.mockImplementationOnce(async (id) => {
      // Another page goes on typing this very check-in's line meanwhile.
      await typed(entry, 'Typed so far, and on', T + 90_000);
      return real(id);
    });
    await recoverJournalDrafts();
    expect(await stored()).not.toBe('Typed so far');
    // The newer words still wait (or are already stored): never the older ones over them.
    await recoverJournalDrafts();
    expect(await stored()).toBe('Typed so far, and on');
    expect(await draftKeys()).toEqual([]);
  });

  it('reads the single draft of an older Outlet once, the newest words winning', async () => {
    // Outlet before this change kept one draft, `journalDraft`, with the line inside its entry.
    await fakeBrowser.storage.local.set({
      journalDraft: { entry: { ...entry, id: 'old', journal: 'From before' }, text: 'From before' },
    });
    await recoverJournalDrafts();
    expect(await stored('old')).toBe('From before');
    expect(await draftKeys()).toEqual([]);

    // The same check-in in both: the per-check-in draft is newer than any old one.
    await fakeBrowser.storage.local.set({
      journalDraft: { entry: { ...entry, journal: 'Old words' }, text: 'Old words' },
    });
    await typed(entry, 'New words');
    await recoverJournalDrafts();
    expect(await stored()).toBe('New words');
    expect(await draftKeys()).toEqual([]);
  });

  it('forgets an emptied draft, and leaves an unreadable one as it is', async () => {
    await typed(entry, 'x');
    await typed(entry, '  ');
    expect(await draftKeys()).toEqual([]);
    await fakeBrowser.storage.local.set({ 'journalDraft:bad': { text: 42 } });
    expect(await recoverJournalDrafts()).toEqual({ stored: [], waiting: 0 });
    expect(await draftKeys()).toEqual(['journalDraft:bad']);
  });

  it('delete everything takes every draft, old and new', async () => {
    await fakeBrowser.storage.local.set({ journalDraft: { entry, text: 'old' } });
    await typed(entry, 'one');
    await typed({ ...entry, id: 'c2' }, 'two');
    await clearAllJournalDrafts();
    expect(await draftKeys()).toEqual([]);
  });
});
