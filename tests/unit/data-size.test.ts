// Issue 16: the figure of what Outlet keeps went up after "Delete everything" (92.8 → 111.8 kB in
// Chromium): it was the browser's estimate of the database's files, which a delete grows until they
// are compacted. `dataSize` counts what the person's data takes instead, so it falls with a delete.
import { describe, expect, it } from 'vitest';
import type { CheckIn } from '../../core/schema';
import { type DataAccess, dataSize, deleteEverything, storeAccess } from '../../platform/data-transfer';
import { allCheckIns, mergeCheckIns } from '../../platform/history/store';
import { addTrustedPerson, updateSettings } from '../../platform/settings';

const HOUR = 3_600_000;
const entry = (i: number, journal?: string): CheckIn => ({
  id: `c${String(i).padStart(4, '0')}`,
  at: 1_780_000_000_000 + i * HOUR,
  feeling: 'calm',
  outletId: 'walk-street',
  outcome: 'done',
  ...(journal === undefined ? {} : { journal }),
});
const bytesOf = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

describe('dataSize', () => {
  it('counts the check-ins as stored, and the storage areas', async () => {
    await updateSettings({ intervalMinutes: 90 });
    await addTrustedPerson({ id: 'p', name: 'Ana' });
    await mergeCheckIns(
      Array.from({ length: 30 }, (_, i) => entry(i, i % 2 ? 'Ça va — 静かな朝' : undefined)),
    );
    const areas = await storeAccess.areaBytes();
    expect(areas.historyInside).toBe(false);
    expect(areas.bytes).toBeGreaterThan(0);
    const stored = (await allCheckIns()).entries;
    const exact = stored.reduce((sum, e) => sum + bytesOf(e), 0);
    expect(await dataSize()).toBe(areas.bytes + exact);
  });

  it('falls after "Delete everything" to what the preferences take', async () => {
    await updateSettings({ intervalMinutes: 90 });
    await addTrustedPerson({ id: 'p', name: 'Ana' });
    await mergeCheckIns(
      Array.from({ length: 134 }, (_, i) => entry(i, i % 3 ? undefined : 'A line '.repeat(20))),
    );
    const before = await dataSize();
    await deleteEverything();
    const after = await dataSize();
    expect(after).toBeLessThan(before / 10);
    expect(after).toBe((await storeAccess.areaBytes()).bytes);
  });

  it('counts a long history from its newest check-ins, in a bounded read', async () => {
    const entries = Array.from({ length: 50 }, (_, i) => entry(i, 'same size'));
    const read: number[] = [];
    const access: DataAccess = {
      ...storeAccess,
      areaBytes: async () => ({ bytes: 100, historyInside: false }),
      countCheckIns: async () => 50,
      checkInsPage: async ({ limit }) => {
        read.push(limit);
        return { entries: entries.slice(-limit).reverse(), next: null };
      },
    };
    expect(await dataSize(access, 10)).toBe(100 + 50 * bytesOf(entries[0]));
    expect(read).toEqual([10]);
  });

  it('counts a history kept in storage.local once, with the area that holds it', async () => {
    const access: DataAccess = {
      ...storeAccess,
      areaBytes: async () => ({ bytes: 5000, historyInside: true }),
      countCheckIns: async () => 40,
      checkInsPage: async () => {
        throw new Error('not read: the area holds it');
      },
    };
    expect(await dataSize(access)).toBe(5000);
  });
});
