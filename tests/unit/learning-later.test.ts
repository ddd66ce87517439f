// What a check-in teaches the picker is written after the next step is drawn (issue 15, item 5): a
// save waited for the learner's reads and writes of storage (the lock, the device id, the totals
// here and in sync) before "Done" could show the next step. Moved off that path, it must still never
// be lost: the change is kept at once, under its own key, until the totals hold it; a page closed
// first, or a write that fails, leaves it for the next open; and it is never counted twice.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pooled } from '../../core/learning';
import type { CheckIn } from '../../core/schema';
import * as store from '../../platform/history/store';
import { readLearned } from '../../platform/learning';
import {
  forgetLessonsForTests,
  learnLater,
  learnWaiting,
  lessonsSettled,
} from '../../platform/learning-later';
import { LEARN_WAITING_PREFIX, LEARNING_KEY } from '../../platform/storage-keys';

const NOW = Date.now();
const checkIn = (more: Partial<CheckIn> = {}): CheckIn => ({
  id: 'c1',
  // After the totals began (evidence from before they did is in their seed).
  at: NOW + 3_600_000,
  feeling: 'anxious',
  outletId: 'walk-street',
  outcome: 'done',
  shown: ['walk-street'],
  ...more,
});
const noSeed = async () => [];

/** The evidence for walking, as the picker reads it now. */
const walks = async () => pooled(await readLearned(), Date.now()).outlets.get('walk-street') ?? [0, 0];
const waitingKeys = async () =>
  Object.keys(await fakeBrowser.storage.local.get(null)).filter((key) =>
    key.startsWith(LEARN_WAITING_PREFIX),
  );

/** Gives this browser totals, so a lesson is learned as a change (the first one seeds them). */
async function withTotals(): Promise<void> {
  learnLater(
    { before: null, after: checkIn({ id: 'seed', feeling: 'calm', outletId: 'journal-line' }) },
    noSeed,
  );
  await lessonsSettled();
}

afterEach(async () => {
  await lessonsSettled();
  vi.restoreAllMocks();
});

