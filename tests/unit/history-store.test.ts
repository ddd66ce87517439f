import { expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { localDayKey, localOffsetMinutes } from '../../core/time';
import {
  allCheckIns,
  checkInsOnDays,
  checkInsPage,
  countCheckIns,
  daySummaries,
  deleteAllHistory,
  deleteCheckIn,
  mergeCheckIns,
  putCheckIns,
  recentCheckIns,
  resetHistoryForTests,
  saveCheckIn,
} from '../../platform/history/store';
import { BASE as base, describeEachBackend, entry, HOUR } from './history-backends';

describeEachBackend('the history database', (_backend) => {
  it('keeps every entry and reads them oldest first', async () => {
    await saveCheckIn(entry('b', base + HOUR));
    await saveCheckIn(entry('a', base));
    expect((await allCheckIns()).entries.map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('says whether a save made a new check-in or updated one', async () => {
    expect(await saveCheckIn(entry('a', base))).toEqual({ created: true });
    expect(await saveCheckIn(entry('a', base, { helped: 'yes' }))).toEqual({ created: false });
    expect(await countCheckIns()).toBe(1);
  });

  it('keeps a day summary in step with the entries, numb and can-tell as their own states', async () => {
    await saveCheckIn(entry('a', base, { feeling: 'numb', helped: 'yes' }));
    await saveCheckIn(entry('b', base + HOUR, { feeling: 'cant-tell', journal: 'a line' }));
    await saveCheckIn(entry('c', base + 2 * HOUR, { feeling: 'numb', outcome: 'skipped' }));
    const day = localDayKey(base);
    const [summary] = await daySummaries(day, day);
    expect(summary).toMatchObject({ day, count: 3, done: 2, journal: 1 });
    expect(summary?.feelings).toEqual({ numb: 2, 'cant-tell': 1 });
    expect(summary?.helped).toEqual({ 'walk-street': { yes: 1, aBit: 0, no: 0 } });
    await deleteCheckIn('a');
    expect((await daySummaries(day, day))[0]).toMatchObject({ count: 2, helped: {} });
    await deleteCheckIn('b');
    await deleteCheckIn('c');
    expect(await daySummaries(day, day)).toEqual([]);
  });

  it('reads a bounded number of recent entries, whatever the size of the history', async () => {
    await mergeCheckIns(Array.from({ length: 300 }, (_, i) => entry(`e${i}`, base + i * 1000)));
    const recent = await recentCheckIns({ since: base + 100_000, limit: 50 });
    expect(recent).toHaveLength(50);
    expect(recent.at(-1)?.id).toBe('e299');
    expect(recent[0]?.id).toBe('e250');
    expect(await recentCheckIns({ since: base + 295_000, limit: 50 })).toHaveLength(5);
  });

  it('pages newest first and searches the journal', async () => {
    await mergeCheckIns([
      entry('a', base, { journal: 'Walked the dog' }),
      entry('b', base + 1000),
      entry('c', base + 2000, { journal: 'A DOG barked' }),
      entry('d', base + 3000, { journal: 'tea' }),
    ]);
    const first = await checkInsPage({ limit: 2 });
    expect(first.entries.map((c) => c.id)).toEqual(['d', 'c']);
    const second = await checkInsPage({ limit: 2, before: first.next ?? 0 });
    expect(second.entries.map((c) => c.id)).toEqual(['b', 'a']);
    expect(second.next).toBeNull();
    const found = await checkInsPage({ limit: 10, journalOnly: true, query: 'dog' });
    expect(found.entries.map((c) => c.id)).toEqual(['c', 'a']);
  });

  it('merges by id: the same entries twice add nothing, and stored ones are left as they are', async () => {
    await saveCheckIn(entry('a', base));
    expect(await mergeCheckIns([entry('a', base), entry('b', base + 1)])).toEqual({
      added: 1,
      same: 1,
      differing: [],
    });
    expect(await mergeCheckIns([entry('a', base), entry('b', base + 1)])).toEqual({
      added: 0,
      same: 2,
      differing: [],
    });
    expect(await countCheckIns()).toBe(2);
  });

  it('reports a stored entry that differs from the incoming one, and leaves it as stored', async () => {
    await saveCheckIn(entry('a', base, { helped: 'yes' }));
    const result = await mergeCheckIns([entry('a', base, { journal: 'other' })]);
    expect(result.added).toBe(0);
    expect(result.differing.map((d) => [d.stored.helped, d.incoming.journal])).toEqual([['yes', 'other']]);
    expect((await allCheckIns()).entries).toEqual([
      entry('a', base, { helped: 'yes', day: localDayKey(base), offset: localOffsetMinutes(base) }),
    ]);
  });

  it('writes a chosen entry over the stored one, its day summary following', async () => {
    await saveCheckIn(entry('a', base, { helped: 'yes' }));
    await putCheckIns([entry('a', base, { journal: 'from the file' })]);
    expect((await allCheckIns()).entries).toEqual([
      entry('a', base, {
        journal: 'from the file',
        day: localDayKey(base),
        offset: localOffsetMinutes(base),
      }),
    ]);
    const day = localDayKey(base);
    expect((await daySummaries(day, day))[0]).toMatchObject({ count: 1, journal: 1, helped: {} });
  });

  it('deletes everything on request', async () => {
    await saveCheckIn(entry('a', base));
    await deleteAllHistory();
    expect(await countCheckIns()).toBe(0);
    expect(await daySummaries('2000-01-01', '2100-01-01')).toEqual([]);
  });

  it('loses no entry when many are saved at the same moment', async () => {
    await Promise.all(Array.from({ length: 100 }, (_, i) => saveCheckIn(entry(`p${i}`, base + i))));
    expect(await countCheckIns()).toBe(100);
    const day = localDayKey(base);
    expect((await daySummaries(day, day))[0]?.count).toBe(100);
  });

  it('moves check-ins of Outlet 0.1 out of storage.local once, keeping unreadable ones where they are', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakeBrowser.storage.local.set({
      'checkin:a': entry('a', base),
      'checkin:bad': { nonsense: true },
    });
    await resetHistoryForTests();
    expect((await allCheckIns()).entries.map((c) => c.id)).toEqual(['a']);
    const left = await fakeBrowser.storage.local.get(null);
    expect(left['checkin:a']).toBeUndefined();
    expect(left['checkin:bad']).toEqual({ nonsense: true });
    await resetHistoryForTests();
    expect(await countCheckIns()).toBe(1);
  });
});

describeEachBackend('paging the history', (_backend) => {
  it('never skips entries that share one time across a page edge', async () => {
    const at = new Date(2026, 10, 2, 9).getTime();
    await mergeCheckIns(
      ['a', 'b', 'c', 'd'].map((id) => ({
        id,
        at,
        feeling: 'calm',
        outletId: null,
        outcome: 'skipped' as const,
      })),
    );
    await mergeCheckIns([{ id: 'e', at: at - 1, feeling: 'calm', outletId: null, outcome: 'skipped' }]);
    const first = await checkInsPage({ limit: 2 });
    const second = await checkInsPage({ limit: 2, before: first.next ?? 0 });
    expect([...first.entries, ...second.entries].map((c) => c.id).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

describeEachBackend('day summaries', (_backend) => {
  it('stay equal to a summary made afresh from the entries, through saves, changes and deletes', async () => {
    const { summarizeDay } = await import('../../core/data/days');
    const day = localDayKey(base);
    const feelings = ['numb', 'cant-tell', 'calm', '__proto__', 'sad'];
    const helped = [undefined, 'yes', 'a-bit', 'no'] as const;
    for (let i = 0; i < 40; i++) {
      await saveCheckIn(
        entry(`s${i % 12}`, base + (i % 12) * 1000, {
          feeling: feelings[i % feelings.length] as string,
          helped: helped[i % helped.length],
          outcome: i % 3 ? 'done' : 'skipped',
          ...(i % 4 ? { journal: `line ${i}` } : {}),
        }),
      );
      if (i % 7 === 0) await deleteCheckIn(`s${(i + 5) % 12}`);
    }
    const [stored] = await daySummaries(day, day);
    const fresh = summarizeDay(day, (await allCheckIns()).entries);
    expect(JSON.parse(JSON.stringify(stored))).toEqual(JSON.parse(JSON.stringify(fresh)));
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});

describeEachBackend('the check-ins of chosen days ("on this day")', (_backend) => {
  it('reads those days only, oldest first, and nothing for a day without any', async () => {
    await saveCheckIn(entry('a', base));
    await saveCheckIn(entry('b', base + 24 * HOUR));
    await saveCheckIn(entry('c', base + 48 * HOUR));
    await saveCheckIn(entry('d', base + 49 * HOUR));
    const days = [localDayKey(base + 48 * HOUR), localDayKey(base), '2001-01-01'];
    expect((await checkInsOnDays(days)).map((c) => c.id)).toEqual(['a', 'c', 'd']);
    await deleteCheckIn('c');
    expect((await checkInsOnDays(days)).map((c) => c.id)).toEqual(['a', 'd']);
    expect(await checkInsOnDays([])).toEqual([]);
  });
});
