// Imports that tell the truth (issue 15): a changed entry is named and the person chooses; what an
// export carries beyond the check-ins (set-aside values, unreadable entries) comes back; the delete
// confirmation counts every journal line.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildExportJson } from '../../core/data/export';
import { MAX_UNREADABLE } from '../../core/data/export-format';
import { parseImportFile } from '../../core/data/import';
import { type CheckIn, ID_MAX_LENGTH } from '../../core/schema';
import { localDayKey, localOffsetMinutes } from '../../core/time';
import {
  applyImport,
  deleteEverything,
  keepChosen,
  storedSummary,
  takeSnapshot,
} from '../../platform/data-transfer';
import { db } from '../../platform/history/db';
import { allCheckIns, checkInsPage, mergeCheckIns } from '../../platform/history/store';
import { loadSetAside, updateSettings } from '../../platform/settings';

const at = (day: number, hour = 9) => Date.UTC(2026, 10, day, hour);
const entry = (id: string, extra: Partial<CheckIn> = {}): CheckIn => ({
  id,
  at: at(2),
  feeling: 'calm',
  outletId: 'walk-street',
  outcome: 'done',
  ...extra,
});

/** A file as this device would export it, holding `checkIns`. */
async function fileOf(checkIns: CheckIn[]) {
  const snapshot = await takeSnapshot();
  const parsed = parseImportFile(buildExportJson({ ...snapshot, checkIns }, at(20)));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.data;
}

describe('an entry in the file that differs from the stored one', () => {
  it('is reported with both versions, and the stored one stays until the person chooses', async () => {
    await mergeCheckIns([entry('a', { journal: 'mine' }), entry('b')]);
    const file = await fileOf([entry('a', { journal: 'from the file' }), entry('b'), entry('c')]);
    const counts = await applyImport(file);
    expect(counts.checkIns).toEqual({
      added: 1,
      same: 1,
      differing: [
        {
          // As stored: with the local day the store files it under.
          stored: {
            ...entry('a', { journal: 'mine' }),
            day: localDayKey(at(2)),
            offset: localOffsetMinutes(at(2)),
          },
          incoming: entry('a', { journal: 'from the file' }),
        },
      ],
    });
    expect((await allCheckIns()).entries.find((e) => e.id === 'a')?.journal).toBe('mine');
  });

  it.each([
    ['mine', ['mine']],
    ['file', ['from the file']],
    ['both', ['mine', 'from the file']],
  ] as const)('keeps %s', async (choice, journals) => {
    await mergeCheckIns([entry('a', { journal: 'mine' })]);
    const { checkIns } = await applyImport(await fileOf([entry('a', { journal: 'from the file' })]));
    const done = await keepChosen(checkIns.differing, [choice], { newId: () => 'new-id' });
    expect(done).toEqual({ replaced: choice === 'file' ? 1 : 0, added: choice === 'both' ? 1 : 0 });
    const { entries } = await allCheckIns();
    expect(entries.map((e) => e.journal).sort()).toEqual([...journals].sort());
    if (choice === 'both') expect(entries.map((e) => e.id).sort()).toEqual(['a', 'new-id']);
    // The history page shows what was chosen, its day and all.
    const page = await checkInsPage({ limit: 10 });
    expect(page.entries.map((e) => e.journal).sort()).toEqual([...journals].sort());
  });
});

/** A stored check-in no longer readable: past a cap that came after it was stored. */
const overCap = { ...entry('x'.repeat(ID_MAX_LENGTH + 5)), journal: 'an old line' };

async function storeRaw(value: unknown) {
  const database = await db();
  await database.put('checkins', value as CheckIn);
}

describe('export, delete everything, import', () => {
  it('brings back the set-aside values and the unreadable entries, and says so; again adds nothing', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await mergeCheckIns([entry('a', { journal: 'kept' })]);
    await storeRaw(overCap);
    await fakeBrowser.storage.sync.set({ 'pref:families': ['nonsense'] });
    await updateSettings({ families: ['body'] }); // the broken original goes aside
    const before = await takeSnapshot();
    expect(before.setAside).toHaveLength(1);
    expect(before.unreadable).toEqual([overCap]);

    const text = buildExportJson(before, at(20));
    await deleteEverything();
    expect(await loadSetAside()).toEqual([]);
    const parsed = parseImportFile(text);
    if (!parsed.ok) throw new Error('refused');

    const counts = await applyImport(parsed.data);
    expect([counts.setAside, counts.unreadable]).toEqual([
      { added: 1, same: 0 },
      { added: 1, same: 0, full: 0 },
    ]);
    expect(await takeSnapshot()).toEqual(before);

    const again = await applyImport(parsed.data);
    expect([again.setAside, again.unreadable]).toEqual([
      { added: 0, same: 1 },
      { added: 0, same: 1, full: 0 },
    ]);
    expect(await takeSnapshot()).toEqual(before);
  });

  it('keeps unreadable entries only as many as an export carries, and counts the rest', async () => {
    const file = await fileOf([]);
    const values = Array.from({ length: MAX_UNREADABLE + 3 }, (_, i) => ({ broken: i }));
    const counts = await applyImport({ ...file, unreadable: values });
    expect(counts.unreadable).toEqual({ added: MAX_UNREADABLE, same: 0, full: 3 });
    expect((await takeSnapshot()).unreadable).toHaveLength(MAX_UNREADABLE);
  });

  it('does not take an unreadable entry still in the history for a new one', async () => {
    await storeRaw(overCap);
    const file = await fileOf([]);
    const counts = await applyImport({ ...file, unreadable: [overCap] });
    expect(counts.unreadable).toEqual({ added: 0, same: 1, full: 0 });
  });
});

describe('what "delete everything" names', () => {
  it('counts every line of a list or a page, and the lines of entries it can no longer read', async () => {
    await mergeCheckIns([
      entry('one', { journal: 'one line' }),
      entry('list', { journal: 'bread\nmilk\n\n  \ncall Sam' }),
      entry('page', { journal: 'First,\r\nthen second.' }),
      entry('none'),
      entry('blank', { journal: '   ' }),
    ]);
    await storeRaw(overCap);
    expect(await storedSummary()).toEqual({
      checkIns: 6,
      journalLines: 7,
      people: 0,
      ownOutlets: 0,
      moodNames: 0,
    });
  });
});