describe('what a saved check-in teaches the picker', () => {
  it('is not waited for by the save: the totals are written after it resolves, the change kept meanwhile', async () => {
    await withTotals();
    const totalsWritten = vi.fn();
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
      if (Object.hasOwn(items, LEARNING_KEY)) totalsWritten();
      return set(items);
    });
    await store.saveCheckIn(checkIn({ journal: 'my words', helped: 'yes' }));
    expect(totalsWritten).not.toHaveBeenCalled();
    const kept = await waitingKeys();
    expect(kept).toHaveLength(1);
    // Without the words: the picker never reads them.
    expect(JSON.stringify(await fakeBrowser.storage.local.get(kept))).not.toContain('my words');
    await lessonsSettled();
    expect(totalsWritten).toHaveBeenCalledTimes(1);
    expect((await walks())[0]).toBeGreaterThan(0);
    expect(await waitingKeys()).toEqual([]);
  });

  it('is taken in at the next open when its page closed before it was learned, and only once', async () => {
    await withTotals();
    const before = await walks();
    // A page that closes before its `later` runs: the lesson only ever reached storage.
    learnLater({ before: null, after: checkIn({ helped: 'yes' }) }, noSeed, () => undefined);
    await vi.waitFor(async () => expect(await waitingKeys()).toHaveLength(1));
    // This page's own lesson is its own to take in; a later page takes in what was left behind.
    forgetLessonsForTests();
    await learnWaiting(noSeed);
    const learned = await walks();
    expect(learned[0]).toBeGreaterThan(before[0]);
    expect(await waitingKeys()).toEqual([]);
    await learnWaiting(noSeed);
    // The same evidence (faded by the milliseconds since), not twice as much.
    expect((await walks())[0]).toBeCloseTo(learned[0] as number, 5);
  });

  it('waits, and says so, when the totals cannot be written, and is taken in at the next open', async () => {
    await withTotals();
    const before = await walks();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    const refuse = vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
      if (Object.hasOwn(items, LEARNING_KEY)) throw new Error('QUOTA_BYTES quota exceeded');
      return set(items);
    });
    learnLater({ before: null, after: checkIn({ helped: 'yes' }) }, noSeed);
    await lessonsSettled();
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('waits to be kept at the next open'),
      expect.any(Error),
    );
    expect(await walks()).toEqual(before);
    expect(await waitingKeys()).toHaveLength(1);
    refuse.mockRestore();
    await learnWaiting(noSeed);
    expect((await walks())[0]).toBeGreaterThan(before[0]);
    expect(await waitingKeys()).toEqual([]);
  });

  it('is not taken in twice when another page takes in waiting lessons meanwhile', async () => {
    await withTotals();
    const before = await walks();
    let run: () => void = () => undefined;
    learnLater({ before: null, after: checkIn({ helped: 'yes' }) }, noSeed, (later) => {
      run = later;
    });
    await vi.waitFor(async () => expect(await waitingKeys()).toHaveLength(1));
    // Another page's open (its own context: this one's lessons in flight are not its).
    await fakeBrowser.storage.local.set({
      [`${LEARN_WAITING_PREFIX}other`]: { before: null, after: checkIn({ id: 'c2', helped: 'yes' }) },
    });
    await learnWaiting(noSeed);
    const afterOther = await walks();
    run();
    await lessonsSettled();
    const once = await walks();
    expect(once[0]).toBeGreaterThan(afterOther[0]);
    expect(afterOther[0]).toBeGreaterThan(before[0]);
    expect(await waitingKeys()).toEqual([]);
  });

  it('is not counted twice when its page closes after the totals hold it, before its key is removed', async () => {
    await withTotals();
    const before = await walks();
    // The totals are written here, then sent to sync; the page closes while that send is on its way,
    // so the lesson's own key is never removed by it.
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockImplementation(() => new Promise(() => undefined));
    learnLater({ before: null, after: checkIn({ helped: 'yes' }) }, noSeed);
    await vi.waitFor(async () => expect((await walks())[0]).toBeGreaterThan(before[0]));
    const learned = await walks();
    forgetLessonsForTests();
    vi.restoreAllMocks();
    // The next open takes in what was left waiting: this lesson is already in the totals.
    await learnWaiting(noSeed);
    expect((await walks())[0]).toBeCloseTo(learned[0] as number, 5);
    expect(await waitingKeys()).toEqual([]);
  });

  it('is not counted twice when the page taking in waiting lessons closes before removing them', async () => {
    await withTotals();
    const before = await walks();
    let run: () => void = () => undefined;
    learnLater({ before: null, after: checkIn({ helped: 'yes' }) }, noSeed, (later) => {
      run = later;
    });
    await vi.waitFor(async () => expect(await waitingKeys()).toHaveLength(1));
    // Another page takes it in (its own context, its own modules) and closes while the totals go
    // to sync.
    vi.resetModules();
    const otherPage = await import('../../platform/learning-later');
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockImplementation(() => new Promise(() => undefined));
    void otherPage.learnWaiting(noSeed);
    await vi.waitFor(async () => expect((await walks())[0]).toBeGreaterThan(before[0]));
    const learned = await walks();
    vi.restoreAllMocks();
    // This page's own turn comes, and then a next open's.
    run();
    await lessonsSettled();
    await learnWaiting(noSeed);
    expect((await walks())[0]).toBeCloseTo(learned[0] as number, 5);
    expect(await waitingKeys()).toEqual([]);
  });

  it('goes with "Delete everything", lessons still waiting too', async () => {
    await withTotals();
    learnLater({ before: null, after: checkIn({ helped: 'yes' }) }, noSeed, () => undefined);
    await vi.waitFor(async () => expect(await waitingKeys()).toHaveLength(1));
    forgetLessonsForTests();
    await store.deleteAllHistory();
    expect(await waitingKeys()).toEqual([]);
    await learnWaiting(noSeed);
    expect(await walks()).toEqual([0, 0]);
  });
});
