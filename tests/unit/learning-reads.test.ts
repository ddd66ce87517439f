// What the picker learned is read on the person's path: at every popup open and at every save.
// storage.sync also holds every preference, and storage.local may hold the whole history (where the
// browser refuses IndexedDB), so these reads ask for the learning keys only (`learn:<id>` in sync,
// `learning:totals` and the device id in local), and the popup reuses what its head script read.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EMPTY_LEARNED, learn } from '../../core/learning';
import type { CheckIn } from '../../core/schema';
import { startEarlyRead, takeEarlyRead } from '../../platform/early-read';
import {
  learnedFromEarlyRead,
  learnedSourceFrom,
  learnFromCheckIn,
  readLearned,
} from '../../platform/learning';

type Area = typeof fakeBrowser.storage.sync & { getKeys?: () => Promise<string[]> };
const sync = fakeBrowser.storage.sync as Area;
const local = fakeBrowser.storage.local as unknown as Area;

const AT = Date.UTC(2026, 0, 2);
const walk: CheckIn = {
  id: 'c1',
  at: AT,
  feeling: 'sad',
  outletId: 'walk-street',
  outcome: 'done',
  after: 'lighter',
};

/** The keys asked of an area since the spy began; `null` for a read of everything. */
function watchReads(area: Area) {
  const get = vi.spyOn(area, 'get');
  return {
    calls: () => get.mock.calls.length,
    asked: () =>
      get.mock.calls.flatMap(([keys]) =>
        keys === null || keys === undefined ? [null] : Array.isArray(keys) ? keys : [keys],
      ),
  };
}

beforeEach(async () => {
  // The browsers Outlet runs on list keys alone (Chrome 130, Firefox 143); the fake doesn't.
  for (const area of [sync, local]) {
    const get = area.get.bind(area);
    area.getKeys = async () => Object.keys(await get(null));
  }
  const other = learn(EMPTY_LEARNED, 'other-one', null, { ...walk, outletId: 'doodle' }, AT);
  await sync.set({
    'pref:intervalMinutes': 45,
    'pref:families': ['body', 'movement'],
    'learn:other-one': other.devices['other-one'],
  });
  await local.set({ settings$moved: true, 'learning:device': 'this-one' });
});

afterEach(() => {
  for (const area of [sync, local]) Reflect.deleteProperty(area, 'getKeys');
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('reading what the picker learned', () => {
  it('at the open, asks sync for the learn: items alone, never for everything', async () => {
    const reads = watchReads(sync);
    const learned = await readLearned();
    expect(Object.keys(learned.devices)).toEqual(['other-one']);
    expect(reads.asked()).not.toContain(null);
    expect(reads.asked().every((key) => key?.startsWith('learn:'))).toBe(true);
  });

  it('at a save, reads each area once, the learning keys alone, and counts the check-in', async () => {
    await learnFromCheckIn(null, walk, async () => [], AT); // the first save seeds this browser's totals
    const syncReads = watchReads(sync);
    const localReads = watchReads(local);
    await learnFromCheckIn(null, { ...walk, id: 'c2', at: AT + 1 }, async () => [], AT + 1);
    expect(syncReads.asked()).not.toContain(null);
    expect(syncReads.asked().every((key) => key?.startsWith('learn:'))).toBe(true);
    expect(localReads.calls()).toBe(1);
    expect(localReads.asked().sort()).toEqual(['learning:device', 'learning:totals']);
    const learned = await readLearned();
    expect(Object.keys(learned.devices).sort()).toEqual(['other-one', 'this-one']);
    expect(learned.devices['this-one']?.outlets['walk-street']?.[0]).toBeGreaterThan(1);
  });

  it("at the popup's open, takes what the head script read instead of reading again", async () => {
    vi.stubGlobal('chrome', fakeBrowser);
    startEarlyRead();
    const early = await learnedFromEarlyRead(takeEarlyRead());
    expect(early).toEqual(await readLearned());
    const syncReads = watchReads(sync);
    const localReads = watchReads(local);
    const source = learnedSourceFrom(early);
    expect(await source.load()).toEqual(early);
    expect(syncReads.calls() + localReads.calls()).toBe(0);
    // After a change, it reads afresh.
    await source.load();
    expect(localReads.calls()).toBeGreaterThan(0);
  });
});
